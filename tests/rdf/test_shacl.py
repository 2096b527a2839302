"""SHACL: built graphs conform; broken input is caught with a message naming the problem."""
from __future__ import annotations

from rdflib import Graph

from healthgraph.model import Evidence, Partnership, TechniqueTransfer
from healthgraph.rdf.build import build
from healthgraph.rdf.mapping import document_graph, reference_graph
from healthgraph.rdf.validate import check_graph, validate

from rdf_helpers import article, cli, write


def graph_of(*facts) -> Graph:
    graph = Graph()
    for g in (reference_graph(), *(document_graph(f) for f in facts)):
        for t in g:
            graph.add(t)
    return graph


def messages(report):
    return {(v["focus"].rsplit("/", 1)[-1], v["message"]) for v in report.violations}


def test_a_built_store_passes_shacl(tmp_path, corpus_facts):
    build(corpus_facts, store=tmp_path / "kg", show_progress=False)
    report = validate(store=tmp_path / "kg")
    assert report.conforms, report.violations
    assert report.triples > 100


def test_the_shipped_example_passes_shacl_through_the_cli(tmp_path):
    store = tmp_path / "kg"
    cli("build", "examples/curated", "--store", str(store), cwd=_root())
    result = cli("validate", "--store", str(store))
    assert "valid:" in result.stderr


def test_broken_facts_fail_with_the_right_messages():
    facts = article("bad-1", "bach-mai", "bvdk-lai-chau")
    ev = Evidence("bad-1", "…", "vi")
    one_party = Partnership(("bach-mai", "bach-mai"), "agreement", ev)
    outsider = Partnership(("bach-mai", "bvdk-lai-chau"), "support", ev, supporter="cho-ray")
    bad_date = Partnership(("bach-mai", "bvdk-son-la"), "agreement", ev, signed_on="2017-13-45")
    no_recipient = TechniqueTransfer("lọc máu", ev, source="bach-mai", recipient=None)
    facts.partnerships += [one_party, outsider, bad_date]
    facts.techniques.append(no_recipient)
    report = check_graph(graph_of(facts))
    assert not report.conforms
    found = messages(report)
    assert (one_party.id, "agreement needs at least two distinct parties") in found
    assert (outsider.id, "the supporter or recipient is not one of the parties") in found
    assert (bad_date.id, "signing date is not an ISO date (YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD)") in found
    assert (no_recipient.id, "technique transfer needs exactly one recipient organisation (hg:transferredTo)") in found
    # the good agreement of the same document raises nothing
    assert not any(f == facts.partnerships[0].id for f, _ in found)


def test_a_transfer_without_technique_fails():
    facts = article("bad-2", "bach-mai", "bvdk-lai-chau")
    facts.techniques.append(TechniqueTransfer("", Evidence("bad-2", "…", "vi"), source="bach-mai",
                                              recipient="bvdk-lai-chau"))
    report = check_graph(graph_of(facts))
    assert ("technique transfer needs exactly one technique (a skos:Concept)" in {v["message"] for v in report.violations})


def test_validate_cli_prints_violations_of_a_hand_edited_file_and_exits_1(tmp_path):
    broken = write(tmp_path / "edit.ttl", """
        @prefix hg: <https://w3id.org/healthgraph/ontology#> .
        @prefix hgid: <https://w3id.org/healthgraph/id/> .
        <https://w3id.org/healthgraph/id/agreement/agr-x> a hg:Agreement ; hg:kind "partnership" ;
            hg:party <https://w3id.org/healthgraph/id/org/bach-mai> .
        <https://w3id.org/healthgraph/id/org/bach-mai> a hg:Organisation ; <http://purl.org/dc/terms/identifier> "bach-mai" .
        """)
    result = cli("validate", str(broken), "--format", "csv", check=False)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "focus,path,message,value"
    assert any(l.startswith("hgid:agreement/agr-x,hg:party,agreement needs at least two distinct parties")
               for l in lines)
    assert any("hg:kind" in l and "exactly one kind" in l for l in lines)
    assert "invalid:" in result.stderr


def _root():
    from pathlib import Path

    return Path(__file__).resolve().parents[2]


def test_an_unparsable_rdf_file_is_a_one_line_error(tmp_path):
    broken = write(tmp_path / "edit.ttl", "@prefix hg: <https://w3id.org/healthgraph/ontology#> .\nhg:x hg:y .\n")
    result = cli("validate", str(broken), check=False)
    assert result.returncode == 1
    assert result.stderr.startswith(f"warning: skipped {broken}: cannot parse as turtle")
    assert result.stderr.strip().splitlines()[1:] == ["nothing validated: no source could be read"]


def test_build_keeps_half_read_facts_out_of_the_store(tmp_path):
    facts = article("half", "bach-mai", "bvdk-lai-chau")
    lost = TechniqueTransfer("lọc máu", Evidence("half", "Bạch Mai chuyển giao kỹ thuật lọc máu.", "vi"),
                             source="bach-mai", recipient=None)
    facts.techniques.append(lost)
    report = build([facts], store=tmp_path / "kg", show_progress=False)
    assert report.incomplete == [("half", lost.id, "technique transfer without a recipient")]
    assert validate(store=tmp_path / "kg").conforms
