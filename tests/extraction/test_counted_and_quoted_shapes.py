"""Receivers counted before they are named, names in quotes or with a description, patient
transfers and venues: general shapes, on sentences written for these tests."""
from __future__ import annotations

import pytest

from healthgraph.extraction import extract_text
from healthgraph.extraction.mentions import default_lexicon, find_mentions
from healthgraph.extraction.tokens import TokenText

from extraction_helpers import sorted_pairs as pairs


def mentioned(text: str) -> list[str]:
    return [m.surface for m in find_mentions(TokenText.of(text), default_lexicon())]


def test_receivers_counted_in_one_sentence_are_those_the_next_names():
    text = ("Tổ chức Sức khỏe Toàn cầu ABC tài trợ máy thở cho hai bệnh viện tuyến huyện ở Hà Tĩnh. "
            "Dự án do Sở Y tế tỉnh Hà Tĩnh quản lý. "
            "Trong đó, 3 máy được lắp tại Bệnh viện Đa khoa huyện Kỳ Anh và 2 máy tại Bệnh viện Đa khoa huyện Hương Khê.")
    found = pairs(text)
    giver = "Tổ chức Sức khỏe Toàn cầu ABC"
    assert {(a, b) for a, b, s in found if s == giver} == {
        tuple(sorted((giver, "Bệnh viện Đa khoa huyện Kỳ Anh"))),
        tuple(sorted((giver, "Bệnh viện Đa khoa huyện Hương Khê")))}
    assert not any("Sở Y tế" in a + b for a, b, _ in found)  # the manager is counted among no one


def test_a_count_that_the_next_sentence_does_not_match_binds_no_one():
    text = ("Tổ chức Sức khỏe Toàn cầu ABC tài trợ máy thở cho hai bệnh viện tuyến huyện ở Hà Tĩnh. "
            "Máy được lắp tại Bệnh viện Đa khoa huyện Kỳ Anh, Bệnh viện Đa khoa huyện Hương Khê và "
            "Bệnh viện Đa khoa huyện Can Lộc.")
    assert pairs(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("Chương trình do Tổ chức từ thiện HopeBridge (Mỹ) tài trợ.", "Tổ chức từ thiện HopeBridge"),
    ("Quỹ từ thiện Minh Tâm trao tặng máy thở cho Bệnh viện Đa khoa tỉnh Cà Mau.", "Quỹ từ thiện Minh Tâm"),
    ("Hội nhân đạo Ánh Dương tặng quà bệnh nhân.", "Hội nhân đạo Ánh Dương"),
])
def test_a_description_after_a_vietnamese_head_opens_the_name(text, expected):
    assert expected in mentioned(text)


def test_bodies_said_to_be_private_name_no_one():
    assert mentioned("Các bệnh viện tư đã tham gia.") == []


def test_a_brand_word_of_a_name_alone_later_is_that_body():
    text = ("Tổ chức từ thiện HopeBridge (Mỹ) tài trợ vật tư. "
            "Quỹ Nhân ái Bình An tiếp nhận các kiện hàng từ HopeBridge và trao cho Bệnh viện Đa khoa tỉnh Bến Tre.")
    facts = extract_text(text)
    hope = next(o for o in facts.organisations if o.name.startswith("Tổ chức từ thiện HopeBridge"))
    assert "HopeBridge" in hope.mentions


def test_a_verb_after_a_proper_name_begins_the_clause():
    assert mentioned("Tổ chức ABC hỗ trợ Bệnh viện Chợ Rẫy phòng chống COVID-19.")[-1] == "Bệnh viện Chợ Rẫy"


@pytest.mark.parametrize("text", [
    "Zentrumsversorger und Grundversorgungsspital arbeiten künftig zusammen.",
    "Das Akutspital und der Maximalversorger kooperieren.",
])
def test_german_levels_of_care_are_common_nouns(text):
    assert mentioned(text) == []


def test_a_comma_list_ends_on_and_even_when_its_last_item_is_no_name_read():
    text = ("The Hanh Phuc General Hospital received two ultrasound machines. "
            "The donors are Lotus Medical Company, Saigon Pearl University and a local nonprofit group.")
    givers = {s for _, _, s in pairs(text)}
    assert givers == {"Lotus Medical Company", "Saigon Pearl University"}


