"""Partners named without a head, acronyms of known bodies, English partnership verbs, and the
procedures help is given in: general shapes, on sentences written for these tests."""
from __future__ import annotations

import pytest

from healthgraph.extraction import extract_text

from extraction_helpers import party_sets


def technique_names(text: str) -> list[str]:
    return [t.name for t in extract_text(text, "t").techniques]


def test_a_headless_name_before_and_the_named_partner_is_a_party():
    found = party_sets("Harbor Health and the University of Westfield have signed an affiliation agreement.")
    assert {parties for parties, _ in found} == {frozenset({"Harbor Health", "University of Westfield"})}


def test_a_known_body_written_as_an_acronym_is_named_on_its_own():
    found = party_sets("PATH is working with Hanoi Medical University to strengthen neonatal care.")
    assert {parties for parties, _ in found} == {frozenset({"Tổ chức PATH", "Trường Đại học Y Hà Nội"})}


@pytest.mark.parametrize("text", [
    "The path to recovery is long at Bach Mai Hospital, which works with Lai Chau General Hospital.",
    "PATH WILL WORK WITH BACH MAI HOSPITAL",  # a headline in capitals: every word is
])
def test_a_word_or_a_headline_is_no_acronym(text):
    assert "Tổ chức PATH" not in {o.name for o in extract_text(text, "t").organisations}


@pytest.mark.parametrize("text", [
    "The Royal Seaside Hospital has been twinned with the National Children's Hospital in Hanoi since 2010.",
    "Bach Mai Hospital will work with Lai Chau General Hospital to train nurses.",
    "Lakeside Hospitals has tied up with the Government of Assam to set up a cancer care network.",
])
def test_english_partnership_verbs_pair_the_two_bodies(text):
    assert len(party_sets(text)) == 1


def test_where_staff_were_trained_is_no_technique_but_what_they_were_trained_in_is():
    assert technique_names("Ärzte der Charité schulen seit 2019 Kollegen am Bach-Mai-Krankenhaus in Hanoi.") == []
    assert technique_names("Ärzte der Charité schulen Kollegen am Bach-Mai-Krankenhaus in Hanoi in der "
                           "Laparoskopie.") == ["Laparoskopie"]


def test_the_procedure_help_is_given_in_is_a_technique_and_a_field_is_not():
    assert technique_names("Singapore General Hospital will provide technical assistance to Cho Ray Hospital "
                           "in kidney transplantation.") == ["kidney transplantation"]
    assert technique_names("Die Charité unterstützt das Bach-Mai-Krankenhaus in der Herzchirurgie und in der "
                           "Nierentransplantation.") == ["Nierentransplantation"]
    assert technique_names("Die Charité unterstützt seit 2020 das Bach-Mai-Krankenhaus in Hanoi.") == []


def test_mentoring_and_advising_give_the_direction():
    found = party_sets("Northfield Hospital and the Cleveland Clinic signed an agreement on Tuesday; Cleveland Clinic "
                       "will advise Northfield Hospital on quality management.")
    assert found == {(frozenset({"Northfield Hospital", "Cleveland Clinic"}), "Cleveland Clinic")}
    found = party_sets("Tata Memorial Centre will mentor the Assam Cancer Care Foundation in radiation oncology.")
    assert found == {(frozenset({"Tata Memorial Centre", "Assam Cancer Care Foundation"}), "Tata Memorial Centre")}


@pytest.mark.parametrize("text, names", [
    ("The Ministry of Health and Harbor Health signed an agreement.", {"Ministry of Health", "Harbor Health"}),
    ("The World Health Organization supports the Global Health programme of Mercy Health.",
     {"Tổ chức Y tế Thế giới", "Mercy Health"}),  # a field's "Health", and one a name goes on after, close none
])
def test_health_closes_a_name_after_a_proper_word(text, names):
    assert {o.name for o in extract_text(text, "t").organisations} == names


def test_where_a_partner_is_based_is_no_partner():
    text = ("In 2011, Fishersville, Va.-based Augusta Health entered into an affiliation agreement with the "
            "Durham, N.C.-based Duke Cancer Network.")
    assert party_sets(text) == {(frozenset({"Augusta Health", "Duke Cancer Network"}), None)}


def test_staff_travelling_to_a_hospital_to_train_are_help_from_theirs():
    text = ("The specialists from the Royal Lakeside Hospital are travelling to Mulago Hospital in Kampala to "
            "train surgeons.")
    assert party_sets(text) == {(frozenset({"Royal Lakeside Hospital", "Mulago Hospital"}), "Royal Lakeside Hospital")}


