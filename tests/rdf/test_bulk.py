"""The two write paths of ``healthgraph build``: a first build streams N-Quads into ``bulk_load``
(the store marked ``loading`` meanwhile); a later build writes each document's difference."""
from __future__ import annotations

import pytest

from healthgraph.errors import HealthgraphError, InputError
from healthgraph.rdf import build as build_module
from healthgraph.rdf.build import build
from healthgraph.rdf.mapping import DERIVED_GRAPH, HG, document_iri, org_iri
from healthgraph.rdf.oxigraph_store import BulkWriter
from healthgraph.rdf.sparql import sparql
from healthgraph.rdf.store import open_store, read_corpus

from rdf_helpers import article, curated_fix

UNION = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


def contents(store_dir):
    """Every quad of the named graphs and every triple of the union the store answers from."""
    with open_store(store_dir, read_only=True) as store:
        return set(store.quads()), set(store.query(UNION).rows)


def documents(tmp_path):
    """Shared organisations and pairs, a curated record correcting an earlier extracted one, and a
    document given twice (its later version wins)."""
    return [article("a1", "bach-mai", "bvdk-lai-chau", technique="lọc máu liên tục"),
            article("a2", "bach-mai", "bvdk-son-la", kind="support"),
            article("art-7", "bach-mai", "bvdk-lai-chau", kind="satellite", signed_on="2016"),
            curated_fix(tmp_path),
            article("a3", "cho-ray", "bvdk-ca-mau", kind="satellite"),
            article("a3", "cho-ray", "bvdk-bac-lieu", kind="satellite")]


def test_a_first_build_equals_an_incremental_build_quad_for_quad(tmp_path):
    sources = documents(tmp_path)
    bulk = build(sources, store=tmp_path / "bulk", show_progress=False)
    for source in sources:
        build([source], store=tmp_path / "steps", show_progress=False)
    assert contents(tmp_path / "bulk") == contents(tmp_path / "steps")
    assert bulk.overridden == 1
    for folder in ("bulk", "steps"):  # the sizes a store keeps as it changes are the sizes it holds
        with open_store(tmp_path / folder, read_only=True) as s:
            assert s.counts() == (sum(1 for _ in s.quads()), len(s.graphs()))
    memory = tmp_path / "memory"
    build(sources, store=memory, kind="memory", show_progress=False)
    assert contents(memory)[0] == contents(tmp_path / "bulk")[0]


def test_an_agreement_stated_in_two_documents_is_counted_once_by_a_first_build(tmp_path):
    from dataclasses import replace

    # the same agreement id in two documents (facts given through the API), to two recipients, read
    # from two sources: the first build folds each document's derived facts as it streams, then recounts these
    first, second = article("d1", "bach-mai", "bvdk-lai-chau"), article("d2", "bach-mai", "bvdk-son-la")
    first.partnerships = [replace(first.partnerships[0], id="agr-shared")]
    second.partnerships = [replace(second.partnerships[0], id="agr-shared",
                                   evidence=replace(second.partnerships[0].evidence, source="Báo Nhân Dân"))]
    sources = [first, second, article("d3", "bach-mai", "bvdk-lai-chau")]
    build(sources, store=tmp_path / "bulk", show_progress=False)
    for source in sources:
        build([source], store=tmp_path / "steps", show_progress=False)
    assert contents(tmp_path / "bulk") == contents(tmp_path / "steps")
    with open_store(tmp_path / "bulk", read_only=True) as store:
        summary = {(str(q[0]), str(q[2])) for q in store.quads(DERIVED_GRAPH) if q[1] == HG.supportAgreements}
    assert summary == {(str(org_iri("bvdk-lai-chau")), "2"), (str(org_iri("bvdk-son-la")), "1")}


def test_the_derived_facts_follow_a_changed_document(tmp_path):
    store = tmp_path / "kg"
    build([article("a1", "bach-mai", "bvdk-lai-chau"), article("a2", "cho-ray", "bvdk-son-la")],
          store=store, show_progress=False)
    build([article("a1", "bach-mai", "bvdk-ca-mau", kind="support")], store=store, show_progress=False)
    fresh = tmp_path / "fresh"
    build([article("a1", "bach-mai", "bvdk-ca-mau", kind="support"), article("a2", "cho-ray", "bvdk-son-la")],
          store=fresh, show_progress=False)
    assert contents(store) == contents(fresh)
    with open_store(store, read_only=True) as s:
        derived = {(t[0], t[1], t[2]) for t in s.quads(DERIVED_GRAPH)}
    assert {t for t in derived if t[1] in (HG.supports, HG.satelliteOf)} == {
        (org_iri("bach-mai"), HG.supports, org_iri("bvdk-ca-mau")),
        (org_iri("cho-ray"), HG.supports, org_iri("bvdk-son-la")),
        (org_iri("bvdk-son-la"), HG.satelliteOf, org_iri("cho-ray"))}
    # the recipients' summaries too: bvdk-lai-chau, which receives nothing any more, has none
    assert {(s, int(o)) for s, p, o in derived if p == HG.supportAgreements} == {
        (org_iri("bvdk-ca-mau"), 1), (org_iri("bvdk-son-la"), 1)}


