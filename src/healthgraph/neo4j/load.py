"""``healthgraph neo4j load``: write the property graph into a Neo4j server.

Constraints and indexes come first (:func:`ensure_schema`). Then every node group (label
set) and every relationship group (type, endpoints, key property) is written in batches of
``batch_size`` rows, one transaction per batch (``session.execute_write``), with one
statement per group whose text is the same for every batch (the server plans it once).
Every transaction is a managed one: lookups of what the database holds are read
transactions (``execute_read``), batches and schema write transactions, so a ``neo4j://``
URI routes them across a cluster (reads to followers, writes to the leader) and the driver
retries them on transient errors (a leader election, a deadlock), within
:data:`~healthgraph.neo4j.connection.RETRY_TIME`.

What the load can know to be new it creates; the rest it merges:

* a node whose id is not in the database yet (under its key label) is ``CREATE``d, the
  others are ``MERGE``d on their id with their properties set on top. On a database with
  no node of a key label (one look at the label counts before anything is written) no id
  of that label is looked up at all;
* a relationship with an endpoint that this load created cannot be there yet: it is
  ``CREATE``d. A relationship between two nodes that were there before is ``MERGE``d on its
  type, endpoints and key property (``agreement``/``transfer``). Relationships the graph holds
  twice are first merged in Python, as ``MERGE`` would have merged them.

So a load into an empty database merges nothing, a second load of the same graph creates
nothing (loading twice changes nothing), and a graph overlapping what the database holds
merges into it.

A batch travels as columns, not as a list of maps: a text column is ONE string, its values
joined by U+001F (``None`` as U+001E), which the statement splits again
(``split($c0, $sep)``); other columns (numbers, booleans, lists) are lists. Packing a few
long strings instead of thousands of small maps is what lets the pure-Python driver keep
up with the server. A text column whose values hold U+001E or U+001F travels as a list.

After the load, every organisation that the loaded graph gives an incoming ``SUPPORTS`` has
its support summary recounted from all the ``SUPPORTS`` it has in the database (a load into a
non-empty database included): ``support_agreements`` (how many) and ``support_sources``
(their sources, else documents), which the ``dependants`` query reads (:func:`recount_support`).

Batches of one group go ``writers`` at a time (``DEFAULT_WRITERS``), each writer thread with
its own session: the server works on one while the next is packed and sent. Groups follow one
another, so every node is written before the relationships that need it.

A batch the server rejects is rolled back as a whole and the load stops there, naming the
batch; the batches that finished stay committed (the error says how many).

``mode="per_row"`` sends one auto-commit ``MERGE`` statement per node or relationship
instead (:func:`healthgraph.neo4j.schema.node_merge`): the naive way, kept only so that the
benchmarks can compare it with batching.
"""
from __future__ import annotations

import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice, repeat
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from ..batches import batches
from ..errors import HealthgraphError
from ..graph import Edge, Node, PropertyGraph
from ..output import progress
from . import schema
from .connection import connect, one_line

MODES = ("batched", "per_row")
DEFAULT_BATCH_SIZE = 5_000
# Transactions in flight at once: one writer leaves the server idle while the next batch is
# packed and sent; two load about 1.6x faster on a 2-core machine (BENCHMARKS.md)
DEFAULT_WRITERS = 2
COUNTERS = ("nodes_created", "relationships_created", "properties_set", "labels_added")
SEPARATOR = "\x1f"  # between the values of a text column
NULL = "\x1e"       # a missing value in a text column
LOOKUP_SIZE = 20_000  # ids per query when looking up which nodes exist already


@dataclass
class LoadReport:
    """What a load sent and what the server changed.

    ``nodes``/``relationships`` count the rows sent per label set / relationship type;
    ``counters`` add up the server's update counters (all zero on a reload);
    ``created``/``merged`` count the nodes and relationships sent to ``CREATE`` and to
    ``MERGE`` (``mode="batched"``; ``per_row`` merges every row).
    """

    uri: str = ""
    mode: str = "batched"
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTERS, 0))
    created: int = 0
    merged: int = 0
    transactions: int = 0
    seconds: float = 0.0

    def rows(self) -> list[dict]:
        """The report as ``item, count`` rows for :func:`healthgraph.output.emit`."""
        rows = [{"item": f"nodes {label}", "count": n} for label, n in self.nodes.items()]
        rows += [{"item": f"relationships {t}", "count": n} for t, n in self.relationships.items()]
        rows += [{"item": name.replace("_", " "), "count": n} for name, n in self.counters.items()]
        rows += [{"item": "rows created", "count": self.created}, {"item": "rows merged", "count": self.merged},
                 {"item": "transactions", "count": self.transactions},
                 {"item": "seconds", "count": round(self.seconds, 3)}]
        return rows


