"""Locate the reference data shipped with healthgraph.

The top-level folders ``loaders/``, ``queries/`` and ``ontology/`` of the source tree are
copied into the wheel as ``healthgraph/_data/<folder>``. An editable install or a plain
checkout reads them from the source tree instead.
"""
from __future__ import annotations

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
