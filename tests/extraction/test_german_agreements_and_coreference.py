"""German agreement shapes of real reports, on sentences written for these tests: an
"Abkommen" concluded, a bare head that repeats a named one's head ("das Universitätsklinikum"),
a faculty standing for its university, an acronym a text uses without defining it, and "one
of the largest institutes" that names no one."""
import pytest

from healthgraph.extraction import extract_text
from healthgraph.extraction.names import find_names

from extraction_helpers import party_sets


def _pairs(text: str) -> set[frozenset[str]]:
    return {frozenset(parties) for parties, _ in party_sets(text)}


@pytest.mark.parametrize("text, pair", [
    ("Die Uniklinik Nordhafen hat ein Abkommen mit dem Spital Talheim geschlossen.",
     {"Uniklinik Nordhafen", "Spital Talheim"}),
    ("Das Partnerschaftsabkommen zwischen dem Klinikum Bergstadt und dem Spital Talheim gilt ab Mai.",
     {"Klinikum Bergstadt", "Spital Talheim"}),
    ("Das Klinikum Bergstadt hat mit dem Spital Talheim vereinbart, die Notfallversorgung im Tal zu sichern.",
     {"Klinikum Bergstadt", "Spital Talheim"}),
])
def test_an_agreement_concluded_or_agreed_is_an_agreement(text, pair):
    assert _pairs(text) == {frozenset(pair)}


def test_a_bare_head_stands_for_the_one_named_with_that_head_and_a_faculty_for_its_university():
    text = ("Die Universität Nordhafen plant neue Stipendien. "
            "Sie gehören zu einem Abkommen, das die Medizinische Fakultät und das Universitätsklinikum mit der "
            "Hochschule Kibara und dem Krankenhaus Kibara Medical Centre geschlossen haben. "
            "Tansanische Ärzte können sich am Nordhafener Universitätsklinikum weiterbilden.")
    pairs = _pairs(text)
    for ours in ("Universität Nordhafen", "Nordhafener Universitätsklinikum"):
        for theirs in ("Hochschule Kibara", "Krankenhaus Kibara Medical Centre"):
            assert frozenset({ours, theirs}) in pairs, (ours, theirs)
    assert len(pairs) == 4


def test_a_bare_head_shared_by_two_named_bodies_stands_for_neither():
    text = ("Die Stiftung Lichtblick fördert Projekte. Das Kantonsspital Talheim und das Kantonsspital Bergstadt "
            "bauen aus. Das Kantonsspital hat einen Vertrag mit der Stiftung Lichtblick unterzeichnet.")
    assert party_sets(text) == set()
    # with one named so, it is that one
    one = text.replace("das Kantonsspital Bergstadt", "die Klinik Bergstadt")
    assert _pairs(one) == {frozenset({"Kantonsspital Talheim", "Stiftung Lichtblick"})}


def test_an_acronym_used_without_definition_is_the_name_it_abbreviates():
    names = find_names("Die Onkologie des Talheimer Kantonsspitals eröffnet im Bergstädter Kantonsspital. "
                       "Das BGKS baut, das TAKS betreibt.")
    assert {(n.surface, n.acronym_of) for n in names if n.acronym_of} == {
        ("BGKS", "Bergstädter Kantonsspital"), ("TAKS", "Talheimer Kantonsspitals")}
    facts = extract_text("Die Onkologie des Talheimer Kantonsspitals eröffnet im Bergstädter Kantonsspital. "
                         "Ein gemeinsamer Rahmenvertrag der beiden Häuser sieht vor, dass das BGKS baut und das TAKS "
                         "den Betrieb übernimmt.")
    assert len(facts.organisations) == 2
    assert [p.kind for p in facts.partnerships] == ["agreement"]


def test_an_acronym_that_could_abbreviate_two_names_stays_alone():
    names = find_names("Das Talheimer Kantonsspital und das Tannenberger Kantonsspital bauen. Das TKS hilft.")
    assert all(n.acronym_of is None for n in names)


def test_one_of_the_largest_institutes_names_no_one():
    assert [n.surface for n in find_names(
        "Die Onkologie versorgt als eines der grössten radio-onkologischen Institute der Schweiz die Region.")] == []
    assert [n.surface for n in find_names("The contract with one of the partners, Hue Central Hospital, was signed.")] \
        == ["Hue Central Hospital"]


