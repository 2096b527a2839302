"""A programme told again after its handover names its funder; a doctor is "bác sĩ" or "bác sỹ";
doctors of a programme run by an organisation operate for it. General shapes, on sentences
written for these tests."""
from __future__ import annotations

import pytest

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
