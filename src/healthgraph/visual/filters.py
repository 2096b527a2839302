"""Which organisations and links the page draws: the ``kinds``, ``since``/``until``,
``province`` and ``focus``/``depth`` filters (:func:`select`), and resolving the names
given to ``--province`` and ``--focus``."""
from __future__ import annotations

from collections import defaultdict, deque
from typing import Iterable

from ..dates import check, in_force, in_range
from ..errors import HealthgraphError
from ..resolve import OrganisationIndex, province_territory, same_bodies
from ..text import fold
from .links import LINK_KINDS, Link, fact_period, graph_links, merge_links

_KIND_ALIASES = {"supports": "supports", "support": "supports", "satellite": "satellite",
                 "transfer": "transfer", "transfers": "transfer", "agreement": "agreement", "agreements": "agreement"}


def chosen_kinds(kinds: Iterable[str] | None) -> set[str]:
    """The link kinds to draw (every kind when none is given); plural and singular names both do."""
    if not kinds:
        return set(LINK_KINDS)
    chosen = set()
    for kind in kinds:
        name = _KIND_ALIASES.get(kind.strip().lower())
        if name is None:
            raise HealthgraphError(f"unknown link kind {kind!r}; choose from {', '.join(LINK_KINDS)}")
        chosen.add(name)
    return chosen


def find_focus(graph, query: str) -> str:
    """Return the id of the organisation a user means by ``query``, resolved as ``healthgraph
    query`` resolves names (:class:`healthgraph.resolve.OrganisationIndex`: any
    spelling, abbreviations such as *BV*, translations, former names, the id).

    Raises
    ------
    HealthgraphError
        When nothing matches, or several organisations do (the message lists them).

    Examples
    --------
    >>> from healthgraph.graph import PropertyGraph
    >>> pg = PropertyGraph()
    >>> pg.add_node("bach-mai", ("Organisation", "Hospital"), name="Bệnh viện Bạch Mai")
    >>> find_focus(pg, "BV Bach Mai")
    'bach-mai'
    """
    if not fold(query):
        raise HealthgraphError("--focus needs the name of an organisation")
    labels = []
    for node in graph.nodes.values():
        if "Organisation" in node.labels:
            name, *others = organisation_names(node)
            labels += [(node.id, name, True), *((node.id, label, False) for label in others)]
    return OrganisationIndex(labels).resolve(query, what="--focus")


def organisation_names(node) -> list[str]:
    """Every name an organisation node is known by, its own first."""
    props = node.props
    return [label for label in (props.get("name", node.id), props.get("name_en"), props.get("name_de"),
                                *(props.get("mentions") or ()), *(props.get("former_names") or ())) if label]


def bodies(graph) -> dict[str, str]:
    """``{organisation id: id of the body it is}`` (:func:`healthgraph.resolve.same_bodies`);
    a body takes the id of a member the gazetteer knows, else the smallest."""
    orgs = sorted((n for n in graph.nodes.values() if "Organisation" in n.labels),
                  key=lambda n: (not n.props.get("resolved"), n.id))
    return same_bodies((n.id, organisation_names(n), *(n.props.get(p) for p in ("province", "kind", "tier")))
                       for n in orgs)


def select(graph, province: str | None = None, kinds: Iterable[str] | None = None, focus: str | None = None,
           depth: int = 1, since: str | None = None, until: str | None = None,
           at: str | None = None) -> tuple[list[str], list[Link], dict[str, str]]:
    """Return the organisations and links to draw after the filters, one node per body.

    Parameters
    ----------
    graph : PropertyGraph
    province, kinds, focus, depth, since, until, at
        See :func:`healthgraph.visual.viz`.

    Returns
    -------
    (list of str, list of Link, dict of str to str)
        Body ids (sorted), links between them (each keeps only the facts that passed), and
        the body of every organisation (see :func:`bodies`).
    """
    chosen = chosen_kinds(kinds)
    since, until, at = (None if bound is None else check(bound, option, day_of_year=False)
                        for bound, option in ((since, "--since"), (until, "--until"), (at, "--at")))
    if depth < 0:
        raise HealthgraphError("--depth must be 0 or more")
    body = bodies(graph)
    links = []
    for link in merge_links(graph_links(graph), body):
        if link.kind not in chosen:
            continue
        facts = [f for f in link.facts if in_range(f.get("date"), since, until)
                 and (at is None or in_force(*fact_period(f), at))]
        if facts:
            links.append(Link(link.kind, link.source, link.target, link.directed, facts))
    filtered_links = kinds is not None and chosen != set(LINK_KINDS) or any(b is not None for b in (since, until, at))
    orgs = {n.id: n for n in graph.nodes.values() if "Organisation" in n.labels and body[n.id] == n.id}
    scope = set(orgs)
    if province:
        ids = province_territory(province)  # the province as `healthgraph query` reads it, and the older ones in it
        scope = {o for o, n in orgs.items() if n.props.get("province") in ids or n.props.get("province_2025") in ids}
        links = [l for l in links if l.source in scope or l.target in scope]
    nodes = {end for l in links for end in (l.source, l.target)}
    if not filtered_links:
        nodes |= scope  # with no link filter, organisations without links are shown too
    if focus:
        centre = body[find_focus(graph, focus)]
        neighbours: dict[str, set[str]] = defaultdict(set)
        for l in links:
            neighbours[l.source].add(l.target)
            neighbours[l.target].add(l.source)
        reach = {centre: 0}
        queue = deque([centre])
        while queue:
            node = queue.popleft()
            if reach[node] < depth:
                for other in sorted(neighbours[node] - reach.keys()):
                    reach[other] = reach[node] + 1
                    queue.append(other)
        nodes = set(reach)
        links = [l for l in links if l.source in nodes and l.target in nodes]
    return sorted(nodes), links, body
