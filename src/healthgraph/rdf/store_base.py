"""What every store kind implements: :class:`RDFStore` (quads as rdflib terms, named graphs)
and :class:`QueryResult`, the SPARQL answer every kind returns."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from rdflib import URIRef

BULK_GRAPH = URIRef("urn:healthgraph:bulk")  # where bulk-loaded triples go without a graph


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

    def __init__(self, path: Path | None, read_only: bool = False):
        """Open the store kept in the folder ``path`` (``None``: in memory, gone when closed)."""
        self.path = path
        self.read_only = read_only

    def replace_graph(self, name: URIRef, triples: Iterable[tuple]) -> set[tuple]:
        """Make graph ``name`` hold exactly ``triples`` (re-ingesting a document), in one
        transaction that writes only the difference; return the triples removed or added."""
        raise NotImplementedError

    def update_graph(self, name: URIRef, remove: Iterable[tuple], add: Iterable[tuple]) -> None:
        """Remove ``remove`` from graph ``name`` and add ``add`` to it, in one transaction."""
        raise NotImplementedError

    def remove_subjects(self, subjects: Iterable[URIRef], keep_graph: URIRef | None = None) -> set[tuple]:
        """Remove every triple about ``subjects`` in every graph but ``keep_graph``; return the
        triples removed (from at least one graph)."""
        raise NotImplementedError

    def clear(self) -> None:
        """Remove every quad."""
        raise NotImplementedError

    def is_empty(self) -> bool:
        return next(iter(self.quads()), None) is None

    def counts(self) -> tuple[int, int]:
        """How many quads the named graphs hold, and how many named graphs hold any."""
        return len(self), len(self.graphs())

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