def test_guest_doctors_of_a_hospital_learn_at_the_article_s_hospital():
    text = ("Vietnamesen hospitieren im Klinikum Talheim. Das Klinikum Talheim bietet seit Jahren Stipendien an. "
            "Bisher besuchten zehn Gastärzte der Uniklinik Hoa Binh in Hanoi die Talheimer Chirurgin.")
    assert party_sets(text) == {(frozenset({"Klinikum Talheim", "Uniklinik Hoa Binh"}), "Klinikum Talheim")}
    # a guest named beside another body is read by the sentence's own words
    text = text.replace("die Talheimer Chirurgin", "die Stiftung Lichtblick")
    assert all("Klinikum Talheim" not in parties for parties, _ in party_sets(text))


def test_an_agreement_with_one_signed_by_a_list_pairs_the_one_with_each():
    text = ("Wie das Gesundheitsministerium auf seiner Website mitteilt, wurde ein Memorandum über die Zusammenarbeit "
            "mit der Uniklinik Nordhafen vom Regionalen Klinikzentrum Talheim in Uzhgorod, der Medizinischen "
            "Universität Bergstadt nach Ivan Franko, dem regionalen klinischen Krankenhaus Auheim und dem NDSB "
            "„Okhmatdet“ unterzeichnet.")
    pairs = _pairs(text)
    assert len(pairs) == 4 and all("Uniklinik Nordhafen" in p for p in pairs)
    assert not any("Gesundheitsministerium" in name for p in pairs for name in p)  # it reports the news


def test_an_acronym_keeps_every_capitalised_word_s_initial():
    names = find_names("Die Nationale Medizinische Universität Bergstadt hilft. Das NDSB hilft auch.")
    assert all(n.acronym_of is None for n in names)


def test_a_sharp_s_keeps_a_german_word_whole():
    from healthgraph.extraction.tokens import TokenText
    assert TokenText.of("Die Häuser schließen sich zum Großklinikum zusammen.").words == [
        "die", "hauser", "schliessen", "sich", "zum", "grossklinikum", "zusammen"]
    # so a merger written with "ß" is read as one, and is no partnership
    text = ("Das Krankenhaus Talheim und das Spital Auheim schließen sich mit 1. Jänner zum neuen Klinikum Tal "
            "zusammen.")
    assert extract_text(text).partnerships == []


def test_a_cooperation_with_one_is_the_other_s_named_right_after():
    text = ("Unser Hauptprojekt ist das Talheim Hospital. Seit 2014, dank der Zusammenarbeit mit Lichtblick Nepal, ist "
            "das Spital stetig gewachsen.")
    assert _pairs(text) == {frozenset({"Talheim Hospital", "Lichtblick Nepal"})}
    # a body in another clause far after is no partner
    text = ("Damit bestätigen wir die Bedeutung der Zusammenarbeit mit den Tirol Kliniken insgesamt, sondern vor allem "
            "auch die Bedeutung des Transplantationszentrums in Innsbruck.")
    assert party_sets(text) == set()


def test_a_gift_of_two_givers_goes_to_the_one_the_sentence_before_names():
    text = ("Neue Spende für das Kinderkrankenhaus Talheim: Ein Ultraschallgerät verbessert seit Kurzem die "
            "Herzdiagnostik im Kinderkrankenhaus Talheim. Das 46.000 Euro teure Gerät ist ein Geschenk der deutschen "
            "Stiftung Lichtblick und des Rotary-Clubs Auheim. „Durch unsere alten Verbindungen ist es uns gelungen, "
            "bei der Stiftung Lichtblick das Interesse zu wecken“, sagt der Unternehmer.")
    assert party_sets(text) == {(frozenset({giver, "Kinderkrankenhaus Talheim"}), giver)
                                for giver in ("Stiftung Lichtblick", "Rotary-Clubs Auheim")}


def test_a_german_quote_opens_a_new_sentence():
    from healthgraph.extraction.segment import split_sentences
    assert len(split_sentences("Das ist ein Geschenk der Stiftung Lichtblick. „Durch unsere Verbindungen ging es“, sagt er.")) == 2


def test_a_cooperation_agreed_at_a_host_is_with_the_visiting_delegation():
    text = ("Diese Woche war eine Delegation des Spitals Kibara zu Gast in Sachsen. Es ging um die "
            "Weiterbildung von Fachkräften. Am Klinikum Talheim wurde ebenfalls eine Kooperation vereinbart.")
    assert _pairs(text) == {frozenset({"Spitals Kibara", "Klinikum Talheim"})}


def test_dortig_stands_for_the_one_the_sentence_before_named():
    text = ("Die erste Station war das Krankenhaus Kibara in Mwanza. Mit den Ärzten der dortigen Kardiologie besteht "
            "inzwischen eine feste Partnerschaft, die sich durch Hospitationen in der Kardiologie des Klinikums "
            "Talheim auszeichnet.")
    assert _pairs(text) == {frozenset({"Krankenhaus Kibara", "Klinikums Talheim"})}
