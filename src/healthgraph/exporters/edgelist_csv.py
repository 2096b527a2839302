"""CSV edge list plus a nodes table: ``OUT.csv`` (edges) and ``OUT.nodes.csv`` beside it.

Edges: ``source, target, type`` then every relationship property (the evidence's
publication is ``evidence_source``); nodes: ``id, labels, name`` then every node property.
Lists are JSON text; labels are ``;``-joined; text that starts like a spreadsheet formula
gets a leading apostrophe.
"""
from __future__ import annotations

import csv
from pathlib import Path

from ..output import spreadsheet_safe
from . import endpoint_safe, scalar

FORMATS = ("csv", "edgelist")
SUFFIX = ".csv"
INPUT = "graph"
DESCRIPTION = "CSV edge list OUT.csv with its nodes table OUT.nodes.csv"


def nodes_path(out_path: Path) -> Path:
    """Return the nodes table written beside the edge list ``out_path``."""
    out_path = Path(out_path)
    return out_path.with_name(out_path.stem + ".nodes.csv")


def _columns(first: list[str], rows: list[dict]) -> list[str]:
    rest = sorted({key for row in rows for key in row} - set(first))
    return first + rest


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else spreadsheet_safe(scalar(v)) for k, v in row.items()})


def write(graph, out_path: Path, fmt: str = "csv") -> list[Path]:
    """Write the edges of ``graph`` to ``out_path`` and its nodes to :func:`nodes_path`."""
    edges = [{**endpoint_safe(e.props), "source": e.source, "target": e.target, "type": e.type} for e in graph.edges]
    nodes = [{**n.props, "id": n.id, "labels": ";".join(n.labels)} for n in graph.nodes.values()]
    _write(Path(out_path), _columns(["source", "target", "type"], edges), edges)
    _write(nodes_path(out_path), _columns(["id", "labels", "name"], nodes), nodes)
    return [Path(out_path), nodes_path(out_path)]
