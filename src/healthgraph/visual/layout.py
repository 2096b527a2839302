"""A precomputed layout for big networks, linear in the size of the graph.

Above the physics threshold the page draws nodes where this module puts them, so the
browser does no force simulation. Cooperation networks are hub-and-spoke (a central
hospital supports dozens of provincial ones). Every organisation hangs under its
best-connected partner that has more partners than itself, which splits the graph into
clusters around local hubs; each cluster is laid out in rings around its hub, every
subtree in an angular wedge proportional to its size, and the clusters are packed in
rows, biggest first. Links between clusters stay long; zoom in to read a cluster. Pure Python (networkx's own layouts need numpy/scipy): 5,000
nodes take well under a second.

:func:`map_layout` instead puts each organisation at its province (``viz --layout map``),
so that support links show as flows across Vietnam; :func:`map_outline` is the outline of
the country drawn under them.
"""
from __future__ import annotations

import math
from collections import defaultdict
from functools import lru_cache
from typing import Iterable

SPACING = 40.0  # canvas pixels between neighbouring nodes on a ring
RING = 160.0  # minimum distance between two rings


def radial_layout(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Return ``{node: (x, y)}`` for an undirected view of ``edges``.

    Parameters
    ----------
    nodes : iterable of str
        Every node to place (isolated ones included).
    edges : iterable of (str, str)
        Links between them; direction is ignored.

    Returns
    -------
    dict of str to (float, float)
        Canvas coordinates; deterministic for the same input.

    Examples
    --------
    >>> pos = radial_layout(["hub", "a", "b", "alone"], [("hub", "a"), ("hub", "b")])
    >>> pos["hub"] != pos["a"] and len(pos) == 4
    True
    """
    order = sorted(set(nodes))
    adjacency: dict[str, set[str]] = defaultdict(set)
    for u, v in edges:
        if u != v:
            adjacency[u].add(v)
            adjacency[v].add(u)
    degree = {n: len(adjacency[n]) for n in order}
    rank = {n: (-degree[n], n) for n in order}

    # Hang every node under its best-connected neighbour that is better connected than
    # itself: each hub with the organisations it mostly works with becomes one cluster.
    parent: dict[str, str | None] = {}
    for n in order:
        bigger = [m for m in adjacency[n] if rank[m] < rank[n]]
        parent[n] = min(bigger, key=rank.__getitem__) if bigger else None
    children: dict[str, list[str]] = defaultdict(list)
    for n in sorted(order, key=rank.__getitem__):
        hub = parent[n]
        if hub is not None:
            children[hub].append(n)
    clusters = [_cluster(root, children) for root in sorted(order, key=rank.__getitem__) if parent[root] is None]
    return _pack(clusters)


def _cluster(root: str, children: dict[str, list[str]]) -> tuple[float, dict[str, tuple[float, float]]]:
    """Lay out the tree under ``root`` in rings centred on (0, 0), subtrees in wedges."""
    levels: list[list[str]] = [[root]]
    while True:
        next_level = [kid for node in levels[-1] for kid in children.get(node, ())]
        if not next_level:
            break
        levels.append(next_level)

    weight: dict[str, int] = {}
    for level in reversed(levels):  # leaves first: a subtree weighs as many leaves as it has
        for node in level:
            weight[node] = sum(weight[k] for k in children.get(node, ())) or 1

    radius = [0.0]
    for depth, level in enumerate(levels[1:], start=1):
        radius.append(max(radius[depth - 1] + RING, len(level) * SPACING / (2 * math.pi)))

    pos = {root: (0.0, 0.0)}
    wedge = {root: (0.0, 2 * math.pi)}
    for depth, level in enumerate(levels[:-1]):
        for node in level:
            start, width = wedge[node]
            total = weight[node]
            for kid in children.get(node, ()):
                share = width * weight[kid] / total
                wedge[kid] = (start, share)
                angle = start + share / 2
                r = radius[depth + 1]
                pos[kid] = (r * math.cos(angle), r * math.sin(angle))
                start += share
    return radius[-1] + SPACING, pos


def _pack(components: list[tuple[float, dict[str, tuple[float, float]]]]) -> dict[str, tuple[float, float]]:
    """Place the components in rows (shelf packing), biggest first."""
    if not components:
        return {}
    components = sorted(components, key=lambda c: -c[0])  # stable: ties keep hub order
    area = sum((2 * r) ** 2 for r, _ in components)
    row_width = max(2 * components[0][0], math.sqrt(area) * 1.2)
    positions: dict[str, tuple[float, float]] = {}
    x = y = 0.0
    row_height = 0.0
    for r, pos in components:
        if x > 0 and x + 2 * r > row_width:
            x, y = 0.0, y + row_height
            row_height = 0.0
        cx, cy = x + r, y + r
        for node, (px, py) in pos.items():
            positions[node] = (round(cx + px, 1), round(cy + py, 1))
        x += 2 * r
        row_height = max(row_height, 2 * r)
    return positions


KM = 8.0  # canvas pixels per kilometre on the map
MAP_SPACING = 50.0  # between the organisations of one province: a big hospital's dot is about 50 pixels wide
_KM_PER_DEGREE = 111.2
_MAP_LATITUDE = 16.0  # the x scale is true at the middle of Vietnam
_ELSEWHERE = (16.0, 112.5)  # organisations without a known province: out at sea, east of Huế
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


@lru_cache(maxsize=1)
def province_points() -> dict[str, tuple[float, float]]:
    """``{province id: (lat, lon)}`` from ``loaders/geo/province_points.yaml`` (the 63
    provinces before 2025 and the 34 after)."""
    import yaml

    from ..resources import data_dir

    text = (data_dir("loaders") / "geo" / "province_points.yaml").read_text(encoding="utf-8")
    return {pid: (p["lat"], p["lon"]) for pid, p in yaml.safe_load(text)["provinces"].items()}


def map_layout(places: dict[str, Iterable[str | None]]) -> dict[str, tuple[float, float]]:
    """Return ``{node: (x, y)}`` with each node at its province, north up.

    Parameters
    ----------
    places : dict of str to iterable of province ids
        The provinces of each node, best first (its pre-2025 province, then its post-2025
        one); the first with a known point places it. Nodes without one gather out at sea.

    Returns
    -------
    dict of str to (float, float)
        Canvas coordinates; the nodes of one province spiral out from its seat.

    Examples
    --------
    >>> pos = map_layout({"bach-mai": ["ha-noi"], "cho-ray": [None, "ho-chi-minh-2025"], "who": []})
    >>> pos["bach-mai"][1] < pos["cho-ray"][1], pos["who"][0] > pos["bach-mai"][0]
    (True, True)
    """
    points = province_points()
    groups: dict[tuple[float, float], list[str]] = defaultdict(list)
    for node in sorted(places):
        point = next((points[p] for p in places[node] if p in points), _ELSEWHERE)
        groups[point].append(node)
    positions = {}
    for (lat, lon), nodes in groups.items():
        cx, cy = map_point(lat, lon)
        for k, node in enumerate(nodes):  # a sunflower: evenly spaced, denser nowhere
            r, angle = MAP_SPACING * math.sqrt(k), k * _GOLDEN_ANGLE
            positions[node] = (round(cx + r * math.cos(angle), 1), round(cy + r * math.sin(angle), 1))
    return positions


def map_point(lat: float, lon: float) -> tuple[float, float]:
    """Canvas coordinates of a point on the map (north up, y down as on the canvas)."""
    scale = KM * _KM_PER_DEGREE
    return lon * scale * math.cos(math.radians(_MAP_LATITUDE)), -lat * scale


@lru_cache(maxsize=1)
def map_outline() -> list[tuple[float, float]]:
    """The outline of Vietnam (``loaders/geo/vietnam_outline.yaml``, Natural Earth 1:110m) in
    the canvas coordinates of :func:`map_layout`, one closed ring, drawn under the map.

    Examples
    --------
    >>> ring = map_outline()
    >>> ring[0] == ring[-1] and len(ring) > 40
    True
    """
    import yaml

    from ..resources import data_dir

    text = (data_dir("loaders") / "geo" / "vietnam_outline.yaml").read_text(encoding="utf-8")
    ring = [map_point(lat, lon) for lon, lat in yaml.safe_load(text)["outline"]]
    return [(round(x, 1), round(y, 1)) for x, y in ring]