def test_the_town_after_a_name_is_its_seat_not_a_technique():
    assert technique_names("The surgical team will train medical staff at the Mulago Hospital in Kampala.") == []
    assert technique_names("The team of Bach Mai Hospital trained doctors of Son La General Hospital in endoscopic "
                           "surgery.") == ["endoscopic surgery"]


@pytest.mark.parametrize("text", [
    "In 2006 the Lindner Foundation, in partnership with Bright Path Foundation and Medtronic, donated new equipment "
    "to Viet Duc Hospital.",
    "2006 spendete die Lindner Stiftung in einer Partnerschaft mit der Bright Path Foundation und Medtronic dem "
    "Viet-Duc-Krankenhaus neue Geräte.",
])
def test_givers_in_partnership_each_give_and_are_partners(text):
    found = party_sets(text)
    giver = next(name for parties, _ in found for name in parties if name.startswith("Lindner"))
    receiver = "Bệnh viện Hữu nghị Việt Đức"
    assert found == {(frozenset({giver, receiver}), giver),
                     (frozenset({"Bright Path Foundation", receiver}), "Bright Path Foundation"),
                     (frozenset({"Medtronic", receiver}), "Medtronic"),
                     (frozenset({giver, "Bright Path Foundation"}), None), (frozenset({giver, "Medtronic"}), None)}


def test_givers_together_give_and_a_person_after_together_with_is_no_giver():
    found = party_sets("Together with Medtronic, the Gates Foundation donated ventilators to Bach Mai Hospital.")
    assert found == {(frozenset({"Medtronic", "Bệnh viện Bạch Mai"}), "Medtronic"),
                     (frozenset({"Quỹ Bill & Melinda Gates", "Bệnh viện Bạch Mai"}), "Quỹ Bill & Melinda Gates")}
    found = party_sets("Dr. Weber leitet zusammen mit Dr. Anna Roth, Leiterin der Intensivmedizin des "
                       "Universitätsklinikums Tübingen, das Projekt, das vom Ministerium für Soziales gefördert wird.")
    assert {s for _, s in found} == {"Ministerium für Soziales"}


def test_a_partner_named_with_a_small_word_inside_and_a_german_genitive_of_a_known_name():
    found = party_sets("Das Krankenhaus Lindenhof arbeitet mit Facing the World zusammen.")
    assert {parties for parties, _ in found} == {frozenset({"Krankenhaus Lindenhof", "Facing the World"})}
    names = {o.name for o in extract_text("Ärzte des Bach Mai Hospitals besuchten Köln.", "t").organisations}
    assert names == {"Bệnh viện Bạch Mai"}


def test_an_agreement_between_two_and_help_that_will_come():
    found = party_sets("The agreement between Lakeside Medical Center and St. Anne's Hospital runs for five years.")
    assert {parties for parties, _ in found} == {frozenset({"Lakeside Medical Center", "St. Anne's Hospital"})}
    found = party_sets("Under the contract, Lakeside Medical Center will help Southcoast Health System--which includes "
                       "Tobey Hospital--provide care.")
    assert found == {(frozenset({"Lakeside Medical Center", "Southcoast Health System"}), "Lakeside Medical Center")}


def test_agreeing_with_someones_vision_is_no_partnership():
    assert party_sets('"Yan Tak Hospital Board is in agreement with COCHE\'s vision and direction," she said.') == set()


def test_a_name_without_its_head_after_the_full_name_is_the_same_body():
    facts = extract_text("The Dana-Farber Cancer Institute signed an agreement with Tobey Hospital. "
                         "Dana-Farber signed an agreement with Tobey Hospital in 2010.", "t")
    assert {o.name for o in facts.organisations} == {"Dana-Farber Cancer Institute", "Tobey Hospital"}


def test_a_province_whose_name_opens_like_an_article_names_its_hospital():
    facts = extract_text("An Giang General Hospital signed an agreement with Cho Ray Hospital.", "t")
    assert {o.id for o in facts.organisations} == {"bvdk-an-giang", "cho-ray"}


def test_a_delegation_received_is_a_visit_and_a_hub_names_its_satellites():
    assert party_sets("The Lakeside Hospital received a delegation from Heidelberg University Hospital on Monday.") == set()
    found = party_sets("Cho Ray Hospital will act as the hub for 15 satellite hospitals, including Can Tho General "
                       "Hospital and An Giang General Hospital.")
    assert {s for _, s in found} == {"Bệnh viện Chợ Rẫy"} and len(found) == 2


@pytest.mark.parametrize("text", [
    "Das Inselspital Bern und das Spital Thun gründen ein gemeinsames Tumorzentrum.",
    "Lakeside Medical Center and Harbor Hospital formed a joint venture for cancer care.",
])
def test_a_joint_body_founded_by_two_makes_them_partners(text):
    assert len(party_sets(text)) == 1


