"""Who depends on whom: ``dependants`` and ``supporters`` (networkx versions)."""
from __future__ import annotations

from collections import Counter, deque

from .graphview import view


def dependants(g, hospital: str) -> list[list]:
    """Everything ``hospital`` reaches along SUPPORTS, with its share of each one's incoming support."""
    v = view(g)
    seen, queue = {hospital}, deque([hospital])
    while queue:  # breadth-first over directed SUPPORTS edges
        for target, _ in v.supports_out.get(queue.popleft(), ()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    rows = []
    for d in seen - {hospital}:
        incoming = v.supports_in[d]
        own = sum(1 for s, _ in incoming if s == hospital)
        rows.append([hospital, d, v.prop(d, "name"), own > 0, (d, hospital) in v.satellite_of, own, len(incoming),
                     own / len(incoming), sorted({v.source(a) or "" for _, a in incoming} - {""})])
    return sorted(rows, key=lambda r: (-r[7], r[1]))


def supporters(g, hospital: str) -> list[list]:
    """The supporters of ``hospital`` with their number and share of its support agreements."""
    incoming = view(g).supports_in.get(hospital, [])
    counts = Counter(s for s, _ in incoming)
    rows = [[hospital, s, view(g).prop(s, "name"), n, n / len(incoming)] for s, n in counts.items()]
    return sorted(rows, key=lambda r: (-r[3], r[1]))
