"""A programme told again after its handover names its funder; a doctor is "bác sĩ" or "bác sỹ";
doctors of a programme run by an organisation operate for it. General shapes, on sentences
written for these tests."""
from __future__ import annotations

import pytest

from healthgraph.extraction import extract_text

from extraction_helpers import party_sets


@pytest.mark.parametrize("text", [
    "Quỹ Ánh Dương bàn giao các kiện vật tư y tế cho Bệnh viện Đa khoa Sông Mây và Bệnh viện Nhi Đồi Thông. "
    "Chương trình do Tổ chức từ thiện Bàn Tay Xanh tài trợ, tổng giá trị gần 5 tỉ đồng.",
    "Quỹ Ánh Dương bàn giao các kiện vật tư y tế cho Bệnh viện Đa khoa Sông Mây và Bệnh viện Nhi Đồi Thông. "
    "Toàn bộ số thiết bị do Tổ chức từ thiện Bàn Tay Xanh tài trợ.",
])
def test_the_funder_of_a_programme_just_handed_over_gives_to_its_receivers(text):
    found = party_sets(text)
    for receiver in ("Bệnh viện Đa khoa Sông Mây", "Bệnh viện Nhi Đồi Thông"):
        assert (frozenset({"Quỹ Ánh Dương", receiver}), "Quỹ Ánh Dương") in found
        assert (frozenset({"Tổ chức từ thiện Bàn Tay Xanh", receiver}), "Tổ chức từ thiện Bàn Tay Xanh") in found
    assert not any("Quỹ Ánh Dương" in parties and "Tổ chức từ thiện Bàn Tay Xanh" in parties for parties, _ in found)


def test_a_sentence_about_something_else_does_not_reach_back_to_the_receivers():
    text = ("Quỹ Ánh Dương bàn giao các kiện vật tư y tế cho Bệnh viện Đa khoa Sông Mây. "
            "Năm ngoái, Tổ chức từ thiện Bàn Tay Xanh đã tài trợ cho Trung tâm Y tế huyện Cát Vàng.")
    assert party_sets(text) == {
        (frozenset({"Quỹ Ánh Dương", "Bệnh viện Đa khoa Sông Mây"}), "Quỹ Ánh Dương"),
        (frozenset({"Tổ chức từ thiện Bàn Tay Xanh", "Trung tâm Y tế huyện Cát Vàng"}), "Tổ chức từ thiện Bàn Tay Xanh")}


@pytest.mark.parametrize("doctors", ["bác sĩ", "bác sỹ"])
def test_doctors_operating_at_a_hospital_help_it_however_doctor_is_spelt(doctors):
    text = (f"Khoảng 20 {doctors} của Bệnh viện Nhi Trung ương sẽ tiến hành phẫu thuật cho 80 trẻ em tại "
            "Bệnh viện Đa khoa Sông Mây.")
    assert party_sets(text) == {(frozenset({"Bệnh viện Nhi Trung ương", "Bệnh viện Đa khoa Sông Mây"}),
                                 "Bệnh viện Nhi Trung ương")}


def test_doctors_of_a_programme_an_organisation_runs_operate_for_it():
    text = ("Khoảng 27 bác sỹ thuộc chương trình phẫu thuật nhân đạo của tổ chức Nụ Cười Xanh (Hàn Quốc) sẽ tiến hành "
            "phẫu thuật cho 80 trẻ em tại Bệnh viện Đa khoa Sông Mây.")
    assert party_sets(text) == {(frozenset({"Nụ Cười Xanh", "Bệnh viện Đa khoa Sông Mây"}), "Nụ Cười Xanh")}


def test_member_units_a_sentence_lists_give_to_those_the_sentence_before_gave_to():
    text = ("Ngày 22-7, Quỹ Ánh Dương đã tiếp nhận 8 tỷ đồng của Tập đoàn Sông Mây Việt Nam tài trợ cho dự án xây dựng "
            "Bệnh viện Ung bướu Đồi Thông. Toàn bộ số tiền do 3 đơn vị thành viên của Tập đoàn Sông Mây gồm: "
            "Tổng Công ty Khoan Sông Mây, Tổng Công ty Cảng Sông Mây, Tổng Công ty Điện Sông Mây trích từ quỹ phúc lợi "
            "để quyên tặng.")
    receiver = "Bệnh viện Ung bướu Đồi Thông"
    givers = ["Tập đoàn Sông Mây Việt Nam", "Tổng Công ty Khoan Sông Mây", "Tổng Công ty Cảng Sông Mây",
              "Tổng Công ty Điện Sông Mây"]
    # the fund that took the money in passes it on; the group is named again without its country ("Tập đoàn
    # Sông Mây"), owns its member units and gives nothing to them
    assert party_sets(text) == {(frozenset({giver, receiver}), giver) for giver in givers}


def test_a_name_ends_before_gom():
    text = "Các đơn vị thành viên của Tổng Công ty Sông Mây gồm: Công ty Điện Sông Mây và Công ty Cảng Sông Mây."
    names = {o.name for o in extract_text(text, "t").organisations}
    assert "Tổng Công ty Sông Mây" in names and not any("gồm" in name for name in names)


