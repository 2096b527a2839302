"""The property-graph view of a :class:`~healthgraph.model.Corpus`.

One schema serves the Neo4j backend, the networkx backend, the HTML pages and the
GraphML/GEXF/CSV exports (the RDF backend maps the same facts onto the ontology in
``ontology/healthgraph.ttl``):

Nodes (``labels``; every node has ``id`` and ``name``)
    ``Organisation`` plus one kind label: ``Hospital``, ``HealthDepartment``,
    ``PeopleCommittee``, ``HealthCentre``, ``University``, ``Company``, ``Ministry``,
    ``Institute``, ``ForeignBody``. Properties: ``kind``, ``tier``, ``province``
    (province id), ``province_2025`` (id of the post-merger province), ``mentions``
    (list), ``name_en``, ``name_de``, ``resolved``.
    ``Province``: ``era`` (pre2025/post2025), ``name_en``.
    ``Technique``: ``en``, ``concept``.
    ``Agreement``: ``kind``, ``signed_on``, ``valid_from``, ``valid_to``, ``activities``,
    ``fields``, ``supporter``, ``document``, ``evidence``, ``language``, ``source``,
    ``confidence``, ``curated``.

Relationships (``type``; evidence-bearing ones carry ``agreement``, ``document``,
``evidence``, ``date``)
    ``(Organisation)-[:SUPPORTS {kind}]->(Organisation)``: supporter to recipient, for
    every partnership with a direction (support, transfer, satellite, directed agreements).
    ``(Organisation)-[:SATELLITE_OF]->(Organisation)``: satellite to core hospital.
    ``(Agreement)-[:PARTY {role}]->(Organisation)``: role ``supporter``, ``recipient`` or
    ``party``.
    ``(Technique)-[:TRANSFERRED_TO {from, date}]->(Organisation)``: the recipient.
    ``(Technique)-[:TRANSFERRED_FROM {to, date}]->(Organisation)``: the source.
    ``(Organisation)-[:LOCATED_IN]->(Province)``.
    ``(Province)-[:MERGED_INTO]->(Province)``: pre-2025 into post-2025 province.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .gazetteer import Gazetteer, load_gazetteer
from .model import KINDS, Corpus, Organisation, Partnership, TechniqueTransfer
from .text import slug

if TYPE_CHECKING:
    import networkx as nx

KIND_LABELS = {kind.id: kind.label for kind in KINDS.values()}  # from the one registry (model.KINDS)


@dataclass
class Node:
    id: str
    labels: tuple[str, ...]
    props: dict


@dataclass
class Edge:
    source: str
    type: str
    target: str
    props: dict = field(default_factory=dict)


@dataclass
class PropertyGraph:
    """Nodes and relationships ready for any property-graph backend."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    _edge_keys: set = field(default_factory=set, repr=False)

    def add_node(self, node_id: str, labels: tuple[str, ...], **props) -> None:
        props = {k: v for k, v in props.items() if v is not None and v != [] and v != ""}
        known = self.nodes.get(node_id)
        if known is None:
            self.nodes[node_id] = Node(node_id, labels, {"id": node_id, **props})
        else:
            for key, value in props.items():
                known.props.setdefault(key, value)

    def add_edge(self, source: str, type_: str, target: str, /, **props) -> None:
        self.edges.append(Edge(source, type_, target,
                               {k: v for k, v in props.items() if v is not None and v != [] and v != ""}))

    def add_edge_once(self, source: str, type_: str, target: str, /, **props) -> None:
        """Add a structural edge (LOCATED_IN, MERGED_INTO) unless it is already there."""
        if (source, type_, target) not in self._edge_keys:
            self._edge_keys.add((source, type_, target))
            self.add_edge(source, type_, target, **props)


def technique_node_id(transfer: TechniqueTransfer) -> str:
    """Techniques with a SKOS concept share one node; others are keyed by their folded name."""
    return transfer.concept or "tech-" + slug(transfer.name)


def organisation_labels(org: Organisation) -> tuple[str, ...]:
    label = KIND_LABELS.get(org.kind, "Organisation")
    return ("Organisation",) if label == "Organisation" else ("Organisation", label)


def to_property_graph(corpus: Corpus, gazetteer: Gazetteer | None = None) -> PropertyGraph:
    """Build the property graph of ``corpus`` (deterministic: same corpus, same graph).

    Parameters
    ----------
    corpus : Corpus
        Merged facts.
    gazetteer : Gazetteer, optional
        Province names and the 2025 merger; the shipped gazetteer by default.

    Returns
    -------
    PropertyGraph
    """
    from .admission import rejected

    gazetteer = gazetteer or load_gazetteer()
    graph = PropertyGraph()
    skip = rejected(corpus.partnerships.values(), corpus.techniques.values())  # as the store: the same facts
    for org in sorted(corpus.organisations.values(), key=lambda o: o.id):
        _add_organisation(graph, org, gazetteer)
    for p in corpus.iter_partnerships():
        if p.id not in skip:
            _add_partnership(graph, p, corpus)
    for t in sorted(corpus.techniques.values(), key=lambda t: t.id):
        if t.id not in skip:
            _add_transfer(graph, t, corpus)
    return graph


