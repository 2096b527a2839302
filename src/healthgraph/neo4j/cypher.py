"""``healthgraph cypher``: run Cypher (a query or a ``.cypher`` file) with parameters.

User values always travel as query parameters (``$name`` in the query), never by string
formatting. A file may hold several statements separated by ``;`` (comments and quoted
``;`` are respected); they run one after the other, each in its own auto-commit
transaction (so schema statements and writes can share a script), and the rows of the
last one are returned. Neo4j values become plain JSON-able values: nodes and
relationships become maps of their properties (plus ``_labels`` or ``_type``,
``_start``, ``_end``), temporal values ISO 8601 text.

Each statement is checked once per process with ``EXPLAIN`` (:func:`plan`): a read runs in
a managed read transaction (``session.execute_read``), which a ``neo4j://`` routing driver
sends to a follower of a cluster, and a write in a managed write transaction
(``execute_write``, on the leader); both are retried by the driver on transient errors
(a leader switch, a deadlock). What ``EXPLAIN`` refuses (``CALL … IN TRANSACTIONS``,
``SHOW …``) runs auto-commit, as it must.

A read-only statement whose file declares its columns (``// columns: a b:int`` in the
header, as the named queries do) comes back in one record, ``collect([a, b])`` of the rows
(:func:`fetch_rows`): the pure-Python driver spends far more on thousands of small records
than on one list of the same values. Any other statement streams its records as usual.
"""
from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

from ..errors import HealthgraphError
from ..output import Rows
from ..resources import query_text
from .connection import connect

_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})


