"""Who acts for whom, and what is no partnership yet: an envoy for the article's mission, one
state's government and embassy, a team's home named after "from", a hospital handed to another's
management, cooperation only talked about. Sentences written for these tests."""
from __future__ import annotations

import pytest

from healthgraph.extraction import extract_text

from extraction_helpers import party_sets


def test_an_ambassador_acts_for_the_embassy_the_article_names():
    text = ("Lễ ký hợp đồng viện trợ diễn ra tại Đại sứ quán Hàn Quốc. Đại sứ quán Hàn Quốc tài trợ cho nhiều dự án. "
            "Tại lễ ký kết, Đại sứ Park Min đã ký hợp đồng viện trợ với Bệnh viện Đa khoa tỉnh Lai Châu.")
    assert (frozenset({"Đại sứ quán Hàn Quốc", "Bệnh viện Đa khoa tỉnh Lai Châu"}), "Đại sứ quán Hàn Quốc") \
        in party_sets(text)


def test_a_government_and_its_own_embassy_are_no_partners():
    text = ("Ngày 12/11, tại Đại sứ quán Hàn Quốc đã diễn ra lễ ký hợp đồng viện trợ không hoàn lại của Chính phủ "
            "Hàn Quốc cho năm dự án tại Việt Nam.")
    pairs = {parties for parties, _ in party_sets(text)}
    assert frozenset({"Đại sứ quán Hàn Quốc", "Chính phủ Hàn Quốc"}) not in pairs


def test_help_from_a_team_at_a_hospital_comes_from_that_hospital():
    text = ("Doctors at Lai Chau General Hospital successfully performed a kidney transplantation with technical "
            "assistance from a visiting transplant team at Bach Mai Hospital.")
    facts = extract_text(text, "t")
    assert party_sets(text) == {(frozenset({"Bệnh viện Đa khoa tỉnh Lai Châu", "Bệnh viện Bạch Mai"}),
                                 "Bệnh viện Bạch Mai")}
    assert [t.name for t in facts.techniques] == ["kidney transplantation"]


@pytest.mark.parametrize("text", [
    "Ngày 5/3, Bộ Y tế và UBND tỉnh Lai Châu đã ký biên bản chuyển giao, chính thức bàn giao trách nhiệm quản lý "
    "Bệnh viện Đa khoa tỉnh Lai Châu cho địa phương.",
    "Tại buổi làm việc, Bệnh viện Bạch Mai và Bệnh viện Đa khoa tỉnh Lai Châu đã trao đổi một số nội dung hợp tác "
    "trọng tâm.",
    "Bệnh viện Bạch Mai và Bệnh viện Đa khoa tỉnh Lai Châu thảo luận về hợp tác trong đào tạo.",
])
def test_a_management_handover_or_cooperation_talked_about_is_no_partnership(text):
    assert party_sets(text) == set()


def test_a_plural_its_own_list_names_stands_for_no_one_before():
    text = ("Đại sứ quán Hàn Quốc và Chính phủ Hàn Quốc tài trợ nhiều dự án. Đại sứ Park Min đã ký với đại "
            "diện các đơn vị nhận viện trợ gồm Bệnh viện Đa khoa tỉnh Lai Châu và Trung tâm Y tế huyện Tam Đường.")
    assert party_sets(text) == {
        (frozenset({"Đại sứ quán Hàn Quốc", "Bệnh viện Đa khoa tỉnh Lai Châu"}), "Đại sứ quán Hàn Quốc"),
        (frozenset({"Đại sứ quán Hàn Quốc", "Trung tâm Y tế huyện Tam Đường"}), "Đại sứ quán Hàn Quốc")}


def test_an_acronym_in_brackets_closes_the_name_before_and():
    text = ("UNIVERSITY of Westfield (UOW) and Lakeside modern Hospital have signed a Memorandum of Understanding.")
    names = {o.name for o in extract_text(text, "t").organisations}
    assert "UNIVERSITY of Westfield" in names


def test_receivers_a_gift_counted_may_each_have_a_sentence_of_their_own():
    text = ("The Harbour Development Fund has granted a loan of US$20 million to two projects of upgrading hospitals "
            "in the north.\nLakeside Hospital will benefit from the investment with 90 new beds.\n"
            "Meanwhile, the Hanoi-based Riverside Hospital will receive another 200 beds and training.")
    assert party_sets(text) == {
        (frozenset({"Harbour Development Fund", "Lakeside Hospital"}), "Harbour Development Fund"),
        (frozenset({"Harbour Development Fund", "Riverside Hospital"}), "Harbour Development Fund")}


def test_capitalised_words_after_a_say_what_kind_of_body_and_name_none():
    text = ("The Westfield Trust, a Charitable Organization based in Leeds, donated ventilators to Lakeside "
            "Hospital.")
    names = {o.name for o in extract_text(text, "t").organisations}
    assert "Charitable Organization" not in names and "Lakeside Hospital" in names


