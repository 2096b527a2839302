"""The whole pipeline: resolution, partnerships, direction, techniques, per language."""
import unicodedata

import pytest

from healthgraph.extraction import extract_text



def pairs(facts):
    return {(frozenset(p.parties), p.supporter, p.kind) for p in facts.partnerships}


@pytest.mark.parametrize("name", [
    "Bệnh viện Đa khoa tỉnh Lai Châu",
    "BVĐK tỉnh Lai Châu",
    "Benh vien Da khoa tinh Lai Chau",
    unicodedata.normalize("NFD", "Bệnh viện Đa khoa tỉnh Lai Châu"),
    "Lai Chau General Hospital",
    "Lai Chau Provincial General Hospital",
    "Allgemeinen Krankenhaus der Provinz Lai Chau",
])
def test_every_spelling_resolves_to_one_canonical_hospital(facts_of, name):
    facts, orgs = facts_of(f"Bệnh viện Bạch Mai ký kết thỏa thuận hợp tác với {name}.")
    assert "bvdk-lai-chau" in orgs
    org = orgs["bvdk-lai-chau"]
    assert (org.kind, org.tier, org.province) == ("hospital", "provincial", "lai-chau")
    assert pairs(facts) == {(frozenset({"bach-mai", "bvdk-lai-chau"}), "bach-mai", "agreement")}


def test_old_and_new_tone_marks_resolve_alike(facts_of):
    _, old = facts_of("Sở Y tế tỉnh Khánh Hoà ký kết hợp tác với Bệnh viện Chợ Rẫy.")
    _, new = facts_of("Sở Y tế tỉnh Khánh Hòa ký kết hợp tác với Bệnh viện Chợ Rẫy.")
    assert set(old) == set(new) == {"syt-khanh-hoa", "cho-ray"}


def test_bare_provincial_hospital_takes_the_province_from_context(facts_of):
    text = ("Bệnh viện Đa khoa tỉnh ký kết hợp tác với Bệnh viện Việt Đức.\n"
            "Người dân Sơn La sẽ được hưởng lợi.\nNguồn: https://baosonla.vn/y-te/123")
    facts, orgs = facts_of(text)
    assert "bvdk-son-la" in orgs and "BVĐK tỉnh" not in orgs["bvdk-son-la"].mentions
    assert "Bệnh viện Đa khoa tỉnh" in orgs["bvdk-son-la"].mentions


def test_bare_provincial_hospitals_of_two_articles_never_merge():
    a = extract_text("Bệnh viện Đa khoa tỉnh ký kết hợp tác với Bệnh viện Bạch Mai. Nguồn: baothanhhoa.vn", "a")
    b = extract_text("Bệnh viện Đa khoa tỉnh ký kết hợp tác với Bệnh viện Bạch Mai. Nguồn: baonghean.vn", "b")
    c = extract_text("Bệnh viện Đa khoa tỉnh ký kết hợp tác với Bệnh viện Bạch Mai.", "c")
    d = extract_text("Bệnh viện Đa khoa tỉnh ký kết hợp tác với Bệnh viện Bạch Mai.", "d")
    ids = [{o.id for o in f.organisations} - {"bach-mai"} for f in (a, b, c, d)]
    assert ids[0] == {"bvdk-thanh-hoa"} and ids[1] == {"bvdk-nghe-an"}
    assert ids[2] != ids[3] and not any(o.resolved for o in c.organisations if o.id != "bach-mai")


def test_a_visit_an_inspection_a_request_and_a_co_mention_are_not_partnerships(facts_of):
    for sentence in [
        "Đoàn công tác Bệnh viện Bạch Mai đến thăm và làm việc tại Bệnh viện Đa khoa tỉnh Lai Châu.",
        "Sở Y tế tỉnh Điện Biên kiểm tra công tác khám chữa bệnh tại Bệnh viện Đa khoa tỉnh Điện Biên.",
        "Sở Y tế tỉnh Sơn La đề xuất Bệnh viện Bạch Mai tăng cường hỗ trợ.",
        "Bệnh viện Bạch Mai và Bệnh viện Chợ Rẫy là hai bệnh viện lớn.",
        "A delegation of Bach Mai Hospital visited Lai Chau General Hospital.",
    ]:
        facts, _ = facts_of(sentence)
        assert facts.partnerships == [], sentence