def test_hospitals_shown_as_venues_are_no_signing_parties():
    text = ("After signing the agreement, the visitors were shown services at the Harbor, Lakeside and "
            "Northfield hospitals, and a care hub in the town.")
    assert pairs(text) == set()


def test_a_count_before_a_university_is_no_part_of_its_name():
    assert "300 Riverside University" not in mentioned("Staff gain access to 300 Riverside University researchers.")
    assert "108 Central Military Hospital" in mentioned("He works at the 108 Central Military Hospital.")


@pytest.mark.parametrize("text", [
    "The Lakeside Hospital asked to transfer 200 patients and their relatives to Harbor General Hospital.",
    "All patients at the Lakeside Hospital have been transferred to Harbor General Hospital for treatment.",
])
def test_english_patient_transfers_are_no_partnership(text):
    assert pairs(text) == set()


def test_a_technique_transfer_that_treats_patients_stays_one():
    text = "Harbor General Hospital transferred the techniques to Lakeside Hospital to treat patients."
    assert pairs(text) == {("Harbor General Hospital", "Lakeside Hospital", "Harbor General Hospital")}


def test_a_name_in_quotes_after_a_head_keeps_its_full_stops_and_is_an_alias():
    text = ("Die Partnerschaft zwischen dem Klinikum Oberstadt und dem Krankenhaus „Hôpital Régional H.R. Kara“ "
            "in Togo wächst.")
    facts = extract_text(text)
    togo = next(o for o in facts.organisations if "Kara" in o.name)
    assert togo.name.endswith("Kara“") and "Hôpital Régional H.R. Kara" in togo.mentions
    assert len(facts.partnerships) == 1


def test_an_initiative_in_quotes_is_a_programme_not_a_body():
    assert mentioned("Das Ministerium hat die Initiative „Partner stärken Gesundheit“ gestartet.") == []


@pytest.mark.parametrize("funding", [
    "Seit 2019 fördert das Entwicklungsministerium die Klinikpartnerschaft.",
    "Das Entwicklungsministerium finanziert die Partnerschaft seit 2019.",
])
def test_the_one_body_that_funds_the_partnership_supports_both_partners(funding):
    text = f"Das Klinikum Oberstadt und das Kantonsspital Seeland haben einen Kooperationsvertrag unterzeichnet. {funding}"
    supported = {(a, b) for a, b, s in pairs(text) if s == "Entwicklungsministerium"}
    assert supported == {("Entwicklungsministerium", "Klinikum Oberstadt"),
                         ("Entwicklungsministerium", "Kantonsspital Seeland")}


def test_a_ministry_deploying_its_plan_is_no_partner_of_what_it_names():
    text = ("Từ thành công tại Bệnh viện Đa khoa tỉnh Phú Thọ, Bộ Y tế đã triển khai đề án khám bệnh từ xa "
            "với mục tiêu mở rộng mạng lưới kết nối y tế.")
    assert pairs(text) == set()


@pytest.mark.parametrize("opening, expected", [
    ("với mục tiêu giảm tải cho", set()),            # a goal, no partner
    ("với", {("Bệnh viện Bạch Mai", "Bệnh viện Đa khoa tỉnh Phú Thọ"), ("Bệnh viện Hữu nghị Việt Đức", "Bệnh viện Đa khoa tỉnh Phú Thọ")}),
])
def test_with_a_goal_names_no_partner(opening, expected):
    text = f"Bệnh viện Đa khoa tỉnh Phú Thọ đẩy mạnh hợp tác quốc tế {opening} Bệnh viện Bạch Mai và Bệnh viện Việt Đức."
    assert {(a, b) for a, b, _ in pairs(text)} == expected


