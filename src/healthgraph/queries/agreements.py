"""Agreements in time: ``agreements-active`` on a date, ``agreements-expiring`` within N days.

Dates may be partial (``2019``, ``2019-05``): a start counts from its first day (a prefix
compares lower), an end until its last day (the date is cut to the end's precision).
"""
from __future__ import annotations

import datetime as dt
import re

from .graphview import view

_DATED = re.compile(r"^[0-9]{4}")
_FULL_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _pairs(v):
    """(agreement, props, party_a, party_b) for agreements between two organisations, ids ordered."""
    for a in v.agreements:
        parties = sorted(v.parties.get(a, ()))
        for i, pa in enumerate(parties):
            for pb in parties[i + 1:]:
                yield a, v.g.nodes[a], pa, pb


def agreements_active(g, date: str) -> list[list]:
    rows = []
    v = view(g)
    for a, props, pa, pb in _pairs(v):
        start = props.get("valid_from") or props.get("signed_on")
        end = props.get("valid_to")
        if not start or not _DATED.match(start) or start > date:
            continue
        if end is not None and not (_DATED.match(end) and end >= date[:len(end)]):
            continue
        rows.append([date, a, props.get("kind"), pa, v.prop(pa, "name"), pb, v.prop(pb, "name"), props.get("supporter"),
                     start, end, [v.source(a)]])
    return sorted(rows, key=lambda r: (r[8], r[1]))


def agreements_expiring(g, date: str, days: int) -> list[list]:
    until = (dt.date.fromisoformat(date) + dt.timedelta(days=int(days))).isoformat()
    rows = []
    v = view(g)
    for a, props, pa, pb in _pairs(v):
        end = props.get("valid_to")
        if end and _FULL_DATE.match(end) and date <= end <= until:
            rows.append([date, days, a, props.get("kind"), pa, v.prop(pa, "name"), pb, v.prop(pb, "name"),
                         props.get("supporter"), end, [v.source(a)]])
    return sorted(rows, key=lambda r: (r[9], r[2]))
