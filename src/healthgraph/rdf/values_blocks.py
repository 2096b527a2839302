"""Query parameters bound as ``VALUES`` blocks (:func:`bind_as_values`), for every store kind.

A small scanner finds the query's ``WHERE {`` groups and, for each subquery, which
variables it shares with the outermost query.
"""
from __future__ import annotations

import re

from ..errors import HealthgraphError

_VARIABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# stepped over whole by the scanner, so that a brace or keyword inside is never syntax:
# comments, IRIs, long strings, strings
_OPAQUE = re.compile("|".join([r"#[^\n]*", r"<[^<>\"{}|^`\\\s]*>",
                               r'"""(?:[^"\\]|\\.|"(?!""))*"""', r"'''(?:[^'\\]|\\.|'(?!''))*'''",
                               r'"(?:[^"\\\n]|\\.)*"', r"'(?:[^'\\\n]|\\.)*'"]))
_WHERE_END = re.compile(r"\bWHERE\s*$", re.IGNORECASE)
_SELECT = re.compile(r"\bSELECT\b", re.IGNORECASE)
_SLICE = re.compile(r"\b(?:LIMIT|OFFSET)\b", re.IGNORECASE)


def _projected(projection: str) -> set[str]:
    """Plain variables a SELECT projects (``(expr AS ?v)`` makes new ones; ``*`` counts as none)."""
    depth, plain = 0, []
    for char in projection:
        depth += char == "("
        plain.append(char if depth == 0 else " ")
        depth -= char == ")"
    return set(re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", "".join(plain).replace("*", "")))


def _where_groups(query: str) -> list[tuple[int, set[str] | None]]:
    """Each ``WHERE {`` group: (offset after its brace, the variables it shares with the
    outermost query: ``None`` for the outermost itself)."""
    masked = _OPAQUE.sub(lambda m: " " * len(m.group()), query)
    closing: dict[int, int] = {}
    opened: list[int] = []
    for i, char in enumerate(masked):
        if char == "{":
            opened.append(i)
        elif char == "}" and opened:
            closing[opened.pop()] = i
    groups: list[tuple[int, set[str] | None]] = []
    scopes: list[tuple[int, set[str] | None]] = []  # (closing offset, shared names) of the WHERE groups we are in
    for i, char in enumerate(masked):
        if char != "{":
            continue
        while scopes and scopes[-1][0] < i:
            scopes.pop()
        where = _WHERE_END.search(masked, 0, i)
        if not where:
            continue
        selects = list(_SELECT.finditer(masked, 0, where.start()))
        shared: set[str] | None
        if not scopes and not groups:
            shared = None
        elif not selects:
            shared = set()
        else:
            select = selects[-1]
            wrapper = max((o for o in closing if o < select.start() and closing[o] > i), default=None)
            wrapper_end = len(masked) if wrapper is None else closing[wrapper]
            modifiers = masked[closing.get(i, len(masked)):wrapper_end]
            shared = set() if _SLICE.search(modifiers) else _projected(masked[select.end():where.start()])
            enclosing = scopes[-1][1] if scopes else None
            if enclosing is not None:
                shared &= enclosing
        groups.append((i + 1, shared))
        scopes.append((closing.get(i, len(masked)), shared))
    return groups


def bind_as_values(query: str, terms: dict) -> str | None:
    r"""Bind parameters with ``VALUES`` blocks opening the query's WHERE clause and the
    WHERE clause of every subquery that projects them.

    Oxigraph applies ``substitutions`` after evaluating the whole pattern (seconds on a
    10k-edge graph where a bound start takes a millisecond), while a leading ``VALUES``
    block seeds the join. A subquery is evaluated on its own, so one that projects the
    parameter (``{ SELECT ?hospital (COUNT(?x) AS ?n) WHERE { … } GROUP BY ?hospital }``)
    gets the block too: its rows for other values could never join the outer ones. Not
    when it (or a subquery around it) has ``LIMIT``/``OFFSET``, which narrowing would
    change. The terms are pyoxigraph ``NamedNode``/``Literal`` objects serialised by
    pyoxigraph itself (N-Triples escaping; an IRI is validated when the node is made), so a
    value can never end its term or the block. ``None`` when the query has no ``WHERE {``
    to open (the caller then falls back to ``substitutions``).

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> bind_as_values('SELECT ?x WHERE { ?x ?p ?o }', {"o": ox.Literal('a" } DROP ALL')})
    'SELECT ?x WHERE { VALUES (?o) { ("a\\" } DROP ALL") } ?x ?p ?o }'
    >>> print(bind_as_values('SELECT * WHERE { { SELECT ?o (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?o } }',
    ...                      {"o": ox.Literal("x")}))
    SELECT * WHERE { VALUES (?o) { ("x") } { SELECT ?o (COUNT(*) AS ?n) WHERE { VALUES (?o) { ("x") } ?s ?p ?o } GROUP BY ?o } }
    """
    for name in terms:
        if not _VARIABLE_NAME.match(name):
            raise HealthgraphError("a parameter name is a SPARQL variable name (letters, digits, _)")
        if not re.search(rf"[?$]{name}\b", query):
            raise HealthgraphError(f"parameter {name!r}: the query has no variable ?{name}")
    groups = _where_groups(query)
    if not groups:
        return None
    for position, shared in reversed(groups):
        names = [n for n in terms if shared is None or n in shared]
        if names:
            block = " VALUES ({}) {{ ({}) }}".format(" ".join("?" + n for n in names),
                                                     " ".join(str(terms[n]) for n in names))
            query = query[:position] + block + query[position:]
    return query
