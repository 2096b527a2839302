"""``healthgraph export``: write the graph as GraphML, GEXF, node-link JSON, CSV, RDF, Neo4j..."""
from __future__ import annotations

import click

from . import SkippedSources, main


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(exists=True))
@click.option("--store", type=click.Path(file_okay=False), help="read the RDF store built by `healthgraph build`")
@click.option("--format", "-f", "fmt", metavar="FMT", help="export format (see --list)")
@click.option("--output", "-o", type=click.Path(dir_okay=True), help="file (or folder) to write")
@click.option("--list", "list_formats", is_flag=True, help="list the export formats and exit")
def export(sources, store, fmt, output, list_formats):
    """Export the graph of SOURCES (or of --store DIR) to a file.

    \b
    Examples:
      healthgraph export articles/ agreements.yaml --format graphml -o graph.graphml
      healthgraph export --store kg/ --format gexf -o graph.gexf
      healthgraph export --list
    """
    from ..exporters import export as run_export, formats
    from ..errors import HealthgraphError
    from ..output import emit

    if list_formats:
        emit(({"format": f.name, "suffix": f.suffix, "reads": f.input, "description": f.description}
              for f in formats().values()), ["format", "suffix", "reads", "description"])
        return
    if not fmt:
        raise HealthgraphError("choose a format with --format FMT (see `healthgraph export --list`)")
    if not output:
        suffix = formats()[fmt].suffix if fmt in formats() else ""
        raise HealthgraphError(f"say where to write with -o PATH (e.g. -o graph{suffix})")
    skipped = SkippedSources()
    written = run_export(list(sources), fmt, output, store=store, on_error=skipped)
    for path in written:
        click.echo(f"wrote {path}", err=True)
    skipped.exit()
