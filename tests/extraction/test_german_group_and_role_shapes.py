"""German partner shapes: a compound head named again alone, "A und deren Partnerklinik B",
"die Partner" for those listed before, a town named by its river, a role before its owner's
name. General shapes, on sentences written for these tests."""
from __future__ import annotations

import pytest

from healthgraph.extraction import extract_text

from extraction_helpers import party_sets


def pairs(text: str) -> set[frozenset[str]]:
    return {parties for parties, _ in party_sets(text)}


def test_a_compound_head_alone_stands_for_the_one_name_it_begins():
    text = ("Stadtklinik Lindenau, UKW und Marinekrankenhaus bauen Kooperation aus.\n\n"
            "Die Stadtklinik Lindenau, das Universitätsklinikum Westfeld (UKW) und das Marinekrankenhaus Kiel "
            "liegen im Norden.")
    assert pairs(text) == {frozenset({"Stadtklinik Lindenau", "Universitätsklinikum Westfeld"}),
                           frozenset({"Stadtklinik Lindenau", "Marinekrankenhaus Kiel"}),
                           frozenset({"Universitätsklinikum Westfeld", "Marinekrankenhaus Kiel"})}


def test_a_compound_head_that_begins_two_names_stands_for_neither():
    text = ("Marinekrankenhaus und Stadtklinik Lindenau kooperieren.\n\n"
            "Das Marinekrankenhaus Kiel und das Marinekrankenhaus Rostock liegen im Norden.")
    named = {name for parties in pairs(text) for name in parties}
    assert "Marinekrankenhaus Kiel" not in named and "Marinekrankenhaus Rostock" not in named


@pytest.mark.parametrize("text, partners", [
    ("Zu Gast waren die Universitätsmedizin Westfeld und deren Partneruniversität Oberau Medical University.",
     {"Universitätsmedizin Westfeld", "Oberau Medical University"}),
    ("Lakeside Hospital and its sister hospital, Kyoto Harbour Hospital, held a joint workshop.",
     {"Lakeside Hospital", "Kyoto Harbour Hospital"}),
])
def test_a_body_and_its_named_partner_are_partners(text, partners):
    assert pairs(text) == {frozenset(partners)}


def test_a_possessive_before_no_partner_word_pairs_no_one():
    assert not pairs("Zu Gast waren die Universitätsmedizin Westfeld und deren Direktor der Oberau Medical University.")


def test_the_partners_of_a_signing_are_those_the_sentence_before_listed():
    text = ("Lindenau – Stadtklinik Lindenau, Marienhospital Lindenau und Hochschule Lindenau wollen die Region "
            "stärken. Einen entsprechenden Kooperationsvertrag unterzeichneten die Partner heute.")
    assert pairs(text) == {frozenset({"Stadtklinik Lindenau", "Marienhospital Lindenau"}),
                           frozenset({"Stadtklinik Lindenau", "Hochschule Lindenau"}),
                           frozenset({"Marienhospital Lindenau", "Hochschule Lindenau"})}


def test_working_together_as_a_zu_infinitive_is_cooperation():
    text = ("Das Klinikum Westfeld und das Spital Oberau haben sich entschlossen, künftig enger "
            "zusammenzuarbeiten.")
    assert pairs(text) == {frozenset({"Klinikum Westfeld", "Spital Oberau"})}


def test_a_town_named_by_its_river_stays_in_the_name_and_a_municipality_is_a_party():
    text = ("Den Vertrag schlossen die Stadtgemeinde Lindau an der Iller und die Westfälische "
            "Krankenanstaltengesellschaft.")
    names = {o.name for o in extract_text(text, "t").organisations}
    assert "Stadtgemeinde Lindau an der Iller" in names and "Iller" not in names


def test_a_teaching_hospital_of_a_university_is_its_partner_and_the_role_is_no_name():
    text = "Lange Zeit fungierte das Klinikum Westfeld als Lehrkrankenhaus des Universitätsklinikums Oberau."
    assert pairs(text) == {frozenset({"Klinikum Westfeld", "Universitätsklinikums Oberau"})}


