"""GraphML (yEd, Cytoscape, networkx): every node and relationship with its properties.

List properties (``mentions``, ``activities``) are written as JSON text, because GraphML
attributes are scalars; ``labels`` is the ``;``-joined label list.
"""
from __future__ import annotations

from pathlib import Path

from . import flat_networkx

FORMATS = ("graphml",)
SUFFIX = ".graphml"
INPUT = "graph"
DESCRIPTION = "GraphML for yEd, Cytoscape and networkx (list properties as JSON text)"


def write(graph, out_path: Path) -> list[Path]:
    """Write ``graph`` (a PropertyGraph) to ``out_path`` as GraphML."""
    import networkx as nx

    nx.write_graphml_xml(flat_networkx(graph, xml=True), out_path, encoding="utf-8")
    return [Path(out_path)]
