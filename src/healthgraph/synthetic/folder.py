"""``synth``: write a synthetic corpus to a folder, with its answer key ``gold.jsonl``."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

from ..errors import HealthgraphError, InputError
from .articles import iter_articles

ANSWER_KEY = "gold.jsonl"


def synth(articles: int = 100, hospitals: int = 100, out: str | Path = "synth", seed: int = 0,
          languages: str | Sequence[str] | dict | None = None, jsonl: bool = False) -> dict:
    """Write a synthetic corpus of agreement articles and its answer key.

    Parameters
    ----------
    articles : int
        Number of articles.
    hospitals : int
        Size of the world of hospitals the articles talk about.
    out : str or Path
        Output folder, created if needed: ``<id>.txt`` per article (or one
        ``articles.jsonl`` with ``jsonl=True``) and ``gold.jsonl``.
    seed : int
        Same seed, same corpus.
    languages : str, list or dict, optional
        ``"vi,de,en"``, a list of codes, or weights ``{"vi": 0.8, "de": 0.1, "en": 0.1}`` (default).
    jsonl : bool
        Write one JSONL corpus (``id``, ``text``, ``language``, ``source``, ``published_on``
        per line) instead of text files.

    Returns
    -------
    dict
        Summary: ``out``, ``articles``, per-language counts, ``negative``,
        ``partnerships``, ``techniques``, ``gold``.

    Examples
    --------
    >>> import tempfile
    >>> summary = synth(articles=5, hospitals=20, out=tempfile.mkdtemp(), seed=1)
    >>> summary["articles"]
    5

    Score an extractor on it (``healthgraph extract DIR`` skips the answer key)::

        python score.py --gold DIR/gold.jsonl --texts DIR --run 'healthgraph extract {files} --format json'
    """
    if articles < 0:
        raise HealthgraphError(f"articles must be 0 or more, got {articles}")
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(out, f"cannot create the output folder ({exc.strerror})") from exc
    counts = {"articles": 0, "vi": 0, "de": 0, "en": 0, "negative": 0, "partnerships": 0, "techniques": 0}
    corpus = open(out / "articles.jsonl", "w", encoding="utf-8") if jsonl else None
    try:
        with open(out / ANSWER_KEY, "w", encoding="utf-8") as gold:
            for text, case in iter_articles(articles, hospitals, seed, languages):
                if corpus is not None:
                    corpus.write(json.dumps({"id": case["id"], "text": text, "language": case["lang"],
                                             "source": case["source"], "published_on": case["published_on"]},
                                            ensure_ascii=False) + "\n")
                else:
                    (out / f"{case['id']}.txt").write_text(text, encoding="utf-8")
                gold.write(json.dumps(case, ensure_ascii=False) + "\n")
                counts["articles"] += 1
                counts[case["lang"]] += 1
                counts["negative"] += case["negative"]
                counts["partnerships"] += len(case["partnerships"])
                counts["techniques"] += len(case["techniques"])
    finally:
        if corpus is not None:
            corpus.close()
    return {"out": str(out), **counts, "gold": str(out / ANSWER_KEY)}