def test_a_case_conference_run_by_one_hospital_for_several_supports_each():
    text = ("Tại điểm cầu chính, các chuyên gia về tim mạch, hô hấp, nội tiết của Bệnh viện Trung ương Huế đã tham gia "
            "thảo luận ca bệnh với tuyến dưới tại Bệnh viện Đa khoa tỉnh Quảng Trị, Bệnh viện Đa khoa tỉnh Quảng Ngãi "
            "và Bệnh viện Đa khoa tỉnh Hà Tĩnh.")
    givers = {(a if b == s else b) for a, b, s in pairs(text) if s == "Bệnh viện Trung ương Huế"}
    assert givers == {"Bệnh viện Đa khoa tỉnh Quảng Trị", "Bệnh viện Đa khoa tỉnh Quảng Ngãi",
                      "Bệnh viện Đa khoa tỉnh Hà Tĩnh"}


def test_a_head_abbreviation_in_brackets_is_no_alias():
    text = "Sáng 3/4, Bệnh viện (BV) Mắt Hòa Bình tiếp nhận 6 BV vệ tinh."
    found = mentioned(text)
    assert len(found) == 1 and found[0].endswith("Mắt Hòa Bình")  # "6 BV vệ tinh" names no one


def test_satellites_named_along_with_one_are_the_cores_too():
    text = ("Bệnh viện Đa khoa tỉnh Phú Yên là 1 trong 4 BV vệ tinh của Bệnh viện Chợ Rẫy, cùng với BV đa khoa "
            "các tỉnh: Bình Định, Kon Tum, Gia Lai.")
    facts = extract_text(text)
    satellites = {p.parties[0] if p.parties[1] == "cho-ray" else p.parties[1]
                  for p in facts.partnerships if p.kind == "satellite" and p.supporter == "cho-ray"}
    assert satellites == {"bvdk-phu-yen", "bvdk-binh-dinh", "bvdk-kon-tum", "bvdk-gia-lai"}


def test_a_transfer_between_two_goes_from_the_upper_level():
    text = ("Ngày 5/6, Bệnh viện Đa khoa tỉnh Kon Tum triển khai đề án và chuyển giao kỹ thuật “đặt stent động mạch "
            "vành” giữa Bệnh viện Đa khoa tỉnh Kon Tum với Bệnh viện Chợ Rẫy.")
    facts = extract_text(text)
    assert {(p.kind, p.supporter) for p in facts.partnerships} == {("transfer", "cho-ray")}
    assert [t.name for t in facts.techniques] == ["đặt stent động mạch vành"]


def test_the_body_an_envoy_speaks_for_gives():
    text = ("Thay mặt Chính phủ Nhật Bản, ông Suzuki Taro, Thứ trưởng Bộ Y tế, Lao động và Phúc lợi, trao tượng "
            "trưng số thiết bị cho Bệnh viện Đa khoa tỉnh Lào Cai.")
    assert {(p.supporter, p.kind) for p in extract_text(text).partnerships} == {("gov-japan", "support")}


def test_sentences_pasted_without_a_space_are_two():
    from healthgraph.extraction.segment import split_sentences
    assert [s.text for s in split_sentences("tổng trị giá 20.000 USD.Đại sứ cho biết hai nước Việt Nam.Tại lễ, "
                                            "TP.Huế ký.")] == ["tổng trị giá 20.000 USD.", "Đại sứ cho biết hai nước Việt Nam.",
                                                               "Tại lễ, TP.Huế ký."]


def test_the_members_a_network_consists_of_are_no_pairs():
    text = ("Der Verbund setzt sich im Kern aus dem Klinikum Oberstadt, dem Klinikum Seeland sowie dem "
            "Kantonsspital Talheim zusammen.")
    assert pairs(text) == set()


def test_a_german_closing_quote_ends_its_sentence():
    from healthgraph.extraction.segment import split_sentences
    text = "Sie sagte: „Das spricht für das Klinikum.“ Mit ihr lernten zehn Ärzte. Er sagte „Hallo“ zu ihr."
    assert len(split_sentences(text)) == 3


def test_the_two_institutions_of_a_stated_pair_are_not_two_departments_named_in_passing():
    text = ("Since 2018, Lakeside Children's Hospital and Harbor University have maintained a partnership through an MoU. "
            "Visitors will see departments such as the Stem Cell Center and the Tropical Diseases Center. "
            "The dean praised the longstanding cooperation between the two institutions.")
    assert {(a, b) for a, b, _ in pairs(text)} == {("Harbor University", "Lakeside Children's Hospital")}


