"""What the extraction tests read from one text: the pairs it relates, named by their names."""
from __future__ import annotations

from healthgraph.extraction import extract_text


def sorted_pairs(text: str) -> set[tuple[str, str, str | None]]:
    """``(name, name, supporter's name)`` of each partnership, the two names in order."""
    facts = extract_text(text)
    by_id = {o.id: o.name for o in facts.organisations}
    return {(*sorted((by_id[p.parties[0]], by_id[p.parties[1]])), by_id.get(p.supporter)) for p in facts.partnerships}


def party_sets(text: str) -> set[tuple[frozenset[str], str | None]]:
    """``({name, name}, supporter's name)`` of each partnership."""
    facts = extract_text(text, "t")
    names = {o.id: o.name for o in facts.organisations}
    return {(frozenset(names[x] for x in p.parties), names.get(p.supporter)) for p in facts.partnerships}
