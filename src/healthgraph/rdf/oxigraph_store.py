"""The ``oxigraph`` store: pyoxigraph used directly, RocksDB on disk under ``DIR/oxigraph``.

SPARQL is evaluated in Rust and bulk loading makes no per-triple Python calls. The same
folder is what ``oxigraph serve-read-only --location`` opens, so ``healthgraph serve``
needs no export.

Queries see the union of the named graphs as their default graph, as a set: a triple that
several documents state is one triple. Oxigraph's ``use_default_graph_as_union`` is not
such a set (it joins quads, so every pattern repeats once per graph holding the triple and
joins over shared descriptions grow quadratically), hence this store keeps the union
materialised in its default graph and queries that (store ``format`` 2; a format-1 store
is upgraded when opened for writing and queried in union mode when opened read-only).

Also here: converting terms between rdflib and pyoxigraph (:func:`to_ox`, :func:`from_ox`).
"""
from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from queue import Queue
from threading import Thread
from typing import Iterator

from rdflib import BNode, Literal, URIRef

from ..errors import HealthgraphError
from .mapping import PREFIXES
from .store_base import BULK_GRAPH, QueryResult, RDFStore
from .store_folder import STORE_FORMAT, materialises_union, read_meta, update_meta, write_meta
from .values_blocks import bind_as_values

# N-Quads lines per bulk_load call in a first build (see BulkWriter): the first block is small, so
# that loading starts early and a small build's last load is short; each next one twice the size,
# up to LOAD_CHUNK, so that a big build makes few loads (bigger loads cost RocksDB less; three blocks
# of ~25 MB at most wait or load at once). At 16,000 partnerships, blocks of 50,000 lines built in
# 31-34 s (390-415 MB peak), of 100,000 in 26-28 s (485 MB), of 200,000 in 26-27 s (615 MB).
FIRST_LOAD_CHUNK = 25_000
LOAD_CHUNK = 100_000


class BulkWriter:
    """N-Quads lines into a store's ``bulk_load``, in blocks growing from :data:`FIRST_LOAD_CHUNK` to
    :data:`LOAD_CHUNK` lines, on a loader thread: ``bulk_load`` releases the GIL, so the next block
    is made while this one loads (the mapping and the load each take one core of a first build). At
    most two blocks wait, so memory stays bounded at 1M edges; a quad repeated across blocks is
    stored once."""

    def __init__(self, store) -> None:
        self._store = store
        self._parts: list[str] = []
        self._lines = 0
        self._chunk = min(FIRST_LOAD_CHUNK, LOAD_CHUNK)
        self._blocks: Queue = Queue(maxsize=2)
        self._error: BaseException | None = None
        self._loader = Thread(target=self._load, name="bulk_load", daemon=True)
        self._loader.start()

    def write(self, text: str, lines: int) -> None:
        """Add ``text``, ``lines`` whole N-Quads lines."""
        self._parts.append(text)
        self._lines += lines
        if self._lines >= self._chunk:
            self._send()
            self._chunk = min(2 * self._chunk, LOAD_CHUNK)

    def close(self) -> None:
        """Load what is left and wait for every block; a failed load raises here."""
        if self._parts:
            self._send()
        self._stop()
        if self._error is not None:
            raise self._error

    def abandon(self) -> None:
        """Stop after the block loading now (the writer failed: the store is half-loaded, and marked so)."""
        self._error = self._error or HealthgraphError("bulk load abandoned")
        self._stop()

    def _stop(self) -> None:
        self._blocks.put(None)
        self._loader.join()
        self._store = None  # the store's RocksDB lock goes with its last reference, even if a traceback keeps this writer

    def _send(self) -> None:
        if self._error is not None:
            raise self._error
        block = "".join(self._parts).encode("utf-8")
        self._parts, self._lines = [], 0
        self._blocks.put(block)

    def _load(self) -> None:
        import pyoxigraph as ox

        while (block := self._blocks.get()) is not None:
            if self._error is None:  # after a failure the blocks still queued are dropped, not loaded
                try:
                    self._store.bulk_load(input=block, format=ox.RdfFormat.N_QUADS)
                except Exception as exc:  # noqa: BLE001 - raised in the writer's thread, as the build's fault
                    self._error = HealthgraphError(f"bulk_load failed ({type(exc).__name__}: {exc})")
                except BaseException as exc:  # noqa: BLE001 - an interrupt, raised in the writer's thread
                    self._error = exc


def to_ox(term):
    """rdflib term -> pyoxigraph term."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"cannot store {term!r}")


def from_ox(term):
    """pyoxigraph term -> rdflib term (``None`` stays ``None``: an unbound variable)."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        # what URIRef() makes, without its validity check: Oxigraph holds valid IRIs only (0.37 µs an
        # IRI instead of 0.61, for every row of every query)
        return str.__new__(URIRef, term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        return _literal(term.value, term.language, term.datatype.value)
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"unexpected term {term!r}")