@pytest.mark.parametrize("kind", ["oxigraph", "memory"])
def test_rebuilding_the_same_document_changes_nothing(tmp_path, kind):
    store = tmp_path / "kg"
    build([article("a1", "bach-mai", "bvdk-lai-chau"), article("a2", "bach-mai", "bvdk-son-la")],
          store=store, kind=kind, show_progress=False)
    before = contents(store)
    with open_store(store) as s:
        report = build([article("a1", "bach-mai", "bvdk-lai-chau")], _store=s, show_progress=False)
        assert s.replace_graph(*_graph_of(s, "a1")) == set()
    assert report.documents == ["a1"]
    assert contents(store) == before


def _graph_of(store, doc_id):
    name = document_iri(doc_id)
    return name, [(s, p, o) for s, p, o, _ in store.quads(name)]


def test_a_store_marked_loading_is_refused_by_readers(tmp_path):
    store = tmp_path / "kg"
    build([article("a1", "bach-mai", "bvdk-lai-chau")], store=store, show_progress=False)
    from healthgraph.rdf.store_folder import loading

    with pytest.raises(RuntimeError):
        with loading(store):
            raise RuntimeError("the process died here")
    for read in (lambda: open_store(store, read_only=True), lambda: sparql(UNION, store=store),
                 lambda: read_corpus(store)):
        with pytest.raises(HealthgraphError, match="incomplete.*rebuild it with `healthgraph build") as error:
            read()
        assert str(store) in str(error.value) and "\n" not in str(error.value)
    # the next build starts it over, and says so
    report = build([article("a2", "bach-mai", "bvdk-son-la")], store=store, show_progress=False)
    assert report.restarted
    assert not build([article("a3", "bach-mai", "bvdk-ha-nam")], store=store, show_progress=False).restarted
    build([article("a2", "bach-mai", "bvdk-son-la"), article("a3", "bach-mai", "bvdk-ha-nam")],
          store=tmp_path / "clean", show_progress=False)
    assert contents(store) == contents(tmp_path / "clean")


def test_an_interrupted_first_build_leaves_no_silent_half_store(tmp_path, monkeypatch):
    store = tmp_path / "kg"
    sources = [article("a1", "bach-mai", "bvdk-lai-chau"), article("a2", "bach-mai", "bvdk-son-la")]

    real_close = BulkWriter.close

    def load_then_fail(self):
        real_close(self)
        raise KeyboardInterrupt

    monkeypatch.setattr(BulkWriter, "close", load_then_fail)
    with pytest.raises(KeyboardInterrupt):
        build(sources, store=store, show_progress=False)
    monkeypatch.undo()
    with pytest.raises(HealthgraphError, match="incomplete"):
        open_store(store, read_only=True)
    build(sources, store=store, show_progress=False)  # building again starts it over
    build(sources, store=tmp_path / "clean", show_progress=False)
    assert contents(store) == contents(tmp_path / "clean")


def test_a_load_that_fails_fails_the_build_in_one_line_and_the_store_says_it_is_incomplete(tmp_path, monkeypatch):
    """bulk_load runs beside the mapping (#15): its failure is the build's, not one document's."""
    store = tmp_path / "kg"
    monkeypatch.setattr(build_module, "_nt", lambda term: "<not an iri")
    with pytest.raises(HealthgraphError, match="bulk_load failed") as error:
        build([article("a1", "bach-mai", "bvdk-lai-chau")], store=store, on_error=lambda e: None, show_progress=False)
    assert "\n" not in str(error.value)
    monkeypatch.undo()
    with pytest.raises(HealthgraphError, match="incomplete"):
        open_store(store, read_only=True)
    build([article("a1", "bach-mai", "bvdk-lai-chau")], store=store, show_progress=False)  # started over
    build([article("a1", "bach-mai", "bvdk-lai-chau")], store=tmp_path / "clean", show_progress=False)
    assert contents(store) == contents(tmp_path / "clean")


