"""A department named beside its hospital ("die Klinik für Neurologie am Klinikum X", "the
Department of Cardiology at X", "X's Center for Stroke Care") is its hospital: the hospital is
the party, and the department's "für"/"for" names its field, not a recipient. Sentences
written for these tests."""
import pytest

from healthgraph.extraction import extract_text

from extraction_helpers import party_sets


@pytest.mark.parametrize("text, giver, taker", [
    # the department gives, in the passive, with "von" far before its hospital
    ("Die Patienten des Kreiskrankenhauses Mittelstadt werden künftig von der Klinik für Neurologie am "
     "Klinikum Nordhafen telemedizinisch unterstützt.", "Nordhafen", "Mittelstadt"),
    # the department gives, in the active: "für" names its field, not the one given to
    ("Die Klinik für Kardiologie des Universitätsklinikums Bergstadt unterstützt das Kreiskrankenhaus Talheim.",
     "Bergstadt", "Talheim"),
    ("The stroke unit of Da Nang Hospital is supported by the Department of Neurology at Bach Mai Hospital.",
     "Bạch Mai", "Đà Nẵng"),
    ("Bach Mai Hospital's Department of Neurology supports Da Nang Hospital.", "Bạch Mai", "Đà Nẵng"),
    ("Cho Ray Hospital's Center for Tropical Diseases supports An Giang General Hospital.", "Chợ Rẫy", "An Giang"),
    ("Experts from the Center for Tropical Diseases at Cho Ray Hospital trained doctors of An Giang General "
     "Hospital.", "Chợ Rẫy", "An Giang"),
])
def test_a_department_beside_its_hospital_gives_as_its_hospital(text, giver, taker):
    (parties, supporter), = party_sets(text)
    assert len(parties) == 2 and supporter is not None and giver in supporter
    assert any(taker in name for name in parties - {supporter})


def test_a_department_is_no_organisation_of_its_own():
    facts = extract_text("Bach Mai Hospital's Department of Neurology supports Da Nang Hospital.")
    assert all("Department" not in org.name for org in facts.organisations)


def test_a_possessive_before_a_named_unit_keeps_the_unit_whole():
    # a college with a name of its own is no department
    (parties, _), = party_sets("Sun Yat-sen University’s Xinhua College signed an MoU with Hanoi Medical University.")
    assert any("Xinhua College" in name for name in parties)


def test_a_children_s_hospital_keeps_its_possessive():
    facts = extract_text("Alder Vale Children's Hospital signed an agreement with Hue Central Hospital.")
    assert any(org.name == "Alder Vale Children's Hospital" for org in facts.organisations)


def test_equipment_for_a_hospital_still_names_the_one_given_to():
    # "for" after a unit word that is no department name still gives to the name after it
    (parties, supporter), = party_sets("Cho Ray Hospital handed over a dialysis unit for An Giang General Hospital.")
    assert supporter is not None and "Chợ Rẫy" in supporter


def test_a_hospital_s_teaching_title_after_a_dash_is_part_of_its_name():
    facts = extract_text("Drei Ärzte aus Hanoi hospitieren bei Prof. Dr. Anna Berg, Direktorin der Klinik für "
                         "Kinderchirurgie, im Klinikum Talheim – Universitätsklinikum der Universität Bergstadt. "
                         "Das Klinikum Talheim arbeitet seit 2019 mit der Kinderklinik Lindau zusammen.")
    names = {o.id: o.name for o in facts.organisations}
    pairs = {frozenset(names[x] for x in p.parties) for p in facts.partnerships}
    # no partnership with the university it teaches for, nor with its own department
    assert all(not any("Universität Bergstadt" in n or "Kinderchirurgie" in n for n in pair) for pair in pairs)
    assert any(any("Kinderklinik Lindau" in n for n in pair) for pair in pairs)


def test_staff_training_at_a_hospital_are_no_publisher_s():
    # the page's publisher, a company, is no trainee of the hospital its staff train at
    text = ("Lichtblick Medien GmbH am 16. August 2017\n\nDrei chinesische Ärzte hospitieren bei Prof. Dr. Anna Berg "
            "im Klinikum Talheim.")
    assert extract_text(text).partnerships == []
