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
    from ..output import emit
    from ..extraction import extract_iter

    if dask and jobs != 1:
        raise click.UsageError("--jobs and --dask exclude each other: with --dask the cluster's workers extract")
    skipped = SkippedSources()
    read = 0

    def results():  # each document's facts as they come: a corpus is never held whole
        nonlocal read
        for facts in extract_iter(paths, jobs=jobs, on_error=skipped, show_progress=True, dask=dask):
            read += 1
            if facts.skipped:  # the article is kept; what a fault cost is said
                click.echo(one_line(f"Warning: {facts.document.path or facts.document.id}: {len(facts.skipped)} "
                                    f"sentence(s) skipped by an extraction fault ({facts.skipped[0]})"), err=True)
            yield facts

    if fmt == "json":
        _json_stream((f.to_dict() for f in results()), skipped.problems, sys.stdout)
    else:
        rows = []
        for facts in results():
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
    skipped.exit(read=read)


def _json_stream(documents, errors: list[str], out) -> None:
    r"""Write ``{"documents": [...], "errors": [...]}`` as ``json.dump(..., indent=1)`` writes it, each
    document as it comes (``errors`` is read after the last document, when it is complete).

    >>> import io
    >>> out = io.StringIO(); _json_stream(iter([{"a": [1]}, {}]), ["x: bad"], out)
    >>> out.getvalue() == json.dumps({"documents": [{"a": [1]}, {}], "errors": ["x: bad"]}, indent=1) + "\n"
    True
    >>> out = io.StringIO(); _json_stream(iter([]), [], out)
    >>> out.getvalue() == json.dumps({"documents": [], "errors": []}, indent=1) + "\n"
    True
    """
    out.write('{\n "documents": [')
    count = 0
    for document in documents:
        text = json.dumps(document, ensure_ascii=False, indent=1)  # a newline in a string is written \\n
        out.write(("," if count else "") + "\n  " + text.replace("\n", "\n  "))
        count += 1
    out.write("\n ],\n" if count else "],\n")
    out.write(' "errors": ' + json.dumps(errors, ensure_ascii=False, indent=1).replace("\n", "\n ") + "\n}\n")
