"""GEXF 1.2 for Gephi: nodes labelled by name, edges labelled by relationship type."""
from __future__ import annotations

from pathlib import Path

from . import flat_networkx

FORMATS = ("gexf",)
SUFFIX = ".gexf"
INPUT = "graph"
DESCRIPTION = "GEXF for Gephi (node label = name, edge label = relationship type)"


def write(graph, out_path: Path) -> list[Path]:
    """Write ``graph`` (a PropertyGraph) to ``out_path`` as GEXF."""
    import networkx as nx

    g = flat_networkx(graph, xml=True)
    for node_id, data in g.nodes(data=True):
        data["label"] = data.get("name", node_id)
    # GEXF reserves the edge attribute "type" for directed/undirected: carry ours as the label.
    for _u, _v, data in g.edges(data=True):
        data["label"] = data.pop("type")
    nx.write_gexf(g, out_path, encoding="utf-8", version="1.2draft")
    return [Path(out_path)]
