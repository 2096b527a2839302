"""A partnership page written as a form: each "... Partner X" line names one side, the lines
are not one wrapped paragraph, and the label is no part of the name. Pages written for
these tests."""
from __future__ import annotations

from healthgraph.extraction import extract_text
from healthgraph.extraction.normalise import normalise

from extraction_helpers import party_sets

PAGE = ("Fields of work Maternal Health\n"
        "UK Partner Riverside General Hospital NHS Foundation Trust\n"
        "Developing Country Partner St Mary’s Hospital and Lakeshore District Hospital\n"
        "Contact Dr Anna Berg, Riverside General Hospital, Riverside Road, Northtown\n\n"
        "The link began in 2006 with a visit by two midwives.")


def test_the_fields_of_a_form_stay_on_their_own_lines():
    lines = normalise(PAGE).splitlines()
    assert lines[1].startswith("UK Partner") and lines[2].startswith("Developing Country Partner")


def test_each_partner_field_is_one_side_of_the_partnership():
    assert {parties for parties, _ in party_sets(PAGE)} == {
        frozenset({"Riverside General Hospital NHS Foundation Trust", "St Mary’s Hospital"}),
        frozenset({"Riverside General Hospital NHS Foundation Trust", "Lakeshore District Hospital"})}


def test_a_label_is_no_part_of_the_name_after_it():
    names = {o.name for o in extract_text(PAGE, "t").organisations}
    assert "St Mary’s Hospital" in names and not any("Partner" in name for name in names)


def test_a_line_that_is_a_sentence_is_no_field():
    # "Partner X signed …": a sentence, read as one; only the two names it relates are paired
    text = ("UK Partner Lakeshore District Hospital\n"
            "Partner Riverside General Hospital signed an agreement with Hilltop Clinic.")
    assert {parties for parties, _ in party_sets(text)} == {frozenset({"Riverside General Hospital", "Hilltop Clinic"})}


def test_a_headline_run_into_its_article_is_set_apart():
    text = ("Neue KrankenhausreformDas Klinikum Seehausen und das Universitätsklinikum Talheim haben einen "
            "Kooperationsvertrag unterzeichnet.")
    assert {parties for parties, _ in party_sets(text)} == {frozenset({"Klinikum Seehausen",
                                                                       "Universitätsklinikum Talheim"})}