# -- the columns of a batch ------------------------------------------------------------------

def _joinable(values: list) -> tuple[bool, bool]:
    """``(text?, has None?)``: can ``values`` travel as one joined string, and do they hold ``None``."""
    try:
        joined = SEPARATOR.join(values)
        nulls = 0
    except TypeError:  # a None or a value that is not text
        nulls = values.count(None)
        try:
            joined = SEPARATOR.join([NULL if v is None else v for v in values])
        except TypeError:
            return False, bool(nulls)
    clean = joined.count(SEPARATOR) == len(values) - 1 and joined.count(NULL) == nulls
    return clean, bool(nulls)


class Columns:
    """The rows of one group as columns, each sent as one joined string or as a list.

    Column ``j`` is the parameter ``$cj`` and, in the statement, ``cj[i]`` for row ``i``.

    Examples
    --------
    >>> cols = Columns([["a", "b"], ["x", None], [True, False]])
    >>> cols.prelude()
    'WITH split($c0, $sep) AS c0, split($c1, $sep) AS c1, $c2 AS c2 UNWIND range(0, size(c0) - 1) AS i'
    >>> cols.expression(1)
    'CASE c1[i] WHEN $null THEN null ELSE c1[i] END'
    >>> cols.params(0, 2)["c1"] == "x" + SEPARATOR + NULL
    True
    """

    def __init__(self, columns: Sequence[list]):
        self.values: list[list] = []
        self.text: list[bool] = []
        self.nullable: list[bool] = []
        for values in columns:
            text, nullable = _joinable(values)
            if not text:  # numbers, booleans, lists, maps: as Neo4j property values
                values = [None if v is None else schema.property_value(v) for v in values]
                text, nullable = _joinable(values)
            self.values.append(values)
            self.text.append(text)
            self.nullable.append(nullable)
        self.size = len(self.values[0]) if self.values else 0

    def prelude(self) -> str:
        """``WITH`` the columns ``UNWIND`` the row numbers (``i``)."""
        cols = ", ".join(f"split($c{j}, $sep) AS c{j}" if text else f"$c{j} AS c{j}"
                         for j, text in enumerate(self.text))
        return f"WITH {cols} UNWIND range(0, size(c0) - 1) AS i"

    def expression(self, j: int) -> str:
        """Row ``i``'s value of column ``j`` (``null`` where it has none)."""
        value = f"c{j}[i]"
        return f"CASE {value} WHEN $null THEN null ELSE {value} END" if self.text[j] and self.nullable[j] else value

    def params(self, start: int, stop: int) -> dict[str, Any]:
        """The parameters of the batch of rows ``start:stop``."""
        params: dict[str, Any] = {"sep": SEPARATOR, "null": NULL}
        for j, values in enumerate(self.values):
            chunk = values[start:stop]
            if self.text[j]:
                params[f"c{j}"] = SEPARATOR.join([NULL if v is None else v for v in chunk] if self.nullable[j]
                                                 else chunk)
            else:
                params[f"c{j}"] = chunk
        return params


def _property_columns(items: Sequence[Node] | Sequence[Edge], leave_out: str | None) -> dict[str, list]:
    """One column per property key of ``items`` (sorted; ``None`` where an item has none)."""
    keys = sorted(set().union(*(item.props for item in items)) - {leave_out})
    columns = {}
    props = [item.props for item in items]
    for key in keys:
        values = list(map(dict.get, props, repeat(key)))
        if values.count(None) < len(values):
            columns[key] = values
    return columns


