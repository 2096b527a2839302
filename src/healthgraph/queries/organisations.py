"""Organisations and their partners: ``partners``, ``organisations-by-province`` (networkx versions)."""
from __future__ import annotations

from collections import defaultdict

from .graphview import view


def partners(g, organisation: str) -> list[list]:
    """Everyone ``organisation`` has an agreement with, and in which role."""
    v = view(g)
    agreements = defaultdict(set)
    for a in v.party_of.get(organisation, ()):
        supporter = v.prop(a, "supporter")
        relation = "partner" if supporter is None else "supports" if supporter == organisation else "supported-by"
        for p in v.parties[a]:
            if p != organisation:
                agreements[(p, relation)].add(a)
    rows = [[organisation, p, v.prop(p, "name"), relation, len(ids), sorted({v.source(a) for a in ids})]
            for (p, relation), ids in agreements.items()]
    return sorted(rows, key=lambda r: (r[1], r[3]))


def in_province(props: dict, province: str) -> bool:
    """The province rule shared by every query: recorded there, or in a pre-2025 part of it."""
    return props.get("province") == province or props.get("province_2025") == province


def organisations_by_province(g, province: str, tier: str = "any") -> list[list]:
    v = view(g)
    rows = []
    for o in v.organisations:
        props = g.nodes[o]
        if in_province(props, province) and (tier == "any" or props.get("tier") == tier):
            rows.append([province, tier, o, props.get("name"), props.get("kind"), props.get("tier"),
                         props.get("province")])
    return rows  # already in id order