@pytest.mark.parametrize("text, envoy, government, beneficiary", [
    ("On 21 March, the Consulate of Norland signed a contract for the project for the provision of ambulances for "
     "Riverside District Hospital. The Government of Norland agreed to extend a grant aid of US$ 63,689 to the above "
     "project.", "Consulate of Norland", "Government of Norland", "Riverside District Hospital"),
    ("Tổng Lãnh sự quán Norland ký hợp đồng dự án cung cấp xe cứu thương cho Bệnh viện Đa khoa Sông Mây. "
     "Chính phủ Norland tài trợ 60.000 USD cho dự án này.", "Tổng Lãnh sự quán Norland", "Chính phủ Norland",
     "Bệnh viện Đa khoa Sông Mây"),
])
def test_who_funds_the_project_just_told_gives_to_its_beneficiary(text, envoy, government, beneficiary):
    assert party_sets(text) == {(frozenset({envoy, beneficiary}), envoy),
                                (frozenset({government, beneficiary}), government)}


@pytest.mark.parametrize("text", [
    "Bệnh viện Đa khoa Sông Mây là bệnh viện trực thuộc Bộ Y tế, luôn chú trọng hợp tác quốc tế.",
    "Bệnh viện Nhi Đồi Thông có chức năng tham mưu giúp Sở Y tế Hà Tĩnh xây dựng chiến lược phát triển chuyên ngành "
    "sản nhi.",
])
def test_a_body_and_the_one_it_belongs_to_or_serves_are_no_partners(text):
    assert party_sets(text) == set()


def test_a_gift_at_a_hospital_still_goes_to_it():
    text = "The Harbor Family Foundation, a Milwaukee-based charity, is funding a new oxygen plant at Lakeside Hospital."
    assert party_sets(text) == {(frozenset({"Harbor Family Foundation", "Lakeside Hospital"}), "Harbor Family Foundation")}


def test_with_the_help_of_another_the_helper_gives_even_in_a_sentence_dating_a_takeover():
    text = ("Sáng 23.4, Bệnh viện 175 với sự trợ giúp của Bệnh viện Nhi Đồi Thông đã thành công trong ca mổ tim hở đầu "
            "tiên sau 32 năm kể từ ngày tiếp quản bệnh viện.")
    assert party_sets(text) == {(frozenset({"Bệnh viện Quân y 175", "Bệnh viện Nhi Đồi Thông"}),
                                 "Bệnh viện Nhi Đồi Thông")}


def test_a_veterans_hospital_keeps_its_whole_name():
    text = "Bệnh viện Nhi Đồi Thông ký kết hợp tác với Bệnh viện Đa khoa Cựu chiến binh Đài Bắc."
    assert {p for p, _ in party_sets(text)} == {frozenset({"Bệnh viện Nhi Đồi Thông",
                                                           "Bệnh viện Đa khoa Cựu chiến binh Đài Bắc"})}


@pytest.mark.parametrize("text, branch", [
    ("Chi nhánh Vietcombank Tân Định đã trao tặng máy thở cho Bệnh viện Nhi Đồi Thông.", "Chi nhánh Vietcombank Tân Định"),
    ("Ngân hàng Sông Mây Chi nhánh Hà Giang đã trao tặng máy thở cho Bệnh viện Nhi Đồi Thông.",
     "Ngân hàng Sông Mây Chi nhánh Hà Giang"),
])
def test_a_banks_branch_gives_as_itself(text, branch):
    assert party_sets(text) == {(frozenset({branch, "Bệnh viện Nhi Đồi Thông"}), branch)}


def test_who_authorised_a_gift_is_no_party_to_it():
    text = ("Được sự ủy quyền của Ban lãnh đạo Ngân hàng Sông Mây, Chi nhánh Ngân hàng Sông Mây Tân Định đã trao tặng "
            "máy thở cho Bệnh viện Nhi Đồi Thông.")
    assert {s for _, s in party_sets(text)} == {"Chi nhánh Ngân hàng Sông Mây Tân Định"}


def test_a_head_s_marks_tell_it_from_a_word_folded_the_same():
    from healthgraph.extraction.names import find_names
    # "chữa" (heal) in a headline in capitals is no "chùa" (a pagoda, a donor's head)
    assert [n.surface for n in find_names("DỰ ÁN “SÓNG AN LÀNH” CHỮA BỆNH CHO TRẺ EM TẠI BỆNH VIỆN NHI ĐỒNG 9")] == [
        "BỆNH VIỆN NHI ĐỒNG 9"]
    assert [n.surface for n in find_names("Chùa Tường Vân trao tặng xe cho Bệnh viện Nhi Đồng 9.")] == [
        "Chùa Tường Vân", "Bệnh viện Nhi Đồng 9"]


def test_a_technique_the_two_sides_will_develop_together_is_theirs():
    facts = extract_text("Công ty Thiết bị Y tế Minh An ký biên bản ghi nhớ với Bệnh viện Trung ương Huế. Theo đó, hai "
                         "bên sẽ tiếp tục hợp tác trong lĩnh vực tim mạch, đồng thời phát triển kỹ thuật phẫu thuật "
                         "cột sống ít xâm lấn.")
    assert [t.name for t in facts.techniques] == ["phẫu thuật cột sống ít xâm lấn"]
    # named, but developed by no one: no technique passed on
    facts = extract_text("Công ty Thiết bị Y tế Minh An ký biên bản ghi nhớ với Bệnh viện Trung ương Huế. Các kỹ thuật "
                         "như phẫu thuật cột sống ít xâm lấn còn hạn chế ở miền Trung.")
    assert facts.techniques == []