@pytest.mark.parametrize("text", [
    "Lakeside province, RoK’s Wonkwang University Hospital cooperate in health care.",
    "A delegation from the Wonkwang University Hospital of the Republic of Korea (RoK) arrived.",
])
def test_a_country_a_name_belongs_to_is_no_part_of_it(text):
    assert "Wonkwang University Hospital" in mentioned(text)


def test_a_body_named_by_its_country_keeps_it():
    assert "Embassy of Japan" in mentioned("The Embassy of Japan donated two ambulances.")


def test_the_owner_of_a_strategy_a_gift_fits_is_no_receiver():
    text = ("Đây là dự án do Cơ quan Hợp tác Quốc tế Nhật Bản tài trợ cho Bệnh viện Đa khoa tỉnh Lào Cai, phù hợp "
            "với chủ trương, chiến lược của Bộ Y tế.")
    assert {(a, b) for a, b, _ in pairs(text)} == {("Bệnh viện Đa khoa tỉnh Lào Cai", "Cơ quan Hợp tác Quốc tế Nhật Bản")}


def test_accordingly_is_no_reporter():
    text = ("Theo đó, Quỹ Ánh Sáng (QAS), Công ty Minh Phát (CMP) và Tổ chức Cầu Nối (TCN) đã trao tặng xe cứu "
            "thương cho Bệnh viện Đa khoa tỉnh Hà Giang.")
    givers = {s for _, _, s in pairs(text)}
    assert givers == {"Quỹ Ánh Sáng", "Công ty Minh Phát", "Tổ chức Cầu Nối"}


def test_an_acronym_listed_alone_is_the_name_it_abbreviates():
    text = ("Quỹ Ánh Sáng (QAS) và Tổ chức Cầu Nối (TCN) dự lễ. "
            "Sau đó, CMP, QAS và TCN đã trao tặng xe cứu thương cho Bệnh viện Đa khoa tỉnh Hà Giang.")
    facts = extract_text(text)
    names = {o.name for o in facts.organisations}
    assert {"Quỹ Ánh Sáng", "Tổ chức Cầu Nối"} <= names and not names & {"QAS", "TCN"}


def test_a_web_address_states_nothing():
    text = ("Bệnh viện Bạch Mai khám bệnh miễn phí cho người dân.\n"
            "Nguồn: https://baomoi.vn/benh-vien-bach-mai-ky-ket-chuyen-giao-ky-thuat-cho-benh-vien-da-khoa-son-la.htm")
    assert pairs(text) == set()


def test_a_line_wrapped_after_a_bracket_goes_on_in_lower_case():
    from healthgraph.extraction.normalise import normalise
    assert normalise("Quỹ Ánh Sáng (QAS)\nphối hợp với Tổ chức Cầu Nối.\n(Ảnh: TTXVN)\nBệnh viện A") == \
        "Quỹ Ánh Sáng (QAS) phối hợp với Tổ chức Cầu Nối.\n(Ảnh: TTXVN)\nBệnh viện A"


def test_bodies_that_give_together_to_unnamed_receivers_are_no_partners():
    text = "Quỹ Ánh Sáng phối hợp với Tổ chức Cầu Nối trao tặng xe cứu thương cho 6 bệnh viện thuộc tỉnh Hà Giang."
    assert pairs(text) == set()


def test_bv_alone_is_the_articles_hospital():
    text = ("Bệnh viện Răng Hàm Mặt Trung ương Thành phố Hồ Chí Minh cử đoàn công tác ra miền Trung. "
            "Trong chuyến công tác này, BV đã trao tặng ghế máy nha khoa cho Trung tâm Y tế huyện Hiệp Đức.")
    assert {s for _, _, s in pairs(text)} == {"Bệnh viện Răng Hàm Mặt Trung ương Thành phố Hồ Chí Minh"}


