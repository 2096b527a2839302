"""Which facts a graph takes: the one rule every projection applies (RDF store, property
graph, Neo4j, networkx, exports, pages), so that a graph built from SOURCES and one read
back from a store hold the same facts.

The extractor may read "Bệnh viện Bạch Mai chuyển giao kỹ thuật X" without finding the
receiving hospital; such a half fact stays in the extraction output (``healthgraph
extract``) but enters no graph.
"""
from __future__ import annotations

from typing import Iterable

from .model import Partnership, TechniqueTransfer


def rejected(partnerships: Iterable[Partnership], techniques: Iterable[TechniqueTransfer]) -> dict[str, str]:
    """The facts no graph takes, by id, with the reason (the SHACL shapes would reject them).

    Examples
    --------
    >>> from healthgraph.model import Evidence, TechniqueTransfer
    >>> half = TechniqueTransfer("lọc máu", Evidence("d", "…", "vi"), source="bach-mai")
    >>> list(rejected([], [half]).values())
    ['technique transfer without a recipient']
    """
    skipped = {}
    for p in partnerships:
        if len(set(p.parties)) < 2:
            skipped[p.id] = "agreement with fewer than two distinct parties"
        elif p.supporter is not None and p.supporter not in p.parties:
            skipped[p.id] = "supporter is not a party"
    for t in techniques:
        if not t.recipient:
            skipped[t.id] = "technique transfer without a recipient"
        elif not t.name and not t.concept:
            skipped[t.id] = "technique transfer without a technique"
    return skipped