def test_staff_of_one_hospital_operating_at_another_help_it():
    found = party_sets("Ärztinnen und Ärzte der Uniklinik Köln operieren seit 2018 regelmäßig am Bach-Mai-Krankenhaus "
                       "in Hanoi.")
    assert found == {(frozenset({"Uniklinik Köln", "Bệnh viện Bạch Mai"}), "Uniklinik Köln")}


@pytest.mark.parametrize("text", [
    "Well-known hospitals, such as Mayo Clinic, Cleveland Clinic and MD Anderson Cancer Center, have signed "
    "affiliation agreements with smaller community hospitals throughout the country.",
    "Bệnh viện Bạch Mai và Bệnh viện Việt Đức ký kết hợp tác với các bệnh viện tuyến tỉnh.",
])
def test_those_who_signed_with_unnamed_others_are_no_partners_of_each_other(text):
    assert party_sets(text) == set()


def test_a_with_that_names_an_aim_keeps_the_pair():
    assert len(party_sets("Bach Mai Hospital and Viet Duc Hospital signed an agreement with the aim of improving "
                          "care.")) == 1


def test_help_told_after_the_signing_gives_the_pair_its_direction():
    found = party_sets("The University of Westfield has signed a memorandum of understanding with Lakeside Medical "
                       "College. Further, Lakeside Medical College will be assisting the University of Westfield to "
                       "set up a new hospital.")
    assert found == {(frozenset({"University of Westfield", "Lakeside Medical College"}), "Lakeside Medical College")}


def test_an_acronym_opening_a_bracketed_remark_is_the_names_alias():
    facts = extract_text("Lakeside Hospital and Hong Bang International University (HIU – under Nguyen Hoang Education "
                         "Group) signed a cooperation agreement. Lakeside Hospital will deliver practical training for "
                         "students of HIU.", "t")
    assert {o.name for o in facts.organisations} >= {"Hong Bang International University"}
    assert "HIU" not in {o.name for o in facts.organisations}
    assert [p.supporter for p in facts.partnerships] == ["x-lakeside-hospital"]


def test_a_vietnamese_body_named_with_its_country_and_a_person_after_a_role():
    found = party_sets("The Queen Sirikit National Institute of Child Health will work with Việt Nam National Hospital "
                       "of Pediatrics.")
    assert {name for parties, _ in found for name in parties} == {
        "Queen Sirikit National Institute of Child Health", "Bệnh viện Nhi Trung ương"}
    text = ("Vietnamese Health Minister Nguyễn Thị Kim Tiến and her Thai counterpart Wittaya Buranasiri have inked a "
            "memorandum of understanding.")
    assert extract_text(text, "t").organisations == []


def test_a_numbered_hospital_in_the_genitive_and_a_size_that_names_no_one():
    names = {o.name for o in extract_text("Diese Woche war eine Delegation des Hospitals 175 zu Gast. „Wir wollen "
                                          "lernen“, sagte der Chef der 1500-Betten-Klinik.", "t").organisations}
    assert names == {"Bệnh viện Quân y 175"}


def test_two_clauses_joined_by_while_each_relate_their_own_names():
    found = party_sets("Rajavithi Hospital will cooperate with Bach Mai Hospital while the Queen Sirikit National "
                       "Institute of Child Health will work with the National Hospital of Pediatrics.")
    assert {parties for parties, _ in found} == {
        frozenset({"Rajavithi Hospital", "Bệnh viện Bạch Mai"}),
        frozenset({"Queen Sirikit National Institute of Child Health", "Bệnh viện Nhi Trung ương"})}


def test_who_assigned_a_task_is_no_party_to_it():
    assert party_sets("Viet Duc University Hospital (VDUH) is a leading centre for training, assigned by the Ministry "
                      "of Health (MOH) for implementing technical transfer projects.") == set()


def test_a_body_described_before_its_name_keeps_the_name_as_an_alias():
    facts = extract_text("Die Klinikpartnerschaft zwischen dem Klinikum Nürnberg und dem Nürnberger Verein Fi Bassar "
                         "besteht seit 2010.", "t")
    verein = next(o for o in facts.organisations if o.name.startswith("Nürnberger Verein"))
    assert verein.name == "Nürnberger Verein Fi Bassar" and "Fi Bassar" in verein.mentions


def test_an_ampersand_inside_a_company_name_and_one_that_joins_nothing():
    facts = extract_text("Ein Rahmenvertrag erweitert die Partnerschaft zwischen dem Herzzentrum Lindau und der "
                         "chinesischen Unternehmensgruppe Jiangyin Mould & Plastic.", "t")
    assert {o.name for o in facts.organisations} == {"Herzzentrum Lindau",
                                                     "Unternehmensgruppe Jiangyin Mould & Plastic"}
    assert len(facts.partnerships) == 1
    names = {o.name for o in extract_text("Das Klinikum Bonn & Partner unterzeichnet.", "t").organisations}
    assert "Klinikum Bonn &" not in names


