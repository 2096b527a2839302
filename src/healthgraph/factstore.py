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
from pathlib import Path

from .errors import HealthgraphError
from .model import DocumentFacts, facts_from_record, facts_record, stable_id

FACTS_DIR = "facts"


def _file(store: Path, document_id: str) -> Path:
    return store / FACTS_DIR / f"{stable_id(document_id)}.json"  # any id, even one no file system takes


def write_facts(store: str | Path, facts: DocumentFacts) -> None:
    """Keep ``facts`` in the store at ``store``, replacing the document's earlier facts."""
    path = _file(Path(store), facts.document.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(facts_record(facts), ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)  # never a half-written record


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
