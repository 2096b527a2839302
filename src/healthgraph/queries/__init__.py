"""Named queries: the same questions, the same answers, on every backend.

Each query is defined once in ``queries/NAME.rq`` (SPARQL, the RDF store) and
``queries/NAME.cypher`` (Neo4j) with a documented header (:mod:`.catalogue`), and in
Python for networkx (one module per family: :mod:`.dependants`, :mod:`.organisations`,
:mod:`.transfers`, :mod:`.agreements`, :mod:`.network`, :mod:`.coverage`).
:func:`query` checks the parameters, resolves names to ids (:mod:`healthgraph.resolve`), runs the
query on the chosen backend (:mod:`.backends`) and normalises the values (ids and text as
``str``, counts as ``int``, shares as ``float`` rounded to 4 places, dates as ISO text),
so the three backends give identical rows.
"""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

from ..dates import day
from ..errors import HealthgraphError
from ..model import TIERS
from ..output import Rows
from ..plugins import Registry
from ..resolve import OrganisationIndex, resolve_province
from .backends import BACKENDS, DEFAULT_STORE, Backend, open_backend
from .catalogue import QuerySpec, catalogue, get

__all__ = ["query", "list_queries", "run_spec", "BACKENDS", "DEFAULT_STORE"]


def list_queries(queries_dir: str | Path | None = None) -> list[dict]:
    """Every named query: ``name``, ``description``, ``parameters`` (text), ``columns``, ``backends``.

    Examples
    --------
    >>> "dependants" in [q["name"] for q in list_queries()]
    True
    """
    rows = []
    for name, spec in sorted(catalogue(queries_dir).items()):
        params = [f"{p.name} ({p.type}{'' if p.required else f', default {p.default}'})" for p in spec.params]
        backends = sorted(spec.files) + ([] if spec.user or name not in _networkx() else ["networkx"])
        rows.append({"name": name, "description": spec.description, "parameters": ", ".join(params),
                     "columns": " ".join(spec.column_names), "backends": ", ".join(backends),
                     "source": "user" if spec.user else "shipped"})
    return rows


def _networkx() -> Registry:
    from .registry import NETWORKX

    return NETWORKX


def _check_value(spec: QuerySpec, name: str, ptype: str, value, backend: Backend, index_cache: dict):
    """Check one parameter value and turn it into what the query takes (ids for names)."""
    text = str(value).strip()
    if ptype == "organisation":
        if "index" not in index_cache:
            index_cache["index"] = OrganisationIndex(backend.organisation_labels())
        return index_cache["index"].resolve(text, what=name)
    if ptype == "province":
        return resolve_province(text)
    if ptype == "date":
        return day(text, f"parameter {name}")
    if ptype == "int":
        try:
            number = int(text)
        except ValueError:
            raise HealthgraphError(f"{spec.name}: parameter {name}={text!r} is not a whole number") from None
        if number < 0:
            raise HealthgraphError(f"{spec.name}: parameter {name}={text!r} must not be negative")
        return number
    if ptype == "tier":
        if text not in (*TIERS, "any"):
            raise HealthgraphError(f"{spec.name}: parameter {name}={text!r} is not a tier "
                                   f"({', '.join(TIERS)} or any)")
        return text
    return value


def _normalise(value, ctype: str):
    if value is None:
        return None
    if ctype == "int":
        return int(value)
    if ctype == "float":
        return round(float(value), 4)
    if ctype == "bool":
        return value in (True, "true", "1", 1)
    if ctype == "list":  # backends give a list (Cypher, networkx) or joined text (SPARQL GROUP_CONCAT), in any order
        items = value if isinstance(value, (list, tuple, set)) else str(value).split("; ")
        return "; ".join(sorted({str(item) for item in items if item not in (None, "")}))
    return str(value)


def bind_params(spec: QuerySpec, params: Mapping | None, backend: Backend) -> dict:
    """Check ``params`` against the query's header, fill defaults, resolve names to ids."""
    given = dict(params or {})
    if not spec.params and not spec.columns:  # a user query without a header: pass values as given
        return given
    unknown = sorted(set(given) - {p.name for p in spec.params})
    if unknown:
        known = ", ".join(p.name for p in spec.params) or "none"
        raise HealthgraphError(f"{spec.name}: unknown parameter {unknown[0]!r} (parameters: {known})")
    values: dict = {}
    index_cache: dict[str, OrganisationIndex] = {}
    for p in spec.params:
        if p.name not in given and p.required:
            raise HealthgraphError(f"{spec.name}: missing parameter {p.name} ({p.type}): --param {p.name}=VALUE")
        values[p.name] = _check_value(spec, p.name, p.type, given.get(p.name, p.default), backend, index_cache)
    return values


