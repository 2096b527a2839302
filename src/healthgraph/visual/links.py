"""Reading the property graph for the page: its edges and Agreement, Technique nodes folded
into :class:`Link` objects, one per (kind, pair of organisations)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

LINK_KINDS = ("supports", "satellite", "transfer", "agreement")
_PARTNERSHIP_LINK = {"support": "supports", "satellite": "satellite", "transfer": "transfer", "agreement": "agreement"}


@dataclass
class Link:
    """One drawn edge: every fact of one kind between one pair of organisations."""

    kind: str
    source: str
    target: str
    directed: bool
    facts: list[dict] = field(default_factory=list)


def fact_period(fact: dict) -> tuple[str | None, str | None]:
    """When a fact's agreement was in force: (start, end), partial dates or None."""
    return fact.get("valid_from") or fact.get("signed_on") or fact.get("date"), fact.get("valid_to")


def graph_links(graph) -> list[Link]:
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


def merge_links(links: list[Link], body: dict[str, str]) -> list[Link]:
    """The links between bodies: each organisation replaced by its body (``body`` maps every
    id to it, see :func:`healthgraph.resolve.same_bodies`); links that fall on one pair and
    kind are one, and a body's links to itself go.

    Examples
    --------
    >>> merge_links([Link("supports", "a", "b", True, [{"date": "2020"}]),
    ...              Link("supports", "a", "b2", True, [{"date": "2021"}])], {"a": "a", "b": "b", "b2": "b"})
    [Link(kind='supports', source='a', target='b', directed=True, facts=[{'date': '2020'}, {'date': '2021'}])]
    """
    merged: dict[tuple, Link] = {}
    for link in links:
        source, target = body.get(link.source, link.source), body.get(link.target, link.target)
        if source == target:
            continue
        key = (link.kind, source, target) if link.directed else (link.kind, *sorted((source, target)))
        if key not in merged:
            merged[key] = Link(link.kind, key[1], key[2], link.directed)
        merged[key].facts.extend(link.facts)
    return sorted(merged.values(), key=lambda l: (l.kind, l.source, l.target))


def supported_counts(graph, body: dict[str, str]) -> dict[str, int]:
    """How many distinct bodies each body supports (out-degree of SUPPORTS)."""
    recipients: dict[str, set[str]] = defaultdict(set)
    for edge in graph.edges:
        if edge.type == "SUPPORTS":
            recipients[body.get(edge.source, edge.source)].add(body.get(edge.target, edge.target))
    return {org: len(r) for org, r in recipients.items()}
