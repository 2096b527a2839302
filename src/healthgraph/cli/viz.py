"""``healthgraph viz``: an interactive HTML page of the network that works offline."""
from __future__ import annotations

import click

from . import SkippedSources, main


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(exists=True))
@click.option("--store", type=click.Path(file_okay=False), help="read the RDF store built by `healthgraph build`")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default="network.html", show_default=True,
              help="HTML file to write")
@click.option("--province", metavar="P", help="links touching organisations of province P (any spelling)")
@click.option("--kind", "kinds", multiple=True, metavar="KIND",
              help="supports, satellite, transfer or agreement (repeat for several)")
@click.option("--focus", metavar="NAME", help="draw the neighbourhood of this organisation (diacritics optional)")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True, help="neighbourhood radius for --focus")
@click.option("--since", metavar="DATE", help="links dated on or after DATE (YYYY[-MM[-DD]])")
@click.option("--until", metavar="DATE", help="links dated on or before DATE (YYYY[-MM[-DD]])")
@click.option("--at", metavar="DATE", help="the network as it stood on DATE: agreements in force then")
@click.option("--physics-threshold", type=click.IntRange(min=0), default=1000, show_default=True,
              help="above this many nodes, draw a precomputed layout without physics")
@click.option("--webgl-threshold", type=click.IntRange(min=0), default=2000, show_default=True,
              help="above this many nodes, write the WebGL page (sigma.js) instead")
@click.option("--layout", type=click.Choice(["auto", "map"]), default="auto", show_default=True,
              help="map: each organisation at its province, north up")
@click.option("--title", help="page title")
def viz(sources, store, output, province, kinds, focus, depth, since, until, at, physics_threshold, webgl_threshold,
        layout, title):
    """Draw the network of SOURCES (or of --store DIR) as a self-contained HTML page.

    \b
    Examples:
      healthgraph viz articles/ agreements.yaml -o network.html
      healthgraph viz --store kg/ --focus "Bạch Mai" --depth 2 -o bach-mai.html
      healthgraph viz --store kg/ --province "Lai Châu" --kind satellite --since 2017 -o lai-chau.html
      healthgraph viz --store kg/ --at 2021-06 -o network-2021.html
      healthgraph viz --store kg/ --layout map -o map.html
    """
    from ..visual import viz as draw

    skipped = SkippedSources()
    page = draw(list(sources), store=store, output=output, province=province, kinds=list(kinds) or None,
                focus=focus, depth=depth, since=since, until=until, at=at, physics_threshold=physics_threshold,
                webgl_threshold=webgl_threshold, layout=layout, title=title, on_error=skipped)
    drawn = "WebGL, precomputed layout" if page.webgl else "physics" if page.physics else "precomputed layout"
    click.echo(f"wrote {page.path} ({page.nodes} organisations, {page.edges} links, {drawn})", err=True)
    skipped.exit()
