"""``healthgraph build | sparql | serve | validate``: the RDF knowledge graph and its store."""
from __future__ import annotations

import sys

import click

from . import SkippedSources, dask_option, format_option, main


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("--store", type=click.Path(file_okay=False), help="store folder (created if missing)")
@click.option("--backend", "kind", type=click.Choice(["oxigraph", "memory"]), default=None,
              help="store kind for a new store [default: oxigraph]")
@click.option("--sparql-endpoint", metavar="URL", default=None,
              help="write into your own SPARQL 1.1 store instead of --store (e.g. a Fuseki dataset URL); "
                   "credentials from SPARQL_USER and SPARQL_PASSWORD or SPARQL_PASSWORD_FILE")
@click.option("--graph-store", metavar="URL", default=None,
              help="the server's Graph Store Protocol URL, if not the endpoint's")
@click.option("--update-endpoint", metavar="URL", default=None,
              help="the server's SPARQL Update URL, if not the endpoint's")
@click.option("--sparql-user", default=None, help="user for the endpoint [default: $SPARQL_USER]")
@click.option("--sparql-password-file", type=click.Path(dir_okay=False), default=None,
              help="file whose first line is the endpoint's password [default: $SPARQL_PASSWORD_FILE, $SPARQL_PASSWORD]")
@click.option("--fresh", is_flag=True, help="empty the store first instead of updating it")
@click.option("--quiet", "-q", is_flag=True, help="no progress bar")
@dask_option
def build(sources, store, kind, sparql_endpoint, graph_store, update_endpoint, sparql_user, sparql_password_file,
          fresh, quiet, dask):
    """Ingest SOURCES (articles, curated .yaml/.json/.csv) into the RDF store DIR.

    Incremental: each document replaces its own named graph; building twice changes
    nothing. Bad files are reported and skipped, and the rest is stored; the exit status
    says so to scripts: 0 all read, 1 some skipped, 2 none could be read (a path typo).
    With --dask tcp://HOST:8786 the articles are extracted on a Dask cluster (its workers
    must see the same files) and stored as they come back; the store ends the same.

    \b
    Examples:
      healthgraph build articles/ curated/ --store kg/
      healthgraph build new-article.txt --store kg/
      healthgraph build articles/ --sparql-endpoint http://127.0.0.1:3030/ds
    """
    from ..errors import HealthgraphError
    from ..rdf.build import build as run

    if (store is None) == (sparql_endpoint is None):
        raise HealthgraphError("say where to build: --store DIR or --sparql-endpoint URL (one of them)")
    if sparql_endpoint is None and (graph_store or update_endpoint or sparql_user or sparql_password_file):
        raise HealthgraphError("--graph-store, --update-endpoint, --sparql-user and --sparql-password-file go with "
                               "--sparql-endpoint")
    if sparql_endpoint is not None and kind is not None:
        raise HealthgraphError("--backend chooses the kind of a store folder; a SPARQL endpoint is its own server")
    endpoint = None
    if sparql_endpoint is not None:
        from ..rdf.sparql_store import endpoint_settings

        endpoint = endpoint_settings(sparql_endpoint, update=update_endpoint, graph_store=graph_store,
                                     user=sparql_user, password_file=sparql_password_file)
        store = sparql_endpoint
    skipped = SkippedSources()
    report = run(list(sources), store=None if endpoint else store, kind=kind, fresh=fresh, on_error=skipped,
                 show_progress=not quiet, sparql_endpoint=endpoint, dask=dask)
    skipped_note = f", {len(report.errors)} file(s) skipped" if report.errors else ""
    if report.restarted:
        click.echo(f"note: {store}: an earlier build was interrupted while loading it; the store was started over "
                   f"with these sources only", err=True)
    if report.incomplete:
        reasons = sorted({reason for _doc, _id, reason in report.incomplete})
        click.echo(f"note: {len(report.incomplete)} incomplete fact(s) not stored ({'; '.join(reasons)})", err=True)
    written = "" if report.writes is None else f" ({report.writes} write request(s))"
    click.echo(f"built {len(report.documents)} document(s){skipped_note}: {report.quads} quads in "
               f"{report.graphs} graphs, {report.kind} store {store}{written}", err=True)
    skipped.exit(read=len(report.documents))


