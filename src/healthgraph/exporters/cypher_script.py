"""A plain Cypher script (``.cypher``) that rebuilds the graph in any Neo4j, no driver needed.

Run it with ``healthgraph cypher graph.cypher``, ``cypher-shell -f graph.cypher`` or paste it
into Neo4j Browser. It holds the same statements as ``healthgraph neo4j load`` (constraints
and indexes, then one ``MERGE`` per node and relationship) with the values written as
escaped literals instead of parameters, so running it twice changes nothing.
"""
from __future__ import annotations

from pathlib import Path

from ..neo4j import schema

FORMATS = ("cypher",)
SUFFIX = ".cypher"
INPUT = "graph"
DESCRIPTION = "Cypher script of MERGE statements (healthgraph cypher FILE, cypher-shell -f FILE)"


def statements(graph) -> list[str]:
    """Return the script's statements (without ``;``) in load order.

    Examples
    --------
    >>> from healthgraph.graph import PropertyGraph
    >>> g = PropertyGraph(); g.add_node("h1", ("Organisation", "Hospital"), name="BV 'A'")
    >>> statements(g)[-1]
    "MERGE (n:`Organisation` {id: 'h1'}) SET n += {`name`: 'BV \\\\'A\\\\''}, n:`Hospital`"
    """
    lines = schema.schema_statements()
    for labels, nodes in schema.node_groups(graph).items():
        lines += [schema.node_merge(labels, schema.literal(n.id), schema.literal(schema.node_properties(n)))
                  for n in nodes]
    for group, edges in schema.edge_groups(graph).items():
        key = group[3]
        lines += [schema.relationship_merge(group, schema.literal(e.source), schema.literal(e.target),
                                            schema.literal(e.props[key]) if key else None,
                                            schema.literal(schema.edge_properties(e, key)))
                  for e in edges]
    return lines


def write(graph, out_path: Path) -> list[Path]:
    """Write the Cypher script of ``graph`` to ``out_path``."""
    out_path = Path(out_path)
    with open(out_path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(f"// healthgraph property graph: {len(graph.nodes)} nodes, {len(graph.edges)} relationships.\n"
                     "// Run with `healthgraph cypher FILE` or `cypher-shell -f FILE`; safe to run twice.\n")
        for statement in statements(graph):
            handle.write(statement + ";\n")
    return [out_path]
