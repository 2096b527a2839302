"""Cypher text for the property graph of :mod:`healthgraph.graph`, shared by the Neo4j loader,
the ``cypher`` script export and the ``neo4j-admin`` CSV export.

Nodes are merged on ``id`` under their *key label* (``Organisation``, ``Province``,
``Technique`` or ``Agreement``, each with a uniqueness constraint); the other labels are
set on top. Relationships are merged on their type, their two endpoints and, when they
come from an agreement or a technique transfer, its id (``agreement``/``transfer``
property), so that loading the same graph twice changes nothing.

No driver is imported here: the statements take their values as *expressions*
(``row.id`` for ``UNWIND`` batches, ``$id`` for one statement per row, literals for the
script export).
"""
from __future__ import annotations

import json
import math
from typing import Any, Iterable, Mapping

from ..graph import Edge, Node, PropertyGraph

KEY_LABELS = ("Organisation", "Province", "Technique", "Agreement")
# Range indexes on the properties the named queries (queries/*.cypher) filter on, beside the
# ``name`` index of every key label: a province's organisations, agreements by end date.
PROPERTY_INDEXES = (("Organisation", "province"), ("Organisation", "province_2025"), ("Agreement", "valid_to"))
# Relationship properties that identify the fact behind a relationship, in order of preference.
KEY_PROPERTIES = ("agreement", "transfer")
NodeGroup = tuple[str, ...]                     # the node's labels
EdgeGroup = tuple[str, str, str, "str | None"]  # (type, source key label, target key label, key property)


def identifier(name: str) -> str:
    """Return ``name`` as a backtick-quoted Cypher identifier (labels, types, property keys).

    Examples
    --------
    >>> identifier("Hospital")
    '`Hospital`'
    >>> identifier("odd`name")
    '`odd``name`'
    """
    return "`" + name.replace("`", "``") + "`"


def schema_statements() -> list[str]:
    """Return the constraint and index statements to run before loading (idempotent).

    One uniqueness constraint per key label (its ``id``) comes first, then the ``name``
    indexes and :data:`PROPERTY_INDEXES`.

    Examples
    --------
    >>> schema_statements()[0]
    'CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:`Organisation`) REQUIRE n.id IS UNIQUE'
    """
    statements = [f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{identifier(label)}) "
                  "REQUIRE n.id IS UNIQUE" for label in KEY_LABELS]
    statements += [f"CREATE INDEX {label.lower()}_name IF NOT EXISTS FOR (n:{identifier(label)}) ON (n.name)"
                   for label in KEY_LABELS]
    statements += [f"CREATE INDEX {label.lower()}_{key} IF NOT EXISTS FOR (n:{identifier(label)}) "
                   f"ON (n.{identifier(key)})" for label, key in PROPERTY_INDEXES]
    return statements


def key_label(labels: Iterable[str]) -> str:
    """Return the label a node is merged under: its first key label, else its first label."""
    labels = tuple(labels)
    return next((label for label in labels if label in KEY_LABELS), labels[0])


def node_merge(labels: NodeGroup, id_expr: str, props_expr: str) -> str:
    """Return ``MERGE`` + ``SET`` for one node with ``labels``; values are Cypher expressions.

    Examples
    --------
    >>> node_merge(("Organisation", "Hospital"), "row.id", "row.props")
    'MERGE (n:`Organisation` {id: row.id}) SET n += row.props, n:`Hospital`'
    """
    key = key_label(labels)
    extra = "".join(f", n:{identifier(label)}" for label in labels if label != key)
    return f"MERGE (n:{identifier(key)} {{id: {id_expr}}}) SET n += {props_expr}{extra}"


def relationship_merge(group: EdgeGroup, source_expr: str, target_expr: str, key_expr: str | None,
                       props_expr: str) -> str:
    """Return ``MATCH`` the endpoints + ``MERGE`` one relationship of ``group``.

    Examples
    --------
    >>> relationship_merge(("SUPPORTS", "Organisation", "Organisation", "agreement"),
    ...                    "row.s", "row.t", "row.key", "row.props")  # doctest: +NORMALIZE_WHITESPACE
    'MATCH (a:`Organisation` {id: row.s}) MATCH (b:`Organisation` {id: row.t})
     MERGE (a)-[r:`SUPPORTS` {`agreement`: row.key}]->(b) SET r += row.props'
    """
    rel_type, source_label, target_label, key = group
    keyed = f" {{{identifier(key)}: {key_expr}}}" if key else ""
    return (f"MATCH (a:{identifier(source_label)} {{id: {source_expr}}}) "
            f"MATCH (b:{identifier(target_label)} {{id: {target_expr}}}) "
            f"MERGE (a)-[r:{identifier(rel_type)}{keyed}]->(b) SET r += {props_expr}")


