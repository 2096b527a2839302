"""Where the network does not reach: ``coverage-gaps`` (networkx version)."""
from __future__ import annotations

from collections import defaultdict

from .graphview import view


def coverage_gaps(g) -> list[list]:
    v = view(g)

    def central_hospital(node: str) -> bool:
        return v.is_hospital(node) and g.nodes[node].get("tier") == "central"

    by_province = defaultdict(list)
    for o in v.organisations:
        if g.nodes[o].get("province_2025"):
            by_province[g.nodes[o]["province_2025"]].append(o)
    rows = []
    for province, orgs in by_province.items():
        covered = any(central_hospital(o) or any(central_hospital(s) for s, _ in v.supports_in.get(o, ()))
                      for o in orgs)
        if not covered:
            rows.append([province, v.prop(province, "name"), len(orgs)])
    return sorted(rows, key=lambda r: r[0])
