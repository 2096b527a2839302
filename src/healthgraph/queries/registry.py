"""networkx implementations of the named queries, registered by name (one module per family)."""
from __future__ import annotations

import importlib
from typing import Callable

NETWORKX: dict[str, Callable] = {}
FAMILIES = ("dependants", "organisations", "transfers", "agreements", "network", "coverage")


def networkx_query(name: str):
    """Register the decorated function as the networkx version of query ``name``.

    The function takes the graph and the query's parameters as keyword arguments and
    returns the rows (lists in the order of the query's columns), fully sorted.
    """
    def register(function: Callable) -> Callable:
        NETWORKX[name] = function
        return function
    return register


for _family in FAMILIES:
    importlib.import_module(f"{__package__}.{_family}")