def test_an_acronym_after_each_item_of_a_plural_head_is_that_items():
    text = ("Nach fünf Jahren lösen die Kantonsspitäler Oberau (KSO) und Unterau (KSU) das gemeinsame Zentrum auf. "
            "KSO und KSU arbeiten weiter zusammen.")
    facts = extract_text(text)
    names = {o.id: set(o.mentions) for o in facts.organisations}
    # each named by the head with it, known by its own name and acronym too
    assert {"KSO", "Oberau"} <= names["x-kantonsspital-oberau"] and {"KSU", "Unterau"} <= names["x-kantonsspital-unterau"]
    assert {(p.kind, frozenset(p.parties)) for p in facts.partnerships} == {
        ("agreement", frozenset({"x-kantonsspital-oberau", "x-kantonsspital-unterau"}))}


def test_both_cantonal_hospitals_are_the_articles_two():
    text = ("Die beiden Kantonsspitäler wollen weiterhin zusammenarbeiten. "
            "Das Kantonsspital Oberau und das Kantonsspital Unterau teilen sich ein Zentrum.")
    assert {(a, b) for a, b, _ in pairs(text)} == {("Kantonsspital Oberau", "Kantonsspital Unterau")}


@pytest.mark.parametrize("name", ["Harbin Women and Children's Hospital", "Da Nang Obstetrics and Pediatrics Hospital",
                                  "Women and Children's Hospital of Harbin"])
def test_fields_joined_under_one_english_head_are_one_name(name):
    assert name in mentioned(f"The partnership with {name} was renewed.")


def test_two_names_joined_by_and_stay_two():
    assert mentioned("Cho Ray Hospital and Hue Central Hospital signed.") == ["Cho Ray Hospital", "Hue Central Hospital"]


def test_a_word_of_two_syllables_goes_on_a_funds_name():
    assert "Quỹ Khởi nghiệp từ tâm" in mentioned("Quỹ Khởi nghiệp từ tâm tài trợ cho Bệnh viện Trung ương Huế.")


def test_a_towns_adjective_before_a_name_of_its_own_is_also_left_out():
    facts = extract_text("Das Herzzentrum Oberau hat sich mit der Bad Talheimer Kerckhoff-Klinik zusammengetan.")
    kerckhoff = next(o for o in facts.organisations if "Kerckhoff" in o.name)
    assert "Kerckhoff-Klinik" in kerckhoff.mentions
    assert "Basler Universitätsspital" in mentioned("Das Basler Universitätsspital sucht Partner.")


def test_the_unispital_is_the_articles_university_hospital():
    text = ("Nach dem Nein zur Fusion sucht das Basler Universitätsspital weitere Partner. "
            "Nun haben das Unispital und das Bethesda-Spital sich auf eine Zusammenarbeit geeinigt.")
    assert {(a, b) for a, b, _ in pairs(text)} == {("Basler Universitätsspital", "Bethesda-Spital")}


def test_a_one_letter_word_ends_its_sentence_an_initial_does_not():
    from healthgraph.extraction.segment import split_sentences
    text = "Việc này đã được Thủ tướng đồng ý. UBND tỉnh sẽ giao xe. Ông J. Smith nói."
    assert [s.text for s in split_sentences(text)] == ["Việc này đã được Thủ tướng đồng ý.", "UBND tỉnh sẽ giao xe.",
                                                      "Ông J. Smith nói."]


@pytest.mark.parametrize("sentence, signed", [
    ("Sau buổi làm việc, UBND tỉnh Thái Nguyên đã ký kết thỏa thuận hợp tác với Bệnh viện Nhi Đồng 1.", "2024-02-25"),
    ("Sau buổi làm việc ngày 26/2/2024, UBND tỉnh Thái Nguyên đã ký kết thỏa thuận hợp tác với Bệnh viện Nhi Đồng 1.",
     "2024-02-26"),   # its own date first
    ("Tháng sau, UBND tỉnh Thái Nguyên đã ký kết thỏa thuận hợp tác với Bệnh viện Nhi Đồng 1.", None),
])
def test_a_signing_that_goes_on_from_the_sentence_before_takes_its_day(sentence, signed):
    text = f"Ngày 25 tháng 2 năm 2024, UBND tỉnh Thái Nguyên làm việc với đoàn công tác Bệnh viện Nhi Đồng 1. {sentence}"
    assert [p.signed_on for p in extract_text(text).partnerships] == [signed]


