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


def warn_skipped(problem) -> None:
    """One line on stderr for a source that was skipped (the rest of the run goes on)."""
    click.echo(f"warning: skipped {one_line(problem)}", err=True)


format_option = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                             show_default=True, help="table for people, json or csv for programs")

for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_module.name}")
