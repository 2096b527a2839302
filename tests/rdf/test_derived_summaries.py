"""Each recipient's support summary (``hg:supportAgreements``, ``hg:supportSources``), derived
facts that ``build`` keeps current like the shortcuts, and the store version that records them."""
from __future__ import annotations

import dataclasses
import json

import pytest

from healthgraph.errors import HealthgraphError
from healthgraph.model import Document, DocumentFacts
from healthgraph.queries import query
from healthgraph.rdf.build import build
from healthgraph.rdf.mapping import DERIVED_GRAPH, HG, org_iri
from healthgraph.rdf.store import open_store
from healthgraph.rdf.store_folder import DERIVED_VERSION, META_FILE

from rdf_helpers import article


def summaries(store_dir) -> dict[str, tuple[int, str]]:
    """organisation id -> (hg:supportAgreements, hg:supportSources) in the derived graph."""
    out: dict[str, dict] = {}
    with open_store(store_dir, read_only=True) as store:
        for s, p, o, *_ in store.quads(DERIVED_GRAPH):
            if p in (HG.supportAgreements, HG.supportSources):
                out.setdefault(str(s).rsplit("/", 1)[1], {})[p] = o
    return {k: (int(v[HG.supportAgreements]), str(v[HG.supportSources])) for k, v in out.items()}


def contents(store_dir):
    with open_store(store_dir, read_only=True) as store:
        return set(store.quads()), set(store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }").rows)


def from_source(facts: DocumentFacts, source: str | None) -> DocumentFacts:
    """The same document with its agreement read from another source (``None``: no source)."""
    p = facts.partnerships[0]
    return dataclasses.replace(facts, partnerships=[dataclasses.replace(
        p, evidence=dataclasses.replace(p.evidence, source=source))])


def emptied(doc_id: str) -> DocumentFacts:
    """The document ``doc_id`` once it states nothing any more."""
    return DocumentFacts(Document(doc_id, "", language="vi"), [], [])


@pytest.mark.parametrize("kind", ["oxigraph", "memory"])
def test_summaries_follow_replaced_and_emptied_documents(tmp_path, kind):
    store = tmp_path / "kg"
    a1 = article("a1", "bach-mai", "bvdk-lai-chau")
    a2 = from_source(article("a2", "cho-ray", "bvdk-lai-chau", kind="support"), None)
    build([a1, a2], store=store, kind=kind, show_progress=False)
    # no source: the document's identifier stands for it
    assert summaries(store) == {"bvdk-lai-chau": (2, "Báo Sức khỏe; a2")}

    build([article("a1", "bach-mai", "bvdk-son-la")], store=store, show_progress=False)  # a1 replaced
    assert summaries(store) == {"bvdk-lai-chau": (1, "a2"), "bvdk-son-la": (1, "Báo Sức khỏe")}

    build([from_source(article("a1", "bach-mai", "bvdk-son-la"), "VnExpress")], store=store, show_progress=False)
    assert summaries(store) == {"bvdk-lai-chau": (1, "a2"), "bvdk-son-la": (1, "VnExpress")}  # only its source changed

    build([emptied("a2")], store=store, show_progress=False)  # a2 removed
    assert summaries(store) == {"bvdk-son-la": (1, "VnExpress")}

    # the same as a first build of what the store now holds
    fresh = tmp_path / "fresh"
    build([from_source(article("a1", "bach-mai", "bvdk-son-la"), "VnExpress"), emptied("a2")], store=fresh,
          kind=kind, show_progress=False)
    assert contents(store) == contents(fresh)


def test_a_first_build_writes_the_summaries_an_update_would(tmp_path):
    docs = [article("a1", "bach-mai", "bvdk-lai-chau"), article("a2", "cho-ray", "bvdk-lai-chau", kind="support"),
            article("a3", "bach-mai", "bvdk-son-la"), article("a1", "bach-mai", "bvdk-son-la")]  # a1 twice: the last wins
    build(docs, store=tmp_path / "bulk", show_progress=False)
    for doc in docs:
        build([doc], store=tmp_path / "steps", show_progress=False)
    assert contents(tmp_path / "bulk") == contents(tmp_path / "steps")
    assert summaries(tmp_path / "bulk") == {"bvdk-lai-chau": (1, "Báo Sức khỏe"), "bvdk-son-la": (2, "Báo Sức khỏe")}


def test_a_store_with_older_derived_facts_is_refused_until_built_again(tmp_path):
    store = tmp_path / "kg"
    build([article("a1", "bach-mai", "bvdk-lai-chau"), article("a2", "bach-mai", "bvdk-son-la")], store=store,
          show_progress=False)
    meta_file = store / META_FILE
    assert json.loads(meta_file.read_text())["derived"] == DERIVED_VERSION
    current = contents(store)
    # what an older healthgraph left: no summaries, no "derived" in the description
    with open_store(store) as s:
        old = {q[:3] for q in s.quads(DERIVED_GRAPH) if q[1] in (HG.supportAgreements, HG.supportSources)}
        s.update_graph(DERIVED_GRAPH, old, set())
    meta = json.loads(meta_file.read_text())
    del meta["derived"]
    meta_file.write_text(json.dumps(meta))

    with pytest.raises(HealthgraphError) as refused:
        query("dependants", {"hospital": "bach-mai"}, backend="rdf", store=store)
    message = str(refused.value)
    assert "\n" not in message and "healthgraph build" in message and str(store) in message

    build([], store=store, show_progress=False)  # any build brings every summary up to date
    assert contents(store) == current
    rows = query("dependants", {"hospital": "bach-mai"}, backend="rdf", store=store)
    assert {(r["dependant"], r["incoming"], r["sources"]) for r in rows} == {
        ("bvdk-lai-chau", 1, "Báo Sức khỏe"), ("bvdk-son-la", 1, "Báo Sức khỏe")}
    assert org_iri("bvdk-son-la") in {s for s, *_ in current[0]}
