"""``healthgraph build``: ingest SOURCES into a persistent quad store, incrementally.

Each source document owns one named graph (its document IRI). Building writes, per
document, exactly the triples of its facts (replacing what an earlier build wrote for it),
rewrites the reference graph (gazetteer, concept schemes) and recomputes the derived graph
(``hg:supports``, ``hg:satelliteOf``). Hence building twice gives the same store, and adding
one article adds only its triples (plus the shortcuts they imply).

Curated facts win: writing a curated agreement removes the same agreement id from every
other graph, and an extracted agreement whose id is curated elsewhere is not written.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rdflib import URIRef

from ..errors import HealthgraphError, InputError
from ..factstore import clear_facts, write_facts
from ..sources import iter_facts
from ..model import DocumentFacts, Partnership, TechniqueTransfer
from ..output import progress
from .mapping import (DERIVED_GRAPH, REFERENCE_GRAPH, agreement_iri, default_gazetteer, derived_graph,
                      document_graph, document_iri, incomplete, reference_graph, transfer_iri)
from .store import RDFStore, open_store

_CURATED_IDS = """
SELECT ?id ?g WHERE { GRAPH ?g { ?fact hg:curated true ; dcterms:identifier ?id } }
"""
_DIRECTED = """
SELECT ?s ?p ?o WHERE { GRAPH ?g {
  { ?s hg:supporter ?o . BIND(hg:supporter AS ?p) } UNION { ?s hg:recipient ?o . BIND(hg:recipient AS ?p) }
  UNION { ?s a hg:SatelliteRelation . BIND(rdf:type AS ?p) BIND(hg:SatelliteRelation AS ?o) } } }
"""


@dataclass
class BuildReport:
    """What a build did: documents written, files skipped (with the reason), store size."""

    store: str | None
    kind: str
    documents: list[str] = field(default_factory=list)
    errors: list[HealthgraphError] = field(default_factory=list)
    overridden: int = 0
    incomplete: list[tuple[str, str, str]] = field(default_factory=list)  # (document, fact id, reason)
    quads: int = 0
    graphs: int = 0


def fact_subjects(fact_id: str) -> list[URIRef]:
    """Every subject IRI the mapping writes for an agreement (``agr-…``) or transfer (``tt-…``)."""
    node = agreement_iri(fact_id) if fact_id.startswith("agr-") else transfer_iri(fact_id)
    base = str(node)
    return [node, URIRef(base + "/derivation"), URIRef(base + "/validity"),
            URIRef(base + "/validity/begin"), URIRef(base + "/validity/end")]


def build(sources: Iterable[str | Path | DocumentFacts], store: str | Path | None = None, kind: str | None = None,
          fresh: bool = False, on_error: Callable[[HealthgraphError], None] | None = None,
          show_progress: bool = True, _store: RDFStore | None = None) -> BuildReport:
    """Ingest SOURCES (articles, curated files, or DocumentFacts) into the store at ``store``.

    Parameters
    ----------
    sources : iterable of paths or DocumentFacts
        Files or folders (articles ``.txt/.html/.jsonl``, curated ``.yaml/.json/.csv``), or
        facts already in memory.
    store : str or Path, optional
        The store folder (created if missing). ``None`` builds a throw-away store.
    kind : {"oxigraph", "memory"}, optional
        Store backend for a new store (``oxigraph`` by default); must match an existing one.
    fresh : bool
        Empty the store first instead of updating it.
    on_error : callable, optional
        Called with each bad source (:class:`~healthgraph.errors.InputError`), which is
        skipped; by default the error is raised.
    show_progress : bool
        Progress bar on a terminal.

    Returns
    -------
    BuildReport

    Examples
    --------
    >>> from healthgraph.model import Document, DocumentFacts, Organisation
    >>> facts = DocumentFacts(Document("d1", ""), [Organisation("bach-mai", "Bệnh viện Bạch Mai", "hospital")])
    >>> build([facts], kind="memory", show_progress=False).documents
    ['d1']
    """
    sources = list(sources)
    paths = [s for s in sources if not isinstance(s, DocumentFacts)]
    given = [s for s in sources if isinstance(s, DocumentFacts)]
    target = _store if _store is not None else open_store(store, kind=kind, create=True)  # an empty store is falsy
    report = BuildReport(None if store is None else str(store), target.kind)

    def record(exc: HealthgraphError) -> None:
        if on_error is None:
            raise exc
        report.errors.append(exc)
        on_error(exc)

    kept_in = getattr(target, "path", None)  # the store folder that keeps the facts (none in memory)
    try:
        if fresh:
            for graph in target.graphs():
                target.replace_graph(graph, ())
            if kept_in is not None:
                clear_facts(kept_in)
        gazetteer = default_gazetteer()
        target.replace_graph(REFERENCE_GRAPH, reference_graph(gazetteer))
        curated_in: dict[str, set] = {}
        for row in target.query(_CURATED_IDS).rows:
            curated_in.setdefault(str(row[0]), set()).add(row[1])
        facts_iter = iter_facts(paths, on_error=record, show_progress=show_progress) if paths else iter(())
        all_facts = progress(_chain(given, facts_iter), description="building graph", enabled=show_progress)
        for facts in all_facts:
            try:  # one document's fault loses that document, said, not the build
                _ingest(target, facts, gazetteer, curated_in, report)
                if kept_in is not None:
                    write_facts(kept_in, facts)
            except HealthgraphError:
                raise
            except Exception as exc:  # noqa: BLE001 - reported as that document's error
                record(InputError(facts.document.path or facts.document.id,
                                  f"not stored ({type(exc).__name__}: {exc})"))
        _rebuild_derived(target)
        report.quads = len(target)
        report.graphs = len(target.graphs())
    finally:
        if _store is None:
            target.close()
    return report


def _chain(*iterables):
    for it in iterables:
        yield from it


def _ingest(store: RDFStore, facts: DocumentFacts, gazetteer, curated_in: dict[str, set], report: BuildReport) -> None:
    name = document_iri(facts.document.id)
    own: list[Partnership | TechniqueTransfer] = [*facts.partnerships, *facts.techniques]
    # extracted facts that a curated record in another graph corrects are not written here
    skip = {f.id for f in own if not f.curated and (curated_in.get(f.id, set()) - {name})}
    half = incomplete(facts)  # half-read facts would fail SHACL: reported, not stored
    report.incomplete += [(facts.document.id, fact_id, reason) for fact_id, reason in sorted(half.items())]
    skip |= set(half)
    own = [f for f in own if f.id not in half]
    store.replace_graph(name, document_graph(facts, gazetteer, skip=skip))
    for ids in curated_in.values():
        ids.discard(name)
    for fact in own:
        if fact.curated:
            report.overridden += bool(store.remove_subjects(fact_subjects(fact.id), keep_graph=name))
            curated_in.setdefault(fact.id, set()).add(name)
    report.documents.append(facts.document.id)


def _rebuild_derived(store: RDFStore) -> None:
    triples = [tuple(row) for row in store.query(_DIRECTED).rows]
    store.replace_graph(DERIVED_GRAPH, derived_graph(triples))
