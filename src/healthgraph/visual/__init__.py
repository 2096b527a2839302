"""Interactive HTML pages of the cooperation network (pyvis / vis-network), offline.

What the page shows
    Organisations as nodes: hospitals are dots coloured by tier and sized by how many
    organisations they support; other kinds of organisation get other shapes. Links are
    drawn between organisations, one per (kind, pair), styled by kind: ``supports``
    (arrow from supporter to recipient), ``satellite`` (core hospital to satellite),
    ``transfer`` (technique transfer, dotted) and ``agreement`` (dashed; no arrow for an
    agreement between equals, drawn from the Agreement's ``PARTY`` edges). Agreement,
    Technique and Province nodes of the property graph are folded into the links and the
    tooltips, not drawn. Tooltips give names, province, dates and each evidence sentence
    with its source.

Filters (combined)
    ``kinds`` and ``since``/``until`` keep the links of those kinds and dates (a link
    without a known year is dropped by a date filter; partial dates compare at their own
    precision, so ``2017`` is within ``--since 2017-06``); ``province`` keeps the links that
    touch an organisation of that province (pre- or post-2025 territory) and draws their
    partners too; ``focus``/``depth`` keep the neighbourhood of one organisation.

Big graphs
    Above ``physics_threshold`` nodes the browser runs no simulation: positions come from
    :func:`healthgraph.visual.layout.radial_layout` and edges are hidden while dragging.
"""
from __future__ import annotations

import html
import math
import re
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..errors import HealthgraphError
from ..model import KINDS
from ..text import fold

LINK_KINDS = ("supports", "satellite", "transfer", "agreement")
_KIND_ALIASES = {"supports": "supports", "support": "supports", "satellite": "satellite",
                 "transfer": "transfer", "transfers": "transfer", "agreement": "agreement", "agreements": "agreement"}
_PARTNERSHIP_LINK = {"support": "supports", "satellite": "satellite", "transfer": "transfer", "agreement": "agreement"}

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
LINK_STYLES = {
    "supports": {"color": "#1f77b4", "dashes": False, "width": 1.5},
    "satellite": {"color": "#2ca02c", "dashes": False, "width": 3.0},
    "transfer": {"color": "#9467bd", "dashes": [2, 4], "width": 2.0},
    "agreement": {"color": "#7f7f7f", "dashes": [8, 6], "width": 1.5},
}
_CSS_LINES = {"supports": "solid", "satellite": "solid", "transfer": "dotted", "agreement": "dashed"}
DEFAULT_PHYSICS_THRESHOLD = 1000
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_MAX_FACTS = 4  # evidence sentences per tooltip


@dataclass
class Link:
    """One drawn edge: every fact of one kind between one pair of organisations."""

    kind: str
    source: str
    target: str
    directed: bool
    facts: list[dict] = field(default_factory=list)


@dataclass
class Network:
    """What the page draws: vis-network nodes, edges and options."""

    nodes: list[dict]
    edges: list[dict]
    options: dict
    physics: bool
    title: str
    legend: str


@dataclass
class Page:
    """The page written by :func:`viz`."""

    path: Path
    nodes: int
    edges: int
    physics: bool


# Reading the property graph ---------------------------------------------------------------

