"""``healthgraph query``: named questions with the same answers on every backend."""
from __future__ import annotations

import click

from ..queries.backends import BACKENDS
from . import format_option, main


@main.command()
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="a parameter of the query (names of hospitals/provinces in any spelling); repeatable")
@click.option("--backend", "-b", type=click.Choice(BACKENDS.names()), default="rdf", show_default=True,
              help="rdf: the store; sparql: your SPARQL endpoint; neo4j: the server; networkx: in memory, "
                   "from --source or the store")
@click.option("--store", type=click.Path(file_okay=False), default=None,
              help="store built by `healthgraph build` [default: ./hg-store]")
@click.option("--source", "sources", multiple=True, type=click.Path(exists=True),
              help="networkx: build the graph from these articles/curated files instead of the store")
@click.option("--uri", default=None, help="Neo4j bolt URI [default: $NEO4J_URI or bolt://127.0.0.1:7687]")
@click.option("--endpoint", default=None, metavar="URL",
              help="sparql: the SPARQL endpoint `build --sparql-endpoint` wrote [default: $SPARQL_ENDPOINT]; "
                   "credentials from SPARQL_USER and SPARQL_PASSWORD or SPARQL_PASSWORD_FILE")
@click.option("--queries-dir", type=click.Path(file_okay=False), default=None,
              help="a folder of your own NAME.rq / NAME.cypher queries, runnable by name")
@click.option("--list", "list_", is_flag=True, help="list the queries with their parameters and columns")
@format_option
def query(name, params, backend, store, sources, uri, endpoint, queries_dir, list_, fmt):
    """Run the named query NAME (see --list) on a backend.

    \b
    Examples:
      healthgraph query --list
      healthgraph query dependants --param hospital="BV Bạch Mai" --store kg/
      healthgraph query agreements-expiring -p date=2025-01-01 -p days=30 --backend neo4j
      healthgraph query organisations-by-province -p province="Lào Cai" -p tier=provincial --store kg/ --format csv
      healthgraph query my-question --queries-dir my-queries/ -p name=value --store kg/
      healthgraph query dependants -p hospital="Bạch Mai" --backend sparql --endpoint http://127.0.0.1:3030/ds
    """
    from ..errors import HealthgraphError
    from ..output import emit
    from ..queries import list_queries, query as run

    if list_:
        columns = ["name", "parameters", "columns", "description"] + (["source"] if queries_dir else [])
        emit(list_queries(queries_dir), columns, fmt)
        return
    if not name:
        raise HealthgraphError("name a query (`healthgraph query --list` shows them)")
    from ..params import parse_pairs

    given = parse_pairs(params)
    rows = run(name, given, backend=backend, store=store, sources=list(sources) or None, uri=uri,
               queries_dir=queries_dir, endpoint=endpoint)
    emit(rows, fmt=fmt, title=_title(name, given, queries_dir))


def _title(name: str, given: dict, queries_dir) -> str:
    """The query and the values it ran with, defaults included and "today" as the date it
    was, so that an empty answer says what it was an answer to."""
    from ..dates import day
    from ..queries.catalogue import get

    values = []
    for p in get(name, queries_dir).params:
        value = given.get(p.name, p.default)
        if p.type == "date" and str(value).strip().lower() == "today":
            value = day(value, p.name)
        values.append(f"{p.name}={value}")
    return f"{name} ({', '.join(values)})" if values else name
