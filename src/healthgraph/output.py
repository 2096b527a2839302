"""Print results for people (tables) and for programs (JSON, CSV).

Every command that returns rows goes through :func:`emit`, so ``--format table|json|csv``
behaves the same everywhere.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from typing import Any, Iterable, Sequence, TextIO

FORMATS = ("table", "json", "csv")


class Rows(list):
    """The rows (dicts) a query returns, with its column names in :attr:`columns` (there
    even when no row came back): what ``query``, ``sparql`` and ``cypher`` return, and
    :func:`emit` prints.

    >>> rows = Rows([{"id": "bach-mai", "name": "Bệnh viện Bạch Mai"}], ["id", "name"])
    >>> rows, rows.columns
    ([{'id': 'bach-mai', 'name': 'Bệnh viện Bạch Mai'}], ['id', 'name'])
    >>> rows.tuples()
    [('bach-mai', 'Bệnh viện Bạch Mai')]
    """

    def __init__(self, rows: Iterable[dict] = (), columns: Iterable[str] = ()):
        super().__init__(rows)
        self.columns = list(columns)

    def tuples(self) -> list[tuple]:
        """The rows as tuples in column order (to compare or sort results)."""
        return [tuple(row.get(c) for c in self.columns) for row in self]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # one convention for every command and backend, as JSON and SPARQL write them
        return "true" if value else "false"
    if isinstance(value, (list, tuple, set)):
        return "; ".join(_cell(v) for v in value)
    return str(value)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    """Numbers as numbers (a negative one is no formula), everything else as :func:`_cell` text."""
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else _cell(value)


def spreadsheet_safe(value: Any) -> Any:
    r"""A CSV cell a spreadsheet will not run as a formula: text that starts like one
    ("=HYPERLINK(…)", "+1", "@SUM(…)") gets a leading apostrophe, as OWASP advises; numbers
    stay numbers.

    >>> spreadsheet_safe('=HYPERLINK("http://x.example")'), spreadsheet_safe(-3), spreadsheet_safe("Bạch Mai")
    ('\'=HYPERLINK("http://x.example")', -3, 'Bạch Mai')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def emit(rows: Iterable[dict], columns: Sequence[str] | None = None, fmt: str = "table",
         stream: TextIO | None = None, title: str | None = None) -> None:
    """Write ``rows`` (dicts) as a rich table, a JSON array or CSV with a header.

    Parameters
    ----------
    rows : iterable of dict
    columns : sequence of str, optional
        Column order; the columns of :class:`Rows`, else the keys of the first row.
    fmt : {"table", "json", "csv"}
    stream : text stream, optional
        ``sys.stdout`` by default.
    title : str, optional
        Table caption (tables only).
    """
    stream = stream or sys.stdout
    columns = columns if columns is not None else getattr(rows, "columns", None)
    rows = list(rows)
    if columns is None:
        columns = list(rows[0].keys()) if rows else []
    if fmt == "json":
        json.dump([{c: r.get(c) for c in columns} for r in rows], stream, ensure_ascii=False, indent=2, default=str)
        stream.write("\n")
    elif fmt == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([spreadsheet_safe(_csv_cell(r.get(c))) for c in columns])
    elif fmt == "table":
        _print_table(rows, columns, stream, title)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _width(stream: TextIO) -> int | None:
    """The columns to fit: ``$COLUMNS`` when set, the terminal's, or 200 for a file or a pipe."""
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    return None if stream.isatty() else 200


def _print_table(rows: list[dict], columns: Sequence[str], stream: TextIO, title: str | None) -> None:
    """A table when it fits the width; otherwise one block per record ("column  value" lines),
    so that no header breaks mid-word and no name wraps over five lines."""
    from rich.console import Console
    from rich.markup import escape
    from rich.measure import Measurement
    from rich.table import Table

    console = Console(file=stream, soft_wrap=False, width=_width(stream))
    table = Table(title=title, show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*(escape(_cell(r.get(c))) for c in columns))
    natural = Measurement.get(console, console.options.update_width(10**6), table).maximum  # unwrapped width
    if not rows or natural <= console.width:
        console.print(table)
    else:
        if title:
            console.print(f"[bold]{escape(title)}[/bold]")
        for number, r in enumerate(rows, 1):
            record = Table(show_header=False, box=None, padding=(0, 1), title=f"── {number} of {len(rows)} ──",
                           title_justify="left")
            record.add_column(no_wrap=True, style="bold")
            record.add_column(overflow="fold")
            for c in columns:
                record.add_row(escape(c), escape(_cell(r.get(c))))
            console.print(record)
    if not rows:
        stream.write("(no rows)\n")


def progress(iterable, total: int | None = None, description: str = "working", enabled: bool = True):
    """Iterate with a rich progress bar on stderr (silent when stderr is not a terminal)."""
    if not enabled or not sys.stderr.isatty():
        yield from iterable
        return
    from rich.progress import Progress
    from rich.console import Console

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=total)
        for item in iterable:
            yield item
            bar.advance(task)
