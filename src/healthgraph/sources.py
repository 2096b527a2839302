"""Turn a mix of SOURCES (articles and curated agreement files) into one :class:`Corpus`.

Articles (``.txt``, ``.html``/``.htm``, ``.jsonl`` corpora, folders of them) go through the
extraction pipeline; curated files (``.yaml``/``.yml``, ``.csv``, ``.json``) go through the
structured loader and override extracted facts for the same agreement. A bad file is
reported (one line naming it) and skipped; it never aborts the run.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import HealthgraphError
from .model import Corpus, DocumentFacts

CURATED_SUFFIXES = {".yaml", ".yml", ".csv", ".json"}


def split_sources(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """Split ``paths`` into (article paths, curated paths); folders are walked."""
    articles: list[Path] = []
    curated: list[Path] = []
    for raw in paths:
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            (curated if f.suffix.lower() in CURATED_SUFFIXES else articles).append(f)
    return articles, curated


def iter_facts(paths: Iterable[str | Path], on_error: Callable[[HealthgraphError], None] | None = None,
               show_progress: bool = True) -> Iterator[DocumentFacts]:
    """Yield the facts of every source; curated files come last so that they win."""
    from .extraction import extract_iter
    from .loaders.structured import load_structured

    articles, curated = split_sources(paths)
    yield from extract_iter(articles, on_error=on_error, show_progress=show_progress)
    for path in curated:
        try:
            yield from load_structured(path)
        except HealthgraphError as exc:
            if on_error is None:
                raise
            on_error(exc)


def load_corpus(paths: Iterable[str | Path], on_error: Callable[[HealthgraphError], None] | None = None,
                show_progress: bool = True) -> Corpus:
    """Return the merged :class:`Corpus` of ``paths``.

    Examples
    --------
    >>> corpus = load_corpus([])
    >>> len(corpus.organisations)
    0
    """
    return Corpus.from_facts(iter_facts(paths, on_error=on_error, show_progress=show_progress))
