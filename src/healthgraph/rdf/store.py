"""Quad stores behind one small registry (rdflib-style): ``oxigraph`` (default) and ``memory``.

``oxigraph``
    pyoxigraph used directly: RocksDB on disk under ``DIR/oxigraph``, SPARQL evaluated in
    Rust, bulk loading without per-triple Python calls. The same folder is what
    ``oxigraph serve-read-only --location`` opens, so ``healthgraph serve`` needs no export.
``memory``
    A plain rdflib :class:`~rdflib.Dataset`, persisted as ``DIR/dataset.nq`` between runs
    (read whole at open, written whole at close). The reference for correctness and the
    baseline of the benchmarks.

A store folder holds ``healthgraph-store.json`` naming its kind, so every command that
takes ``--store DIR`` opens it with the right backend.

Every store answers SPARQL with the default graph being the union of all named graphs,
as a set: a triple that several documents state is one triple. rdflib's union graph is
such a set; Oxigraph's ``use_default_graph_as_union`` is not (it joins quads, so every
pattern repeats once per graph holding the triple and joins over shared descriptions grow
quadratically), hence the ``oxigraph`` store keeps the union materialised in its default
graph and queries that (store ``format`` 2; a format-1 store is upgraded when opened for
writing and queried in union mode when opened read-only).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import BNode, Literal, URIRef
from rdflib.term import Variable

from ..errors import HealthgraphError
from ..sources import STORE_MARKER
from .mapping import PREFIXES

META_FILE = STORE_MARKER
DEFAULT_KIND = "oxigraph"
BULK_GRAPH = URIRef("urn:healthgraph:bulk")  # where bulk-loaded triples go without a graph
STORE_FORMAT = 2  # 2: the oxigraph default graph holds the union of the named graphs


class QueryResult:
    """A SPARQL result with rdflib terms: ``kind`` is ``select``, ``ask`` or ``graph``."""

    def __init__(self, kind: str, variables: list[str] | None = None, rows: list[tuple] | None = None,
                 boolean: bool | None = None):
        self.kind = kind
        self.variables = variables or []
        self.rows = rows or []
        self.boolean = boolean


class RDFStore:
    """The interface every store kind implements (quads are rdflib terms; graphs are named)."""

    kind = ""

    def replace_graph(self, name: URIRef, triples: Iterable[tuple]) -> None:
        """Drop graph ``name`` and write ``triples`` into it (re-ingesting a document)."""
        raise NotImplementedError

    def remove_subjects(self, subjects: Iterable[URIRef], keep_graph: URIRef | None = None) -> int:
        """Remove every triple about ``subjects`` in every graph but ``keep_graph``; return how many."""
        raise NotImplementedError

    def graphs(self) -> list[URIRef]:
        raise NotImplementedError

    def quads(self, graph: URIRef | None = None) -> Iterator[tuple]:
        """Yield ``(s, p, o, g)`` for every quad (of one graph if given)."""
        raise NotImplementedError

    def query(self, query: str, bindings: dict | None = None) -> QueryResult:
        """Run SPARQL; ``bindings`` maps variable names to rdflib terms, bound by the engine."""
        raise NotImplementedError

    def bulk_load(self, data: bytes | str | Path, fmt: str = "nt", graph: URIRef | None = None) -> None:
        """Load a serialisation fast (``nt``/``nq``/``ttl``), for large inputs and benchmarks."""
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def close(self) -> None:
        """Persist and release the store."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# oxigraph -------------------------------------------------------------------------------

_VARIABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# stepped over whole by the scanner, so that a brace or keyword inside is never syntax:
# comments, IRIs, long strings, strings
_OPAQUE = re.compile("|".join([r"#[^\n]*", r"<[^<>\"{}|^`\\\s]*>",
                               r'"""(?:[^"\\]|\\.|"(?!""))*"""', r"'''(?:[^'\\]|\\.|'(?!''))*'''",
                               r'"(?:[^"\\\n]|\\.)*"', r"'(?:[^'\\\n]|\\.)*'"]))