def test_support_and_transfer_direction_is_read_from_the_sentence(facts_of):
    facts, _ = facts_of("Bệnh viện Đa khoa tỉnh Lai Châu nhận chuyển giao kỹ thuật từ Bệnh viện Bạch Mai.")
    assert pairs(facts) == {(frozenset({"bach-mai", "bvdk-lai-chau"}), "bach-mai", "transfer")}
    facts, _ = facts_of("Bệnh viện Chợ Rẫy hỗ trợ chuyên môn cho Bệnh viện Đa khoa tỉnh Long An.")
    assert pairs(facts) == {(frozenset({"cho-ray", "bvdk-long-an"}), "cho-ray", "support")}


def test_satellite_relation(facts_of):
    facts, _ = facts_of("Bệnh viện Đa khoa tỉnh Nghệ An là bệnh viện vệ tinh của Bệnh viện Bạch Mai từ năm 2009.")
    assert pairs(facts) == {(frozenset({"bach-mai", "bvdk-nghe-an"}), "bach-mai", "satellite")}


def test_equal_partners_have_no_supporter_and_keep_the_validity_period(facts_of):
    facts, _ = facts_of("Die Zusammenarbeit zwischen dem Lai Chau General Hospital und dem Dien Bien General Hospital "
                        "wurde unterzeichnet. Der Kooperationszeitraum beträgt 5 Jahre, vom 1. März 2025 bis zum "
                        "1. März 2030.")
    (p,) = facts.partnerships
    assert p.supporter is None and (p.valid_from, p.valid_to) == ("2025-03-01", "2030-03-01")
    assert facts.document.language == "de"


@pytest.mark.parametrize("text, valid_to", [
    ("Ngày 15/8/2024, Bệnh viện Đa khoa tỉnh Hà Giang và Bệnh viện Đa khoa tỉnh Tuyên Quang ký kết thỏa thuận "
     "hợp tác. Thỏa thuận có thời hạn ba năm.", "2027-08-15"),
    ("Das Lai Chau General Hospital und das Dien Bien General Hospital haben am 2. Februar 2026 einen "
     "Kooperationsvertrag unterzeichnet, der für zwei Jahre gilt.", "2028-02-02"),
    ("Son La General Hospital signed a three-year agreement with Hoa Binh General Hospital on 31 January 2025.",
     "2028-01-31"),
    ("Ngày 15/8/2024, Bệnh viện Đa khoa tỉnh Hà Giang và Bệnh viện Đa khoa tỉnh Tuyên Quang ký kết thỏa thuận "
     "hợp tác. Hai bệnh viện đã hợp tác 5 năm nay.", None),
])
def test_a_term_dates_the_end_of_an_agreement_from_its_signing(facts_of, text, valid_to):
    facts, _ = facts_of(text)
    (p,) = facts.partnerships
    assert p.valid_to == valid_to


def test_english_article(facts_of):
    facts, orgs = facts_of("Cho Ray Hospital signed a memorandum of understanding with the Long An Department of "
                           "Health on 3 May 2024.")
    (p,) = facts.partnerships
    assert set(p.parties) == {"cho-ray", "syt-long-an"} and p.supporter == "cho-ray"
    assert p.signed_on == "2024-05-03" and facts.document.language == "en"


def test_a_health_department_and_a_peoples_committee_can_be_parties(facts_of):
    facts, orgs = facts_of("UBND tỉnh Lai Châu và Bệnh viện Hữu nghị Việt Đức ký kết thỏa thuận hợp tác.")
    assert {o.kind for o in orgs.values()} == {"people_committee", "hospital"}
    (p,) = facts.partnerships
    assert p.supporter == "viet-duc"


def test_techniques_carry_source_recipient_and_english_gloss(facts_of):
    facts, _ = facts_of("Bệnh viện Nhi Trung ương chuyển giao cho Bệnh viện Đa khoa tỉnh Cao Bằng các kỹ thuật: "
                        "thở máy, đặt catheter tĩnh mạch rốn.")
    got = {(t.name, t.source, t.recipient, t.en) for t in facts.techniques}
    assert ("đặt catheter tĩnh mạch rốn", "nhi-trung-uong", "bvdk-cao-bang", "umbilical venous catheterisation") in got
    assert len(got) == 2


def test_evidence_names_document_sentence_and_language(facts_of):
    facts, _ = facts_of("Tin tức.\nBệnh viện K ký kết hợp tác với Bệnh viện Đa khoa tỉnh Hà Giang.", "doc-7")
    (p,) = facts.partnerships
    assert p.evidence.document == "doc-7" and p.evidence.language == "vi"
    assert p.evidence.sentence == "Bệnh viện K ký kết hợp tác với Bệnh viện Đa khoa tỉnh Hà Giang."


