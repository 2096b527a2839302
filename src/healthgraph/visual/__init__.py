"""Interactive HTML pages of the cooperation network (pyvis / vis-network, or sigma.js
WebGL for big graphs), offline.

What the page shows
    Organisations as nodes, one per body (names that are one organisation merged by
    :func:`healthgraph.resolve.same_bodies`): hospitals are dots coloured by tier and sized
    by how many organisations they support; other kinds of organisation get other shapes.
    Links are drawn between organisations, one per (kind, pair), styled by kind:
    ``supports`` (arrow from supporter to recipient), ``satellite`` (core hospital to
    satellite), ``transfer`` (technique transfer, dotted) and ``agreement`` (dashed; no
    arrow for an agreement between equals, drawn from the Agreement's ``PARTY`` edges);
    several kinds between one pair are curved apart (on the WebGL page: one line whose
    tooltip lists every kind). Agreement, Technique and Province nodes of the property graph
    are folded into the links, not drawn. Tooltips give names, province, dates and each
    evidence sentence with its source (the article's title when the corpus has it); labels
    never cover one another. A search box (any name, diacritics optional) opens a side panel of the
    organisation's agreements with their evidence; a time slider shows the agreements in
    force at a month; a switch hides organisations without links.

Filters (combined)
    ``kinds`` and ``since``/``until`` keep the links of those kinds and dates (a link
    without a known year is dropped by a date filter; partial dates compare at their own
    precision, so ``2017`` is within ``--since 2017-06``); ``at`` keeps the agreements in
    force on a date; ``province`` keeps the links that touch an organisation of that
    province (pre- or post-2025 territory) and draws their partners too;
    ``focus``/``depth`` keep the neighbourhood of one organisation.

Big graphs and the map
    Above ``physics_threshold`` nodes the browser runs no simulation: positions come from
    :func:`healthgraph.visual.layout.radial_layout` and edges are hidden while dragging.
    Above ``webgl_threshold`` the page is drawn with WebGL (:mod:`.webgl`). ``layout="map"``
    places organisations at their province (:func:`healthgraph.visual.layout.map_layout`).

Modules: :mod:`.links` (the graph read as links), :mod:`.filters` (what is drawn),
:mod:`.style` (colours, shapes, tooltips, legend), :mod:`.network` (the page's data),
:mod:`.layout` (positions), :mod:`.page` (the vis-network HTML and the controls of both
pages), :mod:`.webgl` (the WebGL HTML); :func:`viz` here writes it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .filters import find_focus, select
from .links import LINK_KINDS, Link
from .network import DEFAULT_PHYSICS_THRESHOLD, DEFAULT_WEBGL_THRESHOLD, Network, build_network
from .style import KIND_SHAPES, LINK_STYLES, TIER_COLOURS, shapes_by

__all__ = ["DEFAULT_PHYSICS_THRESHOLD", "DEFAULT_WEBGL_THRESHOLD", "KIND_SHAPES", "LINK_KINDS", "LINK_STYLES", "Link", "Network", "Page",
           "TIER_COLOURS", "build_network", "find_focus", "select", "shapes_by",
           "viz"]


@dataclass
class Page:
    """The page written by :func:`viz`."""

    path: Path
    nodes: int
    edges: int
    physics: bool
    webgl: bool


def viz(sources=None, store: str | Path | None = None, output: str | Path = "network.html",
        province: str | None = None, kinds: Iterable[str] | None = None, focus: str | None = None, depth: int = 1,
        since: str | None = None, until: str | None = None, at: str | None = None,
        physics_threshold: int = DEFAULT_PHYSICS_THRESHOLD, webgl_threshold: int = DEFAULT_WEBGL_THRESHOLD,
        layout: str = "auto", title: str | None = None, on_error=None) -> Page:
    """Write an interactive, self-contained HTML page of the cooperation network.

    Parameters
    ----------
    sources : iterable of paths, Corpus or PropertyGraph, optional
        Articles and curated files, or facts already in memory.
    store : path, optional
        Read the persistent RDF store built by ``healthgraph build`` instead of SOURCES.
    output : str or Path
        The HTML file to write.
    province : str, optional
        Keep the links touching organisations of this province (any spelling, pre- or
        post-2025 name); their partners elsewhere are drawn too.
    kinds : iterable of {"supports", "satellite", "transfer", "agreement"}, optional
        Keep only links of these kinds.
    focus : str, optional
        An organisation's name as a user types it (diacritics optional); keep its
        neighbourhood. Ambiguous names raise an error listing the candidates.
    depth : int
        Neighbourhood radius around ``focus``, in links.
    since, until : str, optional
        Keep links dated within these bounds (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
    at : str, optional
        The network as it stood on this date: only agreements that had started (valid
        from, else signed, else reported) and not yet ended (valid to) on it.
    physics_threshold : int
        Above this many nodes, draw a precomputed layout without physics.
    webgl_threshold : int
        Above this many nodes, write the WebGL page (sigma.js) instead of the vis-network one.
    layout : {"auto", "map"}
        ``auto``: physics for small graphs, a precomputed layout for big ones; ``map``: each
        organisation at its province's seat (``loaders/geo/province_points.yaml``), north up.
    title : str, optional
        Page title.
    on_error : callable, optional
        Called with each bad source file, which is then skipped.

    Returns
    -------
    Page
        The path written and the number of nodes and edges drawn.

    Examples
    --------
    >>> from healthgraph.graph import PropertyGraph
    >>> import tempfile, os
    >>> pg = PropertyGraph(); pg.add_node("a", ("Organisation",), name="<A>")
    >>> page = viz(pg, output=os.path.join(tempfile.mkdtemp(), "n.html"))
    >>> page.nodes, "<A>" in page.path.read_text(encoding="utf-8")
    (1, False)
    """
    from ..exporters import load_input
    from .page import render_page
    from .webgl import render_webgl_page

    facts = load_input(sources, store=store, on_error=on_error)
    # the property graph keeps a fact's document id; the corpus, when there is one, its title
    titles = {doc.id: doc.title for doc in facts.corpus.documents.values() if doc.title} if facts.corpus else {}
    net = build_network(facts.graph, province=province, kinds=kinds, focus=focus, depth=depth, since=since,
                        until=until, at=at, physics_threshold=physics_threshold,
                        webgl_threshold=webgl_threshold, layout=layout, title=title, titles=titles)
    path = Path(output)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_webgl_page(net) if net.webgl else render_page(net), encoding="utf-8")
    return Page(path, len(net.nodes), len(net.edges), net.physics, net.webgl)
