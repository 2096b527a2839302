"""How the page looks: colours by tier, shapes by kind of organisation, line styles by kind
of link, and the HTML of the legend (every value escaped here). The tooltips are built in
the page from the data, as text (:mod:`.page`)."""
from __future__ import annotations

import html
from collections import defaultdict
from typing import TypedDict

from ..model import KINDS
from .links import LINK_KINDS

TIER_COLOURS = {
    "central": "#d62728",
    "provincial": "#1f77b4",
    "district": "#2ca02c",
    "commune": "#bcbd22",
    "private": "#9467bd",
    "foreign": "#e377c2",
    None: "#9e9e9e",
}
KIND_SHAPES = {kind.id: kind.shape for kind in KINDS.values()}  # vis-network shapes (model.KINDS)
_SHAPE_GLYPHS = {"dot": "●", "square": "■", "diamond": "◆", "star": "★", "triangle": "▲",
                 "triangleDown": "▼", "hexagon": "⬢"}


class LinkStyle(TypedDict):
    color: str
    dashes: bool | list[int]  # vis-network: on/off, or the dash and gap lengths
    width: float


LINK_STYLES: dict[str, LinkStyle] = {
    "supports": {"color": "#1f77b4", "dashes": False, "width": 1.5},
    "satellite": {"color": "#2ca02c", "dashes": False, "width": 3.0},
    "transfer": {"color": "#9467bd", "dashes": [2, 4], "width": 2.0},
    "agreement": {"color": "#7f7f7f", "dashes": [8, 6], "width": 1.5},
}
_CSS_LINES = {"supports": "solid", "satellite": "solid", "transfer": "dotted", "agreement": "dashed"}


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def province_name(graph, province_id: str | None) -> str | None:
    if not province_id:
        return None
    node = graph.nodes.get(province_id)
    return node.props.get("name", province_id) if node else province_id


def legend(title: str, n_nodes: int, n_edges: int, filters: list[str], tiers: set, org_kinds: set,
           link_kinds: set) -> str:
    """The legend box: counts, the filters applied, and the tiers, shapes and line styles on the page."""
    rows = [f"<h1>{_e(title)}</h1>",
            f"<div>{n_nodes} organisations · {n_edges} links</div>"]
    if filters:
        rows.append("<div>" + _e("; ".join(filters)) + "</div>")
    rows.append("<ul>" + "".join(
        f'<li><span class="swatch" style="background:{TIER_COLOURS[t]}"></span>{_e(t or "tier unknown")}</li>'
        for t in TIER_COLOURS if t in tiers) + "</ul>")
    rows.append("<ul>" + "".join(
        f"<li>{_SHAPE_GLYPHS[shape]} {_e(', '.join(k.replace('_', ' ') for k in sorted(kinds_) ))}</li>"
        for shape, kinds_ in sorted(shapes_by(org_kinds).items())) + "</ul>")
    rows.append("<ul>" + "".join(
        f'<li><span class="line" style="border-top:2px {_CSS_LINES[k]} {LINK_STYLES[k]["color"]}"></span>{k}</li>'
        for k in LINK_KINDS if k in link_kinds) + "</ul>")
    return "".join(rows)


def shapes_by(kinds: set) -> dict[str, set]:
    """Group organisation kinds by the shape that draws them (for the legend)."""
    groups: dict[str, set] = defaultdict(set)
    for kind in kinds:
        groups[KIND_SHAPES.get(kind, "square")].add(kind)
    return groups
