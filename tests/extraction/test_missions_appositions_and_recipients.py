"""Shapes met in real articles of every language: a mission named by where it sits, a body
named by the apposition after it, a person between two names, every name a recipient, what
the parties make in quotes. General shapes, on sentences written for these tests."""
from __future__ import annotations

import pytest

from healthgraph.extraction import extract_text

from extraction_helpers import party_sets


def names(text: str) -> set[str]:
    return {o.name for o in extract_text(text, "t").organisations}


def pairs(text: str) -> set[frozenset[str]]:
    return {parties for parties, _ in party_sets(text)}


@pytest.mark.parametrize("text, mission", [
    ("Đại sứ quán Nhật Bản tại Vương quốc Thái Lan phối hợp với Bệnh viện Đa khoa Sông Mây tổ chức khám bệnh.",
     "Đại sứ quán Nhật Bản tại Vương quốc Thái Lan"),
    ("Tổng Lãnh sự quán Canada tại TP. Hồ Chí Minh trao tặng máy thở cho Bệnh viện Đa khoa Sông Mây.",
     "Tổng Lãnh sự quán Canada tại TP. Hồ Chí Minh"),
])
def test_a_mission_is_named_with_the_place_it_sits_in(text, mission):
    assert pairs(text) == {frozenset({mission, "Bệnh viện Đa khoa Sông Mây"})}


def test_a_centre_named_in_words_of_two_syllables_keeps_its_whole_name():
    text = "Bệnh viện Đa khoa Sông Mây phối hợp với Trung tâm Điều phối Ghép tạng Quốc gia thực hiện ca ghép thận."
    assert pairs(text) == {frozenset({"Bệnh viện Đa khoa Sông Mây", "Trung tâm Điều phối Ghép tạng Quốc gia"})}


def test_names_that_are_all_given_to_have_no_giver_among_them():
    text = ("Cụ thể, 300 máy đo được trao tặng cho Bệnh viện Đa khoa Sông Mây, 200 máy đo được trao tặng cho "
            "Bệnh viện Nhi Đồi Thông và 100 máy đo được trao tặng cho Trung tâm Y tế huyện Cát Vàng.")
    assert pairs(text) == set()


def test_the_giver_of_a_list_of_recipients_still_gives_to_each():
    text = "Công ty CP Dược Sông Mây trao tặng máy đo cho Bệnh viện Nhi Đồi Thông và cho Trung tâm Y tế huyện Cát Vàng."
    assert party_sets(text) == {
        (frozenset({"Công ty CP Dược Sông Mây", "Bệnh viện Nhi Đồi Thông"}), "Công ty CP Dược Sông Mây"),
        (frozenset({"Công ty CP Dược Sông Mây", "Trung tâm Y tế huyện Cát Vàng"}), "Công ty CP Dược Sông Mây")}


@pytest.mark.parametrize("text, body", [
    ("The ventilators were arranged with support from Open Lungs Alliance, a social organization, for the "
     "Riverside District Hospital.", "Open Lungs Alliance"),
    ("Meanwhile, Brightwater Supplies, a UK-based company, donated ventilators to the Riverside District Hospital.",
     "Brightwater Supplies"),
])
def test_a_body_named_by_the_apposition_after_it_is_a_party(text, body):
    assert party_sets(text) == {(frozenset({body, "Riverside District Hospital"}), body)}


def test_a_sentence_opening_word_before_an_apposition_names_no_body():
    assert names("Yesterday, a local charity handed over beds to the Riverside District Hospital.") == \
        {"Riverside District Hospital"}


def test_a_person_named_with_a_role_before_a_giving_verb_is_no_party():
    text = "Province assembly member Tamang handed over the oxygen cylinders to the Riverside District Hospital."
    assert names(text) == {"Riverside District Hospital"}


def test_a_person_from_an_organisation_ends_the_name_before_them():
    text = ("Dr. Paul Early from the City Hospital of Lindenau and Maria Stone from the City Childrens' Hospital of "
            "Oberau signed a memorandum between their respective hospitals.")
    assert names(text) == {"City Hospital of Lindenau", "City Childrens' Hospital of Oberau"}
    assert pairs(text) == {frozenset(names(text))}


def test_going_the_same_way_is_a_partnership_and_what_the_partners_make_in_quotes_is_none():
    text = ("Das Klinikum Nordstadt und die Uniklinik Westfeld gehen künftig gemeinsame Wege – mit einem "
            "„Neurovaskulären Netzwerk“ für Schlaganfälle.")
    assert pairs(text) == {frozenset({"Klinikum Nordstadt", "Uniklinik Westfeld"})}


def test_a_technique_name_ends_before_when_it_was_done():
    text = "Bệnh viện Trung ương Sông Mây chuyển giao kỹ thuật ghép phổi trong một ngày cho Bệnh viện Đa khoa Cát Vàng."
    assert [t.name for t in extract_text(text, "t").techniques] == ["ghép phổi"]