@pytest.mark.parametrize("failing", ["document_triples", "_nt"])
def test_a_bad_document_in_a_first_build_is_skipped_and_said(tmp_path, monkeypatch, failing):
    """Whether its mapping or the serialising of one of its terms fails, none of its quads is loaded."""
    real = getattr(build_module, failing)
    seen = []

    def fail_on_son_la(value, *args, **kwargs):
        if "bvdk-son-la" in str(getattr(value, "document", value)) or "bvdk-son-la" in repr(getattr(value, "organisations", "")):
            seen.append(value)
            if failing == "document_triples" or len(seen) == 2:  # a term: after some of its quads were serialised
                raise ValueError("unmappable")
        return real(value, *args, **kwargs)

    monkeypatch.setattr(build_module, failing, fail_on_son_la)
    errors: list[InputError] = []
    report = build([article("a1", "bach-mai", "bvdk-lai-chau"), article("a2", "bach-mai", "bvdk-son-la")],
                   store=tmp_path / "kg", on_error=errors.append, show_progress=False)
    monkeypatch.undo()
    assert report.documents == ["a1"] and len(errors) == 1 and "unmappable" in str(errors[0])
    with open_store(tmp_path / "kg", read_only=True) as s:
        assert len(s) == report.quads > 0
        assert document_iri("a2") not in s.graphs()
        assert not any("bvdk-son-la" in str(term) for quad in s.quads() for term in quad)
        assert not any("bvdk-son-la" in str(term) for row in s.query(UNION).rows for term in row)


def test_the_cli_says_when_a_half_loaded_store_is_started_over(tmp_path):
    from click.testing import CliRunner

    from healthgraph.cli import main
    from healthgraph.rdf.store_folder import loading

    store = tmp_path / "kg"
    article_file = tmp_path / "a.txt"
    article_file.write_text("Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa tỉnh Sơn La.", encoding="utf-8")
    build([article("a1", "bach-mai", "bvdk-lai-chau")], store=store, show_progress=False)
    with pytest.raises(RuntimeError):
        with loading(store):
            raise RuntimeError("the process died here")
    result = CliRunner().invoke(main, ["build", str(article_file), "--store", str(store), "--quiet"])
    assert result.exit_code == 0
    assert f"note: {store}: an earlier build was interrupted while loading it" in result.output


def test_a_first_build_with_a_small_union_window_is_the_same_store(tmp_path, monkeypatch):
    """The first build remembers only the last UNION_WINDOW union triples (its memory stays
    bounded at 1M edges); repeats written again are dropped by bulk_load: same store."""
    sources = documents(tmp_path)
    build(sources, store=tmp_path / "whole", show_progress=False)
    monkeypatch.setattr(build_module, "UNION_WINDOW", 3)
    small = build(sources, store=tmp_path / "window", show_progress=False)
    assert contents(tmp_path / "window") == contents(tmp_path / "whole")
    with open_store(tmp_path / "window", read_only=True) as s:
        assert (small.quads, small.graphs) == s.counts() == (sum(1 for _ in s.quads()), len(s.graphs()))


def test_a_first_build_loaded_in_small_chunks_is_the_same_store(tmp_path, monkeypatch):
    """The N-Quads go into bulk_load a block of lines at a time, each block loading while the next is
    made (bounded memory at 1M edges)."""
    from healthgraph.rdf import oxigraph_store

    sources = documents(tmp_path)
    build(sources, store=tmp_path / "whole", show_progress=False)
    monkeypatch.setattr(oxigraph_store, "LOAD_CHUNK", 7)
    monkeypatch.setattr(build_module, "UNION_WINDOW", 5)
    chunked = build(sources, store=tmp_path / "chunks", show_progress=False)
    assert contents(tmp_path / "chunks") == contents(tmp_path / "whole")
    with open_store(tmp_path / "chunks", read_only=True) as s:
        assert (chunked.quads, chunked.graphs) == s.counts() == (sum(1 for _ in s.quads()), len(s.graphs()))


def test_a_first_build_of_a_jsonl_corpus_read_by_byte_ranges_is_the_incremental_store(tmp_path, monkeypatch):
    """The first build derives its shortcuts from the agreements loaded, not from every document's
    agreements kept to the end (#15): the same derived graph as the mapping's, the same store as
    an incremental build of the same corpus read whole."""
    from healthgraph import extraction
    from healthgraph.rdf.mapping import REFERENCE_GRAPH, derived_graph
    from healthgraph.synthetic import synth

    synth(articles=40, hospitals=20, out=tmp_path / "jl", seed=2, jsonl=True)
    sources = [tmp_path / "jl", curated_fix(tmp_path)]
    monkeypatch.setattr(extraction, "STREAM_BYTES", 2048)
    bulk = build(sources, store=tmp_path / "bulk", on_error=lambda e: None, show_progress=False)
    monkeypatch.undo()
    build([], store=tmp_path / "steps", show_progress=False)  # a store that is not empty: the next build is incremental
    steps = build(sources, store=tmp_path / "steps", on_error=lambda e: None, show_progress=False)
    assert len(bulk.documents) == len(steps.documents) == 41
    assert contents(tmp_path / "bulk") == contents(tmp_path / "steps")
    with open_store(tmp_path / "bulk", read_only=True) as s:
        derived = {quad[:3] for quad in s.quads(DERIVED_GRAPH)}
        stated = [quad[:3] for quad in s.quads() if quad[3] not in (DERIVED_GRAPH, REFERENCE_GRAPH)]
    assert derived and derived == set(derived_graph(stated))