def node_statement(labels: schema.NodeGroup, keys: Sequence[str], cols: Columns, create: bool) -> str:
    """``CREATE`` (or ``MERGE`` + ``SET``) the nodes of a batch: column 0 is ``id``, then ``keys``.

    Examples
    --------
    >>> cols = Columns([["h1"], ["Bạch Mai"]])
    >>> node_statement(("Organisation", "Hospital"), ["name"], cols, create=True).split(" AS i ")[1]
    'CREATE (n:`Organisation`:`Hospital` {id: c0[i], `name`: c1[i]})'
    >>> node_statement(("Organisation", "Hospital"), ["name"], cols, create=False).split(" AS i ")[1]
    'MERGE (n:`Organisation` {id: c0[i]}) SET n.`name` = coalesce(c1[i], n.`name`), n:`Hospital`'
    """
    props = [(schema.identifier(k), cols.expression(j)) for j, k in enumerate(keys, 1)]
    if create:
        body = ", ".join([f"id: {cols.expression(0)}"] + [f"{k}: {e}" for k, e in props])
        return f"{cols.prelude()} CREATE (n{''.join(':' + schema.identifier(l) for l in labels)} {{{body}}})"
    key = schema.key_label(labels)
    sets = [f"n.{k} = coalesce({e}, n.{k})" for k, e in props]
    sets += [f"n:{schema.identifier(label)}" for label in labels if label != key]
    return (f"{cols.prelude()} MERGE (n:{schema.identifier(key)} {{id: {cols.expression(0)}}})"
            + (" SET " + ", ".join(sets) if sets else ""))


def relationship_statement(group: schema.EdgeGroup, keys: Sequence[str], cols: Columns, create: bool) -> str:
    """``CREATE`` (or ``MERGE`` + ``SET``) the relationships of a batch between existing nodes.

    Columns 0 and 1 are the endpoints' ids, column 2 the key property's value when the group
    has one, then ``keys``.

    Examples
    --------
    >>> cols = Columns([["a"], ["b"], ["agr-1"], ["2024"]])
    >>> group = ("SUPPORTS", "Organisation", "Organisation", "agreement")
    >>> relationship_statement(group, ["date"], cols, create=True).split(" AS i ")[1]  # doctest: +NORMALIZE_WHITESPACE
    'MATCH (a:`Organisation` {id: c0[i]}) MATCH (b:`Organisation` {id: c1[i]})
     CREATE (a)-[r:`SUPPORTS` {`agreement`: c2[i], `date`: c3[i]}]->(b)'
    """
    rel_type, source_label, target_label, key = group
    first = 3 if key else 2
    props = [(schema.identifier(k), cols.expression(j)) for j, k in enumerate(keys, first)]
    keyed = [(schema.identifier(key), cols.expression(2))] if key else []
    match = (f"{cols.prelude()} MATCH (a:{schema.identifier(source_label)} {{id: {cols.expression(0)}}}) "
             f"MATCH (b:{schema.identifier(target_label)} {{id: {cols.expression(1)}}}) ")
    if create:
        body = ", ".join(f"{k}: {e}" for k, e in keyed + props)
        return match + f"CREATE (a)-[r:{schema.identifier(rel_type)}{' {' + body + '}' if body else ''}]->(b)"
    pattern = "".join(f" {{{k}: {e}}}" for k, e in keyed)
    sets = ", ".join(f"r.{k} = coalesce({e}, r.{k})" for k, e in props)
    return match + f"MERGE (a)-[r:{schema.identifier(rel_type)}{pattern}]->(b)" + (f" SET {sets}" if sets else "")


def _node_batches(labels: schema.NodeGroup, nodes: Sequence[Node], create: bool) -> tuple[str, Columns]:
    props = _property_columns(nodes, "id")
    cols = Columns([[n.id for n in nodes], *props.values()])
    return node_statement(labels, list(props), cols, create), cols


def _relationship_batches(group: schema.EdgeGroup, edges: Sequence[Edge], create: bool) -> tuple[str, Columns]:
    key = group[3]
    props = _property_columns(edges, key)
    fixed = [[e.source for e in edges], [e.target for e in edges]]
    if key:
        fixed.append([e.props[key] for e in edges])
    cols = Columns([*fixed, *props.values()])
    return relationship_statement(group, list(props), cols, create), cols


