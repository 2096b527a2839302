"""Joining another's network or programme, on sentences written for these tests: who joins
"the X Care Network" is X's partner (not a partner of those who joined with it), a ministry's
programme is the ministry's policy and no partnership of the ministry's, and a patient handed
over is no gift."""
import pytest

from healthgraph.extraction import extract_text
from healthgraph.extraction.names import find_names

from extraction_helpers import party_sets


def _pairs(text):
    return {frozenset(parties) for parties, _ in party_sets(text)}


def test_who_joins_a_network_named_after_a_body_partners_that_body():
    text = ("Lakeview Health and Prairie Regional Health said they had joined the Northfield Clinic Care Network. "
            "The Northfield Clinic is based in Duluth.")
    assert _pairs(text) == {frozenset({"Lakeview Health", "Northfield Clinic"}),
                            frozenset({"Prairie Regional Health", "Northfield Clinic"})}


def test_joining_forces_with_a_body_is_a_partnership():
    assert _pairs("Lakeview Health announced it is joining forces with the Northfield Clinic.") == {
        frozenset({"Lakeview Health", "Northfield Clinic"})}


def test_a_network_named_after_its_owner_is_the_owner():
    names = find_names("Lakeview Health joined the Northfield Clinic Telehealth Network, run by the Northfield Clinic.")
    assert ("Northfield Clinic Telehealth Network", "Northfield Clinic") in {(n.surface, n.acronym_of) for n in names}
    # a network with a name of its own is no one's programme
    names = find_names("The Lakeview Stroke Network links Lakeview Hospital with three clinics.")
    assert all(n.acronym_of is None for n in names)


def test_a_ministry_programme_joined_with_core_hospitals_pairs_the_joiner_with_them():
    text = ("Khanh Hoa General Hospital will join the Ministry of Health's satellite hospital project with "
            "Cho Ray Hospital and the Trauma-Orthopedics Hospital.")
    pairs = _pairs(text)
    assert len(pairs) == 2 and all(any("Khánh Hòa" in name for name in pair) for pair in pairs)
    assert all(not any("Bộ Y tế" in name for name in pair) for pair in pairs)


def test_a_patient_handed_over_to_a_hospital_is_no_support():
    text = ("The Rescue Centre of the 5th Military Region received a request to fly a sick patient to Riverside "
            "Hospital. The patient was moved from Lakeside Hospital to Riverside Hospital. The patient was safely "
            "handed over to doctors at the hospital.")
    assert extract_text(text).partnerships == []


def test_three_that_have_joined_forces_and_signed_are_each_others_partners():
    text = ("The Quality Council of Lakeland, Lakeland's Harbour General Hospital and Vietnam's Viet Duc Hospital have "
            "joined forces in a workshop and signed a memorandum of understanding on Monday.")
    assert len(_pairs(text)) == 3


def test_those_who_joined_a_programme_are_not_each_others_partners():
    assert _pairs("Ha Giang General Hospital, Tuyen Quang General Hospital and Lao Cai General Hospital joined "
                  "the programme last year.") == set()


def test_those_joined_to_the_network_join_its_hub():
    text = ("Das Telenetz Süd verbindet die Klinik für Neurologie am Klinikum Bergstadt mit Kooperationskliniken. "
            "Seit 2020 konnten das Krankenhaus Talheim sowie das Krankenhaus Auheim an das Netzwerk angebunden werden.")
    assert party_sets(text) == {(frozenset({"Klinikum Bergstadt", f"Krankenhaus {town}"}), "Klinikum Bergstadt")
                                for town in ("Talheim", "Auheim")}


def test_a_takeover_and_a_body_s_affiliated_units_are_no_partnerships():
    assert party_sets("In 2016 the Riverside Hospitals NHS Trust was taken over by the Lakeside Hospitals NHS "
                      "Foundation Trust.") == set()
    assert party_sets("This is an opportunity for the Ministry of Health, together with two affiliated units, Lakeside "
                      "Hospital and Riverside Hospital, to review all processes.") == set()


def test_an_acronym_spells_a_name_up_to_its_place():
    names = find_names("Das Hôpital de Talé wird von der Fondation Sociale Suisse du Nord-Cameroun getragen. 2010 haben "
                       "wir mit der FSS einen Vertrag abgeschlossen.")
    assert ("FSS", "Fondation Sociale Suisse du Nord-Cameroun") in {(n.surface, n.acronym_of) for n in names}


def test_a_contract_concluded_with_another_is_an_agreement():
    assert {frozenset(p) for p, _ in party_sets(
        "Im Mai 2010 hat der Verein Lichtblick mit der Stiftung Talheim einen Arbeitsvertrag abgeschlossen.")} == {
        frozenset({"Verein Lichtblick", "Stiftung Talheim"})}


def test_exploring_to_join_a_health_system_is_no_partnership():
    assert party_sets("Yakima Valley Memorial signed a letter of intent to explore joining Tacoma-based Lakeside "
                      "Health System.") == set()


@pytest.mark.parametrize("text", [
    "Der Kaufvertrag zwischen dem Zweckverband Talheim und der Lichtblick Kliniken AG wurde unterzeichnet.",
    "Lakeside Health signed a purchase agreement with Riverside Medical Center on Monday.",
    "Bệnh viện Đa khoa tỉnh Lào Cai ký hợp đồng mua bán thiết bị với Công ty TNHH Minh An.",
])
def test_a_sale_or_a_purchase_is_no_partnership(text):
    assert party_sets(text) == set()


def test_a_programme_in_a_body_s_possessive_is_the_body_s_and_what_the_project_received_its_gift():
    names = find_names("Lakeland Embassy\nThe project received AUD 22,000 from the Lakeland Embassy’s Direct Aid Program.")
    assert ("Lakeland Embassy’s Direct Aid Program", "Lakeland Embassy") in {(n.surface, n.acronym_of) for n in names}
    text = ("Lakeland Embassy\nThe project, managed by the Hoc Mai Foundation, will provide clean water for patients at Viet Duc "
            "Hospital. The project received AUD 22,000 from the Lakeland Embassy’s Direct Aid Program.")
    assert any("Lakeland Embassy" in parties and supporter == "Lakeland Embassy"
               for parties, supporter in party_sets(text))
