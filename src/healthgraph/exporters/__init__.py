"""Export the graph to files other tools read: one module per format family.

Formats are found by name in :data:`EXPORTERS` (:class:`healthgraph.plugins.Registry`):
the modules of this package, and modules that installed packages declare under the
entry-point group ``healthgraph.exporters``. A format module declares

``FORMATS``
    the names users pass to ``--format`` (e.g. ``("graphml",)``);
``SUFFIX``
    the usual file suffix (``".graphml"``);
``INPUT``
    what ``write`` receives: ``"graph"`` (a :class:`~healthgraph.graph.PropertyGraph`,
    the default), ``"corpus"`` (the :class:`~healthgraph.model.Corpus`, for formats that
    map facts onto the ontology, such as RDF; when exporting ``--store DIR`` they get the
    store folder instead, so that they can copy what is stored) or ``"both"`` (an
    :class:`ExportInput`);
``SUFFIXES``
    per-format suffixes when a module writes several formats (optional);
``DESCRIPTION``
    one line for ``healthgraph export --list`` (optional);
``write(source, out_path, fmt=...)``
    writes the file (or folder) and returns the paths written (optional). ``fmt`` is
    passed only when the module declares more than one format.

Examples
--------
>>> sorted(f for f in formats() if f in {"graphml", "gexf", "node-link", "csv"})
['csv', 'gexf', 'graphml', 'node-link']
"""
from __future__ import annotations

import inspect
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any, Iterable

from ..errors import HealthgraphError
from ..model import Corpus
from ..plugins import Registry

INPUTS = ("graph", "corpus", "both")


@dataclass
class ExportInput:
    """What an export module may need: the merged facts, their property graph, the store.

    Each is produced on first use, so corpus-only formats never pay for the property graph
    and a store is read only once.
    """

    _corpus: Corpus | None = None
    store: Path | None = None
    _graph: Any = field(default=None, repr=False)

    @property
    def corpus(self) -> Corpus | None:
        """The merged facts (read back from :attr:`store` when exporting a store)."""
        if self._corpus is None and self.store is not None:
            self._corpus = corpus_from_store(self.store)
        return self._corpus

    @property
    def graph(self):
        """The :class:`~healthgraph.graph.PropertyGraph` of :attr:`corpus`."""
        if self._graph is None:
            from ..graph import to_property_graph

            if self.corpus is None:
                raise HealthgraphError("nothing to export: no corpus and no graph given")
            self._graph = to_property_graph(self.corpus)
        return self._graph


@dataclass(frozen=True)
class ExportFormat:
    """One registered format: its name, the module that writes it and what it reads."""

    name: str
    module: str
    suffix: str
    input: str
    description: str


EXPORTERS = Registry("exporters", {
    name: f"{__name__}.{module}" for module, names in (
        ("cypher_script", ("cypher",)), ("edgelist_csv", ("csv", "edgelist")), ("fhir", ("fhir",)),
        ("gexf", ("gexf",)), ("graphml", ("graphml",)), ("neo4j_admin", ("neo4j-admin",)),
        ("nodelink", ("node-link",)), ("rdf_formats", ("turtle", "ntriples", "nquads", "jsonld")))
    for name in names}, noun="export format")


@lru_cache(maxsize=None)
def _format(name: str) -> tuple[ExportFormat, ModuleType]:
    module = EXPORTERS.get(name)
    names = getattr(module, "FORMATS", None)
    names = (names,) if isinstance(names, str) else names
    if not names or name not in names or not callable(getattr(module, "write", None)):
        raise HealthgraphError(f"export format {name!r}: {module.__name__} declares no FORMATS with it and a write()")
    kind = getattr(module, "INPUT", "graph")
    if kind not in INPUTS:
        raise HealthgraphError(f"export module {module.__name__}: INPUT must be one of {', '.join(INPUTS)}, "
                               f"not {kind!r}")
    doc = (module.__doc__ or "").strip().splitlines()
    description = getattr(module, "DESCRIPTION", doc[0] if doc else "")
    suffix = getattr(module, "SUFFIXES", {}).get(name, getattr(module, "SUFFIX", ""))
    return ExportFormat(name, module.__name__.rsplit(".", 1)[-1], suffix, kind, description), module


def formats() -> dict[str, ExportFormat]:
    """Return every registered export format by name.

    Returns
    -------
    dict of str to ExportFormat

    Examples
    --------
    >>> formats()["graphml"].suffix
    '.graphml'
    """
    return {name: _format(name)[0] for name in EXPORTERS.names()}


def write(source: Corpus | ExportInput | Any, fmt: str, output: str | Path) -> list[Path]:
    """Write ``source`` (a Corpus, a PropertyGraph or an :class:`ExportInput`) as ``fmt``.

    Parameters
    ----------
    source : Corpus, PropertyGraph or ExportInput
    fmt : str
        A name from :func:`formats`.
    output : str or Path
        The file (or folder, for multi-file formats) to write.

    Returns
    -------
    list of Path
        The files written.
    """
    info, module = _format(fmt)
    data = _as_input(source)
    argument = {"graph": lambda: data.graph, "corpus": lambda: data.store or data.corpus,
                "both": lambda: data}[info.input]()
    if argument is None:
        raise HealthgraphError(f"format {fmt!r} needs the corpus (facts), but only a property graph was given")
    output = Path(output)
    if output.parent and not output.parent.exists():
        output.parent.mkdir(parents=True, exist_ok=True)
    kwargs = {"fmt": fmt} if "fmt" in inspect.signature(module.write).parameters else {}
    written = module.write(argument, output, **kwargs)
    return [Path(p) for p in written] if written else [output]


