"""Locate the reference data shipped with healthgraph.

The top-level folders ``loaders/``, ``queries/`` and ``ontology/`` of the source tree are
copied into the wheel as ``healthgraph/_data/<folder>``. An editable install or a plain
checkout reads them from the source tree instead.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    """Return the folder holding shipped data ``name`` (``loaders``, ``queries`` or ``ontology``).

    Parameters
    ----------
    name : str
        One of the top-level data folders.

    Returns
    -------
    pathlib.Path
        The installed copy inside the package if present, else the source-tree folder.

    Examples
    --------
    >>> (data_dir("loaders") / "gazetteer").is_dir()
    True
    """
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"healthgraph data folder {name!r} is missing from the installation")


def data_file(name: str, *parts: str) -> Path:
    """Return the path of a shipped data file, e.g. ``data_file("loaders", "gazetteer", "provinces.yaml")``."""
    return data_dir(name).joinpath(*parts)


def query_text(query_or_file: str | Path, suffixes: tuple[str, ...]) -> str:
    """The text of a query given as the query itself, a file, or the name of a shipped query
    (``queries/<name><suffixes[0]>``). A name that looks like a file (one of ``suffixes``, or a
    path with "/") but is none is an error rather than a query.

    Examples
    --------
    >>> query_text("RETURN 1 AS x", (".cypher",))
    'RETURN 1 AS x'
    >>> query_text("dependants", (".cypher",)).startswith("// description:")
    True
    """
    from .errors import InputError

    text = str(query_or_file)
    if "\n" in text or len(text) >= 1024:
        return text
    path = Path(text)
    if path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot read the query ({exc})") from None
    if _QUERY_NAME.match(text):
        try:
            shipped = data_file("queries", text + suffixes[0])
        except FileNotFoundError:
            shipped = None
        if shipped is not None and shipped.is_file():
            return shipped.read_text(encoding="utf-8")
    if text.lower().endswith(suffixes) or ("/" in text and " " not in text):
        raise InputError(path, "no such query file")
    return text


_QUERY_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
