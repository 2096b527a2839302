"""How the page looks: colours by tier, shapes by kind of organisation, line styles by kind
of link, and the HTML of the tooltips and the legend (every value escaped here)."""
from __future__ import annotations

import html
from collections import defaultdict
from typing import TypedDict

from ..model import KINDS
from .links import LINK_KINDS, Link

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
_MAX_FACTS = 4  # evidence sentences per tooltip


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def province_name(graph, province_id: str | None) -> str | None:
    if not province_id:
        return None
    node = graph.nodes.get(province_id)
    return node.props.get("name", province_id) if node else province_id


def node_tip(graph, node, supported: int, supported_by: int, dates: list[str], aliases: list[str]) -> str:
    """An organisation's tooltip: names (``aliases``: every name of the body), kind and tier,
    province, links counted, dates spanned."""
    props = node.props
    name = props.get("name", node.id)
    kind = props.get("kind", "organisation").replace("_", " ")
    lines = [f"<b>{_e(name)}</b>", _e(kind + (f" · {props['tier']} tier" if props.get("tier") else ""))]
    province = province_name(graph, props.get("province"))
    if province:
        now = province_name(graph, props.get("province_2025"))
        lines.append("Province: " + _e(province) + (f" (since 2025: {_e(now)})" if now and now != province else ""))
    others = [m for m in aliases if m != name][:4]
    if others:
        lines.append("Also written: " + _e("; ".join(others)))
    lines.append(f"Supports {supported} · supported by {supported_by}")
    if dates:
        lines.append("Dated links: " + _e(dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"))
    return "<br>".join(lines)


def _fact_html(fact: dict) -> str:
    parts = []
    if fact.get("technique"):
        parts.append("Technique: " + _e(fact["technique"]))
    when = []
    if fact.get("signed_on"):
        when.append("signed " + fact["signed_on"])
    if fact.get("valid_from") or fact.get("valid_to"):
        when.append(f"valid {fact.get('valid_from') or '?'} to {fact.get('valid_to') or '?'}")
    if not when and fact.get("date"):
        when.append(fact["date"])
    if when:
        parts.append(_e("; ".join(when)))
    if fact.get("activities"):
        parts.append("Activities: " + _e("; ".join(fact["activities"][:5])))
    sentence = fact.get("evidence") or ""
    if len(sentence) > 320:
        sentence = sentence[:319] + "…"
    where = ", ".join(str(x) for x in (fact.get("source"), fact.get("document")) if x)
    if sentence:
        parts.append(f'<div class="ev">“{_e(sentence)}”<span class="src"> — {_e(where or "unknown source")}</span></div>')
    return "<br>".join(parts)


def edge_tip(names: dict[str, str], link: Link) -> str:
    """A link's tooltip: its ends, its kind and its first facts with their evidence sentences."""
    arrow = "→" if link.directed else "↔"
    head = f"<b>{_e(names[link.source])} {arrow} {_e(names[link.target])}</b><br>{_e(link.kind)}"
    facts = sorted(link.facts, key=lambda f: (f.get("date") or "", f.get("document") or ""))
    body = [_fact_html(f) for f in facts[:_MAX_FACTS]]
    if len(facts) > _MAX_FACTS:
        body.append(f"… and {len(facts) - _MAX_FACTS} more")
    return "<hr>".join([head, *body])


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
