"""The file that makes a folder a store: ``healthgraph-store.json``, naming the store's
``kind`` and ``format``; read, checked and written here."""
from __future__ import annotations

import json
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Collection, Iterator

from ..errors import HealthgraphError
from ..sources import STORE_MARKER

META_FILE = STORE_MARKER
STORE_FORMAT = 2  # 2: the oxigraph default graph holds the union of the named graphs
# The version of the derived facts ``build`` keeps (``derived`` in the description); 2: the
# recipients' support summaries (hg:supportAgreements, hg:supportSources) beside the shortcuts.
DERIVED_VERSION = 2


def read_meta(path: str | Path, kinds: Collection[str], partial_ok: bool = False) -> dict | None:
    """The description in a store folder (``kind``, ``format``), or ``None`` if the folder is
    not a store; a ``kind`` not among ``kinds``, an unknown ``format`` or, unless
    ``partial_ok``, a store marked ``loading`` (:func:`loading`) is an error."""
    meta = Path(path) / META_FILE
    if not meta.is_file():
        return None
    try:
        described = json.loads(meta.read_text(encoding="utf-8"))
        kind, version = described["kind"], described.get("format", 1)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:  # not JSON, not an object, no kind
        raise HealthgraphError(f"{meta}: not a healthgraph store description ({type(exc).__name__}: {exc})") from exc
    if not isinstance(kind, str) or kind not in kinds:
        raise HealthgraphError(f"{meta}: unknown store kind {kind!r} (expected one of {', '.join(kinds)})")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= STORE_FORMAT:
        raise HealthgraphError(f"{meta}: unknown store format {version!r} (this healthgraph reads 1 to {STORE_FORMAT})")
    if described.get("loading") and not partial_ok:
        raise HealthgraphError(f"{path}: this store is incomplete (a build was interrupted while loading it); "
                               f"rebuild it with `healthgraph build SOURCES --store {path}`")
    return described


@contextmanager
def loading(path: Path) -> Iterator[None]:
    """Mark the store at ``path`` as being loaded while the block runs. A bulk load is no
    transaction, so the mark stays if the block fails or the process dies: readers then
    refuse the half-loaded store instead of answering from it."""
    update_meta(path, loading=True)
    yield
    update_meta(path, loading=None)


def write_meta(path: Path, meta: dict) -> None:
    tmp = path / (META_FILE + ".tmp")
    tmp.write_text(json.dumps(meta) + "\n", encoding="utf-8")
    os.replace(tmp, path / META_FILE)  # a build killed while writing it leaves the old description, never half


def update_meta(path: Path, **changes) -> dict:
    """Set (``None``: remove) entries of the description in the store folder ``path``; return what it held."""
    meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
    write_meta(path, {k: v for k, v in {**meta, **changes}.items() if v is not None})
    return meta


def check_derived(path: str | Path, meta: dict) -> None:
    """Refuse, in one line, a store whose derived facts are older than the queries need."""
    held = meta.get("derived", 1)
    if held != DERIVED_VERSION:
        raise HealthgraphError(f"{path}: this store's derived facts are version {held}, this healthgraph's queries "
                               f"need version {DERIVED_VERSION}; bring them up to date with "
                               f"`healthgraph build SOURCES --store {path}` (any sources, or --fresh to rebuild)")


def materialises_union(meta: dict | None) -> bool:
    """Whether an oxigraph store so described keeps the union in its default graph (format 2);
    a folder not described yet is a new store, which does."""
    return meta is None or meta.get("format", 1) >= 2
