"""``healthgraph sparql``: run a SPARQL query (text, file or shipped query name) on a store.

Parameters are bound as RDF terms, on both store kinds as ``VALUES`` blocks of terms
serialised by pyoxigraph itself (see :func:`healthgraph.rdf.values_blocks.bind_as_values`). A
user value is never formatted into the query text, so quotes, ``}`` or ``<script>`` in a
value cannot change the query.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterable, Mapping

from rdflib import Literal, URIRef

from ..errors import HealthgraphError
from ..resources import query_text
from .guard import check_services
from .mapping import PREFIXES, org_iri, province_iri
from .store import QueryResult, open_store

_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CURIE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):(\S*)$")
_NOT_IN_IRI = re.compile(r"[\s<>\"{}|^`\\\x00-\x1f]")


def parse_param(value: object) -> URIRef | Literal:
    """Turn a ``--param`` value into an RDF term.

    ``<https://…>`` is an IRI; a CURIE with a known prefix (``hgid:org/bach-mai``) is an
    IRI; anything else is a plain string literal.

    Examples
    --------
    >>> parse_param("hgid:org/bach-mai")
    rdflib.term.URIRef('https://w3id.org/healthgraph/id/org/bach-mai')
    >>> parse_param('bach-mai" } ; DROP ALL')
    rdflib.term.Literal('bach-mai" } ; DROP ALL')
    """
    if isinstance(value, (URIRef, Literal)):
        return value
    value = str(value)
    if value.startswith("<") and value.endswith(">") and len(value) > 2 and not _NOT_IN_IRI.search(value[1:-1]):
        return URIRef(value[1:-1])
    match = _CURIE.match(value)
    if match and match.group(1) in PREFIXES and not value.startswith(("http:", "https:")):
        if _NOT_IN_IRI.search(match.group(2)):
            raise HealthgraphError(f"{value!r} is not a valid IRI: the characters <>\"{{}}|^`\\ and spaces "
                                   f"cannot occur in one")
        return URIRef(PREFIXES[match.group(1)] + match.group(2))
    return Literal(value)


def parse_params(params: Mapping[str, object] | Iterable[str] | None) -> dict:
    """``{"name": value}`` or ``["name=value", ...]`` -> ``{"name": RDF term}``."""
    if not params:
        return {}
    from ..params import parse_pairs

    items = (params if isinstance(params, Mapping) else parse_pairs(params)).items()
    bindings = {}
    for name, value in items:
        name = str(name).lstrip("?$")
        if not _VARIABLE.match(name):
            raise HealthgraphError(f"--param {name!r}: a parameter name is a SPARQL variable name (letters, digits, _)")
        bindings[name] = parse_param(value)
    return bindings


_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS: dict[str, type[int] | type[float]] = {
    _XSD + t: int for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
_NUMBERS.update({_XSD + t: float for t in ("decimal", "double", "float")})


def cell(term) -> str | int | float | bool | None:
    """A result term as a plain value: booleans and numbers as such (as Cypher gives them, so
    JSON and CSV read alike whichever backend answered), an IRI's string, another literal's
    lexical form, ``None`` if unbound.

    >>> from rdflib import Literal, URIRef
    >>> [cell(t) for t in (Literal(True), Literal(3), Literal("2024-01-02"), URIRef("https://x.example/a"), None)]
    [True, 3, '2024-01-02', 'https://x.example/a', None]
    """
    if term is None:
        return None
    datatype = str(getattr(term, "datatype", None) or "")
    if datatype == _XSD + "boolean":
        return str(term).strip().lower() in ("true", "1")
    if datatype in _NUMBERS:
        try:
            return _NUMBERS[datatype](str(term))
        except ValueError:  # an ill-typed literal keeps its text
            return str(term)
    return str(term)


def run(query_or_file: str | Path, store: str | Path | None = None, params=None, _store=None,
        allow_service: Iterable[str] = (), endpoint=None) -> QueryResult:
    """Run a query and return the raw :class:`~healthgraph.rdf.store.QueryResult` (rdflib terms).
    A ``SERVICE`` call to an endpoint not in ``allow_service`` is refused (:mod:`.guard`).
    ``endpoint``: ask that SPARQL endpoint (:mod:`.sparql_store`) instead of a store folder."""
    text = query_text(query_or_file, (".rq", ".sparql"))
    check_services(text, allow_service)
    bindings = parse_params(params)

    def on(target) -> QueryResult:
        return target.query(text, {**bindings, **_named_nodes(text, bindings, target)})

    if _store is not None:
        return on(_store)
    if endpoint is not None:
        if store is not None:
            raise HealthgraphError("query a store folder or a SPARQL endpoint, not both")
        from .sparql_store import SparqlStore

        with SparqlStore(endpoint, read_only=True) as remote:
            return on(remote)
    if store is None:
        raise HealthgraphError("say which store to query with --store DIR (or --endpoint URL)")
    with open_store(store, read_only=True) as opened:
        return on(opened)


# one scan of four label properties (a join through dcterms:identifier is far slower in Oxigraph)
_ORG_LABELS = """
PREFIX hg: <https://w3id.org/healthgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?o ?p ?label WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel hg:formerName }
  ?o ?p ?label .
  FILTER(STRSTARTS(STR(?o), "https://w3id.org/healthgraph/id/org/"))
}
"""


def organisation_labels(store) -> list[tuple[str, str, bool]]:
    """Every name of every organisation in an open store: ``(id, name, canonical?)``."""
    from rdflib.namespace import RDFS

    from .mapping import local_id

    # every ?o is an organisation IRI (the query filters on it), so each has an id
    return [(org_id, str(label), p == RDFS.label) for o, p, label in store.query(_ORG_LABELS).rows
            if (org_id := local_id(o, "org")) is not None]


def _named_nodes(text: str, bindings: dict, store) -> dict:
    """Organisation and province parameters given as text ("Bạch Mai", "bv bach mai",
    "bach-mai", "Lào Cai"), resolved as ``healthgraph query`` resolves them and bound as their
    nodes; an unknown name is an error, never an empty answer."""
    from ..params import name_params, resolve_names

    plain = {name: str(term) for name, term in bindings.items() if isinstance(term, Literal)}
    types = name_params(text, plain)
    if not types:
        return {}
    ids = resolve_names(types, plain, lambda: organisation_labels(store))
    node: dict[str, Callable[[str], URIRef]] = {"organisation": org_iri, "province": province_iri}
    return {name: node[types[name]](value) for name, value in ids.items()}


def sparql(query_or_file: str | Path, store: str | Path | None = None, params=None,
           allow_service: Iterable[str] = (), endpoint: str | None = None):
    """Run a SPARQL query on the store built by ``healthgraph build``.

    Parameters
    ----------
    query_or_file : str or Path
        The query text, a ``.rq`` file, or the name of a shipped query (``queries/<name>.rq``).
        The prefixes of ``ontology/README.md`` (``hg:``, ``hgid:``, ``schema:``, ``prov:``…)
        are predeclared.
    store : str or Path
        The store folder.
    params : dict or list of "name=value", optional
        Values for variables, bound as RDF terms (see :func:`parse_param`).
    allow_service : iterable of str
        Endpoints (full IRIs) a ``SERVICE`` clause may call; none by default.
    endpoint : str, optional
        Ask this SPARQL endpoint (written by ``build --sparql-endpoint``) instead of ``store``;
        credentials from ``SPARQL_USER`` and ``SPARQL_PASSWORD``/``SPARQL_PASSWORD_FILE``.

    Returns
    -------
    list of dict or bool
        SELECT: :class:`~healthgraph.output.Rows`, one dict per row (variable -> :func:`cell`
        value, ``None`` if unbound) with the variables in ``.columns``;
        CONSTRUCT/DESCRIBE: rows ``subject, predicate, object``; ASK: a bool.

    Examples
    --------
    >>> sparql("SELECT ?x WHERE { VALUES ?x { 1 } }", store=None)  # doctest: +SKIP
    [{'x': '1'}]
    """
    from ..output import Rows

    result = run(query_or_file, store, params, allow_service=allow_service, endpoint=endpoint)
    if result.kind == "ask":
        return result.boolean
    return Rows(({name: cell(value) for name, value in zip(result.variables, row)} for row in result.rows),
                result.variables)