@pytest.mark.parametrize("text", [
    "Thứ trưởng Bộ Y tế và Phó Chủ tịch UBND tỉnh Lai Châu ký biên bản bàn giao Bệnh viện Đa khoa tỉnh Lai Châu.",
    "Ông Nam hy vọng trong tương lai Bệnh viện Bạch Mai và Bệnh viện Đa khoa tỉnh Lai Châu sẽ có thể hợp tác.",
])
def test_a_hospital_handed_over_or_a_cooperation_hoped_for_is_no_partnership(text):
    assert party_sets(text) == set()


def test_a_gift_handed_over_to_a_hospital_stays_a_gift():
    text = "Bệnh viện Bạch Mai đã bàn giao 2 máy thở cho Bệnh viện Đa khoa tỉnh Lai Châu."
    assert party_sets(text) == {(frozenset({"Bệnh viện Bạch Mai", "Bệnh viện Đa khoa tỉnh Lai Châu"}),
                                 "Bệnh viện Bạch Mai")}


def test_a_companys_branch_in_a_place_is_the_giver():
    text = "Agribank Chi nhánh tỉnh Lai Châu đã trao tặng xe cứu thương cho Bệnh viện Đa khoa tỉnh Lai Châu."
    assert party_sets(text) == {(frozenset({"Agribank Chi nhánh tỉnh Lai Châu", "Bệnh viện Đa khoa tỉnh Lai Châu"}),
                                 "Agribank Chi nhánh tỉnh Lai Châu")}


@pytest.mark.parametrize("text, helper, helped", [
    ("Giám đốc Sở Y tế tỉnh Bôlykhămxay bày tỏ lòng cảm ơn Sở Y tế Hà Tĩnh đã quan tâm, giúp đỡ tỉnh.",
     "Sở Y tế Hà Tĩnh", "Sở Y tế tỉnh Bôlykhămxay"),
    ("Lai Chau General Hospital thanked Bach Mai Hospital for its support in training doctors.",
     "Bệnh viện Bạch Mai", "Bệnh viện Đa khoa tỉnh Lai Châu"),
    ("Das Spital Oberau dankte dem Klinikum Westfeld für die Unterstützung.", "Klinikum Westfeld", "Spital Oberau"),
])
def test_the_one_thanked_for_help_gave_it(text, helper, helped):
    assert party_sets(text) == {(frozenset({helper, helped}), helper)}


def test_thanks_for_coming_is_no_help():
    assert party_sets("Bệnh viện Đa khoa tỉnh Lai Châu cảm ơn Bệnh viện Bạch Mai đã đến dự hội nghị.") == set()


def test_an_acronym_in_brackets_inside_a_list_keeps_the_list_whole():
    text = ("Thỏa thuận hợp tác được ký kết giữa Công ty Cổ phần Dược phẩm Tân Phú (TPP), Bệnh viện Bạch Mai và "
            "Quỹ Đầu tư Trực tiếp Hàn Quốc (KDIF).")
    assert {parties for parties, _ in party_sets(text)} == {
        frozenset({"Công ty Cổ phần Dược phẩm Tân Phú", "Bệnh viện Bạch Mai"}),
        frozenset({"Công ty Cổ phần Dược phẩm Tân Phú", "Quỹ Đầu tư Trực tiếp Hàn Quốc"}),
        frozenset({"Bệnh viện Bạch Mai", "Quỹ Đầu tư Trực tiếp Hàn Quốc"})}


@pytest.mark.parametrize("text", [
    "Bệnh viện Bạch Mai cho biết đã tiếp nhận một bệnh nhân từ Bệnh viện Đa khoa tỉnh Lai Châu chuyển đến điều trị.",
    "Bộ Y tế và UBND tỉnh Lai Châu phối hợp thực hiện việc chuyển giao tiếp nhận Bệnh viện Đa khoa tỉnh Lai Châu.",
    "Lakeside Hospital and Riverside Hospital have received accreditation from the Joint Accreditation Council.",
])
def test_a_patient_brought_a_hospital_taken_over_or_an_accreditation_is_no_partnership(text):
    assert party_sets(text) == set()


def test_bodies_named_as_examples_joined_by_or_are_no_partners():
    text = ("These affiliation networks consist of a sponsor hospital such as the Lakeside Clinic, Riverside Clinic "
            "or Hilltop Cancer Center and a group of affiliated hospitals.")
    assert party_sets(text) == set()


def test_two_partners_listed_by_a_comma_after_phoi_hop_voi_are_both_partners():
    text = ("Bệnh viện Đa khoa tỉnh Lai Châu phối hợp với Công ty Dược Tân Phú, Bệnh viện Nhi Harbour Seoul tổ chức "
            "chương trình khám bệnh miễn phí.")
    assert {parties for parties, _ in party_sets(text)} == {
        frozenset({"Bệnh viện Đa khoa tỉnh Lai Châu", "Công ty Dược Tân Phú"}),
        frozenset({"Bệnh viện Đa khoa tỉnh Lai Châu", "Bệnh viện Nhi Harbour Seoul"})}
