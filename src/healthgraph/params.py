"""``--param`` values, read one way for ``query``, ``sparql`` and ``cypher``: parsed from
``NAME=VALUE`` pairs, and names of organisations and provinces turned into ids."""
from __future__ import annotations

import json
from typing import Iterable

from .errors import HealthgraphError
from .resolve import OrganisationIndex, resolve_province


def parse_pairs(pairs: Iterable[str]) -> dict:
    """``NAME=text`` gives the text, ``NAME:=json`` a JSON value (a number, a list).

    Examples
    --------
    >>> parse_pairs(["hospital=Bạch Mai", "days:=30", "ids:=[\\"a\\", \\"b\\"]"])
    {'hospital': 'Bạch Mai', 'days': 30, 'ids': ['a', 'b']}
    """
    params: dict = {}
    for pair in pairs:
        name, sep, value = str(pair).partition("=")
        json_value = name.endswith(":")
        name = name[:-1].strip() if json_value else name.strip()
        if not sep or not name:
            raise HealthgraphError(f"--param {pair!r}: expected NAME=VALUE (or NAME:=JSON)")
        if json_value:
            try:
                params[name] = json.loads(value)
            except json.JSONDecodeError as exc:
                raise HealthgraphError(f"--param {name}: not valid JSON ({exc.msg})") from None
        else:
            params[name] = value
    return params


# a parameter a query does not declare (``# param: NAME TYPE``) is read by its name
ORGANISATION_PARAMS = frozenset({"hospital", "organisation", "organization", "org", "partner", "supporter",
                                 "dependant", "dependent", "recipient", "central", "core", "satellite"})
PROVINCE_PARAMS = frozenset({"province"})


def name_params(query_text: str, names: Iterable[str]) -> dict[str, str]:
    r"""Which of the parameters ``names`` of a SPARQL or Cypher query name an organisation or a
    province: as the query's header declares, else by the parameter's name.

    Examples
    --------
    >>> name_params("SELECT * WHERE { ?hospital ?p ?x }", ["hospital", "x", "province"])
    {'hospital': 'organisation', 'province': 'province'}
    >>> name_params("# param: h organisation\nSELECT * WHERE { ?h ?p ?o }", ["h"])
    {'h': 'organisation'}
    """
    from .queries.catalogue import parse_header_text

    declared = {p.name: p.type for p in parse_header_text(query_text)["params"]}
    types = {}
    for name in names:
        kind = declared.get(name) or ("organisation" if name in ORGANISATION_PARAMS else
                                      "province" if name in PROVINCE_PARAMS else None)
        if kind in ("organisation", "province"):
            types[name] = kind
    return types


def resolve_names(types: dict[str, str], values: dict[str, str], labels) -> dict[str, str]:
    """The ids of the organisations and provinces ``values`` name (``types`` from
    :func:`name_params`); ``labels()`` lists the graph's organisation names, asked for once,
    only when an organisation is to be resolved. An unknown name is an error."""
    resolved, index = {}, None
    for name, kind in types.items():
        if kind == "province":
            resolved[name] = resolve_province(values[name])
        else:
            index = index or OrganisationIndex(labels())
            resolved[name] = index.resolve(values[name], what=name)
    return resolved