def _links(graph) -> list[Link]:
    """Fold SUPPORTS edges, Agreements between equals and technique transfers into links."""
    orgs = {n.id for n in graph.nodes.values() if "Organisation" in n.labels}
    agreements = {n.id: n.props for n in graph.nodes.values() if "Agreement" in n.labels}
    techniques = {n.id: n.props for n in graph.nodes.values() if "Technique" in n.labels}
    links: dict[tuple, Link] = {}

    def add(kind: str, source: str, target: str, directed: bool, fact: dict) -> None:
        if source not in orgs or target not in orgs or source == target:
            return
        key = (kind, source, target) if directed else (kind, *sorted((source, target)))
        link = links.get(key)
        if link is None:
            link = links[key] = Link(kind, key[1], key[2], directed)
        link.facts.append(fact)

    parties: dict[str, list[str]] = defaultdict(list)
    transfers: dict[str, dict] = defaultdict(dict)
    for edge in graph.edges:
        props = edge.props
        if edge.type == "SUPPORTS":
            agreement = agreements.get(props.get("agreement"), {})
            kind = _PARTNERSHIP_LINK.get(props.get("kind"), "supports")
            add(kind, edge.source, edge.target, True, {**agreement, **props})
        elif edge.type == "PARTY" and props.get("role") == "party":
            parties[edge.source].append(edge.target)
        elif edge.type in ("TRANSFERRED_TO", "TRANSFERRED_FROM") and props.get("transfer"):
            record = transfers[props["transfer"]]
            record[edge.type] = edge.target
            record["props"] = props
            record["technique"] = techniques.get(edge.source, {}).get("name")
    for agreement_id, members in parties.items():
        props = agreements.get(agreement_id, {})
        fact = {**props, "date": props.get("signed_on") or props.get("valid_from"), "agreement": agreement_id}
        members = sorted(set(members))
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                add("agreement", a, b, False, fact)
    for record in transfers.values():
        if "TRANSFERRED_FROM" in record and "TRANSFERRED_TO" in record:
            add("transfer", record["TRANSFERRED_FROM"], record["TRANSFERRED_TO"], True,
                {**record["props"], "technique": record["technique"]})
    return sorted(links.values(), key=lambda l: (l.kind, l.source, l.target))


def _supported_counts(graph) -> dict[str, int]:
    """How many distinct organisations each organisation supports (out-degree of SUPPORTS)."""
    recipients: dict[str, set[str]] = defaultdict(set)
    for edge in graph.edges:
        if edge.type == "SUPPORTS":
            recipients[edge.source].add(edge.target)
    return {org: len(r) for org, r in recipients.items()}


# Filters ------------------------------------------------------------------------------------

def _kinds(kinds: Iterable[str] | None) -> set[str]:
    if not kinds:
        return set(LINK_KINDS)
    chosen = set()
    for kind in kinds:
        name = _KIND_ALIASES.get(kind.strip().lower())
        if name is None:
            raise HealthgraphError(f"unknown link kind {kind!r}; choose from {', '.join(LINK_KINDS)}")
        chosen.add(name)
    return chosen


