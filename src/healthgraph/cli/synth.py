"""``healthgraph synth``: a synthetic corpus of agreement articles with its answer key."""
from __future__ import annotations

import click

from . import format_option, main


@main.command("synth")
@click.option("--articles", "-n", type=click.IntRange(min=0), default=100, show_default=True,
              help="number of articles")
@click.option("--hospitals", "-m", type=click.IntRange(min=2), default=100, show_default=True,
              help="hospitals in the synthetic world")
@click.option("-o", "--out", type=click.Path(file_okay=False), required=True, help="output folder")
@click.option("--seed", type=int, default=0, show_default=True, help="same seed, same corpus")
@click.option("--languages", default="vi,de,en", show_default=True,
              help="comma-separated languages (vi 80%, de 10%, en 10% when all three)")
@click.option("--jsonl", is_flag=True, help="write one articles.jsonl corpus instead of one .txt per article")
@format_option
def synth(articles, hospitals, out, seed, languages, jsonl, fmt):
    """Write ARTICLES synthetic articles and OUT/gold.jsonl, the answer key.

    `healthgraph extract OUT` and `healthgraph build OUT` read the articles and skip the
    answer key. Score an extractor on it with the shared scorer:
    score.py --gold OUT/gold.jsonl --texts OUT --run 'healthgraph extract {files} --format json'
    """
    from ..output import emit
    from ..synthetic import synth as run

    summary = run(articles=articles, hospitals=hospitals, out=out, seed=seed, languages=languages, jsonl=jsonl)
    emit([summary], fmt=fmt)
