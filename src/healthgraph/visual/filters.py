"""Which organisations and links the page draws: the ``kinds``, ``since``/``until``,
``province`` and ``focus``/``depth`` filters (:func:`select`), and resolving the names
given to ``--province`` and ``--focus``."""
from __future__ import annotations

from collections import defaultdict, deque
from typing import Iterable

from ..dates import check, in_range
from ..errors import HealthgraphError
from ..resolve import OrganisationIndex, province_territory
from ..text import fold
from .links import LINK_KINDS, Link, graph_links

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
            props = node.props
            labels.append((node.id, props.get("name", node.id), True))
            labels += [(node.id, label, False) for label in (props.get("name_en"), props.get("name_de"),
                                                             *(props.get("mentions") or ()),
                                                             *(props.get("former_names") or ())) if label]
    return OrganisationIndex(labels).resolve(query, what="--focus")


def select(graph, province: str | None = None, kinds: Iterable[str] | None = None, focus: str | None = None,
           depth: int = 1, since: str | None = None, until: str | None = None) -> tuple[list[str], list[Link]]:
    """Return the organisations and links to draw after the filters.

    Parameters
    ----------
    graph : PropertyGraph
    province, kinds, focus, depth, since, until
        See :func:`healthgraph.visual.viz`.

    Returns
    -------
    (list of str, list of Link)
        Organisation ids (sorted) and links; each link keeps only the facts that passed.
    """
    chosen = chosen_kinds(kinds)
    since, until = (None if bound is None else check(bound, option, day_of_year=False)
                    for bound, option in ((since, "--since"), (until, "--until")))
    if depth < 0:
        raise HealthgraphError("--depth must be 0 or more")
    links = []
    for link in graph_links(graph):
        if link.kind not in chosen:
            continue
        facts = [f for f in link.facts if in_range(f.get("date"), since, until)]
        if facts:
            links.append(Link(link.kind, link.source, link.target, link.directed, facts))
    filtered_links = kinds is not None and chosen != set(LINK_KINDS) or since is not None or until is not None
    orgs = {n.id: n for n in graph.nodes.values() if "Organisation" in n.labels}
    scope = set(orgs)
    if province:
        ids = province_territory(province)  # the province as `healthgraph query` reads it, and the older ones in it
        scope = {o for o, n in orgs.items() if n.props.get("province") in ids or n.props.get("province_2025") in ids}
        links = [l for l in links if l.source in scope or l.target in scope]
    nodes = {end for l in links for end in (l.source, l.target)}
    if not filtered_links:
        nodes |= scope  # with no link filter, organisations without links are shown too
    if focus:
        centre = find_focus(graph, focus)
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
    return sorted(nodes), links