def test_a_places_government_named_in_lower_case_is_a_party():
    found = party_sets("Aster DM Healthcare has collaborated with the Kerala government to provide dialysis services.")
    assert {parties for parties, _ in found} == {frozenset({"Aster DM Healthcare", "Kerala government"})}
    assert party_sets("The local government supported Cho Ray Hospital.") == set()


def test_devices_handed_over_are_a_gift_and_a_certificate_handed_over_is_an_award():
    found = party_sets("Am Mittwoch hat die Organisation Medilink die medizinischen Geräte an Krankenhaus Cho Ray "
                       "überreicht.")
    assert {s for _, s in found} == {"Organisation Medilink"}
    assert party_sets("Am 9. Juni 2014 überreichte das Volkskomitee der Provinz Dong Thap dem Dong Thap General "
                      "Hospital eine Verdiensturkunde.") == set()


def test_cooperation_projects_with_a_list_pair_each():
    found = party_sets("Die Lindner Group hat viele Kooperationsprojekte mit dem Cho Ray Hospital, dem 108 Hospital und "
                       "Stipendienprogrammen durchgeführt.")
    assert {parties for parties, _ in found} == {
        frozenset({"Lindner Group", "Bệnh viện Chợ Rẫy"}), frozenset({"Lindner Group", "Bệnh viện Trung ương Quân đội 108"})}


def test_logistics_stays_inside_a_vietnamese_name():
    names = {o.name for o in extract_text("Bệnh viện Bạch Mai ký biên bản ghi nhớ hợp tác với Cục Hậu cần, Quân chủng "
                                          "Hải quân về việc khám mắt cho chiến sĩ.", "t").organisations}
    assert "Cục Hậu cần" in names


def test_a_donation_delivered_is_a_gift_and_a_consultant_of_a_body_is_no_body():
    found = party_sets("Lifestart Foundation, an Australian organisation, has delivered a donation of medical "
                       "equipment to Da Nang City Obstetrics and Pediatrics Hospital.")
    assert {s for _, s in found} == {"Lifestart Foundation"}
    names = {o.name for o in extract_text("He noted that the Public Health Consultant of the Foundation, Dr. Ade Bello, "
                                          "visited the University of Ilorin Teaching Hospital.", "t").organisations}
    assert not any("Consultant" in name for name in names)


@pytest.mark.parametrize("sentence, expected", [
    # a part named after "và" takes the procedure of the part before it
    ("Đoàn đã hỗ trợ Bệnh viện X làm chủ các kỹ thuật phẫu thuật nội soi khớp vai và khớp gối (ảnh).",
     ["phẫu thuật nội soi khớp vai", "phẫu thuật nội soi khớp gối"]),
    # what it is for is no part of it
    ("Bệnh viện X triển khai điều trị vô sinh bằng kỹ thuật thụ tinh trong ống nghiệm để đáp ứng nhu cầu điều trị "
     "của người dân.", ["thụ tinh trong ống nghiệm"]),
    # a list announced long after its technique word
    ("Nhiều kỹ thuật cao đã được đội ngũ thầy thuốc Việt Nam triển khai lần đầu tại Lào và chuyển giao thành công "
     "cho nước bạn như: phẫu thuật thay khớp háng, đặt máy tạo nhịp tim.",
     ["phẫu thuật thay khớp háng", "đặt máy tạo nhịp tim"]),
])
def test_technique_items_of_real_reports(sentence, expected):
    from healthgraph.extraction.techniques import find_techniques
    assert [i.name for i in find_techniques(sentence)] == expected


def test_a_clause_after_receiving_a_technique_is_no_technique():
    from healthgraph.extraction.techniques import find_techniques
    assert find_techniques("Việc tiếp nhận kỹ thuật sẽ giúp phát hiện và can thiệp sớm đột quỵ não tại địa phương.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("Transfer of specialized testing techniques such as: blood culture identification, antibiogram; Training in "
     "transfer of cardiovascular interventions, thrombolysis in myocardial infarction.",
     ["blood culture identification", "cardiovascular interventions", "thrombolysis in myocardial infarction"]),
    ("Hospital A transferred the kidney transplantation and laparoscopic surgery techniques to B.",
     ["kidney transplantation", "laparoscopic surgery"]),
])
def test_english_technique_items_of_real_reports(sentence, expected):
    from healthgraph.extraction.techniques import find_techniques
    assert [i.name for i in find_techniques(sentence)] == expected
