"""``healthgraph neo4j load``: write the property graph into a Neo4j server.

Constraints and indexes come first; then every node group (label set) and every
relationship group (type and endpoints) is written in batches of ``UNWIND $rows AS row
MERGE ...``, one transaction per batch (``session.execute_write``). A batch the server
rejects is rolled back as a whole and the load stops there, naming the batch; the batches
before it stay committed. ``MERGE`` on ids makes a second load of the same graph change
nothing.

``mode="per_row"`` sends one auto-commit statement per node or relationship instead: the
naive way, kept only so that the benchmarks can compare it with batching.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from ..errors import HealthgraphError
from ..graph import PropertyGraph
from ..output import progress
from . import schema
from .connection import connect, one_line

MODES = ("batched", "per_row")
DEFAULT_BATCH_SIZE = 1000
COUNTERS = ("nodes_created", "relationships_created", "properties_set", "labels_added")


@dataclass
class LoadReport:
    """What a load sent and what the server changed.

    ``nodes``/``relationships`` count the rows sent per label set / relationship type;
    ``counters`` add up the server's update counters (all zero on a reload).
    """

    uri: str = ""
    mode: str = "batched"
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTERS, 0))
    transactions: int = 0
    seconds: float = 0.0

    def rows(self) -> list[dict]:
        """The report as ``item, count`` rows for :func:`healthgraph.output.emit`."""
        rows = [{"item": f"nodes {label}", "count": n} for label, n in self.nodes.items()]
        rows += [{"item": f"relationships {t}", "count": n} for t, n in self.relationships.items()]
        rows += [{"item": name.replace("_", " "), "count": n} for name, n in self.counters.items()]
        rows += [{"item": "transactions", "count": self.transactions},
                 {"item": "seconds", "count": round(self.seconds, 3)}]
        return rows


def _chunks(items: Sequence, size: int) -> Iterator[tuple[int, Sequence]]:
    for start in range(0, len(items), size):
        yield start, items[start:start + size]


def _node_rows(nodes) -> list[dict]:
    return [{"id": n.id, "props": schema.node_properties(n)} for n in nodes]


def _edge_rows(edges, key: str | None) -> list[dict]:
    return [{"source": e.source, "target": e.target, "key": e.props.get(key) if key else None,
             "props": schema.edge_properties(e, key)} for e in edges]


def _statements(graph: PropertyGraph, expr: Callable[[str], str]) -> Iterator[tuple[str, str, list[dict]]]:
    """Yield (description, statement, rows) per node and relationship group.

    ``expr("id")`` is how a statement refers to a row's value: ``row.id`` or ``$id``.
    """
    for labels, nodes in schema.node_groups(graph).items():
        yield (":" + ":".join(labels), schema.node_merge(labels, expr("id"), expr("props")), _node_rows(nodes))
    for group, edges in schema.edge_groups(graph).items():
        key = group[3]
        statement = schema.relationship_merge(group, expr("source"), expr("target"),
                                              expr("key") if key else None, expr("props"))
        yield (group[0], statement, _edge_rows(edges, key))


def _add_counters(report: LoadReport, counters) -> None:
    for name in COUNTERS:
        report.counters[name] += getattr(counters, name, 0)


def ensure_schema(driver, database: str | None = None) -> None:
    """Create the uniqueness constraints and name indexes (no-op when they exist)."""
    with driver.session(database=database) as session:
        for statement in schema.schema_statements():
            session.run(statement).consume()


def load_property_graph(driver, graph: PropertyGraph, mode: str = "batched", batch_size: int = DEFAULT_BATCH_SIZE,
                        database: str | None = None, show_progress: bool = False) -> LoadReport:
    """Write ``graph`` through an open ``neo4j.Driver`` (constraints first, then MERGE batches).

    Parameters
    ----------
    driver : neo4j.Driver
    graph : PropertyGraph
    mode : {"batched", "per_row"}
        ``batched``: ``UNWIND $rows`` with ``batch_size`` rows per transaction;
        ``per_row``: one auto-commit statement per row (benchmark baseline only).
    batch_size : int
    database : str, optional
        The server's default database by default.
    show_progress : bool
        Progress bar on stderr (when it is a terminal).

    Returns
    -------
    LoadReport

    Raises
    ------
    HealthgraphError
        A batch was rejected; it was rolled back, earlier batches are committed.

    Examples
    --------
    >>> from healthgraph.neo4j.connection import connect  # doctest: +SKIP
    >>> with connect() as (driver, _):                    # doctest: +SKIP
    ...     load_property_graph(driver, graph).counters["nodes_created"]
    """
    from neo4j.exceptions import Neo4jError

    mode = mode.replace("-", "_")
    if mode not in MODES:
        raise HealthgraphError(f"unknown load mode {mode!r}; choose one of {', '.join(MODES)}")
    if batch_size < 1:
        raise HealthgraphError(f"batch size must be at least 1, not {batch_size}")
    started = time.perf_counter()
    report = LoadReport(mode=mode)
    ensure_schema(driver, database)
    expr = (lambda name: f"row.{name}") if mode == "batched" else (lambda name: f"${name}")
    groups = list(_statements(graph, expr))
    total = sum(len(rows) for _, _, rows in groups)
    ticks = progress(range(total), total=total, description=f"loading into Neo4j ({mode})", enabled=show_progress)
    with driver.session(database=database) as session:
        for description, statement, rows in groups:
            tally = report.nodes if description.startswith(":") else report.relationships
            tally[description] = tally.get(description, 0) + len(rows)
            if mode == "per_row":
                for row in rows:
                    _add_counters(report, session.run(statement, row).consume().counters)
                    report.transactions += 1
                    next(ticks, None)
                continue
            query = "UNWIND $rows AS row " + statement
            for number, (start, batch) in enumerate(_chunks(rows, batch_size), 1):
                try:
                    counters = session.execute_write(_write_batch, query, list(batch))
                except Neo4jError as exc:
                    raise HealthgraphError(
                        f"Neo4j rejected batch {number} of {description} (rows {start + 1}-{start + len(batch)}): "
                        f"{one_line(exc.message or exc)}; that batch was rolled back, "
                        f"{report.transactions} earlier batches are committed") from None
                _add_counters(report, counters)
                report.transactions += 1
                for _ in batch:
                    next(ticks, None)
    for _ in ticks:  # finish the progress bar
        pass
    report.seconds = time.perf_counter() - started
    return report


def _write_batch(tx, query: str, rows: list[dict]):
    return tx.run(query, rows=rows).consume().counters


def neo4j_load(sources: Iterable[str | Path] | object = None, uri: str | None = None, user: str | None = None,
               password: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE, mode: str = "batched",
               database: str | None = None, on_error=None, show_progress: bool = True,
               store: str | Path | None = None) -> LoadReport:
    """Load the graph of SOURCES (or of a store) into Neo4j (``healthgraph neo4j load``).

    Parameters
    ----------
    sources : iterable of paths, Corpus or PropertyGraph
        Articles and curated files (read with :func:`healthgraph.sources.load_corpus`),
        or facts already in memory.
    store : path, optional
        Load the facts a store built by ``healthgraph build`` keeps instead (nothing is
        extracted again).
    uri, user, password : str, optional
        Connection settings; ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD``, then
        ``bolt://127.0.0.1:7687``, ``neo4j``, ``neo4j`` by default.
    batch_size : int
        Rows per ``UNWIND`` transaction.
    mode : {"batched", "per_row"}
        ``per_row`` sends one statement per row (benchmark baseline only).
    database : str, optional
        Target database (``NEO4J_DATABASE``; the server default otherwise).
    on_error : callable, optional
        Called with each unreadable source file, which is skipped; errors raise by default.
    show_progress : bool
        Progress bars on stderr (when it is a terminal).

    Returns
    -------
    LoadReport

    Raises
    ------
    BackendUnavailable
        The server is unreachable or refused the credentials.

    Examples
    --------
    >>> report = neo4j_load(["agreements.yaml"], uri="bolt://127.0.0.1:7687")  # doctest: +SKIP
    >>> report.relationships["SUPPORTS"]                                       # doctest: +SKIP
    12
    """
    # Connect first: an unreachable server should fail before minutes of extraction. The
    # planner's notifications on the MERGE statements are not the user's concern.
    if (store is None) == (not sources):
        raise HealthgraphError("give either SOURCES or --store DIR")
    with connect(uri, user, password, database, notifications_min_severity="OFF") as (driver, conf):
        if store is not None:
            from ..rdf.store import read_corpus

            sources = read_corpus(store)
        graph = _as_graph(sources, on_error, show_progress)
        report = load_property_graph(driver, graph, mode=mode, batch_size=batch_size, database=conf.database,
                                     show_progress=show_progress)
        report.uri = conf.uri
    return report


def _as_graph(sources, on_error, show_progress: bool) -> PropertyGraph:
    from ..graph import to_property_graph
    from ..model import Corpus

    if isinstance(sources, PropertyGraph):
        return sources
    if isinstance(sources, Corpus):
        return to_property_graph(sources)
    if isinstance(sources, (str, Path)):
        sources = [sources]
    from ..sources import load_corpus

    return to_property_graph(load_corpus(list(sources), on_error=on_error, show_progress=show_progress))
