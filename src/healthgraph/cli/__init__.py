"""The ``healthgraph`` command line.

Each family of commands lives in its own module of this package and registers on
:data:`main` when imported; every command is a thin wrapper over the Python API
function of the same name. Modules import heavy libraries inside their commands, so
``healthgraph extract`` does not pay for rdflib or neo4j.
"""
from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from ..errors import HealthgraphError, one_line


class _Group(click.Group):
    """Turn :class:`HealthgraphError` into a one-line message and exit status 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except HealthgraphError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="healthgraph")
def main() -> None:
    """Build a knowledge graph of hospital cooperation agreements from news articles."""


class SkippedSources:
    """The ``on_error`` of a command that reads SOURCES: one warning line per skipped source
    (the rest of the run goes on), then the exit status a script expects (:meth:`exit`)."""

    def __init__(self) -> None:
        self.problems: list[str] = []  # each skipped source's problem, for a program's output

    @property
    def count(self) -> int:
        return len(self.problems)

    def __call__(self, problem) -> None:
        self.problems.append(str(problem))
        click.echo(f"warning: skipped {one_line(problem)}", err=True)

    def exit(self, read: int | None = None) -> None:
        """Exit 1 when a source was skipped (the rest was used), 2 when ``read`` says none could be read."""
        if self.count:
            sys.exit(2 if read == 0 else 1)


format_option = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                             show_default=True, help="table for people, json or csv for programs")

dask_option = click.option("--dask", metavar="SCHEDULER_ADDRESS", default=None,
                           help="extract on a Dask cluster (e.g. tcp://host:8786; needs healthgraph[dask])")

for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_module.name}")
