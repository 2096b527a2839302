"""Technique transfers: ``transfers-to`` a hospital and ``transfers-in-province`` (networkx versions)."""
from __future__ import annotations

from .graphview import view
from .organisations import in_province


def _transfer(v, technique: str, props: dict) -> tuple:
    source = props.get("from")
    source = source if source in v.g else None
    return technique, source, v.prop(source, "name") if source else None, props.get("date"), props.get("transfer")


def transfers_to(g, hospital: str) -> list[list]:
    v = view(g)
    rows = [[hospital, *_transfer(v, t, props)] for t, props in v.transfers_to.get(hospital, ())]
    return sorted(rows, key=lambda r: (r[4] or "", r[1], r[2] or "", r[5]))


def transfers_in_province(g, province: str) -> list[list]:
    v = view(g)
    rows = []
    for o in v.organisations:
        if in_province(g.nodes[o], province):
            for t, props in v.transfers_to.get(o, ()):
                technique, source, source_name, date, transfer = _transfer(v, t, props)
                rows.append([province, technique, source, source_name, o, v.prop(o, "name"), date, transfer])
    return sorted(rows, key=lambda r: (r[6] or "", r[1], r[4], r[2] or "", r[7]))
