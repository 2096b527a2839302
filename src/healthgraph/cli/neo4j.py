"""``healthgraph neo4j load`` and ``healthgraph cypher``: the Neo4j backend on the command line."""
from __future__ import annotations

import functools
from pathlib import Path

import click

from ..neo4j.load import DEFAULT_BATCH_SIZE, DEFAULT_WRITERS
from . import SkippedSources, dask_option, format_option, main


def connection_options(command):
    """Add ``--uri/--user/--database`` and a password from ``NEO4J_PASSWORD``, ``--password-file``
    or ``--ask-password`` to a command (never on the command line, where ``ps`` shows it)."""
    @functools.wraps(command)
    def with_password(*args, password_file=None, ask_password=False, **kwargs):
        password = None
        if password_file:
            password = Path(password_file).read_text(encoding="utf-8").strip()
        elif ask_password:
            password = click.prompt("Neo4j password", hide_input=True)
        return command(*args, password=password, **kwargs)

    options = [
        click.option("--uri", envvar="NEO4J_URI", metavar="URI",
                     help="Neo4j Bolt URI [env NEO4J_URI; default bolt://127.0.0.1:7687]"),
        click.option("--user", envvar="NEO4J_USER", metavar="NAME", help="[env NEO4J_USER; default neo4j]"),
        click.option("--password-file", type=click.Path(dir_okay=False, exists=True), metavar="FILE",
                     help="read the password from FILE [else env NEO4J_PASSWORD; default neo4j]"),
        click.option("--ask-password", is_flag=True, help="prompt for the password"),
        click.option("--database", envvar="NEO4J_DATABASE", metavar="DB",
                     help="database name [env NEO4J_DATABASE; default: the server's default]"),
    ]
    for option in reversed(options):
        with_password = option(with_password)
    return with_password


@main.group("neo4j")
def neo4j_group() -> None:
    """Load the graph into a Neo4j server (query it with `healthgraph cypher`)."""


@neo4j_group.command("load")
@click.argument("sources", nargs=-1, type=click.Path(exists=True))
@click.option("--store", type=click.Path(file_okay=False), default=None,
              help="load the facts this store keeps (built by `healthgraph build`) instead of SOURCES")
@connection_options
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE, show_default=True,
              help="rows per UNWIND transaction")
@click.option("--writers", type=click.IntRange(min=1), default=DEFAULT_WRITERS, show_default=True,
              help="transactions sent side by side (more for a server with more cores)")
@click.option("--mode", type=click.Choice(["batched", "per-row"]), default="batched", show_default=True,
              help="per-row sends one statement per row (for benchmarks only)")
@format_option
@dask_option
def neo4j_load(sources, store, uri, user, password, database, batch_size, writers, mode, fmt, dask):
    """Load SOURCES (articles, curated files, folders) or a built store into Neo4j; loading
    twice changes nothing.

    \b
    Examples:
      healthgraph neo4j load articles/ agreements.yaml
      healthgraph neo4j load --store kg/
      healthgraph neo4j load articles/ --uri bolt://localhost:7687 --user neo4j

    The password comes from NEO4J_PASSWORD, --password-file or --ask-password, never the
    command line; a neo4j+s:// URI reaches a hosted server (Aura). With --dask
    tcp://HOST:8786 the articles are extracted on a Dask cluster (its workers must see the
    same files); only their facts come back to be merged and loaded.
    """
    from ..neo4j.load import neo4j_load as run
    from ..output import emit

    skipped = SkippedSources()
    report = run(list(sources), uri=uri, user=user, password=password, database=database,
                 batch_size=batch_size, writers=writers, mode=mode.replace("-", "_"), on_error=skipped,
                 store=store, dask=dask)
    emit(report.rows(), ["item", "count"], fmt, title=f"loaded into {report.uri}")
    skipped.exit()


@main.command("cypher")
@click.argument("query")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=TEXT|NAME:=JSON",
              help="query parameter $NAME: text (a name, alias or id for an organisation or province), "
                   "or JSON after := (repeatable)")
@connection_options
@format_option
def cypher(query, params, uri, user, password, database, fmt):
    """Run the Cypher QUERY (text, .cypher file or shipped query name; every statement of a
    file) and print the rows.

    \b
    Examples:
      healthgraph cypher 'MATCH (h:Hospital) RETURN h.id, h.name LIMIT 5'
      healthgraph cypher dependants -p hospital="Bạch Mai" --format json
      healthgraph cypher 'MATCH (o:Organisation) WHERE o.tier = $tier RETURN count(*) AS n' -p tier=central
    """
    from ..neo4j.cypher import cypher as run
    from ..output import emit
    from ..params import parse_pairs

    rows = run(query, parse_pairs(params), uri=uri, user=user, password=password, database=database)
    emit(rows, fmt=fmt)