def unique_edges(edges: Sequence[Edge], key: str | None) -> Sequence[Edge]:
    """``edges`` with each (source, target, key value) once, properties merged in order.

    ``MERGE`` does this on the server; relationships that are ``CREATE``d must be unique first.
    """
    ids = [(e.source, e.target, e.props.get(key) if key else None) for e in edges]
    if len(set(ids)) == len(ids):
        return edges
    merged: dict[tuple, Edge] = {}
    for identity, edge in zip(ids, edges):
        known = merged.get(identity)
        props = {k: v for k, v in edge.props.items() if v is not None}
        if known is None:
            merged[identity] = Edge(edge.source, edge.type, edge.target, props)
        else:
            known.props.update(props)
    return list(merged.values())


# -- loading ---------------------------------------------------------------------------------


def _node_rows(nodes) -> list[dict]:
    return [{"id": n.id, "props": schema.node_properties(n)} for n in nodes]


def _edge_rows(edges, key: str | None) -> list[dict]:
    return [{"source": e.source, "target": e.target, "key": e.props.get(key) if key else None,
             "props": schema.edge_properties(e, key)} for e in edges]


def _statements(graph: PropertyGraph, expr: Callable[[str], str]) -> Iterator[tuple[str, str, list[dict]]]:
    """Yield (description, MERGE statement, rows) per node and relationship group (``per_row``).

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
    """Create the uniqueness constraints and name indexes (no-op when they exist), each in a
    managed write transaction (on a cluster's leader, retried on transient errors)."""
    with driver.session(database=database) as session:
        for statement in schema.schema_statements():
            session.execute_write(_consume, statement, {})


def _consume(tx, query: str, params: dict) -> None:
    tx.run(query, params).consume()


def _values(tx, query: str, params: dict) -> list:
    return [record[0] for record in tx.run(query, params)]


def _labels_in_use(session, labels: Iterable[str]) -> set[str]:
    """The labels of ``labels`` that some node in the database carries (from the count store; read transactions)."""
    return {label for label in labels
            if session.execute_read(_values, f"MATCH (n:{schema.identifier(label)}) RETURN count(n) AS n", {})[0]}


def _existing_ids(session, label: str, ids: Sequence[str]) -> set[str]:
    """The ids of ``ids`` that a node with ``label`` has in the database (read transactions)."""
    query = f"MATCH (n:{schema.identifier(label)}) WHERE n.id IN $ids RETURN n.id AS id"
    found: set[str] = set()
    for chunk in batches(ids, LOOKUP_SIZE):
        found.update(session.execute_read(_values, query, {"ids": list(chunk)}))
    return found


class _Writer:
    """Sends the batches of one load, ``writers`` transactions at a time, and keeps its report and progress bar.

    Each writer thread has its own session (a session serves one thread). :meth:`write` returns
    once its batches are on their way, so the next group is packed while the server writes;
    :meth:`drain` waits for every batch sent (the nodes are all written before any relationship).
    """

    def __init__(self, driver, database: str | None, report: LoadReport, batch_size: int, ticks: Iterator,
                 writers: int):
        self.driver, self.database = driver, database
        self.report, self.batch_size, self.ticks, self.writers = report, batch_size, ticks, writers
        self._pool = ThreadPoolExecutor(max_workers=writers, thread_name_prefix="neo4j-writer")
        self._local = threading.local()
        self._sessions: list = []
        self._waiting: deque = deque()  # (batch description, rows, future), oldest first

    def _session(self):
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = self.driver.session(database=self.database)
            self._sessions.append(session)
        return session

    def _send(self, statement: str, params: dict):
        return self._session().execute_write(_write_batch, statement, params)

    def write(self, description: str, what: str, statement: str, cols: Columns) -> None:
        for number, start in enumerate(range(0, cols.size, self.batch_size), 1):
            stop = min(start + self.batch_size, cols.size)
            future = self._pool.submit(self._send, statement, cols.params(start, stop))
            self._waiting.append((f"batch {number} of {description} ({what}, rows {start + 1}-{stop})",
                                  stop - start, future))
            while len(self._waiting) >= 2 * self.writers:  # at most two batches a writer packed ahead: bounded memory
                self._settle()

    def drain(self) -> None:
        while self._waiting:
            self._settle()

    def _settle(self) -> None:
        from neo4j.exceptions import Neo4jError

        batch, rows, future = self._waiting.popleft()
        try:
            counters = future.result()
        except Neo4jError as exc:
            for *_, later in self._waiting:
                later.cancel()
            committed = self.report.transactions + sum(
                1 for *_, later in self._waiting if not later.cancelled() and later.exception() is None)
            self._waiting.clear()
            raise HealthgraphError(f"Neo4j rejected {batch}: {one_line(exc.message or exc)}; that batch was rolled "
                                   f"back, {committed} other batches are committed") from None
        _add_counters(self.report, counters)
        self.report.transactions += 1
        deque(islice(self.ticks, rows), maxlen=0)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        for session in self._sessions:
            session.close()


def _load_batched(session, graph: PropertyGraph, writer: _Writer, report: LoadReport) -> None:
    # Which key labels the database holds at all is asked once, before anything is written:
    # ids are unique in the graph, so what this load creates never collides with itself.
    nodes = schema.node_groups(graph)
    in_use = _labels_in_use(session, {schema.key_label(labels) for labels in nodes})
    created: set[str] = set()
    for labels, group in nodes.items():
        description = ":" + ":".join(labels)
        report.nodes[description] = report.nodes.get(description, 0) + len(group)
        key = schema.key_label(labels)
        existing = _existing_ids(session, key, [n.id for n in group]) if key in in_use else set()
        new = [n for n in group if n.id not in existing] if existing else group
        old = [n for n in group if n.id in existing]
        created.update(n.id for n in new)
        for subset, create, what in ((new, True, "new nodes"), (old, False, "nodes already there")):
            if subset:
                writer.write(description, what, *_node_batches(labels, subset, create))
                report.created += len(subset) if create else 0
                report.merged += 0 if create else len(subset)
    relationships = schema.edge_groups(graph)  # grouped while the last nodes are written
    writer.drain()
    for group_key, edges in relationships.items():
        _write_relationships(group_key, edges, created, writer, report)
    writer.drain()


def _write_relationships(group: schema.EdgeGroup, edges: list[Edge], created: set[str], writer: _Writer,
                         report: LoadReport) -> None:
    report.relationships[group[0]] = report.relationships.get(group[0], 0) + len(edges)
    new = [e for e in edges if e.source in created or e.target in created]
    old = [e for e in edges if not (e.source in created or e.target in created)] if len(new) < len(edges) else []
    # each relationship once: CREATE must not make it twice, and two writers' MERGEs must not race
    unique, unique_old = unique_edges(new, group[3]), unique_edges(old, group[3])
    for subset, create, what in ((unique, True, "new relationships"),
                                 (unique_old, False, "relationships between nodes already there")):
        if subset:
            writer.write(group[0], what, *_relationship_batches(group, subset, create))
            report.created += len(subset) if create else 0
            report.merged += 0 if create else len(subset)
    deque(islice(writer.ticks, len(new) - len(unique) + len(old) - len(unique_old)), maxlen=0)


def _load_per_row(session, graph: PropertyGraph, report: LoadReport, ticks: Iterator) -> None:
    for description, statement, rows in _statements(graph, lambda name: f"${name}"):
        tally = report.nodes if description.startswith(":") else report.relationships
        tally[description] = tally.get(description, 0) + len(rows)
        for row in rows:
            _add_counters(report, session.run(statement, row).consume().counters)
            report.transactions += 1
            report.merged += 1
            next(ticks, None)


def load_property_graph(driver, graph: PropertyGraph, mode: str = "batched", batch_size: int = DEFAULT_BATCH_SIZE,
                        database: str | None = None, show_progress: bool = False,
                        writers: int = DEFAULT_WRITERS) -> LoadReport:
    """Write ``graph`` through an open ``neo4j.Driver`` (constraints first, then batches).

    Parameters
    ----------
    driver : neo4j.Driver
    graph : PropertyGraph
    mode : {"batched", "per_row"}
        ``batched``: ``batch_size`` rows per transaction, ``CREATE`` for what is new and
        ``MERGE`` for the rest (see the module's documentation);
        ``per_row``: one auto-commit ``MERGE`` statement per row (benchmark baseline only).
    batch_size : int
    database : str, optional
        The server's default database by default.
    show_progress : bool
        Progress bar on stderr (when it is a terminal).
    writers : int
        Batches sent side by side, each in its own session and transaction (``batched``).
        Relationships a load holds twice are merged in Python first, so that no two
        transactions write the same one.

    Returns
    -------
    LoadReport

    Raises
    ------
    HealthgraphError
        A batch was rejected; it was rolled back, the batches that finished are committed.

    Examples
    --------
    >>> from healthgraph.neo4j.connection import connect  # doctest: +SKIP
    >>> with connect() as (driver, _):                    # doctest: +SKIP
    ...     load_property_graph(driver, graph).counters["nodes_created"]
    """
    mode = mode.replace("-", "_")
    if mode not in MODES:
        raise HealthgraphError(f"unknown load mode {mode!r}; choose one of {', '.join(MODES)}")
    if batch_size < 1:
        raise HealthgraphError(f"batch size must be at least 1, not {batch_size}")
    if writers < 1:
        raise HealthgraphError(f"writers must be at least 1, not {writers}")
    started = time.perf_counter()
    report = LoadReport(mode=mode)
    ensure_schema(driver, database)
    total = len(graph.nodes) + len(graph.edges)
    ticks = progress(range(total), total=total, description=f"loading into Neo4j ({mode})", enabled=show_progress)
    with driver.session(database=database) as session:
        if mode == "per_row":
            _load_per_row(session, graph, report, ticks)
        else:
            writer = _Writer(driver, database, report, batch_size, ticks, writers)
            try:
                _load_batched(session, graph, writer, report)
            finally:
                writer.close()
        recount_support(session, sorted({e.target for e in graph.edges if e.type == "SUPPORTS"}))
    deque(ticks, maxlen=0)  # finish the progress bar (relationships with a missing endpoint are not sent)
    report.seconds = time.perf_counter() - started
    return report


# The summary of the SUPPORTS an organisation receives, which `dependants` reads instead of
# aggregating them: how many, and where they were read (each one's source, else its document)
RECOUNT = """UNWIND $ids AS id
MATCH (d:Organisation {id: id})
CALL (d) {
  OPTIONAL MATCH (:Organisation)-[r:SUPPORTS]->(d)
  RETURN count(r) AS n, collect(DISTINCT coalesce(r.source, r.document)) AS sources
}
SET d.support_agreements = CASE WHEN n > 0 THEN n END, d.support_sources = CASE WHEN n > 0 THEN sources END"""


def recount_support(session, ids: Sequence[str], batch_size: int = LOOKUP_SIZE) -> None:
    """Recount ``support_agreements``/``support_sources`` on the organisations ``ids`` (the
    recipients of the SUPPORTS just loaded: all of their SUPPORTS count, those already in the
    database too), in managed write transactions of ``batch_size`` organisations."""
    for chunk in batches(ids, batch_size):
        session.execute_write(_consume, RECOUNT, {"ids": list(chunk)})


def _write_batch(tx, query: str, params: dict):
    return tx.run(query, params).consume().counters


def neo4j_load(sources: Iterable[str | Path] | object = None, uri: str | None = None, user: str | None = None,
               password: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE, mode: str = "batched",
               database: str | None = None, on_error=None, show_progress: bool = True,
               store: str | Path | None = None, dask: Any = None, writers: int = DEFAULT_WRITERS) -> LoadReport:
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
    writers : int
        Transactions sent side by side (:func:`load_property_graph`).
    mode : {"batched", "per_row"}
        ``per_row`` sends one statement per row (benchmark baseline only).
    database : str, optional
        Target database (``NEO4J_DATABASE``; the server default otherwise).
    on_error : callable, optional
        Called with each unreadable source file, which is skipped; errors raise by default.
    show_progress : bool
        Progress bars on stderr (when it is a terminal).
    dask : distributed.Client or str, optional
        Extract the articles of SOURCES on a Dask cluster (a client or the scheduler's
        address): the texts stay with the workers, only their facts come back to be merged
        and loaded.

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
        graph = _as_graph(sources, on_error, show_progress, dask)
        report = load_property_graph(driver, graph, mode=mode, batch_size=batch_size, database=conf.database,
                                     show_progress=show_progress, writers=writers)
        report.uri = conf.uri
    return report


def _as_graph(sources, on_error, show_progress: bool, dask: Any = None) -> PropertyGraph:
    from ..graph import to_property_graph
    from ..model import Corpus

    if isinstance(sources, PropertyGraph):
        return sources
    if isinstance(sources, Corpus):
        return to_property_graph(sources)
    if isinstance(sources, (str, Path)):
        sources = [sources]
    from ..sources import load_corpus

    return to_property_graph(load_corpus(list(sources), on_error=on_error, show_progress=show_progress, dask=dask))
