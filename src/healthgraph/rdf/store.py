"""Quad stores behind one small registry (rdflib-style): ``oxigraph`` (default) and ``memory``.

``oxigraph`` (:mod:`.oxigraph_store`)
    pyoxigraph used directly: RocksDB on disk under ``DIR/oxigraph``, SPARQL evaluated in
    Rust, bulk loading without per-triple Python calls.
``memory`` (:mod:`.memory_store`)
    A plain rdflib :class:`~rdflib.Dataset`, persisted as ``DIR/dataset.nq`` between runs.
    The reference for correctness and the baseline of the benchmarks.

A store folder holds ``healthgraph-store.json`` naming its kind (:mod:`.store_folder`), so
every command that takes ``--store DIR`` opens it with the right backend. Every store
answers SPARQL with the default graph being the union of all named graphs, as a set.

This module owns the registry of kinds and opening a store folder (:func:`open_store`), and
reading the facts a store keeps (:func:`read_corpus`). The interface every kind implements
is :mod:`.store_base`; parameters are bound by :mod:`.values_blocks`.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import HealthgraphError
from ..plugins import Registry
from .memory_store import MemoryStore
from .oxigraph_store import OxigraphStore, from_ox, to_ox
from .store_base import BULK_GRAPH, QueryResult, RDFStore
from .store_folder import DERIVED_VERSION, META_FILE, STORE_FORMAT, materialises_union, read_meta, update_meta, write_meta
from .values_blocks import bind_as_values

__all__ = ["BULK_GRAPH", "DEFAULT_KIND", "META_FILE", "STORES", "STORE_FORMAT", "MemoryStore", "OxigraphStore",
           "QueryResult", "RDFStore", "bind_as_values", "from_ox", "materialises_union", "open_store", "read_corpus",
           "store_kind", "store_meta", "to_ox"]

DEFAULT_KIND = "oxigraph"
STORES = Registry("stores", {"oxigraph": f"{__package__}.oxigraph_store:OxigraphStore",
                             "memory": f"{__package__}.memory_store:MemoryStore"}, noun="store kind")


def store_meta(path: str | Path, partial_ok: bool = False) -> dict | None:
    """The description in a store folder (``kind``, ``format``), or ``None`` if the folder is not a store;
    a store an interrupted build left half-loaded is an error unless ``partial_ok``."""
    return read_meta(path, kinds=STORES, partial_ok=partial_ok)


def store_kind(path: str | Path) -> str | None:
    """The kind recorded in a store folder, or ``None`` if the folder is not a store."""
    meta = store_meta(path)
    return None if meta is None else meta["kind"]


def open_store(path: str | Path | None, kind: str | None = None, create: bool = False,
               read_only: bool = False, fresh: bool = False) -> RDFStore:
    """Open (or create) the store at ``path``.

    Parameters
    ----------
    path : str or Path or None
        The store folder; ``None`` for a throw-away in-memory store of ``kind``.
    kind : {"oxigraph", "memory"}, optional
        Required to match an existing store; the default for a new one is ``oxigraph``.
    create : bool
        Create the folder if it is not a store yet (``build``); otherwise a missing store is an error.
        A store that an interrupted build left half-loaded is emptied then; otherwise it is an error.
    read_only : bool
        Open without taking the writer lock (queries, exports, validation).
    fresh : bool
        Empty the store: its quads and the facts it keeps (``build --fresh``).

    Returns
    -------
    RDFStore

    Examples
    --------
    >>> with open_store(None, "memory") as s:
    ...     len(s)
    0
    """
    if kind is not None:
        STORES.get(kind)  # an unknown kind is an error that lists the kinds
    if path is None:
        return STORES.get(kind or DEFAULT_KIND)(None)
    path = Path(path)
    meta = store_meta(path, partial_ok=create or fresh) if path.is_dir() else None
    existing = None if meta is None else meta["kind"]
    fresh = fresh or bool(meta and meta.get("loading"))  # a half-loaded store is started over by the next build
    if existing is None:
        if not create:
            raise HealthgraphError(f"{path}: no healthgraph store here (build one with "
                                   f"`healthgraph build SOURCES --store {path}`)")
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise HealthgraphError(f"{path}: exists and is not a healthgraph store; choose a new or empty folder")
        path.mkdir(parents=True, exist_ok=True)
        existing = kind or DEFAULT_KIND
        write_meta(path, {"kind": existing, "format": STORE_FORMAT, "derived": DERIVED_VERSION})
    elif kind is not None and kind != existing:
        raise HealthgraphError(f"{path}: is a {existing!r} store, not {kind!r}")
    store = STORES.get(existing)(path, read_only=read_only)
    if fresh:
        from ..factstore import clear_facts

        store.clear()
        clear_facts(path)
        update_meta(path, loading=None, reference=None)
    return store


def read_corpus(path: str | Path):
    """The :class:`~healthgraph.model.Corpus` of the facts the store at ``path`` keeps
    (:mod:`healthgraph.factstore`), merged as from SOURCES.

    Used by ``--store`` in ``export``, ``viz``, ``neo4j load`` and the networkx backend.
    """
    from ..factstore import read_facts
    from ..model import Corpus

    if store_meta(path) is None:
        raise HealthgraphError(f"{path}: no healthgraph store here (build one with "
                               f"`healthgraph build SOURCES --store {path}`)")
    return Corpus.from_facts(read_facts(path))
