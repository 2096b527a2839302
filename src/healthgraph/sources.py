"""Turn a mix of SOURCES (articles and curated agreement files) into one :class:`Corpus`.

Articles (``.txt``, ``.html``/``.htm``, ``.jsonl`` corpora, folders of them) go through the
extraction pipeline; curated files (``.yaml``/``.yml``, ``.csv``, ``.json``) go through the
structured loader and override extracted facts for the same agreement. A bad file is
reported (one line naming it) and skipped; it never aborts the run. An answer key (gold
facts to score against, such as the ``gold.jsonl`` that ``healthgraph synth`` writes
beside its articles) is not a source: it is skipped and said in one line (a ``logging`` warning, on stderr
unless logging is set up otherwise).
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .errors import HealthgraphError, InputError, one_line
from .model import Corpus, DocumentFacts

CURATED_SUFFIXES = {".yaml", ".yml", ".csv", ".json"}
_log = logging.getLogger(__name__)  # notices; with no logging set up, Python prints them on stderr


STORE_MARKER = "healthgraph-store.json"  # a store folder's own files are never articles (see rdf.store)
# A JSONL record of the gold format (score.py, healthgraph synth) has these, and no article text.
ANSWER_KEY_FIELDS = {"orgs", "partnerships"}
_ARTICLE_TEXT_FIELDS = {"text", "content", "html"}  # the fields extraction.reader takes an article from
_SNIFF_CHARS = 1 << 20  # enough for the first record of any answer key


def walk_files(paths: Iterable[str | Path], on_error: Callable[[HealthgraphError], None]) -> list[Path]:
    """The regular files named by ``paths``, folders walked in sorted order (hidden files and
    store folders left out, answer keys skipped with a logged warning); a path that does not
    exist, or is no regular file (a FIFO, a device), goes to ``on_error`` as an :class:`InputError`."""
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
    sources = []
    for f in files:
        if is_answer_key(f):
            _log.warning("skipped %s: an answer key (gold facts), not articles", one_line(f))
        else:
            sources.append(f)
    return sources


def is_answer_key(path: Path) -> bool:
    """Whether ``path`` is a JSONL file of gold cases (``orgs``/``partnerships``, no article
    text), recognised by its first record whatever its name.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp(), "gold.jsonl")
    >>> _ = p.write_text('{"id": "a1", "orgs": [], "partnerships": []}', encoding="utf-8")
    >>> is_answer_key(p)
    True
    >>> _ = p.write_text('{"id": "a1", "text": "Bệnh viện Bạch Mai ...", "orgs": []}', encoding="utf-8")
    >>> is_answer_key(p)
    False
    """
    from .extraction.reader import JSONL_SUFFIXES  # imported here: the extraction package imports this module

    if path.suffix.lower() not in JSONL_SUFFIXES:
        return False
    try:
        with open(path, encoding="utf-8-sig") as stream:  # its first record only (a corpus may be gigabytes)
            line, left = "", _SNIFF_CHARS
            while left > 0 and not line.strip() and (line := stream.readline(left)):
                left -= len(line)
        record = json.loads(line)
    except (OSError, UnicodeDecodeError, ValueError):
        return False  # no recognisable key: read as articles, the reader says what is wrong
    return (isinstance(record, dict) and bool(ANSWER_KEY_FIELDS & record.keys())
            and not _ARTICLE_TEXT_FIELDS & record.keys())


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
               show_progress: bool = True, dask: Any = None) -> Iterator[DocumentFacts]:
    """Yield the facts of every source; curated files come last so that they win. ``dask`` (a
    ``distributed.Client`` or a scheduler address) extracts the articles on a Dask cluster."""
    from .extraction import extract_iter
    from .loaders.structured import load_structured

    articles, curated = split_sources(paths, on_error)
    yield from extract_iter(articles, on_error=on_error, show_progress=show_progress, dask=dask)
    for path in curated:
        try:
            yield from load_structured(path)
        except HealthgraphError as exc:
            if on_error is None:
                raise
            on_error(exc)


def load_corpus(paths: Iterable[str | Path], on_error: Callable[[HealthgraphError], None] | None = None,
                show_progress: bool = True, dask: Any = None) -> Corpus:
    """Return the merged :class:`Corpus` of ``paths`` (articles extracted on a Dask cluster
    with ``dask``, as in :func:`iter_facts`: only their facts come back to this process).

    Examples
    --------
    >>> corpus = load_corpus([])
    >>> len(corpus.organisations)
    0
    """
    return Corpus.from_facts(iter_facts(paths, on_error=on_error, show_progress=show_progress, dask=dask))
