"""``healthgraph validate``: check a store (or SOURCES) against ``ontology/shapes.ttl`` with pyshacl."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..errors import HealthgraphError, InputError
from .mapping import PREFIXES

RDF_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld",
                ".rdf": "xml", ".owl": "xml"}


@dataclass
class ValidationReport:
    """``conforms`` and one dict per violation: ``focus``, ``path``, ``message``, ``value``, ``severity``."""

    conforms: bool
    violations: list[dict] = field(default_factory=list)
    triples: int = 0
    sources_read: int | None = None  # documents and RDF files read from SOURCES (None for a store)


def compact(term) -> str | None:
    """``hgid:org/bach-mai`` for readability; other terms as their text."""
    if term is None:
        return None
    text = str(term)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(namespace) and getattr(term, "datatype", None) is None and not hasattr(term, "language"):
            return f"{prefix}:{text[len(namespace):]}"
    return text


def data_graph(sources: Iterable[str | Path] | None = None, store: str | Path | None = None, on_error=None):
    """The union graph to validate: a store's quads, RDF files as they are, or SOURCES built in
    memory; and how many sources were read (``None`` for a store). ``on_error`` gets each
    unreadable source, which is then skipped (raised by default)."""
    from rdflib import Graph

    graph, read = Graph(), 0
    if store is not None:
        from .store import open_store

        with open_store(store, read_only=True) as opened:
            for s, p, o, _g in opened.quads():
                graph.add((s, p, o))
        return graph, None
    rdf_files: list[str | Path] = []
    others: list[str | Path] = []
    for source in sources or []:
        (rdf_files if Path(source).suffix.lower() in RDF_SUFFIXES else others).append(source)
    for path in rdf_files:
        fmt = RDF_SUFFIXES[Path(path).suffix.lower()]
        try:
            if fmt in ("nquads", "trig"):
                from rdflib import Dataset

                ds = Dataset()
                ds.parse(path, format=fmt)
                for s, p, o, _g in ds.quads((None, None, None, None)):
                    graph.add((s, p, o))
            else:
                graph.parse(path, format=fmt)
            read += 1
        except Exception as exc:  # rdflib parsers raise many types; report one line
            problem = InputError(path, f"cannot parse as {fmt}: {' '.join(str(exc).split())[:300]}")
            if on_error is None:
                raise problem from exc
            on_error(problem)
    if others:
        from .build import build
        from .store import open_store

        with open_store(None, "memory") as memory:
            read += len(build(others, _store=memory, show_progress=False, on_error=on_error).documents)
            for s, p, o, _g in memory.quads():
                graph.add((s, p, o))
    return graph, read


def check_graph(graph, shapes: str | Path | None = None) -> ValidationReport:
    """Validate an rdflib graph against the shapes; return the readable report."""
    import pyshacl
    from rdflib import Graph
    from rdflib.namespace import RDF, SH

    from ..resources import data_file

    shapes_graph = Graph().parse(shapes or data_file("ontology", "shapes.ttl"), format="turtle")
    conforms, results, _text = pyshacl.validate(graph, shacl_graph=shapes_graph, inference="none",
                                                abort_on_first=False, allow_warnings=True)
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = compact(results.value(result, SH.resultSeverity))
        violations.append({
            "focus": compact(results.value(result, SH.focusNode)),
            "path": compact(results.value(result, SH.resultPath)),
            "message": str(results.value(result, SH.resultMessage) or ""),
            "value": compact(results.value(result, SH.value)),
            "severity": severity.replace("sh:", "") if severity else None,
        })
    violations.sort(key=lambda v: (v["focus"] or "", v["path"] or "", v["message"]))
    return ValidationReport(bool(conforms), violations, len(graph))


def validate(sources: Iterable[str | Path] | None = None, store: str | Path | None = None,
             shapes: str | Path | None = None, on_error=None) -> ValidationReport:
    """Run the SHACL shapes on a store or on SOURCES and report violations readably.

    Parameters
    ----------
    sources : iterable of paths, optional
        RDF files (``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld``) are checked as they
        are; articles and curated files are built in memory first.
    store : str or Path, optional
        A store built by ``healthgraph build``.
    shapes : str or Path, optional
        Another shapes file (``ontology/shapes.ttl`` by default).
    on_error : callable, optional
        Called with each unreadable source, which is skipped; errors raise by default.

    Returns
    -------
    ValidationReport

    Examples
    --------
    >>> validate(store="kg/").conforms  # doctest: +SKIP
    True
    """
    if store is None and not sources:
        raise HealthgraphError("nothing to validate: give SOURCES or --store DIR")
    if store is not None and sources:
        raise HealthgraphError("give either SOURCES or --store, not both")
    graph, read = data_graph(sources, store, on_error)
    report = check_graph(graph, shapes)
    report.sources_read = read
    return report