def _add_province(graph: PropertyGraph, province_id: str, gazetteer: Gazetteer) -> None:
    province = gazetteer.province(province_id)
    if province is None:
        graph.add_node(province_id, ("Province",), name=province_id)
        return
    graph.add_node(province.id, ("Province",), name=province.name, era=province.era,
                   name_en=province.names.get("en"))
    if province.merged_into and (merged := gazetteer.province(province.merged_into)):
        graph.add_node(merged.id, ("Province",), name=merged.name, era=merged.era, name_en=merged.names.get("en"))
        graph.add_edge_once(province.id, "MERGED_INTO", merged.id)


def _add_organisation(graph: PropertyGraph, org: Organisation, gazetteer: Gazetteer) -> None:
    post = gazetteer.province_2025(org.province)
    graph.add_node(
        org.id, organisation_labels(org), name=org.name, kind=org.kind, tier=org.tier,
        province=org.province, province_2025=post.id if post else None,
        name_en=org.names.get("en"), name_de=org.names.get("de"),
        mentions=sorted(org.mentions), former_names=sorted(org.former_names), resolved=org.resolved,
    )
    if org.province:
        _add_province(graph, org.province, gazetteer)
        graph.add_edge_once(org.id, "LOCATED_IN", org.province)


def _evidence_props(p: Partnership | TechniqueTransfer) -> dict:
    return {"document": p.evidence.document, "evidence": p.evidence.sentence,
            "language": p.evidence.language, "source": p.evidence.source}


def _add_partnership(graph: PropertyGraph, p: Partnership, corpus: Corpus) -> None:
    if not all(party in corpus.organisations for party in p.parties):
        return
    graph.add_node(
        # parties, activities and fields in one order, whichever way the facts arrived (sources or the store)
        p.id, ("Agreement",), name=f"{p.kind}: " + " – ".join(corpus.organisations[x].name for x in sorted(p.parties)),
        kind=p.kind, signed_on=p.signed_on, valid_from=p.valid_from, valid_to=p.valid_to,
        activities=sorted(p.activities), fields=sorted({f.en or f.name for f in p.fields}), supporter=p.supporter,
        confidence=p.confidence, curated=p.curated, **_evidence_props(p),
    )
    for party in sorted(p.parties):
        role = "party" if p.supporter is None else ("supporter" if party == p.supporter else "recipient")
        graph.add_edge(p.id, "PARTY", party, role=role)
    if p.supporter is None or p.recipient is None:
        return
    common = dict(agreement=p.id, date=p.signed_on or p.valid_from, **_evidence_props(p))
    graph.add_edge(p.supporter, "SUPPORTS", p.recipient, kind=p.kind, **common)
    if p.kind == "satellite":
        graph.add_edge(p.recipient, "SATELLITE_OF", p.supporter, **common)


def _add_transfer(graph: PropertyGraph, t: TechniqueTransfer, corpus: Corpus) -> None:
    source = t.source if t.source in corpus.organisations else None
    recipient = t.recipient if t.recipient in corpus.organisations else None
    if source is None and recipient is None:
        return
    node_id = technique_node_id(t)
    graph.add_node(node_id, ("Technique",), name=t.name, en=t.en, concept=t.concept)
    common = dict(transfer=t.id, date=t.date, **_evidence_props(t))
    if recipient:
        graph.add_edge(node_id, "TRANSFERRED_TO", recipient, **{"from": source}, **common)
    if source:
        graph.add_edge(node_id, "TRANSFERRED_FROM", source, to=recipient, **common)


def to_networkx(graph: PropertyGraph) -> nx.MultiDiGraph:
    """Return ``graph`` as a networkx MultiDiGraph: node attribute ``labels`` (list) and
    the node properties; edge key and attribute ``type`` plus the relationship properties.

    Examples
    --------
    >>> g = to_networkx(PropertyGraph())
    >>> g.number_of_nodes()
    0
    """
    import networkx as nx  # imported on use: the command line starts without it

    g = nx.MultiDiGraph()
    for node in graph.nodes.values():
        g.add_node(node.id, labels=list(node.labels), **node.props)
    for edge in graph.edges:
        g.add_edge(edge.source, edge.target, key=None, type=edge.type, **edge.props)
    return g
