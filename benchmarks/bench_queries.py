"""Named-query latency per backend (rdf, neo4j, networkx) at 10k, 100k and 1M edges."""
from __future__ import annotations


def run(quick: bool) -> dict:
    title = "Named queries: latency per backend"
    try:
        from healthgraph.queries import query  # noqa: F401
    except ImportError as exc:
        return {"title": title, "tables": [], "notes": [f"not run: the query layer is not available yet ({exc})"]}
    raise NotImplementedError("query-layer benchmark: to be wired to healthgraph.queries once it lands")