@main.command()
@click.argument("query")
@click.option("--store", type=click.Path(file_okay=False), help="store built by `healthgraph build`")
@click.option("--endpoint", metavar="URL", default=None,
              help="ask this SPARQL endpoint (written by `build --sparql-endpoint`) instead of --store; "
                   "credentials from SPARQL_USER and SPARQL_PASSWORD or SPARQL_PASSWORD_FILE")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="bind ?NAME: text (a name, alias or id for an organisation or province parameter), "
                   "<iri> or hgid:… for an IRI; repeatable")
@click.option("--allow-service", "allow_service", multiple=True, metavar="URL",
              help="an endpoint a SERVICE clause may call (none by default); repeatable")
@format_option
def sparql(query, store, endpoint, params, allow_service, fmt):
    """Run a SPARQL QUERY (text, .rq file or shipped query name) on the store.

    \b
    Examples:
      healthgraph sparql 'SELECT ?h WHERE { ?h a hg:Hospital }' --store kg/
      healthgraph sparql dependants --store kg/ --param hospital="Bạch Mai" --format json
      healthgraph sparql hubs --endpoint http://127.0.0.1:3030/ds
    """
    from ..output import emit
    from ..rdf.sparql import sparql as run

    result = run(query, store=store, params=list(params), allow_service=allow_service, endpoint=endpoint)
    if isinstance(result, bool):
        emit([{"result": result}], ["result"], fmt)
        if not result:
            sys.exit(1)  # ASK answered no: usable in shell conditions
        return
    emit(result, fmt=fmt)


@main.command()
@click.option("--store", required=True, type=click.Path(file_okay=False), help="store built by `healthgraph build`")
@click.option("--port", default=7878, show_default=True, help="TCP port; 0 picks a free one")
@click.option("--host", default="127.0.0.1", show_default=True, help="interface to listen on")
@click.option("--snapshot", is_flag=True, help="serve a private copy so the store can be rebuilt meanwhile")
@click.option("--timeout", "query_timeout", default=30.0, show_default=True, help="seconds a query may run")
@click.option("--allow-service", "allow_service", multiple=True, metavar="URL",
              help="an endpoint a SERVICE clause may call (none by default); repeatable")
def serve(store, port, host, snapshot, query_timeout, allow_service):
    """Start a read-only SPARQL 1.1 endpoint (the oxigraph server) over the store.

    \b
    Example:
      healthgraph serve --store kg/ --port 7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE {?s ?p ?o} LIMIT 5' http://127.0.0.1:7878/query
    """
    from ..rdf.serve import serve as run

    run(store, port=port, host=host, snapshot=snapshot, block=True, echo=lambda m: click.echo(m, err=True),
        query_timeout=query_timeout, allow_service=allow_service)


@main.command()
@click.argument("sources", nargs=-1, type=click.Path())
@click.option("--store", type=click.Path(file_okay=False), help="store built by `healthgraph build`")
@click.option("--shapes", type=click.Path(dir_okay=False, exists=True), help="SHACL shapes [default: ontology/shapes.ttl]")
@format_option
def validate(sources, store, shapes, fmt):
    """Check the store or SOURCES (also .ttl/.nq files) against the SHACL shapes.

    Prints each violation (focus node, path, message); exit status 1 if any, or if a
    source could not be read (it is skipped and named; the rest is checked).

    \b
    Examples:
      healthgraph validate --store kg/
      healthgraph validate my-edits.ttl
    """
    from ..rdf.validate import validate as run

    skipped = SkippedSources()
    report = run(list(sources), store=store, shapes=shapes, on_error=skipped)
    if report.violations or fmt != "table":
        from ..output import emit

        emit(report.violations, ["focus", "path", "message", "value"], fmt,
             title=f"{len(report.violations)} SHACL violation(s)")
    if report.sources_read == 0:
        click.echo("nothing validated: no source could be read", err=True)
    elif report.conforms:
        click.echo(f"valid: {report.triples} triples conform to the SHACL shapes", err=True)
    else:
        click.echo(f"invalid: {len(report.violations)} violation(s)", err=True)
        sys.exit(1)
    skipped.exit()
