"""The shape of the support network: ``hubs``, ``single-points-of-failure``, ``support-path``."""
from __future__ import annotations

from .graphview import view

MAX_HOPS = 4  # the SPARQL version spells out each path length up to this


def hubs(g, min_hospitals: int) -> list[list]:
    v = view(g)
    rows = []
    for s, out in v.supports_out.items():
        to_hospitals = [(t, a) for t, a in out if v.is_hospital(t)]
        hospitals = len({t for t, _ in to_hospitals})
        if to_hospitals and hospitals >= int(min_hospitals):
            rows.append([min_hospitals, s, v.prop(s, "name"), hospitals, len(to_hospitals)])
    return sorted(rows, key=lambda r: (-r[3], -r[4], r[1]))


def single_points_of_failure(g) -> list[list]:
    v = view(g)
    rows = []
    for h, incoming in v.supports_in.items():
        supporters = {s for s, _ in incoming}
        if len(supporters) == 1 and v.is_hospital(h):
            (s,) = supporters
            rows.append([h, v.prop(h, "name"), s, v.prop(s, "name"), len(incoming)])
    return sorted(rows, key=lambda r: r[0])


def support_path(g, source: str, target: str) -> list[list]:
    import networkx as nx

    v = view(g)
    if source == target or source not in g or target not in g:
        return []
    supports = nx.DiGraph((s, t) for s, out in v.supports_out.items() for t, _ in out)
    if source not in supports or target not in supports:
        return []
    try:
        paths = list(nx.all_shortest_paths(supports, source, target))
    except nx.NetworkXNoPath:
        return []
    return sorted(([source, target, len(p) - 1, " > ".join(p)] for p in paths if len(p) - 1 <= MAX_HOPS),
                  key=lambda r: r[3])
