"""Turn a mix of SOURCES (articles and curated agreement files) into one :class:`Corpus`.

Articles (``.txt``, ``.html``/``.htm``, ``.jsonl`` corpora, folders of them) go through the
extraction pipeline; curated files (``.yaml``/``.yml``, ``.csv``, ``.json``) go through the
structured loader and override extracted facts for the same agreement. A bad file is
reported (one line naming it) and skipped; it never aborts the run.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import HealthgraphError, InputError
from .model import Corpus, DocumentFacts

CURATED_SUFFIXES = {".yaml", ".yml", ".csv", ".json"}


STORE_MARKER = "healthgraph-store.json"  # a store folder's own files are never articles (see rdf.store)


def walk_files(paths: Iterable[str | Path], on_error: Callable[[HealthgraphError], None]) -> list[Path]:
    """The regular files named by ``paths``, folders walked in sorted order (hidden files and
    store folders left out); a path that does not exist, or is no regular file (a FIFO, a
    device), goes to ``on_error`` as an :class:`InputError`."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(_walk(path))
        elif path.is_file():
            files.append(path)
        elif path.exists():
            on_error(InputError(path, "not a regular file (a device or a pipe is never read)"))
        else:
            on_error(InputError(path, "no such file or directory"))
    return files


def _walk(folder: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        if STORE_MARKER in names:  # "build . --store hg-store": the store is not read back as input
            dirs.clear()
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root, n) for n in names if not n.startswith(".") and Path(root, n).is_file()]
    return sorted(found)


def split_sources(paths: Iterable[str | Path],
                  on_error: Callable[[HealthgraphError], None] | None = None) -> tuple[list[Path], list[Path]]:
    """Split ``paths`` into (article paths, curated paths); folders are walked (see :func:`walk_files`)."""
    articles: list[Path] = []
    curated: list[Path] = []
    for f in walk_files(paths, on_error or _raise):
        (curated if f.suffix.lower() in CURATED_SUFFIXES else articles).append(f)
    return articles, curated


def _raise(exc: HealthgraphError) -> None:
    raise exc


def iter_facts(paths: Iterable[str | Path], on_error: Callable[[HealthgraphError], None] | None = None,
               show_progress: bool = True) -> Iterator[DocumentFacts]:
    """Yield the facts of every source; curated files come last so that they win."""
    from .extraction import extract_iter
    from .loaders.structured import load_structured

    articles, curated = split_sources(paths, on_error)
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
