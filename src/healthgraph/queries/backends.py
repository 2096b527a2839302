"""The query backends behind one small registry: ``rdf`` (the store folder), ``sparql`` (the
user's own SPARQL endpoint, same ``.rq`` files), ``neo4j``, ``networkx``.

A backend runs a :class:`~.catalogue.QuerySpec` with parameter values that are already
checked and resolved, and lists the names of the organisations it holds (for
:class:`~.resolve.OrganisationIndex`). Values always travel as query parameters: SPARQL
variables bound by the engine (``healthgraph.rdf.sparql.run``), Cypher ``$parameters``,
Python arguments for networkx.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..errors import HealthgraphError
from ..plugins import Registry
from .catalogue import QuerySpec

DEFAULT_STORE = "hg-store"



class Backend:
    """What every backend offers: run a query, list organisation names, close."""

    name = ""

    def run(self, spec: QuerySpec, values: dict) -> tuple[list[str], list[list]]:
        raise NotImplementedError

    def organisation_labels(self) -> Iterable[tuple[str, str, bool]]:
        """``(id, label, primary)`` for every name of every organisation; primary: its canonical name."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the store or the connection."""

    def _file(self, spec: QuerySpec) -> Path:
        path = spec.files.get(self.name)
        if path is None:
            have = ", ".join(sorted(spec.files)) or "none"
            raise HealthgraphError(f"query {spec.name!r} has no {self.name} version (it has: {have})")
        return path


class RDFBackend(Backend):
    """The Oxigraph (or memory) store built by ``healthgraph build``."""

    name = "rdf"

    def __init__(self, store: str | Path | None = None, **_):
        from ..rdf.store import open_store, store_meta
        from ..rdf.store_folder import check_derived

        self.path = Path(store or DEFAULT_STORE)
        meta = store_meta(self.path) if self.path.is_dir() else None
        if meta is not None:  # the named queries read derived facts: a store older than them is refused
            check_derived(self.path, meta)
        self.store = open_store(self.path, read_only=True)

    def _select(self, query: str, params: dict | None = None):
        from rdflib import Literal, URIRef

        from ..rdf.sparql import run

        # a value is bound as a plain string literal (or a node we built), never pasted in
        bindings = {k: v if isinstance(v, URIRef) else Literal(str(v)) for k, v in (params or {}).items()}
        result = run(query, params=bindings, _store=self.store)
        if result.kind != "select":
            raise HealthgraphError("a named query must be a SPARQL SELECT")
        return result

    def run(self, spec, values):
        from rdflib import URIRef

        from ..rdf.mapping import org_iri, province_iri
        from ..rdf.mapping import local_id
        from ..rdf.sparql import cell

        # organisations and provinces are bound as their nodes (hgid:org/ID): Oxigraph then
        # starts from the node instead of searching every dcterms:identifier
        types = {p.name: p.type for p in spec.params}
        node = {"organisation": org_iri, "province": province_iri}
        bindings = {k: node[types[k]](v) if types.get(k) in node else v for k, v in values.items()}
        result = self._select(str(self._file(spec)), bindings)

        def plain(term):
            if isinstance(term, URIRef):
                return local_id(term, "org") or local_id(term, "province") or str(term)
            return cell(term)

        return list(result.variables), [[plain(v) for v in row] for row in result.rows]

    def organisation_labels(self):
        from ..rdf.sparql import organisation_labels

        return organisation_labels(self.store)

    def close(self):
        self.store.close()


class SparqlBackend(RDFBackend):
    """The user's own SPARQL 1.1 endpoint (Fuseki, GraphDB …) that ``healthgraph build
    --sparql-endpoint`` wrote; runs the same ``.rq`` files as ``rdf``."""

    name = "sparql"

    def __init__(self, endpoint: str | None = None, **_):
        from ..rdf.sparql_store import SparqlStore

        self.store = SparqlStore(endpoint, read_only=True)
        try:
            self.store.check_union()
        except BaseException:
            self.store.close()
            raise

    def _file(self, spec: QuerySpec) -> Path:
        path = spec.files.get("rdf")
        if path is None:
            raise HealthgraphError(f"query {spec.name!r} has no SPARQL version (it has: {', '.join(sorted(spec.files))})")
        return path


class Neo4jBackend(Backend):
    """The Neo4j server loaded by ``healthgraph neo4j load`` (``NEO4J_URI`` etc.)."""

    name = "neo4j"

    def __init__(self, uri: str | None = None, **_):
        self.uri = uri

    def run(self, spec, values):
        from ..neo4j.cypher import cypher

        rows = cypher(self._file(spec), params=values, uri=self.uri, resolve=False)
        return list(rows.columns), [[row[c] for c in rows.columns] for row in rows]

    def organisation_labels(self):
        from ..neo4j.cypher import ORGANISATION_LABELS, cypher, organisation_labels

        return organisation_labels(cypher(ORGANISATION_LABELS, uri=self.uri, resolve=False))


class NetworkxBackend(Backend):
    """An in-memory networkx graph, built from a store (read back from RDF) or from SOURCES."""

    name = "networkx"

    def __init__(self, store: str | Path | None = None, sources=None, graph=None, **_):
        self.graph = graph if graph is not None else networkx_graph(store=store, sources=sources)

    def run(self, spec, values):
        from .registry import NETWORKX

        if spec.name not in NETWORKX or spec.user:
            raise HealthgraphError(f"query {spec.name!r} has no networkx version; run it with --backend rdf or neo4j")
        return spec.column_names, NETWORKX.get(spec.name)(self.graph, **values)

    def organisation_labels(self):
        from .graphview import view

        for node_id in view(self.graph).organisations:
            props = self.graph.nodes[node_id]
            for i, label in enumerate((props.get("name"), props.get("name_en"), props.get("name_de"),
                                       *props.get("mentions", ()), *props.get("former_names", ()))):
                if label:
                    yield node_id, label, i == 0


def networkx_graph(store=None, sources=None, corpus=None):
    """The networkx MultiDiGraph (schema of :mod:`healthgraph.graph`) of a corpus, SOURCES or a store.

    Parameters
    ----------
    store : str or Path, optional
        A store built by ``healthgraph build``: the facts it keeps (:mod:`healthgraph.factstore`).
    sources : list of paths, Corpus, optional
        Articles and curated files (or a Corpus); used instead of the store when given.
    """
    from ..graph import to_networkx, to_property_graph
    from ..model import Corpus

    if corpus is None and isinstance(sources, Corpus):
        corpus = sources
    if corpus is None and sources:
        from ..sources import load_corpus

        corpus = load_corpus([sources] if isinstance(sources, (str, Path)) else list(sources))
    if corpus is None:
        from ..rdf.store import read_corpus

        corpus = read_corpus(store or DEFAULT_STORE)
    return to_networkx(to_property_graph(corpus))


BACKENDS = Registry("backends", {"rdf": f"{__name__}:RDFBackend", "sparql": f"{__name__}:SparqlBackend",
                                 "neo4j": f"{__name__}:Neo4jBackend",
                                 "networkx": f"{__name__}:NetworkxBackend"}, noun="backend")


def open_backend(backend: str, **options) -> Backend:
    """Open backend ``backend`` (``rdf``, ``sparql``, ``neo4j``, ``networkx`` or an installed one) with its options."""
    return BACKENDS.get(backend)(**options)