def run_spec(spec: QuerySpec, params: Mapping | None, backend: Backend,
             resolved: bool = False) -> tuple[list[str], list[tuple]]:
    """Run one query on an open backend; return ``(columns, rows)`` with normalised values.

    ``resolved=True`` takes ``params`` as already checked by :func:`bind_params` (benchmarks).
    """
    values = dict(params or {}) if resolved else bind_params(spec, params, backend)
    if len({values.get(p.name) for p in spec.params if p.type == "organisation"}) < \
            len([p for p in spec.params if p.type == "organisation"]):
        raise HealthgraphError(f"{spec.name}: the organisations given are the same one ({values})")
    columns, rows = backend.run(spec, values)
    if not spec.columns:
        return columns, [tuple(r) for r in rows]
    if columns != spec.column_names:
        raise HealthgraphError(f"{spec.name}: the {backend.name} query returns columns {columns}, "
                               f"its header promises {spec.column_names}")
    types = [t for _, t in spec.columns]
    return columns, [tuple(_normalise(v, t) for v, t in zip(row, types)) for row in rows]


def query(name: str, params: Mapping | None = None, backend: str = "rdf", store: str | Path | None = None,
          sources=None, uri: str | None = None, queries_dir: str | Path | None = None,
          graph=None, endpoint: str | None = None) -> Rows:
    r"""Run the named query ``name`` on a backend.

    Parameters
    ----------
    name : str
        A query of ``healthgraph query --list`` (or of ``queries_dir``).
    params : dict, optional
        Parameter values as a user types them: organisation and province names in any
        spelling (resolved to ids first), dates ``YYYY-MM-DD`` or ``today``, numbers.
    backend : {"rdf", "sparql", "neo4j", "networkx"}
        ``rdf``: the store at ``store``; ``sparql``: the SPARQL endpoint at ``endpoint`` (or
        ``SPARQL_ENDPOINT``) that ``build --sparql-endpoint`` wrote; ``neo4j``: the server at ``uri`` (or ``NEO4J_URI``);
        ``networkx``: a graph built from ``sources`` (paths or a Corpus), else read back
        from ``store``.
    store : str or Path, optional
        Store folder of ``healthgraph build`` (``./hg-store`` by default).
    sources : list of paths or Corpus, optional
        For ``networkx``: build the graph from these instead of the store.
    uri : str, optional
        Neo4j bolt URI.
    queries_dir : str or Path, optional
        A folder of the user's own ``NAME.rq`` / ``NAME.cypher`` files.
    graph : networkx.MultiDiGraph, optional
        For ``networkx``: an already built graph.
    endpoint : str, optional
        For ``sparql``: the endpoint URL (credentials from ``SPARQL_USER`` and
        ``SPARQL_PASSWORD``/``SPARQL_PASSWORD_FILE``).

    Returns
    -------
    Rows
        One dict per row (column -> value), fully sorted; the column names in ``.columns``.

    Raises
    ------
    HealthgraphError
        Unknown query or parameter, unknown or ambiguous name (the candidates are listed).

    Examples
    --------
    >>> from healthgraph.loaders.structured import load_structured
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "agreements.yaml")
    >>> _ = open(path, "w").write("agreements:\n  - parties: [Bạch Mai, BVĐK tỉnh Lai Châu]\n"
    ...                           "    kind: satellite\n    supporter: Bạch Mai\n")
    >>> rows = query("dependants", {"hospital": "BV Bạch Mai"}, backend="networkx", sources=[path])
    >>> rows.columns[:3], rows[0]["dependant"]
    (['hospital', 'dependant', 'name'], 'bvdk-lai-chau')
    """
    spec = get(name, queries_dir)
    opened = open_backend(backend, store=store, sources=sources, uri=uri, graph=graph, endpoint=endpoint)
    try:
        columns, rows = run_spec(spec, params, opened)
    finally:
        opened.close()
    return Rows((dict(zip(columns, row)) for row in rows), columns)
