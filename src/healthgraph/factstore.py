"""The facts a store keeps: ``DIR/facts/``, one JSON file per document, replaced as its
named graph is (``healthgraph build``).

The store's RDF, and every other projection read from a store (the property graph for
Neo4j and networkx, exports, pages), come from these facts through the same code as from
SOURCES, so a graph read back from a store holds what the sources gave; nothing is read
back out of RDF.
"""
from __future__ import annotations

import json
import os
from contextlib import contextmanager
from pathlib import Path
from queue import Queue
from threading import Thread
from typing import Callable, Iterator

from .errors import HealthgraphError
from .model import DocumentFacts, facts_from_record, facts_record, stable_id

FACTS_DIR = "facts"


def _file(store: Path, document_id: str) -> Path:
    return store / FACTS_DIR / f"{stable_id(document_id)}.json"  # any id, even one no file system takes


def _replace(path: Path, text: str) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)  # never a half-written record


@contextmanager
def facts_writer(store: str | Path) -> Iterator[Callable[[DocumentFacts], None]]:
    """``keep(facts)`` keeps each document's facts in the store at ``store``, replacing its earlier
    ones: each record is encoded at once and written to its file on a thread (the file system's
    calls release the GIL, so a build's mapping goes on meanwhile; they were a fifth of a first
    build). Leaving the block waits for every file; one that could not be written fails there, in
    one line naming it.

    >>> import tempfile
    >>> from healthgraph.model import Document
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     with facts_writer(folder) as keep:
    ...         keep(DocumentFacts(Document("d1", "")))
    ...     [f.document.id for f in read_facts(folder)]
    ['d1']
    """
    folder = Path(store) / FACTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    waiting: Queue = Queue(maxsize=1_000)  # bounded: at most a thousand encoded records wait
    failed: list[str] = []

    def write() -> None:
        while (item := waiting.get()) is not None:
            path, text = item
            if not failed:
                try:
                    _replace(path, text)
                except OSError as exc:
                    failed.append(f"{path}: facts record not written ({exc.strerror or exc})")

    def keep(facts: DocumentFacts) -> None:
        if failed:
            raise HealthgraphError(failed[0])
        waiting.put((_file(Path(store), facts.document.id), json.dumps(facts_record(facts), ensure_ascii=False)))

    writer = Thread(target=write, name="facts-writer", daemon=True)
    writer.start()
    try:
        yield keep
    finally:
        waiting.put(None)
        writer.join()
    if failed:
        raise HealthgraphError(failed[0])


def clear_facts(store: str | Path) -> None:
    """Forget every document's facts (``build --fresh``)."""
    folder = Path(store) / FACTS_DIR
    if folder.is_dir():
        for path in folder.glob("*.json"):
            path.unlink()


def read_facts(store: str | Path) -> list[DocumentFacts]:
    """Every document's facts kept in the store at ``store``, by document id."""
    folder = Path(store) / FACTS_DIR
    if not folder.is_dir():
        raise HealthgraphError(f"{store}: this store keeps no facts (built by an older healthgraph); rebuild it with "
                               f"`healthgraph build SOURCES --store {store} --fresh`")
    facts = []
    for path in sorted(folder.glob("*.json")):
        try:
            facts.append(facts_from_record(json.loads(path.read_text(encoding="utf-8"))))
        except (ValueError, KeyError, TypeError) as exc:
            raise HealthgraphError(f"{path}: not a facts record ({type(exc).__name__}: {exc}); rebuild the store "
                                   f"with --fresh") from exc
    return sorted(facts, key=lambda f: f.document.id)