@lru_cache(maxsize=1 << 16)
def _literal(value: str, language: str | None, datatype: str) -> Literal:
    """An rdflib Literal, made once per distinct term: names, ids and dates recur in query
    results, and making a Literal (it parses the lexical form) costs more than the query's
    own work per row."""
    if language:
        return Literal(value, lang=language)
    return Literal(value, datatype=None if datatype.endswith("#string") else URIRef(datatype))


def _block(triples) -> str:
    """Triples of pyoxigraph terms as SPARQL (a term's ``str`` is its N-Triples form)."""
    return " ".join(f"{s} {p} {o} ." for s, p, o in triples)


_OX_FORMATS = {"nt": "N_TRIPLES", "nq": "N_QUADS", "ttl": "TURTLE", "trig": "TRIG"}


class OxigraphStore(RDFStore):
    """pyoxigraph store on disk (``DIR/oxigraph``), or in memory when ``path`` is ``None``."""

    kind = "oxigraph"

    def __init__(self, path: Path | None, read_only: bool = False):
        import pyoxigraph as ox

        super().__init__(path, read_only)
        meta = None if path is None else read_meta(path, kinds=(self.kind,), partial_ok=True)  # open_store decides
        self._union_materialised = materialises_union(meta)
        self.location = None if path is None else Path(path) / "oxigraph"
        try:
            if self.location is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(self.location))
            else:
                self._store = ox.Store(str(self.location))
        except OSError as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            hint = " (another process is writing it: stop that build or `healthgraph serve` first)" \
                if "lock" in first.lower() else ""
            raise HealthgraphError(f"{path}: cannot open the oxigraph store: {first}{hint}") from exc
        if path is not None and meta is not None and not self._union_materialised and not read_only:
            self._materialise_union(Path(path), meta)
        # quads and non-empty graphs, kept as the store changes (counting is a scan); a writer takes
        # them out of the folder's description until it closes, so a crash leaves them to be counted again
        counts = (meta or {}).get("counts")
        if path is not None and meta is not None and counts is not None and not read_only:
            update_meta(Path(path), counts=None)
        self._counts: list[int] | None = list(counts) if counts is not None else None
        self._described = meta is not None  # a folder without a description (a serve snapshot) gets none

    def _materialise_union(self, path: Path, meta: dict) -> None:
        """Upgrade a format-1 store: copy every named graph's triples into the default graph."""
        self._store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        write_meta(path, {**meta, "format": STORE_FORMAT})
        self._union_materialised = True

    def replace_graph(self, name, triples) -> set[tuple]:
        import pyoxigraph as ox

        graph = ox.NamedNode(str(name))
        old = {(q.subject, q.predicate, q.object) for q in self._store.quads_for_pattern(None, None, None, graph)}
        new = {(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples}
        self._apply(graph, old - new, new - old)
        return {(from_ox(s), from_ox(p), from_ox(o)) for s, p, o in old ^ new}

    def update_graph(self, name, remove, add) -> None:
        import pyoxigraph as ox

        self._apply(ox.NamedNode(str(name)), {tuple(map(to_ox, t)) for t in remove}, {tuple(map(to_ox, t)) for t in add})

    def _apply(self, graph, remove: set, add: set) -> None:
        """One SPARQL update, hence one transaction: the graph's difference and the union's share of it
        (a removed triple leaves the union only when no named graph states it any more)."""
        if not remove and not add:
            return
        had = self._holds(graph)
        operations = []
        if remove:
            rows = " ".join(f"({s} {p} {o})" for s, p, o in remove)
            operations.append(f"DELETE DATA {{ GRAPH {graph} {{ {_block(remove)} }} }}")
            operations.append(f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{ {rows} }} "
                              f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }} }}")
        if add:
            operations.append(f"INSERT DATA {{ GRAPH {graph} {{ {_block(add)} }} {_block(add)} }}")
        self._store.update(" ;\n".join(operations))
        holds = self._holds(graph)
        if not holds:
            self._store.remove_graph(graph)  # an emptied graph is no graph (as in the memory store)
        if self._counts is not None:
            self._counts[0] += len(add) - len(remove)
            self._counts[1] += holds - had

    def _holds(self, graph) -> bool:
        return next(iter(self._store.quads_for_pattern(None, None, None, graph)), None) is not None

    def remove_subjects(self, subjects, keep_graph=None) -> set[tuple]:
        import pyoxigraph as ox

        keep = None if keep_graph is None else to_ox(keep_graph)
        removed: dict = {}  # graph -> its triples about the subjects
        for subject in subjects:
            for quad in self._store.quads_for_pattern(to_ox(subject), None, None, None):
                if not isinstance(quad.graph_name, ox.DefaultGraph) and (keep is None or quad.graph_name != keep):
                    removed.setdefault(quad.graph_name, set()).add((quad.subject, quad.predicate, quad.object))
        for graph, triples in removed.items():
            self._apply(graph, triples, set())
        return {(from_ox(s), from_ox(p), from_ox(o)) for triples in removed.values() for s, p, o in triples}

    def clear(self) -> None:
        self._store.clear()
        self._counts = [0, 0]

    def is_empty(self) -> bool:
        return next(iter(self._store.quads_for_pattern(None, None, None, None)), None) is None

    def counts(self) -> tuple[int, int]:
        if self._counts is None:
            self._counts = [self._count_quads(), len(self.graphs())]
        return self._counts[0], self._counts[1]

    @contextmanager
    def bulk_writer(self) -> Iterator["BulkWriter"]:
        """Load N-Quads whose default graph already holds the union into this empty store (a first
        build) as they are written: see :class:`BulkWriter`. ``bulk_load`` makes no transaction, so
        the caller marks the folder meanwhile."""
        writer = BulkWriter(self._store)
        try:
            yield writer
        except BaseException:
            writer.abandon()
            raise
        finally:
            self._counts = None
        writer.close()

    def graphs(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self._store.named_graphs())

    def quads(self, graph=None):
        """The named graphs' quads (the materialised union in the default graph is not repeated)."""
        import pyoxigraph as ox

        pattern = None if graph is None else ox.NamedNode(str(graph))
        for q in self._store.quads_for_pattern(None, None, None, pattern):
            if not isinstance(q.graph_name, ox.DefaultGraph):
                yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), from_ox(q.graph_name)

    def copy_from(self, other: "OxigraphStore") -> None:
        """Add every quad of ``other``, its default graph included (an exact copy into an empty store)."""
        self._store.bulk_extend(other._store.quads_for_pattern(None, None, None, None))
        self._union_materialised = other._union_materialised
        self._counts = None  # counted when asked

    def query(self, query, bindings=None) -> QueryResult:
        import pyoxigraph as ox

        terms = {k: to_ox(v) for k, v in (bindings or {}).items()}
        inlined = bind_as_values(query, terms) if terms else None
        substitutions = None if inlined or not terms else {ox.Variable(k): t for k, t in terms.items()}
        try:
            result = self._store.query(inlined or query, prefixes=PREFIXES,
                                       use_default_graph_as_union=not self._union_materialised,
                                       substitutions=substitutions)
            if isinstance(result, ox.QueryBoolean):
                return QueryResult("ask", boolean=bool(result))
            # solutions are lazy: evaluation errors (a SERVICE that fails, a bad cast) come while reading them
            if isinstance(result, ox.QuerySolutions):
                names = [v.value for v in result.variables]
                rows = [tuple(from_ox(solution[i]) for i in range(len(names))) for solution in result]
                return QueryResult("select", names, rows)
            rows = [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in result]
            return QueryResult("graph", ["subject", "predicate", "object"], rows)
        except SyntaxError as exc:
            raise HealthgraphError(f"SPARQL syntax error: {' '.join(str(exc).split())}") from exc
        except (RuntimeError, OSError) as exc:
            message = ' '.join(str(exc).split())
            if "projection" in message:
                message += " (a parameter must be one of the SELECTed variables)"
            raise HealthgraphError(f"SPARQL query failed: {message}") from exc

    def bulk_load(self, data, fmt="nt", graph=None) -> None:
        import pyoxigraph as ox

        rdf_format = getattr(ox.RdfFormat, _OX_FORMATS[fmt])
        source = {"path": str(data)} if isinstance(data, Path) else {"input": data}
        if rdf_format.supports_datasets:
            self._store.bulk_load(**source, format=rdf_format)
        else:
            self._store.bulk_load(**source, format=rdf_format, to_graph=ox.NamedNode(str(graph or BULK_GRAPH)))
        # the union: the same triples again, into the default graph
        self._store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in ox.parse(**source, format=rdf_format))
        self._counts = None

    def __len__(self) -> int:
        """Quads in the named graphs."""
        return self.counts()[0]

    def _count_quads(self) -> int:
        if not self._union_materialised:
            return len(self._store)
        import pyoxigraph as ox

        counted = self._store.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
        assert isinstance(counted, ox.QuerySolutions)  # a SELECT answers solutions
        union = next(iter(counted))["n"]
        return len(self._store) - int(union.value)

    def close(self) -> None:
        if hasattr(self, "_store"):  # closing twice is harmless
            if self.location is not None and not self.read_only:
                try:
                    self._store.flush()
                except OSError:
                    pass  # read-only stores cannot flush
                if self._counts is not None and self.path is not None and self._described:
                    update_meta(Path(self.path), counts=self._counts)
            del self._store  # releases RocksDB's lock (serve reopens the folder right after)
