"""The networkx versions of the named queries, by query name (one module per family).

Each takes the networkx graph and the query's parameters as keyword arguments and returns
the rows (lists in the order of the query's columns), fully sorted.
"""
from __future__ import annotations

from ..plugins import Registry

NETWORKX = Registry("networkx-queries", {
    "dependants": "healthgraph.queries.dependants:dependants",
    "supporters": "healthgraph.queries.dependants:supporters",
    "partners": "healthgraph.queries.organisations:partners",
    "organisations-by-province": "healthgraph.queries.organisations:organisations_by_province",
    "transfers-to": "healthgraph.queries.transfers:transfers_to",
    "transfers-in-province": "healthgraph.queries.transfers:transfers_in_province",
    "agreements-active": "healthgraph.queries.agreements:agreements_active",
    "agreements-expiring": "healthgraph.queries.agreements:agreements_expiring",
    "hubs": "healthgraph.queries.network:hubs",
    "single-points-of-failure": "healthgraph.queries.network:single_points_of_failure",
    "support-path": "healthgraph.queries.network:support_path",
    "coverage-gaps": "healthgraph.queries.coverage:coverage_gaps",
}, noun="networkx query")
