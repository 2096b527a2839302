"""``healthgraph evaluate``: score extraction against your own gold annotations."""
from __future__ import annotations

import json
import sys

import click

from . import main


@main.command("evaluate")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--texts", type=click.Path(file_okay=False, exists=True), default=None,
              help="folder of <id>.txt texts for gold cases without a 'text' field")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table for people; json: scores per fact type and per language")
@click.option("--diff", is_flag=True, help="also list every missed and every extra fact, with its sentence")
def evaluate_command(gold, texts, fmt, diff):
    """Extract the texts of a GOLD.jsonl file and score the facts against it.

    Prints precision, recall and F1 of organisations, partnerships and techniques, overall
    and per language, the share of partnerships whose direction is right, and the false
    partnerships found in negative cases.

    \b
    Examples:
      healthgraph evaluate my-gold.jsonl
      healthgraph evaluate my-gold.jsonl --texts articles/ --format json
      healthgraph evaluate my-gold.jsonl --diff
    """
    from ..evaluation import evaluate, summary_line
    from ..output import emit

    result = evaluate(gold, texts)
    scores = result.to_dict()
    if fmt == "json":
        if diff:
            scores["differences"] = [vars(d) for d in result.differences]
        json.dump(scores, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    emit(result.table(), ["language", "facts", "precision", "recall", "f1", "direction", "false on negatives"],
         "table", title=f"{scores['cases']} cases")
    if diff:
        emit([vars(d) for d in result.differences], ["case", "fact", "status", "what", "evidence"], "table",
             title="differences")
    click.echo(summary_line(scores))
