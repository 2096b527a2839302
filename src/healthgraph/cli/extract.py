"""``healthgraph extract``: facts from articles, as JSON or tables."""
from __future__ import annotations

import json
import sys

import click

from . import SkippedSources, dask_option, main
from ..errors import one_line


@main.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True,
              help="json: the documented extraction contract; table: partnerships for people")
@click.option("--jobs", "-j", type=int, default=1, show_default=True, help="worker processes (0 = one per core)")
@dask_option
def extract_command(paths, fmt, jobs, dask):
    """Extract organisations, partnerships and techniques from articles (text, HTML, JSONL).

    Bad files are reported on stderr, one line each, and skipped; the exit status is 0
    when every file was read, 1 when some were skipped, 2 when none could be read. A fault of the extractor on one sentence skips that
    sentence only: the article's other facts are kept and a warning names it.
    """
    from ..extraction import extract
    from ..output import emit

    if dask and jobs != 1:
        raise click.UsageError("--jobs and --dask exclude each other: with --dask the cluster's workers extract")
    skipped = SkippedSources()
    results = extract(paths, jobs=jobs, on_error=skipped, show_progress=True, dask=dask)
    for facts in results:  # the article is kept; what a fault cost is said
        if facts.skipped:
            click.echo(one_line(f"Warning: {facts.document.path or facts.document.id}: {len(facts.skipped)} "
                                f"sentence(s) skipped by an extraction fault ({facts.skipped[0]})"), err=True)
    if fmt == "json":
        json.dump({"documents": [f.to_dict() for f in results], "errors": skipped.problems}, sys.stdout,
                  ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        rows = []
        for facts in results:
            names = {o.id: o.name for o in facts.organisations}
            for p in facts.partnerships:
                rows.append({"document": facts.document.id, "kind": p.kind,
                             "supporter": names.get(p.supporter, ""),
                             "parties": " – ".join(names.get(x, x) for x in p.parties),
                             "date": p.signed_on, "valid_to": p.valid_to})
            for t in facts.techniques:
                rows.append({"document": facts.document.id, "kind": "technique",
                             "supporter": names.get(t.source, ""), "parties": f"{t.name} → {names.get(t.recipient, '?')}",
                             "date": t.date, "valid_to": None})
        emit(rows, ["document", "kind", "supporter", "parties", "date", "valid_to"], "table")
    skipped.exit(read=len(results))