@pytest.mark.parametrize("word", ["Fachkrankenhaus", "Spezialklinikum", "Lehrkrankenhaus"])
def test_a_generic_compound_alone_is_no_name(word):
    text = f"Die Hochschule Westfeld arbeitet mit dem Klinikum Oberau zusammen und zeichnete das {word} aus."
    assert word not in {o.name for o in extract_text(text, "t").organisations}


def test_saint_joined_by_a_hyphen_stays_in_the_name():
    names = {o.name for o in extract_text("Die Kliniken St.-Anna kooperieren mit der Universität Westfeld.",
                                          "t").organisations}
    assert "Kliniken St.-Anna" in names


def test_a_service_and_an_owner_with_its_adjective_stay_in_the_names():
    text = ("Der Sanitätsdienst der Marine und der Klinikverbund der gesetzlichen Rentenversicherung wollen "
            "künftig enger zusammenarbeiten.")
    assert pairs(text) == {frozenset({"Sanitätsdienst der Marine",
                                      "Klinikverbund der gesetzlichen Rentenversicherung"})}


def test_a_name_called_for_short_stands_for_the_name_before_it_there_and_after():
    text = ("Der Klinikverbund der gesetzlichen Rentenversicherung – kurz RV Kliniken – wächst. "
            "Die RV Kliniken kooperieren mit dem Klinikum Westfeld.")
    assert pairs(text) == {frozenset({"Klinikverbund der gesetzlichen Rentenversicherung", "Klinikum Westfeld"})}


@pytest.mark.parametrize("text, towns", [
    ("Ein Vertrag über eine Städtepartnerschaft zwischen Lindau und Port Sabe wurde 2010 unterzeichnet.",
     {"Lindau", "Port Sabe"}),
    ("The sister-city partnership between Westfield and Oberau was signed in 2013.", {"Westfield", "Oberau"}),
])
def test_twinned_towns_are_partners(text, towns):
    assert pairs(text) == {frozenset(towns)}


def test_a_class_of_hospitals_with_an_adjective_is_no_name():
    text = "Krankenhäuser der oberen Leistungsklasse kooperieren mit dem Klinikum Westfeld."
    assert "Krankenhäuser der oberen Leistungsklasse" not in {o.name for o in extract_text(text, "t").organisations}


def test_partners_a_signing_counted_are_those_the_next_sentence_names():
    text = ("Das Klinikum Lindenau und drei Krankenhäuser aus dem Landkreis haben einen Kooperationsvertrag über ein "
            "telemedizinisches Schlaganfallnetzwerk unterzeichnet. Das Kreiskrankenhaus Oberau, die Kreisklinik "
            "Westfeld und das Marienhospital Talheim werden künftig per Video mit den Neurologen des Lindenauer "
            "Klinikums verbunden.")
    assert pairs(text) == {frozenset({"Klinikum Lindenau", other}) for other in
                           ("Kreiskrankenhaus Oberau", "Kreisklinik Westfeld", "Marienhospital Talheim")}


@pytest.mark.parametrize("adjective, named", [("telemedizinisches", False), ("japanischen", True)])
def test_only_an_adjective_of_nationality_names_a_body_before_its_head(adjective, named):
    text = f"Das Klinikum Lindenau arbeitet mit der {adjective} Regierung zusammen."
    names = {o.name for o in extract_text(text, "t").organisations}
    assert any(n.endswith("Regierung") for n in names) is named


@pytest.mark.parametrize("text, ministry", [
    ("Das Sächsische Staatsministerium für Soziales, Gesundheit und Gesellschaftlichen Zusammenhalt fördert die "
     "Telemedizin am Klinikum Chemnitz.",
     "Sächsische Staatsministerium für Soziales, Gesundheit und Gesellschaftlichen Zusammenhalt"),
    ("The Ministry of Health, Labour and Welfare funded the training of nurses at Cho Ray Hospital.",
     "Ministry of Health, Labour and Welfare"),
])
def test_a_ministry_joins_its_fields_with_commas_up_to_its_and(text, ministry):
    facts = extract_text(text)
    names = {o.id: o.name for o in facts.organisations}
    assert [names[p.supporter] for p in facts.partnerships] == [ministry]


def test_a_comma_after_a_ministry_still_ends_it_before_another_name():
    facts = extract_text("The Ministry of Health, Hanoi Medical University and Bach Mai Hospital signed an agreement.")
    assert len(facts.organisations) == 3 and len(facts.partnerships) == 3
