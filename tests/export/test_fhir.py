"""``healthgraph export --format fhir``: a FHIR R5 Bundle that the R5 models of
``fhir.resources`` accept, mapped as docs/fhir.md says, that reads back to the same facts."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from fhir.resources.bundle import Bundle
from fhir.resources.organizationaffiliation import OrganizationAffiliation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthgraph.cli import main
from healthgraph.exporters import export
from healthgraph.exporters.fhir import RELATION_SYSTEM, SYMMETRIC_URL, read, to_bundle
from healthgraph.sources import load_corpus

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def facts_of(corpus):
    organisations = {o.id: (o.name, o.kind, o.province) for o in corpus.organisations.values()}
    partnerships = {p.id: (tuple(sorted(p.parties)), p.kind, p.supporter, p.valid_from or p.signed_on, p.valid_to,
                           sorted(f.name for f in p.fields), p.evidence.sentence)
                    for p in corpus.partnerships.values()}
    return organisations, partnerships


def test_the_examples_export_as_a_valid_r5_bundle_mapped_as_documented(tmp_path):
    out = tmp_path / "network.fhir.json"
    result = CliRunner().invoke(main, ["export", str(EXAMPLES), "--format", "fhir", "-o", str(out)])
    assert result.exit_code == 0, result.output
    bundle = json.loads(out.read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)  # the R5 models: raises on any field R5 does not have
    organizations = {o["id"]: o for o in resources(bundle, "Organization")}
    assert organizations["bach-mai"]["name"] == "Bệnh viện Bạch Mai"
    assert organizations["bvdk-phu-tho"]["contact"][0]["address"]["state"] == "Phú Thọ"
    assert {"bvdk-phu-tho", "bvdk-lai-chau"} <= set(organizations)
    satellites = [a for a in resources(bundle, "OrganizationAffiliation")
                  if a["code"][0]["coding"][0] == {"system": RELATION_SYSTEM, "code": "satellite",
                                                   "display": "Satellite hospital of a core hospital"}]
    of_bach_mai = {a["participatingOrganization"]["reference"] for a in satellites
                   if a["organization"]["reference"] == "Organization/bach-mai"}  # the core hospital
    assert of_bach_mai == {"Organization/bvdk-phu-tho", "Organization/bvdk-lai-chau", "Organization/bvdk-ha-nam",
                           "Organization/bvdk-ninh-binh"}
    assert all(a["network"] == [{"reference": "Organization/de-an-benh-vien-ve-tinh"}] for a in satellites)
    phu_tho = next(a for a in satellites if a["participatingOrganization"]["reference"].endswith("phu-tho"))
    assert phu_tho["period"] == {"start": "2024", "end": "2028"}  # "giai đoạn 2024–2028"
    assert {s["text"] for s in phu_tho["specialty"]} >= {"can thiệp mạch vành qua da"}  # a technique transferred
    equals = next(a for a in resources(bundle, "OrganizationAffiliation")
                  if a["participatingOrganization"]["reference"].endswith("lao-cai-2"))
    assert {"url": SYMMETRIC_URL, "valueBoolean": True} in equals["extension"]
    assert equals["organization"]["reference"] == "Organization/bvdk-lai-chau"  # of two equals, the first id
    assert equals["period"] == {"start": "2025-10-27", "end": "2030-10-27"}


def test_hostile_names_stay_text_and_the_bundle_stays_valid(corpus, evil, tmp_path):
    bundle = to_bundle(corpus)
    Bundle.model_validate(bundle)
    assert evil in {o["name"] for o in resources(bundle, "Organization")}


def test_a_round_trip_keeps_the_facts(tmp_path):
    corpus = load_corpus([EXAMPLES])
    out = tmp_path / "b.fhir.json"
    export(corpus, "fhir", out)
    assert facts_of(read(out)) == facts_of(corpus)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=0, max_value=10_000))
def test_any_synthetic_corpus_validates_and_round_trips(tmp_path, seed):
    from healthgraph.synthetic import synth_corpus

    corpus = synth_corpus(12, hospitals=30, seed=seed)
    bundle = to_bundle(corpus)
    for entry in bundle["entry"]:
        if entry["resource"]["resourceType"] == "OrganizationAffiliation":
            OrganizationAffiliation.model_validate(entry["resource"])
    Bundle.model_validate(bundle)
    out = tmp_path / f"{seed}.fhir.json"
    out.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    assert facts_of(read(out)) == facts_of(corpus)