def property_value(value: Any) -> Any:
    """Return ``value`` as a Neo4j property value (primitives or homogeneous lists of them).

    Maps and mixed lists become JSON text; non-finite floats become text too.

    Examples
    --------
    >>> property_value(["a", "b"]), property_value({"k": 1}), property_value([1, "a"])
    (['a', 'b'], '{"k": 1}', '[1, "a"]')
    """
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple, set)):
        items = sorted(value) if isinstance(value, set) else list(value)
        kinds = {bool if isinstance(v, bool) else str if isinstance(v, str) else float if isinstance(v, (int, float))
                 else object for v in items}
        if len(kinds) <= 1 and object not in kinds and None not in items:
            return items
        return json.dumps(items, ensure_ascii=False, default=str)
    return json.dumps(value, ensure_ascii=False, default=str)


_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def literal(value: Any) -> str:
    """Return ``value`` (text, number, boolean, list, map, None) as a Cypher literal.

    Strings are single-quoted with backslash escapes; other control characters become
    ``\\uXXXX``, so no value can end the string or the statement early.

    Examples
    --------
    >>> print(literal("O'Brien \\\\ <script>;"))
    'O\\'Brien \\\\ <script>;'
    >>> literal({"from": ["a", 1.5, True, None]})
    "{`from`: ['a', 1.5, true, null]}"
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else literal(str(value))
    if isinstance(value, str):
        escaped = "".join(_ESCAPES.get(ch) or (f"\\u{ord(ch):04x}" if ord(ch) < 0x20 or ch in "\u2028\u2029"
                                                 else ch) for ch in value)
        return f"'{escaped}'"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{identifier(str(k))}: {literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple, set)):
        return "[" + ", ".join(literal(v) for v in (sorted(value) if isinstance(value, set) else value)) + "]"
    return literal(str(value))


def node_properties(node: Node) -> dict:
    """The properties set on a node (``id`` is its merge key, so it is not repeated)."""
    return {k: property_value(v) for k, v in node.props.items() if k != "id" and v is not None}


def edge_key(edge: Edge) -> str | None:
    """The property that identifies ``edge`` beside its endpoints, or ``None``."""
    return next((k for k in KEY_PROPERTIES if edge.props.get(k) is not None), None)


def edge_properties(edge: Edge, key: str | None) -> dict:
    """The properties set on a relationship (its key property is part of the ``MERGE``)."""
    return {k: property_value(v) for k, v in edge.props.items() if k != key and v is not None}


def node_groups(graph: PropertyGraph) -> dict[NodeGroup, list[Node]]:
    """Group the nodes by label set, in a deterministic order (key label, then labels)."""
    groups: dict[NodeGroup, list[Node]] = {}
    for node in graph.nodes.values():
        groups.setdefault(tuple(node.labels), []).append(node)
    return dict(sorted(groups.items(), key=lambda item: (KEY_LABELS.index(key_label(item[0]))
                                                         if key_label(item[0]) in KEY_LABELS else len(KEY_LABELS),
                                                         item[0])))


def edge_groups(graph: PropertyGraph) -> dict[EdgeGroup, list[Edge]]:
    """Group the relationships by (type, endpoint key labels, key property).

    Relationships whose endpoint is not a node of ``graph`` cannot be written and are left out.
    """
    groups: dict[EdgeGroup, list[Edge]] = {}
    keys: dict[tuple, str] = {}  # label set -> key label: a handful of label sets, a million edges
    nodes = graph.nodes
    for edge in graph.edges:
        source, target = nodes.get(edge.source), nodes.get(edge.target)
        if source is None or target is None:
            continue
        source_key = keys.get(source.labels) or keys.setdefault(source.labels, key_label(source.labels))
        target_key = keys.get(target.labels) or keys.setdefault(target.labels, key_label(target.labels))
        group = (edge.type, source_key, target_key, edge_key(edge))
        groups.setdefault(group, []).append(edge)
    return dict(sorted(groups.items(), key=lambda item: (item[0][0], item[0][1], item[0][2], item[0][3] or "")))