@pytest.mark.parametrize("headline, expected", [
    ("Cho Ray Hospital Signs MoU With Hue Central Hospital", ["Cho Ray Hospital", "Hue Central Hospital"]),
    ("Hospital for Sick Children of Lakeland Visited Harbor International Cardiovascular Hospital",
     ["Hospital for Sick Children of Lakeland", "Harbor International Cardiovascular Hospital"]),
])
def test_a_headlines_capitalised_verb_ends_a_name(headline, expected):
    assert mentioned(headline) == expected


def test_an_office_before_of_is_no_name():
    assert "Vice-President of the International Department" not in mentioned(
        "Vice-President of the International Department Li Ming said the hospital would sign.")


def test_a_name_without_its_corporate_ending_is_the_same_body_and_the_trust_is_it():
    text = ("Northfield Healthcare NHS Foundation Trust is in the running for an award. "
            "For almost 20 years, the trust has worked in partnership with Lakeside Christian Medical Centre to "
            "provide training and support to teams. "
            "Anna Lee, chief executive of Northfield Healthcare, said the award honours both.")
    facts = extract_text(text)
    trust = next(o for o in facts.organisations if o.name.startswith("Northfield"))
    assert "Northfield Healthcare" in trust.mentions
    assert {frozenset(p.parties) for p in facts.partnerships} == {
        frozenset({trust.id, next(o.id for o in facts.organisations if o.name.startswith("Lakeside"))})}


def test_after_a_semicolon_the_giving_verb_keeps_its_giver():
    found = pairs("Chiều 1/9, Tập đoàn Hoa Sen trao tặng Bệnh viện Thống Nhất 10 máy thở; trao tặng Bệnh viện Đa khoa "
                  "tỉnh Long An 100 máy tạo ô xy.")
    assert {s for *_, s in found} == {"Tập đoàn Hoa Sen"} and len(found) == 2
    found = pairs("Bệnh viện Bạch Mai hỗ trợ Bệnh viện Đa khoa tỉnh Sơn La; Bệnh viện Đa khoa tỉnh Sơn La hỗ trợ "
                  "Trung tâm Y tế huyện Mộc Châu.")
    assert {s for *_, s in found} == {"Bệnh viện Bạch Mai", "Bệnh viện Đa khoa tỉnh Sơn La"}


def test_a_granted_request_gives_and_who_granted_it_is_no_party():
    found = pairs("Đầu tháng 3/2020, Quỹ Hoa Sen đã đề nghị và được Chính phủ Việt Nam chấp thuận về việc tài trợ 10 máy "
                  "trợ thở cho Bệnh viện Chợ Rẫy và Bệnh viện Quân y 103.")
    assert found == {tuple(sorted(("Quỹ Hoa Sen", "Bệnh viện Chợ Rẫy"))) + ("Quỹ Hoa Sen",),
                     tuple(sorted(("Quỹ Hoa Sen", "Bệnh viện Quân y 103"))) + ("Quỹ Hoa Sen",)}


@pytest.mark.parametrize("text", [
    "The twins were instead transferred 43 kilometres away to Sandringham Hospital, about an hour from Sunshine Hospital.",
    "The transfer rate to higher-level hospitals of patients at Ninh Thuan Provincial Hospital fell by 88 percent.",
])
def test_people_moved_between_hospitals_are_no_transfer_of_technique(text):
    assert pairs(text) == set()


def test_a_giver_named_again_without_a_count_still_gives_to_those_counted():
    text = ("Quỹ Hỗ trợ Y tế Miền núi trao tặng trang thiết bị cho 3 trung tâm y tế ở tỉnh Sơn La. "
            "Ngày 5/6, Quỹ Hỗ trợ Y tế Miền núi đã tổ chức lễ bàn giao tại huyện Mộc Châu. "
            "Trung tâm Y tế huyện Mộc Châu, Trung tâm Y tế huyện Yên Châu và Trung tâm Y tế huyện Sốp Cộp "
            "được nhận máy siêu âm màu.")
    giver = "Quỹ Hỗ trợ Y tế Miền núi"
    assert {(a, b, s) for a, b, s in pairs(text)} == {
        (*sorted((giver, f"Trung tâm Y tế huyện {district}")), giver) for district in ("Mộc Châu", "Yên Châu", "Sốp Cộp")}