def _scan(text: str) -> Iterator[tuple[str, str]]:
    """Yield ``(kind, piece)`` of a Cypher script: ``code``, ``quoted``, ``comment`` or ``;``."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "'\"`":
            end = i + 1
            while end < n and text[end] != ch:
                end += 2 if text[end] == "\\" and ch != "`" else 1  # backslash escapes in strings
            yield "quoted", text[i:end + 1]
            i = end + 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            yield "comment", text[i:end]
            i = end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            yield "comment", text[i:end]
            i = end
        elif ch == ";":
            yield ";", ch
            i += 1
        else:
            end = i + 1
            while end < n and text[end] not in "'\"`;/":
                end += 1
            yield "code", text[i:end]
            i = end


def split_statements(text: str) -> list[str]:
    """Split a Cypher script on ``;`` outside strings, quoted names and comments.

    Examples
    --------
    >>> split_statements("RETURN ';' AS a; // x; y\\nRETURN 2;")
    ["RETURN ';' AS a", '// x; y\\nRETURN 2']
    >>> split_statements("// only a comment")
    []
    """
    statements: list[str] = []
    pieces: list[tuple[str, str]] = []
    for kind, piece in [*_scan(text), (";", ";")]:
        if kind != ";":
            pieces.append((kind, piece))
            continue
        if any(k != "comment" and p.strip() for k, p in pieces):
            statements.append("".join(p for _, p in pieces).strip())
        pieces = []
    return statements


def to_plain(value: Any) -> Any:
    """Return a Neo4j result value as plain JSON-able Python.

    Examples
    --------
    >>> from neo4j.time import Date
    >>> to_plain([Date(2024, 5, 29), {"k": b"\\x00"}])
    ['2024-05-29', {'k': 'AA=='}]
    """
    kind = type(value)
    if kind in _PLAIN_TYPES:  # most values: no import, no isinstance chain
        return value
    if kind is list:
        return plain_row(value)
    from neo4j.graph import Node, Path as GraphPath, Relationship
    from neo4j.spatial import Point

    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, "_start": _endpoint(value.start_node), "_end": _endpoint(value.end_node),
                **{k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, GraphPath):
        return {"nodes": [to_plain(n) for n in value.nodes],
                "relationships": [to_plain(r) for r in value.relationships]}
    if isinstance(value, Point):
        return {"srid": value.srid, "coordinates": list(value)}
    if isinstance(value, Mapping):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if hasattr(value, "iso_format"):  # neo4j.time Date, DateTime, Time, Duration
        return value.iso_format()
    return str(value)


def plain_row(values: list) -> list:
    """``values`` with each one made plain (:func:`to_plain`); plain values are taken as they are."""
    return [v if type(v) in _PLAIN_TYPES else to_plain(v) for v in values]


def declared_columns(text: str) -> list[str]:
    """The column names a query's header declares (``// columns: a b:int``), else ``[]``.

    Examples
    --------
    >>> declared_columns("// columns: hospital share:float\\nMATCH (n) RETURN 1")
    ['hospital', 'share']
    """
    from ..queries.catalogue import parse_header_text

    try:
        return [name for name, _ in parse_header_text(text)["columns"]]
    except HealthgraphError:
        return []


class _AutoCommit(Exception):
    """A statement that must run auto-commit."""


@dataclass(frozen=True)
class _Plan:
    """How a statement runs: ``access`` ``"r"`` (a read transaction, which a cluster may route to
    a follower), ``"w"`` (a write transaction, on the leader) or ``None`` (auto-commit: a
    statement EXPLAIN refuses, such as ``CALL … IN TRANSACTIONS`` or ``SHOW …``), and its
    collecting form (``None``: stream its records)."""

    access: str | None
    wrapped: str | None = None


_PLANS: dict[tuple[str, tuple[str, ...]], _Plan] = {}  # (statement, declared columns) -> its plan
_IN_TRANSACTIONS = re.compile(r"\bIN\s+(?:\S+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b", re.IGNORECASE)


def commits_itself(statement: str) -> bool:
    """Whether ``statement`` commits its own transactions (``CALL { … } IN TRANSACTIONS``), which
    only an auto-commit transaction may run (EXPLAIN accepts it, a managed transaction does not).

    >>> commits_itself("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS")
    True
    >>> commits_itself("RETURN 'IN TRANSACTIONS' AS text // IN TRANSACTIONS")
    False
    """
    code = " ".join(piece if kind == "code" else " " for kind, piece in _scan(statement))
    return bool(_IN_TRANSACTIONS.search(code))


def plan(session, statement: str, params: Mapping[str, Any], columns: list[str] | None = None) -> _Plan:
    """Ask the server once (``EXPLAIN``, cached per process) whether ``statement`` reads or
    writes and, for a read returning exactly ``columns``, the form that returns its rows as one list."""
    key = (statement, tuple(columns or ()))
    if key not in _PLANS:
        from neo4j.exceptions import Neo4jError

        found = _Plan(None)
        try:
            if commits_itself(statement):
                raise _AutoCommit
            result = session.run("EXPLAIN " + statement, params)
            summary = result.consume()
            if summary.query_type == "r":
                wrapped = None
                if columns and list(result.keys()) == columns:
                    from .schema import identifier

                    wrapped = (f"CALL {{\n{statement}\n}}\n"
                               f"RETURN collect([{', '.join(identifier(c) for c in columns)}]) AS rows")
                found = _Plan("r", wrapped)
            else:  # w, rw, s: a write (or schema) transaction
                found = _Plan("w")
        except (Neo4jError, _AutoCommit):
            pass  # not something EXPLAIN or a managed transaction takes (a command, IN TRANSACTIONS …): auto-commit
        if len(_PLANS) > 256:
            _PLANS.clear()
        _PLANS[key] = found
    return _PLANS[key]


def _records(tx, statement: str, params: Mapping[str, Any]) -> tuple[list[str], list[list]]:
    result = tx.run(statement, params)
    return list(result.keys()), [record.values() for record in result]


def run_statement(session, statement: str, params: Mapping[str, Any], access: str | None) -> tuple[list[str], list[list]]:
    """Run ``statement`` in a managed read or write transaction (``execute_read``/``execute_write``:
    routed by a ``neo4j://`` driver and retried on transient errors), or auto-commit when ``access`` is None."""
    if access == "r":
        return session.execute_read(_records, statement, params)
    if access is not None:
        return session.execute_write(_records, statement, params)
    return _records(session, statement, params)


def fetch_rows(session, statement: str, params: Mapping[str, Any],
               declared: list[str] | None = None) -> tuple[list[str], list[list]]:
    """Run ``statement``; return its column names and rows (lists of driver values).

    A read runs in a read transaction, a write in a write transaction (:func:`plan`). With
    ``declared`` columns a read returning exactly those columns comes back as one record
    holding the list of rows (see the module's documentation); the rows are the same, in the
    same order. If the server refuses that form, the statement streams.
    """
    how = plan(session, statement, params, declared)
    if how.wrapped is not None and declared:
        from neo4j.exceptions import Neo4jError

        try:
            _, records = run_statement(session, how.wrapped, params, "r")
        except Neo4jError:  # e.g. too many rows for one list: stream them (an error of the query recurs there)
            _PLANS[(statement, tuple(declared))] = _Plan("r")
        else:
            return list(declared), records[0][0]
    return run_statement(session, statement, params, how.access)


def _endpoint(node) -> Any:
    # Our nodes all have an ``id`` property; other graphs fall back to the element id.
    if node is None:
        return None
    return node.get("id", node.element_id)


ORGANISATION_LABELS = """
MATCH (o:Organisation)
RETURN o.id AS id, [o.name, o.name_en, o.name_de] + coalesce(o.mentions, []) + coalesce(o.former_names, []) AS labels
"""


def organisation_labels(rows) -> list[tuple[str, str, bool]]:
    """``(id, name, canonical?)`` for every name in the rows of :data:`ORGANISATION_LABELS`."""
    return [(row["id"], label, i == 0) for row in rows for i, label in enumerate(row["labels"]) if label]


def cypher(query_or_file: str | Path, params: Mapping[str, Any] | None = None, uri: str | None = None,
           user: str | None = None, password: str | None = None, database: str | None = None,
           resolve: bool = True) -> Rows:
    """Run a Cypher query (or every statement of a ``.cypher`` file) with parameters.

    Parameters
    ----------
    query_or_file : str or Path
        Cypher text, the path of a file holding it, or the name of a shipped query
        (``dependants``: ``queries/dependants.cypher``).
    params : mapping, optional
        Query parameters (``$name`` in the query). A text value for a parameter that names an
        organisation or a province (declared ``// param: NAME organisation`` in the file, or
        called ``hospital``, ``organisation``, ``partner``, ``province``…) may be a name, an
        alias or an id, as in ``healthgraph query``; it is passed as the id.
    uri, user, password, database : str, optional
        Connection settings; see :func:`healthgraph.neo4j.connection.settings`.
    resolve : bool
        Resolve names to ids as above (the named queries pass ids already resolved).

    Returns
    -------
    Rows
        The rows of the last statement as dicts of plain values; ``.columns`` names them.

    Raises
    ------
    BackendUnavailable
        The server is unreachable or refused the credentials.
    HealthgraphError
        The server rejected the query (one line).

    Examples
    --------
    >>> cypher("RETURN $x + 1 AS y", {"x": 41})  # doctest: +SKIP
    [{'y': 42}]
    """
    text = query_text(query_or_file, (".cypher", ".cql"))
    statements = split_statements(text)
    if not statements:
        raise HealthgraphError(f"no Cypher statement in {str(query_or_file)[:80]!r}")
    params = dict(params or {})
    rows = Rows()
    with connect(uri, user, password, database) as (driver, conf):
        with driver.session(database=conf.database) as session:
            if resolve:
                from ..params import name_params, resolve_names

                plain = {k: v for k, v in params.items() if isinstance(v, str)}
                types = name_params(text, plain)
                params.update(resolve_names(types, plain, lambda: organisation_labels(
                    session.execute_read(lambda tx: tx.run(ORGANISATION_LABELS).data()))))
            for statement in statements[:-1]:
                run_statement(session, statement, params, plan(session, statement, params).access)
            columns, values = fetch_rows(session, statements[-1], params, declared_columns(text))
            rows = Rows((dict(zip(columns, plain_row(row))) for row in values), columns)
    return rows
