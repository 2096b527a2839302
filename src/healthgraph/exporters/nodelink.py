"""Node-link JSON (d3, networkx ``node_link_graph``): lists stay JSON lists.

Edges name their endpoints ``source`` and ``target``; the evidence's publication is
therefore ``evidence_source``.
"""
from __future__ import annotations

import json
from pathlib import Path

from . import endpoint_safe

FORMATS = ("node-link",)
SUFFIX = ".json"
INPUT = "graph"
DESCRIPTION = "node-link JSON for d3 and networkx.node_link_graph (edges under \"edges\")"


def write(graph, out_path: Path, fmt: str = "node-link") -> list[Path]:
    """Write ``graph`` (a PropertyGraph) to ``out_path`` as node-link JSON."""
    data = {
        "directed": True,
        "multigraph": True,
        "graph": {},
        "nodes": [{**n.props, "id": n.id, "labels": list(n.labels)} for n in graph.nodes.values()],
        "edges": [{**endpoint_safe(e.props), "type": e.type, "source": e.source, "target": e.target, "key": i}
                  for i, e in enumerate(graph.edges)],
    }
    with open(out_path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return [Path(out_path)]
