"""Founding a joint body together (a network, an alliance, a joint venture) is a cooperation of
the founders; the body they found is no party beside them, and a founding date alone relates no
one. General shapes, on sentences written for these tests."""
from __future__ import annotations

import pytest

from extraction_helpers import party_sets


def pairs(text: str) -> set[frozenset[str]]:
    return {parties for parties, _ in party_sets(text)}


@pytest.mark.parametrize("text, founders", [
    ("Das Klinikum Seehausen, die Lindenklinik Talheim und das Kreiskrankenhaus Moorfeld haben ein gemeinsames "
     "Schlaganfallnetzwerk gegründet.", ("Klinikum Seehausen", "Lindenklinik Talheim", "Kreiskrankenhaus Moorfeld")),
    ("Das Klinikum Seehausen, die Lindenklinik Talheim und das Kreiskrankenhaus Moorfeld haben mit anderen "
     "Krankenhäusern ein „Netzwerk Herz Nordwest“ gegründet.",
     ("Klinikum Seehausen", "Lindenklinik Talheim", "Kreiskrankenhaus Moorfeld")),
    ("Riverside General Hospital, Lakeview Medical Center and Hillcrest Children's Hospital founded the Northern "
     "Stroke Network in 2021.", ("Riverside General Hospital", "Lakeview Medical Center",
                                  "Hillcrest Children's Hospital")),
    ("Bệnh viện Đa khoa Sông Mây, Bệnh viện Nhi Đồi Thông và Trung tâm Y tế huyện Cát Vàng đã thành lập mạng lưới "
     "cấp cứu đột quỵ liên viện.", ("Bệnh viện Đa khoa Sông Mây", "Bệnh viện Nhi Đồi Thông",
                                      "Trung tâm Y tế huyện Cát Vàng")),
])
def test_those_who_found_a_network_together_are_partners_each_with_each(text, founders):
    assert pairs(text) == {frozenset({a, b}) for a in founders for b in founders if a < b}


def test_the_network_they_found_is_no_party_beside_its_founders():
    text = ("Riverside General Hospital and Lakeview Medical Center launched the Northern Stroke Network "
            "in March.")
    assert pairs(text) == {frozenset({"Riverside General Hospital", "Lakeview Medical Center"})}


@pytest.mark.parametrize("text", [
    "Das Klinikum Seehausen wurde 1904 gegründet. Heute arbeitet es im Verbund mit zwölf Häusern.",
    "Riverside General Hospital, founded in 1911, treats 40,000 patients a year at Lakeview Medical Center's "
    "former site.",
])
def test_a_founding_without_a_joint_body_relates_no_one(text):
    assert pairs(text) == set()


def test_what_two_set_up_together_makes_them_partners_and_is_no_party():
    text = ("Das St. Marienspital stellt mit dem Gesundheitszentrum Talheim ein gemeinsames Bauch- und Tumorzentrum "
            "auf die Beine.")
    assert pairs(text) == {frozenset({"St. Marienspital", "Gesundheitszentrum Talheim"})}


def test_hospitals_that_have_worked_together_are_partners():
    text = "Auf informeller Ebene haben die Spitäler Seehausen, Talheim und Moorfeld seit einiger Zeit zusammengearbeitet."
    names = ("Spital Seehausen", "Spital Talheim", "Spital Moorfeld")
    assert pairs(text) == {frozenset({a, b}) for a in names for b in names if a < b}


@pytest.mark.parametrize("text", [
    "Die Spitäler der Region Talheim und das Klinikum Seehausen schliessen sich auf Anfang 2016 zur Seehausen Gruppe AG "
    "zusammen.",
    "Riverside General Hospital and Lakeview Medical Center have signed a memorandum of understanding to form a new "
    "regional health system.",
])
def test_merging_into_one_body_is_no_partnership(text):
    assert pairs(text) == set()
