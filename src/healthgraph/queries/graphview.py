"""Indexes over a networkx graph of :mod:`healthgraph.graph`, built once per graph."""
from __future__ import annotations

from collections import defaultdict


class GraphView:
    """SUPPORTS edges by endpoint, organisations, agreements (what the networkx queries need)."""

    def __init__(self, g):
        self.g = g
        self.organisations = sorted(n for n, d in g.nodes(data=True) if "Organisation" in d.get("labels", ()))
        self.agreements = sorted(n for n, d in g.nodes(data=True) if "Agreement" in d.get("labels", ()))
        self.supports_in: dict[str, list[tuple[str, str]]] = defaultdict(list)   # recipient -> (supporter, agreement)
        self.supports_out: dict[str, list[tuple[str, str]]] = defaultdict(list)  # supporter -> (recipient, agreement)
        self.parties: dict[str, list[str]] = defaultdict(list)                   # agreement -> organisations
        self.party_of: dict[str, list[str]] = defaultdict(list)                  # organisation -> agreements
        self.satellite_of: set[tuple[str, str]] = set()
        self.transfers_to: dict[str, list[tuple[str, dict]]] = defaultdict(list)  # recipient -> (technique, props)
        for s, t, d in g.edges(data=True):
            kind = d.get("type")
            if kind == "SUPPORTS":
                self.supports_in[t].append((s, d.get("agreement")))
                self.supports_out[s].append((t, d.get("agreement")))
            elif kind == "PARTY":
                if t not in self.parties[s]:
                    self.parties[s].append(t)
                    self.party_of[t].append(s)
            elif kind == "SATELLITE_OF":
                self.satellite_of.add((s, t))
            elif kind == "TRANSFERRED_TO":
                self.transfers_to[t].append((s, d))

    def prop(self, node: str, name: str):
        return self.g.nodes[node].get(name) if node in self.g else None

    def source(self, agreement: str) -> str | None:
        """Where an agreement was read: its article's source, else its document (the ``sources`` columns)."""
        return self.prop(agreement, "source") or self.prop(agreement, "document")

    def is_hospital(self, node: str) -> bool:
        return "Hospital" in self.g.nodes[node].get("labels", ())


def view(g) -> GraphView:
    """The (cached) :class:`GraphView` of ``g``."""
    cached = g.graph.get("_healthgraph_view")
    if cached is None:
        cached = g.graph["_healthgraph_view"] = GraphView(g)
    return cached