def test_names_with_quotes_and_markup_are_kept_as_text(facts_of):
    facts, orgs = facts_of('Công ty "<script>alert(1)</script>" ký kết hợp tác với Bệnh viện Bạch Mai.')
    assert all("<script>" not in o.id for o in orgs.values())


def test_one_signing_with_two_partners_gives_two_agreements(facts_of):
    facts, _ = facts_of("Bệnh viện Nhi Trung ương ký kết hợp tác chuyên môn với Bệnh viện Sản Nhi tỉnh Lào Cai và "
                        "Bệnh viện Đa khoa tỉnh Yên Bái.")
    assert pairs(facts) == {(frozenset({"nhi-trung-uong", "bv-san-nhi-lao-cai"}), "nhi-trung-uong", "agreement"),
                            (frozenset({"nhi-trung-uong", "bvdk-yen-bai"}), "nhi-trung-uong", "agreement")}


def test_a_core_hospital_taking_on_a_satellite(facts_of):
    facts, _ = facts_of("Bệnh viện Trung ương Huế đã tiếp nhận Bệnh viện Đa khoa tỉnh Quảng Trị làm bệnh viện vệ tinh.")
    assert pairs(facts) == {(frozenset({"hue-central", "bvdk-quang-tri"}), "hue-central", "satellite")}


def test_words_of_another_language_are_not_direction_markers(facts_of):
    # the folded "Đề án" reads "de an": the German "an" (to) must not mark a recipient here
    facts, orgs = facts_of("Thực hiện Đề án 1816, Bệnh viện Việt Đức cử 3 bác sĩ về hỗ trợ Bệnh viện Đa khoa tỉnh "
                           "Sơn La. Trung tâm Y tế huyện Mường Tè nhận hỗ trợ từ Bệnh viện Đa khoa tỉnh Lai Châu.")
    assert (frozenset({"viet-duc", "bvdk-son-la"}), "viet-duc", "support") in pairs(facts)
    assert "x-trung-tam-y-te-huyen-muong-te" in orgs


@pytest.mark.parametrize("name, org_id", [
    ("Bệnh viện Y học cổ truyền tỉnh An Giang", "bv-yhct-an-giang"),
    ("BV Sản - Nhi tỉnh Quảng Trị", "bv-san-nhi-quang-tri"),
    ("Quang Tri Tuberculosis and Lung Disease Hospital", "bv-lao-phoi-quang-tri"),
    ("Augenklinik der Provinz Long An", "bv-mat-long-an"),
    ("Bệnh viện Phong - Da liễu T.Ư Quy Hòa", "phong-da-lieu-quy-hoa"),
    ("Bệnh viện Ung bướu Thành phố Hồ Chí Minh", "ung-buou-hcm"),
])
def test_specialised_and_abbreviated_hospital_names(facts_of, name, org_id):
    _, orgs = facts_of(f"Sở Y tế tỉnh Sơn La ký kết hợp tác với {name}.")
    assert org_id in orgs


def test_the_validity_period_is_the_agreements_not_any_period(facts_of):
    facts, _ = facts_of("Bệnh viện Bạch Mai ký kết thỏa thuận hợp tác với Sở Y tế tỉnh Sơn La. "
                        "Sở Y tế báo cáo kết quả công tác đào tạo giai đoạn 2020 - 2025.")
    (p,) = facts.partnerships
    assert (p.valid_from, p.valid_to) == (None, None)


def test_document_numbers_and_people_are_not_organisations(facts_of):
    _, orgs = facts_of("Chương trình hợp tác giữa Sở Y tế tỉnh Đăk Nông và Sở Y tế TP. Hồ Chí Minh theo ký kết số "
                       "544/CT-SYT. Giám đốc Sở Y tế Trần Đắc Thắng phát biểu.")
    # the bare "Sở Y tế" could be either department here: it stays unresolved, and the person is no name
    assert set(orgs) == {"syt-dak-nong", "syt-ho-chi-minh", "unresolved-syt-doc"}
    assert orgs["unresolved-syt-doc"].mentions == ["Sở Y tế"]


def test_a_bare_provincial_body_takes_the_province_of_the_articles_other_provincial_bodies(facts_of):
    # "diễn biến" (course of an illness) folds to "dien bien" but is no province: only Bắc Ninh is named
    _, orgs = facts_of("UBND tỉnh, Sở Y tế dự lễ bàn giao máy thở cho Bệnh viện Đa khoa tỉnh Bắc Ninh. "
                       "Máy giúp bệnh nhân có diễn biến nặng.")
    assert {"ubnd-bac-ninh", "syt-bac-ninh", "bvdk-bac-ninh"} <= set(orgs)
    assert not any("dien-bien" in org_id for org_id in orgs)
