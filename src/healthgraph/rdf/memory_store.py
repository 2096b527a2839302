"""The ``memory`` store: a plain rdflib :class:`~rdflib.Dataset`, persisted as ``DIR/dataset.nq``
(read whole when opened, written whole when closed, under a writer's lock). The reference
for correctness and the baseline of the benchmarks."""
from __future__ import annotations

from pathlib import Path
from typing import IO, Iterable, cast

from rdflib import URIRef

from ..errors import HealthgraphError
from .mapping import PREFIXES
from .oxigraph_store import to_ox
from .store_base import BULK_GRAPH, QueryResult, RDFStore
from .values_blocks import bind_as_values


class MemoryStore(RDFStore):
    """A plain rdflib Dataset (default graph = union), persisted as ``DIR/dataset.nq``."""

    kind = "memory"

    def __init__(self, path: Path | None, read_only: bool = False):
        from rdflib import Dataset

        super().__init__(path, read_only)
        self.file = None if path is None else Path(path) / "dataset.nq"
        self.dataset = Dataset(default_union=True)
        self._dirty = False
        self._lock = None if path is None or read_only else _writer_lock(Path(path))
        if self.file is not None and self.file.exists():
            self.dataset.parse(self.file, format="nquads")

    def _graph(self, name):
        return self.dataset.graph(URIRef(str(name)))

    def replace_graph(self, name, triples) -> set[tuple]:
        old, new = set(self._graph(name)), set(triples)
        self.update_graph(name, old - new, new - old)
        return old ^ new

    def update_graph(self, name, remove, add) -> None:
        graph = self._graph(name)
        for triple in remove:
            graph.remove(triple)
        for triple in add:
            graph.add(triple)
        self._dirty = True

    def remove_subjects(self, subjects, keep_graph=None) -> set[tuple]:
        removed = set()
        for subject in subjects:
            for s, p, o, g in list(self.dataset.quads((subject, None, None, None))):
                name = getattr(g, "identifier", g)
                if keep_graph is None or name != keep_graph:
                    self.dataset.graph(name).remove((s, p, o))
                    removed.add((s, p, o))
        self._dirty = self._dirty or bool(removed)
        return removed

    def clear(self) -> None:
        from rdflib import Dataset

        self.dataset = Dataset(default_union=True)
        self._dirty = True

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
        init = {} if inlined else dict(bindings or {})
        try:
            result = self.dataset.query(inlined or query, initNs=PREFIXES, initBindings=init)
        except Exception as exc:  # rdflib raises pyparsing errors for syntax problems
            if type(exc).__name__ in ("ParseException", "ParseSyntaxException"):
                raise HealthgraphError(f"SPARQL syntax error: {' '.join(str(exc).split())}") from exc
            raise
        if result.type == "ASK":
            return QueryResult("ask", boolean=bool(result.askAnswer))
        if result.type == "SELECT":
            names = [str(v) for v in result.vars or ()]
            return QueryResult("select", names, [tuple(row) for row in _rows(result)])
        return QueryResult("graph", ["subject", "predicate", "object"], [tuple(t) for t in _rows(result)])

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


def _rows(result) -> Iterable[tuple]:
    """The rows of a SELECT or CONSTRUCT result: tuples (only an ASK result iterates as a bool)."""
    return cast(Iterable[tuple], result)


def _writer_lock(path: Path) -> IO[bytes]:
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