def _as_input(source: Any) -> ExportInput:
    from ..graph import PropertyGraph

    if isinstance(source, ExportInput):
        return source
    if isinstance(source, Corpus):
        return ExportInput(source)
    if isinstance(source, PropertyGraph):
        return ExportInput(_graph=source)
    raise TypeError(f"cannot export a {type(source).__name__}; pass a Corpus, a PropertyGraph or an ExportInput")


def load_input(sources: Iterable[str | Path] | Corpus | Any = None, store: str | Path | None = None,
               on_error=None) -> ExportInput:
    """Return the :class:`ExportInput` of SOURCES (paths), an in-memory Corpus/PropertyGraph, or a store.

    Parameters
    ----------
    sources : iterable of paths, Corpus or PropertyGraph, optional
    store : path, optional
        A persistent RDF store built by ``healthgraph build``.
    on_error : callable, optional
        Called with each bad source file (a :class:`~healthgraph.errors.InputError`); the
        file is skipped. Errors raise by default.
    """
    from ..graph import PropertyGraph

    if isinstance(sources, (Corpus, PropertyGraph, ExportInput)):
        return _as_input(sources)
    if store is not None:
        if sources:
            raise HealthgraphError("give either SOURCES or --store, not both")
        return ExportInput(store=Path(store))
    if not sources:
        raise HealthgraphError("nothing to read: give SOURCES (articles, curated files) or --store DIR")
    from ..sources import load_corpus

    return ExportInput(load_corpus(list(sources), on_error=on_error))


def corpus_from_store(store: str | Path) -> Corpus:
    """Read the Corpus back from the persistent RDF store at ``store`` (``healthgraph build``)."""
    from ..rdf.store import read_corpus  # the RDF backend owns the store format

    return read_corpus(store)


def export(sources: Iterable[str | Path] | Corpus | Any = None, fmt: str = "graphml",
           output: str | Path = "graph.graphml", store: str | Path | None = None, on_error=None) -> list[Path]:
    """Export the graph of SOURCES (or of a store) to ``output`` as ``fmt``.

    Parameters
    ----------
    sources : iterable of paths, Corpus or PropertyGraph, optional
        Articles and curated files, or facts already in memory.
    fmt : str
        An export format; see :func:`formats` (``healthgraph export --list``).
    output : str or Path
        Where to write.
    store : path, optional
        Read from the persistent RDF store built by ``healthgraph build`` instead.
    on_error : callable, optional
        Called with each bad source file, which is then skipped.

    Returns
    -------
    list of Path
        The files written.

    Examples
    --------
    >>> from healthgraph.graph import PropertyGraph
    >>> import tempfile, os
    >>> pg = PropertyGraph(); pg.add_node("a", ("Organisation",), name="A")
    >>> out = os.path.join(tempfile.mkdtemp(), "g.json")
    >>> [p.name for p in export(pg, "node-link", out)]
    ['g.json']
    """
    _format(fmt)  # an unknown format is an error before any source is read
    return write(load_input(sources, store=store, on_error=on_error), fmt, output)


# Helpers shared by the property-graph formats -------------------------------------------

# Characters XML 1.0 forbids: article text sometimes carries them (form feeds, stray NULs).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def scalar(value: Any) -> Any:
    """Return ``value`` as something every flat format holds: lists and dicts become JSON text.

    Examples
    --------
    >>> scalar(["Bạch Mai", "BV Bạch Mai"])
    '["Bạch Mai", "BV Bạch Mai"]'
    >>> scalar(3)
    3
    """
    if isinstance(value, (list, tuple, set, dict)):
        return json.dumps(sorted(value) if isinstance(value, set) else value, ensure_ascii=False)
    return value


def xml_safe(value: Any) -> Any:
    """Drop the control characters XML cannot carry from string values."""
    return _XML_ILLEGAL.sub("", value) if isinstance(value, str) else value


def endpoint_safe(props: dict) -> dict:
    """Rename edge properties that clash with the ``source``/``target`` endpoint columns.

    The evidence's publication (``source``) becomes ``evidence_source`` in formats that
    name the edge's endpoints ``source`` and ``target`` (CSV, node-link JSON).
    """
    return {("evidence_" + k if k in ("source", "target") else k): v for k, v in props.items()}


def flat_networkx(graph, xml: bool = False):
    """Return ``graph`` as a networkx MultiDiGraph whose attributes are all scalars.

    Parameters
    ----------
    graph : PropertyGraph
    xml : bool
        Also drop characters that XML 1.0 forbids (GraphML, GEXF).
    """
    import networkx as nx

    clean = (lambda v: xml_safe(scalar(v))) if xml else scalar
    g = nx.MultiDiGraph()
    for node in graph.nodes.values():
        g.add_node(node.id, labels=clean(";".join(node.labels)), **{k: clean(v) for k, v in node.props.items()})
    for i, edge in enumerate(graph.edges):
        g.add_edge(edge.source, edge.target, key=i, type=edge.type, **{k: clean(v) for k, v in edge.props.items()})
    return g

__all__ = ["ExportFormat", "ExportInput", "corpus_from_store", "export", "flat_networkx", "formats",
           "load_input", "endpoint_safe", "scalar", "write", "xml_safe"]