def _check_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    if not _DATE.match(value):
        raise HealthgraphError(f"{option} {value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def date_in_range(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether a (possibly partial) ISO date lies within [since, until].

    Dates compare at the precision both sides have; a date without a year never matches.

    Examples
    --------
    >>> date_in_range("2017", "2017-06", None)
    True
    >>> date_in_range("2016-12-31", "2017", None)
    False
    >>> date_in_range(None, "2017", None)
    False
    """
    if since is None and until is None:
        return True
    if not date or not date[:4].isdigit():
        return False
    for bound, ok in ((since, lambda a, b: a >= b), (until, lambda a, b: a <= b)):
        if bound is not None:
            n = min(len(date), len(bound))
            if not ok(date[:n], bound[:n]):
                return False
    return True


def find_focus(graph, query: str) -> str:
    """Return the id of the organisation a user means by ``query``, resolved as ``healthgraph
    query`` resolves names (:class:`healthgraph.queries.resolve.OrganisationIndex`: any
    spelling, abbreviations such as *BV*, translations, former names, the id).

    Raises
    ------
    HealthgraphError
        When nothing matches, or several organisations do (the message lists them).

    Examples
    --------
    >>> from healthgraph.graph import PropertyGraph
    >>> pg = PropertyGraph()
    >>> pg.add_node("bach-mai", ("Organisation", "Hospital"), name="Bệnh viện Bạch Mai")
    >>> find_focus(pg, "BV Bach Mai")
    'bach-mai'
    """
    from ..queries.resolve import OrganisationIndex

    if not fold(query):
        raise HealthgraphError("--focus needs the name of an organisation")
    labels = []
    for node in graph.nodes.values():
        if "Organisation" in node.labels:
            props = node.props
            labels.append((node.id, props.get("name", node.id), True))
            labels += [(node.id, label, False) for label in (props.get("name_en"), props.get("name_de"),
                                                             *(props.get("mentions") or ()),
                                                             *(props.get("former_names") or ())) if label]
    return OrganisationIndex(labels).resolve(query, what="--focus")


def find_provinces(graph, query: str) -> set[str]:
    """Return the ids of the provinces called ``query`` (pre- and post-2025, any spelling)."""
    key = fold(query)
    found = {n.id for n in graph.nodes.values() if "Province" in n.labels
             and key in {fold(n.id.replace("-", " ")), fold(n.id), fold(n.props.get("name", "")),
                         fold(n.props.get("name_en") or "")}}
    try:
        from ..gazetteer import load_gazetteer

        found.update(p.id for p in load_gazetteer().find_provinces(query))
    except (OSError, HealthgraphError):  # no gazetteer shipped: the graph's own names suffice
        pass
    if not found:
        raise HealthgraphError(f"unknown province {query!r}")
    return found


def select(graph, province: str | None = None, kinds: Iterable[str] | None = None, focus: str | None = None,
           depth: int = 1, since: str | None = None, until: str | None = None) -> tuple[list[str], list[Link]]:
    """Return the organisations and links to draw after the filters.

    Parameters
    ----------
    graph : PropertyGraph
    province, kinds, focus, depth, since, until
        See :func:`viz`.

    Returns
    -------
    (list of str, list of Link)
        Organisation ids (sorted) and links; each link keeps only the facts that passed.
    """
    chosen = _kinds(kinds)
    since, until = _check_date(since, "--since"), _check_date(until, "--until")
    if depth < 0:
        raise HealthgraphError("--depth must be 0 or more")
    links = []
    for link in _links(graph):
        if link.kind not in chosen:
            continue
        facts = [f for f in link.facts if date_in_range(f.get("date"), since, until)]
        if facts:
            links.append(Link(link.kind, link.source, link.target, link.directed, facts))
    filtered_links = kinds is not None and chosen != set(LINK_KINDS) or since is not None or until is not None
    orgs = {n.id: n for n in graph.nodes.values() if "Organisation" in n.labels}
    scope = set(orgs)
    if province:
        ids = find_provinces(graph, province)
        scope = {o for o, n in orgs.items() if n.props.get("province") in ids or n.props.get("province_2025") in ids}
        links = [l for l in links if l.source in scope or l.target in scope]
    nodes = {end for l in links for end in (l.source, l.target)}
    if not filtered_links:
        nodes |= scope  # with no link filter, organisations without links are shown too
    if focus:
        centre = find_focus(graph, focus)
        neighbours: dict[str, set[str]] = defaultdict(set)
        for l in links:
            neighbours[l.source].add(l.target)
            neighbours[l.target].add(l.source)
        reach = {centre: 0}
        queue = deque([centre])
        while queue:
            node = queue.popleft()
            if reach[node] < depth:
                for other in sorted(neighbours[node] - reach.keys()):
                    reach[other] = reach[node] + 1
                    queue.append(other)
        nodes = set(reach)
        links = [l for l in links if l.source in nodes and l.target in nodes]
    return sorted(nodes), links


# Drawing -------------------------------------------------------------------------------------

def _e(value) -> str:
    return html.escape(str(value), quote=True)


def _province_name(graph, province_id: str | None) -> str | None:
    if not province_id:
        return None
    node = graph.nodes.get(province_id)
    return node.props.get("name", province_id) if node else province_id


def _node_tip(graph, node, supported: int, supported_by: int, dates: list[str]) -> str:
    props = node.props
    name = props.get("name", node.id)
    kind = props.get("kind", "organisation").replace("_", " ")
    lines = [f"<b>{_e(name)}</b>", _e(kind + (f" · {props['tier']} tier" if props.get("tier") else ""))]
    province = _province_name(graph, props.get("province"))
    if province:
        now = _province_name(graph, props.get("province_2025"))
        lines.append("Province: " + _e(province) + (f" (since 2025: {_e(now)})" if now and now != province else ""))
    others = [m for m in props.get("mentions") or () if m != name][:4]
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


def _edge_tip(names: dict[str, str], link: Link) -> str:
    arrow = "→" if link.directed else "↔"
    head = f"<b>{_e(names[link.source])} {arrow} {_e(names[link.target])}</b><br>{_e(link.kind)}"
    facts = sorted(link.facts, key=lambda f: (f.get("date") or "", f.get("document") or ""))
    body = [_fact_html(f) for f in facts[:_MAX_FACTS]]
    if len(facts) > _MAX_FACTS:
        body.append(f"… and {len(facts) - _MAX_FACTS} more")
    return "<hr>".join([head, *body])


def _legend(title: str, n_nodes: int, n_edges: int, filters: list[str], tiers: set, shapes: set, kinds: set) -> str:
    rows = [f"<h1>{_e(title)}</h1>",
            f"<div>{n_nodes} organisations · {n_edges} links</div>"]
    if filters:
        rows.append("<div>" + _e("; ".join(filters)) + "</div>")
    rows.append("<ul>" + "".join(
        f'<li><span class="swatch" style="background:{TIER_COLOURS[t]}"></span>{_e(t or "tier unknown")}</li>'
        for t in TIER_COLOURS if t in tiers) + "</ul>")
    rows.append("<ul>" + "".join(
        f"<li>{_SHAPE_GLYPHS[shape]} {_e(', '.join(k.replace('_', ' ') for k in sorted(kinds_) ))}</li>"
        for shape, kinds_ in sorted(shapes_by(shapes).items())) + "</ul>")
    rows.append("<ul>" + "".join(
        f'<li><span class="line" style="border-top:2px {_CSS_LINES[k]} {LINK_STYLES[k]["color"]}"></span>{k}</li>'
        for k in LINK_KINDS if k in kinds) + "</ul>")
    return "".join(rows)


def shapes_by(kinds: set) -> dict[str, set]:
    """Group organisation kinds by the shape that draws them (for the legend)."""
    groups: dict[str, set] = defaultdict(set)
    for kind in kinds:
        groups[KIND_SHAPES.get(kind, "square")].add(kind)
    return groups


def build_network(graph, province: str | None = None, kinds: Iterable[str] | None = None, focus: str | None = None,
                  depth: int = 1, since: str | None = None, until: str | None = None,
                  physics_threshold: int = DEFAULT_PHYSICS_THRESHOLD, title: str | None = None) -> Network:
    """Return the vis-network data of ``graph`` after the filters (see :func:`viz`).

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

    node_ids, links = select(graph, province, kinds, focus, depth, since, until)
    if not node_ids:
        raise HealthgraphError("nothing to draw: no organisation matches the filters")
    physics = len(node_ids) <= physics_threshold
    supported = _supported_counts(graph)
    supported_by: dict[str, int] = defaultdict(int)
    dates: dict[str, list[str]] = defaultdict(list)
    for link in links:
        if link.directed and link.kind != "agreement":
            supported_by[link.target] += 1
        for fact in link.facts:
            if fact.get("date"):
                dates[link.source].append(fact["date"])
                dates[link.target].append(fact["date"])
    positions = {}
    if not physics:
        from .layout import radial_layout

        positions = radial_layout(node_ids, ((l.source, l.target) for l in links))

    net = PyvisNetwork(directed=True, cdn_resources="in_line")
    names = {}
    tiers, kinds_seen = set(), set()
    for node_id in node_ids:
        node = graph.nodes[node_id]
        props = node.props
        names[node_id] = props.get("name", node_id)
        kind, tier = props.get("kind", "organisation"), props.get("tier")
        tier = tier if tier in TIER_COLOURS else None
        tiers.add(tier)
        kinds_seen.add(kind)
        n = supported.get(node_id, 0)
        extra = {"x": positions[node_id][0], "y": positions[node_id][1]} if positions else {}
        net.add_node(node_id, label=names[node_id], shape=KIND_SHAPES.get(kind, "square"),
                     color=TIER_COLOURS[tier], size=round(min(10 + 5 * math.sqrt(n), 50), 1),
                     title=_node_tip(graph, node, n, supported_by.get(node_id, 0), sorted(dates[node_id])),
                     kind=kind, tier=tier, supports=n, **extra)
    for link in links:
        style = LINK_STYLES[link.kind]
        # pyvis's add_edge scans every node per call (quadratic); the endpoints are known to exist.
        net.edges.append(PyvisEdge(
            link.source, link.target, directed=link.directed, id=f"{link.kind}:{link.source}:{link.target}",
            arrows="to" if link.directed else "", kind=link.kind, color=style["color"], dashes=False,
            hgDashes=style["dashes"],  # the page turns dashes on when zoomed in (see page.py)
            width=round(style["width"] + math.log2(len(link.facts)), 2), facts=len(link.facts),
            title=_edge_tip(names, link)).options)

    filters = []
    if province:
        filters.append(f"province {province}")
    if kinds:
        filters.append("links: " + ", ".join(sorted(_kinds(kinds))))
    if focus:
        filters.append(f"around {focus} (depth {depth})")
    if since or until:
        filters.append(f"dated {since or '…'} to {until or '…'}")
    title = title or "Hospital cooperation network"
    options = {
        "nodes": {"font": {"size": 12, "face": "system-ui, sans-serif", "strokeWidth": 3}, "borderWidth": 1},
        "edges": {"smooth": {"type": "continuous"} if physics else False,
                  "arrows": {"to": {"scaleFactor": 0.6}}, "selectionWidth": 2},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
                    "stabilization": {"enabled": physics, "iterations": 400, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": not physics,
                        "hideEdgesOnZoom": not physics, "keyboard": False, "navigationButtons": False},
        "layout": {"improvedLayout": len(node_ids) <= 150, "randomSeed": 7},
    }
    nodes, edges, *_ = net.get_network_data()
    legend = _legend(title, len(nodes), len(edges), filters, tiers, kinds_seen, {l.kind for l in links})
    return Network(nodes, edges, options, physics, title, legend)


def viz(sources=None, store: str | Path | None = None, output: str | Path = "network.html",
        province: str | None = None, kinds: Iterable[str] | None = None, focus: str | None = None, depth: int = 1,
        since: str | None = None, until: str | None = None,
        physics_threshold: int = DEFAULT_PHYSICS_THRESHOLD, title: str | None = None, on_error=None) -> Page:
    """Write an interactive, self-contained HTML page of the cooperation network.

    Parameters
    ----------
    sources : iterable of paths, Corpus or PropertyGraph, optional
        Articles and curated files, or facts already in memory.
    store : path, optional
        Read the persistent RDF store built by ``healthgraph build`` instead of SOURCES.
    output : str or Path
        The HTML file to write.
    province : str, optional
        Keep the links touching organisations of this province (any spelling, pre- or
        post-2025 name); their partners elsewhere are drawn too.
    kinds : iterable of {"supports", "satellite", "transfer", "agreement"}, optional
        Keep only links of these kinds.
    focus : str, optional
        An organisation's name as a user types it (diacritics optional); keep its
        neighbourhood. Ambiguous names raise an error listing the candidates.
    depth : int
        Neighbourhood radius around ``focus``, in links.
    since, until : str, optional
        Keep links dated within these bounds (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
    physics_threshold : int
        Above this many nodes, draw a precomputed layout without physics.
    title : str, optional
        Page title.
    on_error : callable, optional
        Called with each bad source file, which is then skipped.

    Returns
    -------
    Page
        The path written and the number of nodes and edges drawn.

    Examples
    --------
    >>> from healthgraph.graph import PropertyGraph
    >>> import tempfile, os
    >>> pg = PropertyGraph(); pg.add_node("a", ("Organisation",), name="<A>")
    >>> page = viz(pg, output=os.path.join(tempfile.mkdtemp(), "n.html"))
    >>> page.nodes, "<A>" in page.path.read_text(encoding="utf-8")
    (1, False)
    """
    from ..exporters import load_input
    from .page import render_page

    graph = load_input(sources, store=store, on_error=on_error).graph
    net = build_network(graph, province=province, kinds=kinds, focus=focus, depth=depth, since=since,
                        until=until, physics_threshold=physics_threshold, title=title)
    path = Path(output)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_page(net.title, net.legend, net.nodes, net.edges, net.options, net.physics),
                    encoding="utf-8")
    return Page(path, len(net.nodes), len(net.edges), net.physics)

__all__ = ["LINK_KINDS", "Link", "Network", "Page", "build_network", "date_in_range", "find_focus",
           "find_provinces", "select", "viz"]
