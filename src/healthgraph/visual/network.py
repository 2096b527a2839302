"""The page's data from a graph: nodes, edges and options after the filters, with a
precomputed layout above the physics threshold (:func:`build_network`). The same data feeds
the vis-network page and the WebGL page."""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..errors import HealthgraphError
from ..resolve import key
from ..text import fold
from .filters import chosen_kinds, organisation_names, select
from .links import Link, fact_period, supported_counts
from .style import KIND_SHAPES, LINK_STYLES, TIER_COLOURS, legend, province_name

DEFAULT_PHYSICS_THRESHOLD = 1000
LAYOUTS = ("auto", "map")  # auto: physics for small graphs, else radial_layout; map: by province
DEFAULT_WEBGL_THRESHOLD = 2000  # vis-network needs seconds per frame past this; WebGL does not
CURVE = 0.25  # roundness between two parallel links of one pair


@dataclass
class Network:
    """What the page draws: vis-network nodes, edges and options."""

    nodes: list[dict]
    edges: list[dict]
    options: dict
    physics: bool
    title: str
    legend: str
    webgl: bool = False  # drawn by the WebGL page (:mod:`.webgl`)
    outline: list[tuple[float, float]] | None = None  # the country under the map layout, a closed ring


def _curves(links: list[Link]) -> dict[int, dict]:
    """vis-network ``smooth`` of each link that shares its pair with others: fanned out on
    both sides of the straight line, so each can be seen and hovered."""
    pairs: dict[tuple, list[int]] = defaultdict(list)
    for i, link in enumerate(links):
        pairs[tuple(sorted((link.source, link.target)))].append(i)
    curves = {}
    for (first, _), members in pairs.items():
        if len(members) < 2:
            continue
        for rank, i in enumerate(members):
            offset = rank - (len(members) - 1) / 2
            # curvedCW bends to the right of source -> target: flip for links drawn the other way
            side = offset if links[i].source == first else -offset
            curves[i] = {"enabled": True, "type": "curvedCW" if side >= 0 else "curvedCCW",
                         "roundness": round(abs(offset) * CURVE, 3)}
    return curves


def _fact_record(fact: dict, kind: str, titles: dict[str, str]) -> dict:
    """What the side panel and the tooltips show of one fact (plain values; the page sets
    them as text): ``title`` is the article's title when the corpus knows it."""
    start, end = fact_period(fact)
    document = fact.get("document")
    return {"kind": kind, "start": start, "end": end, "technique": fact.get("technique"),
            "activities": fact.get("activities") or [], "evidence": fact.get("evidence"), "source": fact.get("source"),
            "document": document, "title": titles.get(document) if isinstance(document, str) else None,
            "url": document if isinstance(document, str) and document.startswith(("https://", "http://")) else None}


