"""``healthgraph build``: ingest SOURCES into a persistent quad store, incrementally.

Each source document owns one named graph (its document IRI). Building writes, per
document, exactly the triples of its facts, rewrites the reference graph (gazetteer,
concept schemes) and keeps the derived graph current: the shortcuts (``hg:supports``,
``hg:satelliteOf``) and each recipient's support summary (``hg:supportAgreements``,
``hg:supportSources``), all made by :class:`~.mapping.Shortcuts`. The store's description
records their version (``derived``); a build into a store whose derived facts are older
recomputes them all.

Two paths, one result (the tests compare them quad for quad):

- a first build (an empty Oxigraph store on disk) streams every graph, and the union of
  them for the default graph, deduplicated as it goes (within a bounded window, :data:`UNION_WINDOW`:
  ``bulk_load`` drops whatever repeats beyond it), into ``bulk_load`` a block at a time, each
  block loading while the next is made; the store is marked ``loading`` meanwhile (:func:`.store_folder.loading`);
  the derived facts are folded document by document as they stream (memory per recipient, not per
  agreement) and loaded last; what only the end of the stream knows (a curated correction, a
  document given twice, an agreement stated in two documents) is then recounted from the store;
- a later build writes, per document, only the difference from what the store holds for
  it, in one transaction, and recomputes the derived facts of the recipients it touched.
  Building the same document twice changes nothing.

Curated facts win: writing a curated agreement removes the same agreement id from every
other graph, and an extracted agreement whose id is curated elsewhere is not written.
"""
from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from rdflib import URIRef
from rdflib.namespace import DCTERMS, PROV

from ..batches import batches
from ..errors import HealthgraphError, InputError
from ..factstore import facts_writer
from ..sources import iter_facts
from ..model import DocumentFacts, Partnership, TechniqueTransfer
from ..output import progress
from .mapping import (DERIVATION_SUFFIX, DERIVED_GRAPH, HG, REFERENCE_GRAPH, Shortcuts, agreement_iri, default_gazetteer,
                      document_iri, document_triples, incomplete, reference_graph, transfer_iri)
from .oxigraph_store import OxigraphStore, to_ox
from .store import RDFStore, open_store, store_meta
from .store_folder import DERIVED_VERSION, loading, update_meta

# The union triples remembered while a first build streams its N-Quads, to write each one once.
# A window, not the whole union: at 1M edges the whole union (~9M N-Triples strings) took
# ~2 GB; a triple repeated after the window was emptied is written again, and Oxigraph's
# bulk_load keeps one copy of a repeated quad, so the store is the same.
UNION_WINDOW = 500_000

_CURATED_IDS = """
SELECT ?id ?g WHERE { GRAPH ?g { ?fact hg:curated true ; dcterms:identifier ?id } }
"""
# the recipients of the agreements given as VALUES
_RECIPIENTS = "SELECT DISTINCT ?r WHERE { VALUES ?a { %s } ?a hg:recipient ?r }"
# every recipient of an agreement (a store whose derived facts are older than this healthgraph's)
_ALL_RECIPIENTS = "SELECT DISTINCT ?r WHERE { ?a hg:recipient ?r }"
# the agreements the recipients given as VALUES receive
_RECEIVED = "SELECT ?a WHERE { VALUES ?r { %s } ?a hg:recipient ?r }"
# the triples of the subjects given as VALUES with the predicates given (each subject a lookup;
# a VALUES of predicates instead made Oxigraph scan them: seconds for a thousand agreements)
_TRIPLES = """SELECT ?s ?p ?o WHERE { VALUES ?s { %s } ?s ?p ?o
  FILTER(?p IN (%s) && (?p != rdf:type || ?o = hg:SatelliteRelation)) }"""
# ... and the derived facts about them that the derived graph holds
_HELD = """SELECT ?x ?p ?y WHERE { VALUES ?r { %s } GRAPH <%s> {
  { ?x hg:supports ?r BIND(hg:supports AS ?p) BIND(?r AS ?y) }
  UNION { ?r ?p ?y VALUES ?p { hg:satelliteOf hg:supportAgreements hg:supportSources } BIND(?r AS ?x) } } }"""
REFRESH_CHUNK = 1_000  # recipients per query when refreshing derived facts


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
    restarted: bool = False  # the store was left half-loaded by an interrupted build: it was started over
    writes: int | None = None  # write requests sent to a SPARQL endpoint (none when nothing changed)


def fact_subjects(fact_id: str) -> list[URIRef]:
    """Every subject IRI the mapping writes for an agreement (``agr-…``) or transfer (``tt-…``)."""
    node = agreement_iri(fact_id) if fact_id.startswith("agr-") else transfer_iri(fact_id)
    base = str(node)
    return [node, URIRef(base + "/derivation"), URIRef(base + "/validity"),
            URIRef(base + "/validity/begin"), URIRef(base + "/validity/end")]