_WHERE_END = re.compile(r"\bWHERE\s*$", re.IGNORECASE)
_SELECT = re.compile(r"\bSELECT\b", re.IGNORECASE)
_SLICE = re.compile(r"\b(?:LIMIT|OFFSET)\b", re.IGNORECASE)
_ALL = None  # the outermost query's scope: every variable


def _projected(projection: str) -> set[str]:
    """Plain variables a SELECT projects (``(expr AS ?v)`` makes new ones; ``*`` counts as none)."""
    depth, plain = 0, []
    for char in projection:
        depth += char == "("
        plain.append(char if depth == 0 else " ")
        depth -= char == ")"
    return set(re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", "".join(plain).replace("*", "")))


def _where_groups(query: str) -> list[tuple[int, set[str] | None]]:
    """Each ``WHERE {`` group: (offset after its brace, the variables it shares with the
    outermost query: ``None`` for the outermost itself)."""
    masked = _OPAQUE.sub(lambda m: " " * len(m.group()), query)
    closing, opened = {}, []
    for i, char in enumerate(masked):
        if char == "{":
            opened.append(i)
        elif char == "}" and opened:
            closing[opened.pop()] = i
    groups, scopes = [], []  # scopes: (closing offset, shared names) of the WHERE groups we are in
    for i, char in enumerate(masked):
        if char != "{":
            continue
        while scopes and scopes[-1][0] < i:
            scopes.pop()
        where = _WHERE_END.search(masked, 0, i)
        if not where:
            continue
        selects = list(_SELECT.finditer(masked, 0, where.start()))
        if not scopes and not groups:
            shared = _ALL
        elif not selects:
            shared = set()
        else:
            select = selects[-1]
            wrapper = max((o for o in closing if o < select.start() and closing[o] > i), default=None)
            modifiers = masked[closing.get(i, len(masked)):closing.get(wrapper, len(masked))]
            shared = set() if _SLICE.search(modifiers) else _projected(masked[select.end():where.start()])
            if scopes and scopes[-1][1] is not _ALL:
                shared &= scopes[-1][1]
        groups.append((i + 1, shared))
        scopes.append((closing.get(i, len(masked)), shared))
    return groups


def bind_as_values(query: str, terms: dict) -> str | None:
    r"""Bind parameters with ``VALUES`` blocks opening the query's WHERE clause and the
    WHERE clause of every subquery that projects them.

    Oxigraph applies ``substitutions`` after evaluating the whole pattern (seconds on a
    10k-edge graph where a bound start takes a millisecond), while a leading ``VALUES``
    block seeds the join. A subquery is evaluated on its own, so one that projects the
    parameter (``{ SELECT ?hospital (COUNT(?x) AS ?n) WHERE { … } GROUP BY ?hospital }``)
    gets the block too: its rows for other values could never join the outer ones. Not
    when it (or a subquery around it) has ``LIMIT``/``OFFSET``, which narrowing would
    change. The terms are pyoxigraph ``NamedNode``/``Literal`` objects serialised by
    pyoxigraph itself (N-Triples escaping; an IRI is validated when the node is made), so a
    value can never end its term or the block. ``None`` when the query has no ``WHERE {``
    to open (the caller then falls back to ``substitutions``).

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> bind_as_values('SELECT ?x WHERE { ?x ?p ?o }', {"o": ox.Literal('a" } DROP ALL')})
    'SELECT ?x WHERE { VALUES (?o) { ("a\\" } DROP ALL") } ?x ?p ?o }'
    >>> print(bind_as_values('SELECT * WHERE { { SELECT ?o (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?o } }',
    ...                      {"o": ox.Literal("x")}))
    SELECT * WHERE { VALUES (?o) { ("x") } { SELECT ?o (COUNT(*) AS ?n) WHERE { VALUES (?o) { ("x") } ?s ?p ?o } GROUP BY ?o } }
    """
    for name in terms:
        if not _VARIABLE_NAME.match(name):
            raise HealthgraphError("a parameter name is a SPARQL variable name (letters, digits, _)")
        if not re.search(rf"[?$]{name}\b", query):
            raise HealthgraphError(f"parameter {name!r}: the query has no variable ?{name}")
    groups = _where_groups(query)
    if not groups:
        return None
    for position, shared in reversed(groups):
        names = [n for n in terms if shared is _ALL or n in shared]
        if names:
            block = " VALUES ({}) {{ ({}) }}".format(" ".join("?" + n for n in names),
                                                     " ".join(str(terms[n]) for n in names))
            query = query[:position] + block + query[position:]
    return query


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
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype.endswith("#string") else URIRef(datatype))
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"unexpected term {term!r}")