def build_network(graph, province: str | None = None, kinds: Iterable[str] | None = None, focus: str | None = None,
                  depth: int = 1, since: str | None = None, until: str | None = None, at: str | None = None,
                  physics_threshold: int = DEFAULT_PHYSICS_THRESHOLD, webgl_threshold: int = DEFAULT_WEBGL_THRESHOLD,
                  layout: str = "auto", title: str | None = None, titles: dict[str, str] | None = None) -> Network:
    """Return the vis-network data of ``graph`` after the filters (see :func:`healthgraph.visual.viz`);
    ``titles`` maps document ids to the articles' titles (the property graph keeps only ids).

    Examples
    --------
    >>> from healthgraph.graph import PropertyGraph
    >>> pg = PropertyGraph()
    >>> pg.add_node("a", ("Organisation", "Hospital"), name="A", kind="hospital", tier="central")
    >>> pg.add_node("b", ("Organisation", "Hospital"), name="B", kind="hospital")
    >>> pg.add_edge("a", "SUPPORTS", "b", kind="support")
    >>> net = build_network(pg)
    >>> [(e["from"], e["to"], e["kind"]) for e in net.edges]
    [('a', 'b', 'supports')]
    """
    from pyvis.network import Network as PyvisNetwork
    from pyvis.edge import Edge as PyvisEdge
    from pyvis.node import Node as PyvisNode

    if layout not in LAYOUTS:
        raise HealthgraphError(f"unknown layout {layout!r}; choose from {', '.join(LAYOUTS)}")
    node_ids, links, body = select(graph, province, kinds, focus, depth, since, until, at)
    if not node_ids:
        raise HealthgraphError("nothing to draw: no organisation matches the filters")
    webgl = len(node_ids) > webgl_threshold
    physics = not webgl and layout == "auto" and len(node_ids) <= physics_threshold
    supported = supported_counts(graph, body)
    members: dict[str, list[str]] = defaultdict(list)
    for org_id, body_id in sorted(body.items()):
        members[body_id].append(org_id)
    supported_by: dict[str, int] = defaultdict(int)
    dates: dict[str, list[str]] = defaultdict(list)
    for link in links:
        if link.directed and link.kind != "agreement":
            supported_by[link.target] += 1
        for fact in link.facts:
            if fact.get("date"):
                dates[link.source].append(fact["date"])
                dates[link.target].append(fact["date"])
    positions, outline = {}, None
    if layout == "map":
        from .layout import map_layout, map_outline

        outline = map_outline()
        positions = map_layout({n: [graph.nodes[n].props.get(p) for p in ("province", "province_2025")]
                                for n in node_ids})
    elif not physics:
        from .layout import radial_layout

        positions = radial_layout(node_ids, ((l.source, l.target) for l in links))

    net = PyvisNetwork(directed=True, cdn_resources="in_line")
    tiers, kinds_seen = set(), set()
    for node_id in node_ids:
        node = graph.nodes[node_id]
        props = node.props
        kind, tier = props.get("kind", "organisation"), props.get("tier")
        tier = tier if tier in TIER_COLOURS else None
        tiers.add(tier)
        kinds_seen.add(kind)
        n = supported.get(node_id, 0)
        extra: dict[str, object] = {"x": positions[node_id][0], "y": positions[node_id][1]} if positions else {}
        aliases = list(dict.fromkeys(a for m in members[node_id] for a in organisation_names(graph.nodes[m])))
        home, home_2025 = (province_name(graph, props.get(p)) for p in ("province", "province_2025"))
        spanned = sorted(dates[node_id])
        # pyvis's add_node scans every node per call (quadratic); the ids are known to be new.
        net.nodes.append(PyvisNode(
            node_id, KIND_SHAPES.get(kind, "square"), label=props.get("name", node_id), color=TIER_COLOURS[tier],
            font_color=net.font_color, size=round(min(10 + 5 * math.sqrt(n), 50), 1), kind=kind, tier=tier,
            supports=n, supported_by=supported_by.get(node_id, 0), aliases=aliases, province=home,
            province_2025=home_2025 if home_2025 != home else None, dated=[spanned[0], spanned[-1]] if spanned else None,
            # what the search box matches: every name, folded, abbreviations spelled out too
            search=" | ".join(dict.fromkeys(f(a) for a in aliases for f in (fold, key))), **extra).options)
    curves = _curves(links)
    for i, link in enumerate(links):
        style = LINK_STYLES[link.kind]
        # pyvis's add_edge scans every node per call (quadratic); the endpoints are known to exist.
        net.edges.append(PyvisEdge(
            link.source, link.target, directed=link.directed, id=f"{link.kind}:{link.source}:{link.target}",
            arrows="to" if link.directed else "", kind=link.kind, color=style["color"], dashes=False,
            hgDashes=style["dashes"],  # the page turns dashes on when zoomed in (see page.py)
            width=round(style["width"] + math.log2(len(link.facts)), 2),
            **({"smooth": curves[i]} if i in curves else {}),
            facts=[_fact_record(f, link.kind, titles or {}) for f in link.facts]).options)

    filters = []
    if province:
        filters.append(f"province {province}")
    if kinds:
        filters.append("links: " + ", ".join(sorted(chosen_kinds(kinds))))
    if focus:
        filters.append(f"around {focus} (depth {depth})")
    if since or until:
        filters.append(f"dated {since or '…'} to {until or '…'}")
    if at:
        filters.append(f"in force on {at}")
    if layout == "map":
        filters.append("placed at their province's seat (unknown province: out at sea, east)")
    title = title or "Hospital cooperation network"
    options = {
        "nodes": {"font": {"size": 12, "face": "system-ui, sans-serif", "strokeWidth": 3}, "borderWidth": 1},
        "edges": {"smooth": False,
                  "arrows": {"to": {"scaleFactor": 0.6}}, "selectionWidth": 2},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
                    "stabilization": {"enabled": physics, "iterations": 400, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": not physics,
                        "hideEdgesOnZoom": not physics, "keyboard": False, "navigationButtons": False},
        "layout": {"improvedLayout": len(node_ids) <= 150, "randomSeed": 7},
    }
    nodes, edges, *_ = net.get_network_data()
    return Network(nodes, edges, options, physics, title,
                   legend(title, len(nodes), len(edges), filters, tiers, kinds_seen, {l.kind for l in links}), webgl,
                   outline)
