"""The facts a store keeps: ``DIR/facts.sqlite3``, one JSON record per document, replaced as
its named graph is (``healthgraph build``).

The store's RDF, and every other projection read from a store (the property graph for
Neo4j and networkx, exports, pages), come from these facts through the same code as from
SOURCES, so a graph read back from a store holds what the sources gave; nothing is read
back out of RDF.

One SQLite file rather than a file per document: a million documents are one file, not a
million inodes of a disk block each, and writing a record costs a row in a batched
transaction instead of a file's create and rename (those took 0.85 ms a document during a
build on this project's benchmark machine, as long as the rest of the build together).
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import time
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .errors import HealthgraphError
from .model import DocumentFacts, facts_from_record, facts_record

FACTS_FILE = "facts.sqlite3"
OLD_FACTS_DIR = "facts"  # one JSON file per document, before FACTS_FILE: read, and moved into it by a build
BATCH = 500  # records written per transaction at most
BATCH_SECONDS = 0.5  # and at least this often: a slow build (a cluster's, an extraction's) keeps its records as it goes


def facts_path(store: str | Path) -> Path:
    return Path(store) / FACTS_FILE


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=60)
    db.execute("CREATE TABLE IF NOT EXISTS facts (document TEXT PRIMARY KEY, record TEXT NOT NULL) WITHOUT ROWID")
    return db


@contextmanager
def facts_writer(store: str | Path) -> Iterator[Callable[[DocumentFacts], None]]:
    """``keep(facts)`` keeps each document's facts in the store at ``store``, replacing its earlier
    ones; records are written :data:`BATCH` to a transaction, or every :data:`BATCH_SECONDS`, the
    last ones on leaving the block. A record that cannot be written fails the build in one line
    naming the file. A store of the older layout (``DIR/facts/``) has its records moved into the
    file first.

    >>> import tempfile
    >>> from healthgraph.model import Document
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     with facts_writer(folder) as keep:
    ...         keep(DocumentFacts(Document("d1", "")))
    ...     [f.document.id for f in read_facts(folder)]
    ['d1']
    """
    path = facts_path(store)
    waiting: list[tuple[str, str]] = []
    written = [time.monotonic()]

    def write() -> None:
        try:
            with db:  # one transaction
                db.executemany("INSERT OR REPLACE INTO facts VALUES (?, ?)", waiting)
        except sqlite3.Error as exc:
            raise HealthgraphError(f"{path}: facts records not written ({exc})") from None
        waiting.clear()
        written[0] = time.monotonic()

    def keep(facts: DocumentFacts) -> None:
        waiting.append(_row(facts))
        if len(waiting) >= BATCH or time.monotonic() - written[0] >= BATCH_SECONDS:
            write()

    try:
        db = _connect(path)
    except sqlite3.Error as exc:
        raise HealthgraphError(f"{path}: facts records not written ({exc})") from None
    with closing(db):
        old = Path(store) / OLD_FACTS_DIR
        if old.is_dir():
            waiting += map(_row, _read_old(old))
            write()
            shutil.rmtree(old)
        try:
            yield keep
        finally:  # what was stored in the graph meanwhile keeps its facts, whatever stopped the build
            write()


def _row(facts: DocumentFacts) -> tuple[str, str]:
    return facts.document.id, json.dumps(facts_record(facts), ensure_ascii=False)


def clear_facts(store: str | Path) -> None:
    """Forget every document's facts (``build --fresh``)."""
    path, old = facts_path(store), Path(store) / OLD_FACTS_DIR
    if path.is_file():
        with closing(_connect(path)) as db, db:
            db.execute("DELETE FROM facts")
    if old.is_dir():
        shutil.rmtree(old)


def read_facts(store: str | Path) -> list[DocumentFacts]:
    """Every document's facts kept in the store at ``store``, by document id."""
    path = facts_path(store)
    if not path.is_file():
        old = Path(store) / OLD_FACTS_DIR
        if old.is_dir():
            return _read_old(old)
        raise HealthgraphError(f"{store}: this store keeps no facts (built by an older healthgraph); rebuild it with "
                               f"`healthgraph build SOURCES --store {store} --fresh`")
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=60)) as db:
            rows = db.execute("SELECT document, record FROM facts").fetchall()
    except sqlite3.Error as exc:
        raise HealthgraphError(f"{path}: facts not readable ({exc}); rebuild the store with --fresh") from None
    return sorted((_facts(record, f"{path} (document {document!r})") for document, record in rows),
                  key=lambda f: f.document.id)


def _read_old(folder: Path) -> list[DocumentFacts]:
    return sorted((_facts(p.read_text(encoding="utf-8"), p) for p in folder.glob("*.json")),
                  key=lambda f: f.document.id)


def _facts(record: str, where: object) -> DocumentFacts:
    try:
        return facts_from_record(json.loads(record))
    except (ValueError, KeyError, TypeError) as exc:
        raise HealthgraphError(f"{where}: not a facts record ({type(exc).__name__}: {exc}); rebuild the store "
                               f"with --fresh") from exc