_OX_FORMATS = {"nt": "N_TRIPLES", "nq": "N_QUADS", "ttl": "TURTLE", "trig": "TRIG"}


class OxigraphStore(RDFStore):
    """pyoxigraph store on disk (``DIR/oxigraph``), or in memory when ``path`` is ``None``."""

    kind = "oxigraph"

    def __init__(self, path: Path | None, read_only: bool = False):
        import pyoxigraph as ox

        self.path = path
        self._read_only = read_only
        self._union_materialised = path is None or materialises_union(store_meta(path))
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
        if not self._union_materialised and not read_only and self.location is not None:
            self._materialise_union()

    def _materialise_union(self) -> None:
        """Upgrade a format-1 store: copy every named graph's triples into the default graph."""
        self._store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        _write_meta(self.path, {**store_meta(self.path), "format": STORE_FORMAT})
        self._union_materialised = True

    def _drop_from_union(self, triples) -> None:
        """Remove from the default graph each of ``triples`` that no named graph states any more."""
        import pyoxigraph as ox

        for s, p, o in triples:
            if not any(not isinstance(q.graph_name, ox.DefaultGraph) for q in self._store.quads_for_pattern(s, p, o)):
                self._store.remove(ox.Quad(s, p, o))

    def replace_graph(self, name, triples) -> None:
        import pyoxigraph as ox

        graph = ox.NamedNode(str(name))
        old = {(q.subject, q.predicate, q.object) for q in self._store.quads_for_pattern(None, None, None, graph)}
        new = {(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples}
        self._store.remove_graph(graph)
        # the document's graph and its share of the union in one transaction
        self._store.extend([*(ox.Quad(s, p, o, graph) for s, p, o in new), *(ox.Quad(s, p, o) for s, p, o in new)])
        self._drop_from_union(old - new)

    def remove_subjects(self, subjects, keep_graph=None) -> int:
        import pyoxigraph as ox

        keep = None if keep_graph is None else to_ox(keep_graph)
        removed = set()
        for subject in subjects:
            for quad in list(self._store.quads_for_pattern(to_ox(subject), None, None, None)):
                if not isinstance(quad.graph_name, ox.DefaultGraph) and (keep is None or quad.graph_name != keep):
                    self._store.remove(quad)
                    removed.add(quad)
        self._drop_from_union({(q.subject, q.predicate, q.object) for q in removed})
        return len(removed)

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

    def __len__(self) -> int:
        """Quads in the named graphs."""
        if not self._union_materialised:
            return len(self._store)
        union = next(iter(self._store.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")))["n"]
        return len(self._store) - int(union.value)

    def close(self) -> None:
        if getattr(self, "_store", None) is not None:
            if self.location is not None and not getattr(self, "_read_only", False):
                try:
                    self._store.flush()
                except OSError:
                    pass  # read-only stores cannot flush
            self._store = None


# plain rdflib ----------------------------------------------------------------------------

class MemoryStore(RDFStore):
    """A plain rdflib Dataset (default graph = union), persisted as ``DIR/dataset.nq``."""

    kind = "memory"

    def __init__(self, path: Path | None, read_only: bool = False):
        from rdflib import Dataset

        self.path = path
        self.read_only = read_only
        self.file = None if path is None else Path(path) / "dataset.nq"
        self.dataset = Dataset(default_union=True)
        self._dirty = False
        self._lock = None if path is None or read_only else _writer_lock(Path(path))
        if self.file is not None and self.file.exists():
            self.dataset.parse(self.file, format="nquads")

    def _graph(self, name):
        return self.dataset.graph(URIRef(str(name)))

    def replace_graph(self, name, triples) -> None:
        self.dataset.remove_graph(self._graph(name))
        graph = self._graph(name)
        for triple in triples:
            graph.add(triple)
        self._dirty = True

    def remove_subjects(self, subjects, keep_graph=None) -> int:
        removed = 0
        for subject in subjects:
            for s, p, o, g in list(self.dataset.quads((subject, None, None, None))):
                name = getattr(g, "identifier", g)
                if keep_graph is None or name != keep_graph:
                    self.dataset.graph(name).remove((s, p, o))
                    removed += 1
        self._dirty = self._dirty or bool(removed)
        return removed

    def graphs(self) -> list[URIRef]:
        return sorted(g.identifier for g in self.dataset.graphs()
                      if isinstance(g.identifier, URIRef) and len(g) and not str(g.identifier).startswith("urn:x-rdflib:"))

    def quads(self, graph=None):
        for s, p, o, g in self.dataset.quads((None, None, None, None if graph is None else URIRef(str(graph)))):
            yield s, p, o, getattr(g, "identifier", g)

    def query(self, query, bindings=None) -> QueryResult:
        # rdflib's initBindings also narrow subqueries that do not project the variable (and
        # before their LIMIT), so parameters go in as VALUES blocks here too
        inlined = bind_as_values(query, {k: to_ox(v) for k, v in bindings.items()}) if bindings else None
        init = {} if inlined else {Variable(k): v for k, v in (bindings or {}).items()}
        try:
            result = self.dataset.query(inlined or query, initNs=PREFIXES, initBindings=init)
        except Exception as exc:  # rdflib raises pyparsing errors for syntax problems
            if type(exc).__name__ in ("ParseException", "ParseSyntaxException"):
                raise HealthgraphError(f"SPARQL syntax error: {' '.join(str(exc).split())}") from exc
            raise
        if result.type == "ASK":
            return QueryResult("ask", boolean=bool(result.askAnswer))
        if result.type == "SELECT":
            names = [str(v) for v in result.vars]
            return QueryResult("select", names, [tuple(row) for row in result])
        return QueryResult("graph", ["subject", "predicate", "object"], [tuple(t) for t in result])

    def bulk_load(self, data, fmt="nt", graph=None) -> None:
        rdflib_fmt = {"nt": "nt", "nq": "nquads", "ttl": "turtle", "trig": "trig"}[fmt]
        target = self.dataset if fmt in ("nq", "trig") else self._graph(graph or BULK_GRAPH)
        if isinstance(data, Path):
            target.parse(data, format=rdflib_fmt)
        else:
            target.parse(data=data, format=rdflib_fmt)
        self._dirty = True

    def __len__(self) -> int:
        return sum(1 for _ in self.dataset.quads((None, None, None, None)))

    def close(self) -> None:
        if self.file is not None and self._dirty and not self.read_only:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.file.with_suffix(".nq.tmp")
            self.dataset.serialize(destination=tmp, format="nquads")
            tmp.replace(self.file)  # never leave a half-written store behind
            self._dirty = False
        if self._lock is not None:
            self._lock.close()  # closing the file releases the lock
            self._lock = None


def _writer_lock(path: Path):
    """Hold the writer's lock of the memory store at ``path`` until the returned file is closed.

    The memory store reads the whole dataset when opened and writes it back when closed, so a
    second writer in between would overwrite the first one's documents without a word; like
    Oxigraph's own lock, this makes it a clear error instead.
    """
    import fcntl

    handle = open(path / "writer.lock", "a+b")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise HealthgraphError(f"{path}: cannot open the memory store: another process is writing it "
                               f"(stop that build first)") from None
    return handle


STORES: dict[str, type[RDFStore]] = {"oxigraph": OxigraphStore, "memory": MemoryStore}


def store_meta(path: str | Path) -> dict | None:
    """The description in a store folder (``kind``, ``format``), or ``None`` if the folder is not a store."""
    meta = Path(path) / META_FILE
    if not meta.is_file():
        return None
    try:
        described = json.loads(meta.read_text(encoding="utf-8"))
        kind, version = described["kind"], described.get("format", 1)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:  # not JSON, not an object, no kind
        raise HealthgraphError(f"{meta}: not a healthgraph store description ({type(exc).__name__}: {exc})") from exc
    if not isinstance(kind, str) or kind not in STORES:
        raise HealthgraphError(f"{meta}: unknown store kind {kind!r} (expected one of {', '.join(STORES)})")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= STORE_FORMAT:
        raise HealthgraphError(f"{meta}: unknown store format {version!r} (this healthgraph reads 1 to {STORE_FORMAT})")
    return described


def materialises_union(meta: dict | None) -> bool:
    """Whether an oxigraph store so described keeps the union in its default graph (format 2);
    a folder not described yet is a new store, which does."""
    return meta is None or meta.get("format", 1) >= 2


def _write_meta(path: Path, meta: dict) -> None:
    (path / META_FILE).write_text(json.dumps(meta) + "\n", encoding="utf-8")


def store_kind(path: str | Path) -> str | None:
    """The kind recorded in a store folder, or ``None`` if the folder is not a store."""
    meta = store_meta(path)
    return None if meta is None else meta["kind"]


def open_store(path: str | Path | None, kind: str | None = None, create: bool = False,
               read_only: bool = False) -> RDFStore:
    """Open (or create) the store at ``path``.

    Parameters
    ----------
    path : str or Path or None
        The store folder; ``None`` for a throw-away in-memory store of ``kind``.
    kind : {"oxigraph", "memory"}, optional
        Required to match an existing store; the default for a new one is ``oxigraph``.
    create : bool
        Create the folder if it is not a store yet (``build``); otherwise a missing store is an error.
    read_only : bool
        Open without taking the writer lock (queries, exports, validation).

    Returns
    -------
    RDFStore

    Examples
    --------
    >>> with open_store(None, "memory") as s:
    ...     len(s)
    0
    """
    if kind is not None and kind not in STORES:
        raise HealthgraphError(f"unknown store kind {kind!r}; choose one of {', '.join(STORES)}")
    if path is None:
        return STORES[kind or DEFAULT_KIND](None)
    path = Path(path)
    existing = store_kind(path) if path.is_dir() else None
    if existing is None:
        if not create:
            raise HealthgraphError(f"{path}: no healthgraph store here (build one with "
                                   f"`healthgraph build SOURCES --store {path}`)")
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise HealthgraphError(f"{path}: exists and is not a healthgraph store; choose a new or empty folder")
        path.mkdir(parents=True, exist_ok=True)
        existing = kind or DEFAULT_KIND
        _write_meta(path, {"kind": existing, "format": STORE_FORMAT})
    elif kind is not None and kind != existing:
        raise HealthgraphError(f"{path}: is a {existing!r} store, not {kind!r}")
    return STORES[existing](path, read_only=read_only)


def read_corpus(path: str | Path):
    """The :class:`~healthgraph.model.Corpus` of the facts the store at ``path`` keeps
    (:mod:`healthgraph.factstore`), merged as from SOURCES.

    Used by ``--store`` in ``export``, ``viz``, ``neo4j load`` and the networkx backend.
    """
    from ..factstore import read_facts
    from ..model import Corpus

    if store_meta(path) is None:
        raise HealthgraphError(f"{path}: no healthgraph store here (build one with "
                               f"`healthgraph build SOURCES --store {path}`)")
    return Corpus.from_facts(read_facts(path))


load_corpus_from_store = read_corpus