def build(sources: Iterable[str | Path | DocumentFacts], store: str | Path | None = None, kind: str | None = None,
          fresh: bool = False, on_error: Callable[[HealthgraphError], None] | None = None,
          show_progress: bool = True, dask: Any = None, _store: RDFStore | None = None, sparql_endpoint=None,
          graph_store: str | None = None, update_endpoint: str | None = None) -> BuildReport:
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
    dask : distributed.Client or str, optional
        Extract the articles on a Dask cluster (a client or the scheduler's address); each
        document is stored as its partition comes back, and the store ends the same as after
        a local build (see :mod:`healthgraph.cluster`).
    sparql_endpoint : str or Endpoint, optional
        Write into this SPARQL 1.1 endpoint (the user's own triple store, e.g. a Fuseki
        dataset URL) instead of a store folder: each document's named graph with the Graph
        Store Protocol, the shortcuts and overrides with SPARQL Update
        (:mod:`healthgraph.rdf.sparql_store`). Credentials come from ``SPARQL_USER`` and
        ``SPARQL_PASSWORD``/``SPARQL_PASSWORD_FILE`` (or an
        :class:`~healthgraph.rdf.sparql_store.Endpoint`).
    graph_store, update_endpoint : str, optional
        Where the server takes Graph Store Protocol and SPARQL Update requests, when not at
        ``sparql_endpoint`` (GraphDB: ``…/rdf-graphs/service`` and ``…/statements``).

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
    restarted = _store is None and store is not None and Path(store).is_dir() \
        and bool((store_meta(store, partial_ok=True) or {}).get("loading"))
    remote = None
    if sparql_endpoint is not None:
        if store is not None or _store is not None:
            raise HealthgraphError("build into a store folder or a SPARQL endpoint, not both")
        from .sparql_store import Endpoint, SparqlStore, endpoint_settings

        remote = SparqlStore(sparql_endpoint if isinstance(sparql_endpoint, Endpoint) else
                             endpoint_settings(sparql_endpoint, update=update_endpoint, graph_store=graph_store))
        if fresh:
            remote.clear()
        store, _store = remote.url, remote
    target = _store if _store is not None else open_store(store, kind=kind, create=True, fresh=fresh)
    report = BuildReport(None if store is None else str(store), target.kind, restarted=restarted)

    def record(exc: HealthgraphError) -> None:
        if on_error is None:
            raise exc
        report.errors.append(exc)
        on_error(exc)

    kept_in = getattr(target, "path", None)  # the store folder that keeps the facts (none in memory)
    try:
        gazetteer = default_gazetteer()
        facts_iter = iter_facts(paths, on_error=record, show_progress=show_progress, dask=dask) if paths else iter(())
        all_facts = progress(_chain(given, facts_iter), description="building graph", enabled=show_progress)
        if remote is not None:
            all_facts = _read_ahead(all_facts, remote)
        ingest = _Ingest(target, gazetteer, report, record)
        if kept_in is not None and isinstance(target, OxigraphStore) and target.is_empty():
            with loading(kept_in):
                ingest.bulk(all_facts, target, kept_in)
        else:
            ingest.incremental(all_facts)
        if remote is not None:
            remote.flush()
            report.writes = remote.writes
        report.quads, report.graphs = target.counts()
    finally:
        if _store is None or remote is not None:
            target.close()
    return report


def _read_ahead(all_facts: Iterable[DocumentFacts], remote, size: int = 100):
    """The documents as they come, with what the endpoint holds for each ``size`` of them read
    in one query first (:meth:`~.sparql_store.SparqlStore.prefetch`)."""
    chunk: list[DocumentFacts] = []
    for facts in _chain(all_facts, [None]):
        if facts is not None:
            chunk.append(facts)
            if len(chunk) < size:
                continue
        remote.prefetch(document_iri(f.document.id) for f in chunk)
        yield from chunk
        chunk = []


def _chain(*iterables):
    for it in iterables:
        yield from it


class _Ingest:
    """Writes documents into a store, keeping curated overrides and the derived graph right."""

    def __init__(self, store: RDFStore, gazetteer, report: BuildReport, record: Callable[[HealthgraphError], None]):
        self.store, self.gazetteer, self.report, self.record = store, gazetteer, report, record
        self.curated_in: dict[str, set] = {}  # curated fact id -> the graphs stating it
        for row in store.query(_CURATED_IDS).rows:
            self.curated_in.setdefault(str(row[0]), set()).add(row[1])
        self.changed: set[tuple] = set()  # triples written or removed: their pairs' shortcuts are refreshed

    def triples(self, facts: DocumentFacts) -> tuple[URIRef, set[tuple], list[str]]:
        """The graph name and triples of one document, and the curated fact ids it states."""
        name = document_iri(facts.document.id)
        own: list[Partnership | TechniqueTransfer] = [*facts.partnerships, *facts.techniques]
        # extracted facts that a curated record in another graph corrects are not written here
        skip = {f.id for f in own if not f.curated and (self.curated_in.get(f.id, set()) - {name})}
        half = incomplete(facts)  # half-read facts would fail SHACL: reported, not stored
        self.report.incomplete += [(facts.document.id, fact_id, reason) for fact_id, reason in sorted(half.items())]
        triples = document_triples(facts, self.gazetteer, skip=skip | set(half))
        for ids in self.curated_in.values():
            ids.discard(name)
        curated = [f.id for f in own if f.curated and f.id not in half]
        for fact_id in curated:
            self.curated_in.setdefault(fact_id, set()).add(name)
        return name, triples, curated

    def each(self, all_facts: Iterable[DocumentFacts], write: Callable[[DocumentFacts], None]) -> None:
        """``write`` each document and keep its facts; one document's fault loses that document, said, not the build."""
        kept_in = getattr(self.store, "path", None)
        with facts_writer(kept_in) if kept_in is not None else nullcontext(None) as keep:
            for facts in all_facts:
                try:
                    write(facts)
                    if keep is not None:
                        keep(facts)
                except HealthgraphError:
                    raise
                except Exception as exc:  # noqa: BLE001 - reported as that document's error
                    self.record(InputError(facts.document.path or facts.document.id,
                                           f"not stored ({type(exc).__name__}: {exc})"))
                    continue
                self.report.documents.append(facts.document.id)

    def incremental(self, all_facts: Iterable[DocumentFacts]) -> None:
        folder = getattr(self.store, "path", None)
        digest = _reference_digest()
        # the reference graph is thousands of triples: rewritten only when what it is made from changed
        if folder is None or (store_meta(folder) or {}).get("reference") != digest:
            self.changed |= self.store.replace_graph(REFERENCE_GRAPH, reference_graph(self.gazetteer))
            if folder is not None:
                update_meta(folder, reference=digest)
        self.each(all_facts, self.update)
        self.refresh_shortcuts(everything=self.derived_outdated())
        if folder is not None:
            update_meta(folder, derived=DERIVED_VERSION)

    def derived_outdated(self) -> bool:
        """Whether the store's derived facts are of an older healthgraph (then they are all recomputed):
        a store folder says so in its description, an endpoint by holding shortcuts but no summaries."""
        folder = getattr(self.store, "path", None)
        if folder is not None:
            return (store_meta(folder) or {}).get("derived") != DERIVED_VERSION
        holds = "ASK WHERE { GRAPH <%s> { ?s %s ?o } }"
        return bool(self.store.query(holds % (DERIVED_GRAPH, "hg:supports")).boolean) and \
            not self.store.query(holds % (DERIVED_GRAPH, "hg:supportAgreements")).boolean

    def update(self, facts: DocumentFacts) -> None:
        """Write one document's difference from what the store holds for it."""
        name, triples, curated = self.triples(facts)
        self.changed |= self.store.replace_graph(name, triples)
        self.changed |= triples  # its own pairs too: a build interrupted before the refresh is mended by the next
        self.override(name, curated)

    def override(self, name: URIRef, curated: list[str]) -> None:
        for fact_id in curated:
            removed = self.store.remove_subjects(fact_subjects(fact_id), keep_graph=name)
            self.report.overridden += bool(removed)
            self.changed |= removed

    def bulk(self, all_facts: Iterable[DocumentFacts], store: OxigraphStore, folder: Path) -> None:
        """Stream every graph and the union, deduplicated, into ``bulk_load`` as they are made
        (:meth:`~.oxigraph_store.OxigraphStore.bulk_writer`), and last the derived graph, folded
        document by document (:meth:`~.mapping.Shortcuts.settle`: memory per recipient, not per
        agreement). What only the end of the stream knows (curated facts that correct earlier
        ones, documents given twice, an agreement stated in two documents) is then mended from
        the loaded store by the incremental path's refresh."""
        union: set[str] = set()  # the union's triples written lately, as N-Triples (at most UNION_WINDOW)
        curated_last: dict[str, URIRef] = {}  # curated fact id -> the graph stating it last (it wins)
        names: set[URIRef] = set()
        again: list[DocumentFacts] = []  # a document given twice: its later version replaces the first after the load
        derived = Shortcuts()
        seen: set[int] = set()  # hashes of the agreements settled (a collision only costs a recount)

        with store.bulk_writer() as loader:
            def write_graph(name: URIRef, triples: Iterable[tuple]) -> None:
                graph = f" {to_ox(name)} .\n"
                lines = [f"{_nt(s)} {_nt(p)} {_nt(o)}" for s, p, o in triples]  # a bad term fails them all
                quads = [triple + graph for triple in lines]
                for triple in lines:
                    if triple not in union:
                        if len(union) >= UNION_WINDOW:
                            union.clear()
                        union.add(triple)
                        quads.append(triple + " .\n")
                loader.write("".join(quads), len(quads))

            def write(facts: DocumentFacts) -> None:
                if document_iri(facts.document.id) in names:
                    again.append(facts)
                    return
                name, triples, curated = self.triples(facts)
                write_graph(name, triples)
                names.add(name)
                curated_last.update(dict.fromkeys(curated, name))
                derived.add(triples)
                agreements = {hash(a) for a in derived.agreements()}
                if not seen.isdisjoint(agreements):
                    self.changed |= triples  # settled before from another document: recounted after the load
                seen.update(agreements)
                derived.settle()

            write_graph(REFERENCE_GRAPH, reference_graph(self.gazetteer))
            self.each(all_facts, write)
            write_graph(DERIVED_GRAPH, derived.triples())
            union.clear()  # its memory is the load's
        update_meta(folder, reference=_reference_digest())
        for fact_id, name in curated_last.items():
            self.override(name, [fact_id])
        for facts in again:
            self.update(facts)
        self.refresh_shortcuts()
        update_meta(folder, derived=DERIVED_VERSION)

    def refresh_shortcuts(self, everything: bool = False) -> None:
        """Recompute the derived facts of every recipient the changed triples touch (all of
        them if ``everything``): who supports it, whether it is a satellite, its support summary."""
        changed, self.changed = self.changed, set()
        supporter, recipient, satellite = HG.supporter, HG.recipient, HG.SatelliteRelation
        touched = {o for s, p, o in changed if p == recipient}
        agreements = set()
        for s, p, o in changed:
            if p in (supporter, recipient, PROV.qualifiedDerivation) or o == satellite:
                agreements.add(s)
            elif p in (PROV.entity, DCTERMS.source) and s.endswith(DERIVATION_SUFFIX):
                agreements.add(URIRef(s[:-len(DERIVATION_SUFFIX)]))
        for chunk in batches(sorted(agreements), REFRESH_CHUNK):
            touched.update(row[0] for row in self.store.query(_RECIPIENTS % " ".join(map(_nt, chunk))).rows)
        if everything:
            touched.update(row[0] for row in self.store.query(_ALL_RECIPIENTS).rows)
            touched.update(q[2] if q[1] == HG.supports else q[0] for q in self.store.quads(DERIVED_GRAPH))
        for chunk in batches(sorted(touched), REFRESH_CHUNK):
            values = " ".join(map(_nt, chunk))
            implied = self._incoming(values).triples(recipients=set(chunk))
            held = {tuple(row) for row in self.store.query(_HELD % (values, DERIVED_GRAPH)).rows}
            self.store.update_graph(DERIVED_GRAPH, held - implied, implied - held)


    def _incoming(self, recipients: str) -> Shortcuts:
        """What the derived facts of ``recipients`` (SPARQL terms) are made from: the agreements they
        receive, those agreements' parties, types and derivations, the derivations' documents and
        sources, the documents' identifiers (looked up level by level: one query of lookups each)."""
        facts = Shortcuts()
        agreements = sorted({row[0] for row in self.store.query(_RECEIVED % recipients).rows})
        for chunk in batches(agreements, REFRESH_CHUNK * 10):
            facts.add(self._triples(chunk, "hg:supporter, hg:recipient, rdf:type, prov:qualifiedDerivation"))
        derivations = sorted({d for ds in facts.derivations.values() for d in ds})
        for chunk in batches(derivations, REFRESH_CHUNK * 10):
            facts.add(self._triples(chunk, "prov:entity, dcterms:source"))
        documents = sorted({d for ds in facts.entities.values() for d in ds})
        for chunk in batches(documents, REFRESH_CHUNK * 10):
            facts.add(self._triples(chunk, "dcterms:identifier"))
        return facts

    def _triples(self, subjects: Sequence, predicates: str) -> list:
        return self.store.query(_TRIPLES % (" ".join(map(_nt, subjects)), predicates)).rows


def _reference_digest() -> str:
    """A digest of what the reference graph is made from: the gazetteer, the concept lexicons and the mapping."""
    from hashlib import sha256

    from ..resources import data_file
    from . import mapping

    digest = sha256(Path(mapping.__file__).read_bytes())
    for parts in (("gazetteer", "provinces.yaml"), ("gazetteer", "organisations.yaml"),
                  ("lexicon", "techniques.yaml"), ("lexicon", "specialties.yaml")):
        path = data_file("loaders", *parts)
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()


@lru_cache(maxsize=1 << 16)
def _nt(term) -> str:
    """A term in N-Triples (and SPARQL) syntax (predicates, classes, organisations and the literals
    of names and kinds recur in every document)."""
    return str(to_ox(term))