@pytest.mark.parametrize("text, giver, takers", [
    ("USAID handed over GeneXpert machines to Quang Ninh Lung Hospital, Hai Phong Lung Hospital and Nghe An Lung "
     "Hospital. The project is run by the National Lung Hospital. The National Lung Hospital has trained 150 "
     "clinicians from the three provincial hospitals.", "Bệnh viện Phổi Trung ương", None),
    ("Quỹ ABC trao tặng máy thở cho Bệnh viện Đa khoa tỉnh Sơn La, Bệnh viện Đa khoa tỉnh Lai Châu và Bệnh viện Đa khoa "
     "tỉnh Điện Biên. Bệnh viện Bạch Mai sẽ hỗ trợ chuyên môn cho cả ba bệnh viện.", "Bệnh viện Bạch Mai",
     {"Bệnh viện Đa khoa tỉnh Sơn La", "Bệnh viện Đa khoa tỉnh Lai Châu", "Bệnh viện Đa khoa tỉnh Điện Biên"}),
    ("Die Stiftung Herzwerk spendet Ultraschallgeräte an das Klinikum Fulda und das Spital Uster. Das "
     "Universitätsklinikum Gießen schult das Personal der beiden Kliniken.", "Universitätsklinikum Gießen",
     {"Klinikum Fulda", "Spital Uster"}),
])
def test_a_counted_plural_stands_for_as_many_named_before(text, giver, takers):
    facts = extract_text(text)
    names = {o.id: o.name for o in facts.organisations}
    if takers is None:  # the three the first sentence lists, whatever the gazetteer calls them
        donor = next(names[p.supporter] for p in facts.partnerships if names.get(p.supporter) not in (None, giver))
        takers = {names[o] for p in facts.partnerships if names.get(p.supporter) == donor for o in p.parties} - {donor}
        assert len(takers) == 3
    given = {names[o] for p in facts.partnerships if names.get(p.supporter) == giver for o in p.parties} - {giver}
    assert given == takers


def test_a_funder_in_an_aside_funds_the_one_who_acts():
    found = pairs("The Lotus Eye Foundation, with funding from the Government of Japan, has handed over a new "
                  "operating theatre to Quang Tri General Hospital.")
    actor = "Lotus Eye Foundation"
    assert {(frozenset((a, b)), s) for a, b, s in found} == {
        (frozenset((actor, "Bệnh viện Đa khoa tỉnh Quảng Trị")), actor),
        (frozenset((actor, "Chính phủ Nhật Bản")), "Chính phủ Nhật Bản")}


def test_a_funder_in_an_aside_of_a_receiver_still_gives_to_it():
    # no one else receives: the one before the aside is helped, as before
    found = pairs("Bach Mai Hospital, with the support of JICA, has improved its emergency care.")
    assert {s for _, _, s in found} == {"Cơ quan Hợp tác Quốc tế Nhật Bản"} and len(found) == 1


def test_the_three_hospitals_are_the_three_listed_not_the_last_three_named():
    from healthgraph.extraction import extract_text
    facts = extract_text("Three hospitals, namely Lakeside Hospital, Riverside Hospital and Hillside Hospital, signed "
                         "memorandums of understanding with Harbour General Hospital on Monday. Its "
                         "superintendent Prof. Anna Lee and representatives of the three hospitals were on hand for the "
                         "signing ceremony.")
    names = {o.id: o.name for o in facts.organisations}
    pairs = {frozenset(names[x] for x in p.parties) for p in facts.partnerships}
    assert pairs == {frozenset({f"{town} Hospital", "Harbour General Hospital"})
                     for town in ("Lakeside", "Riverside", "Hillside")}


def test_nationalities_under_one_plural_head_name_no_one():
    from healthgraph.extraction.names import find_names
    assert find_names("Ukrainian and German hospitals agree on cooperation") == []
