"""The catalogue of named queries: ``queries/NAME.rq`` + ``queries/NAME.cypher`` + a networkx function.

Each query file starts with a header of comment lines (``#`` in SPARQL, ``//`` in Cypher)
that is the same in both files::

    # description: Organisations that depend on a hospital ...
    # param: hospital organisation - the supporting hospital: name, alias or id
    # param: days int=90 - length of the window in days
    # columns: hospital dependant name direct:bool share:float

Parameter types say how a user's value is read: ``organisation`` and ``province`` are
resolved from a name to an id (:mod:`healthgraph.resolve`), ``date`` an ISO day (default ``today``),
``int``, ``tier`` (a tier or ``any``) and ``str`` are checked and passed on. Column types
(``str`` by default, ``int``, ``float``, ``bool``) say how every backend's values are
normalised so that the three backends give identical rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import HealthgraphError, InputError

PARAM_TYPES = ("organisation", "province", "date", "int", "tier", "str")
COLUMN_TYPES = ("str", "int", "float", "bool", "list")  # list: "; "-joined, sorted, each once
SUFFIXES = {"rdf": ".rq", "neo4j": ".cypher"}
_COMMENT = re.compile(r"^\s*(?:#|//)\s?(.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s+(?P<type>\w+)(?:=(?P<default>\S+))?\s*(?:-\s*(?P<doc>.*))?$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str = "str"
    default: str | None = None
    doc: str = ""

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass
class QuerySpec:
    """One named query: its documentation and the files implementing it per backend."""

    name: str
    description: str = ""
    params: list[Param] = field(default_factory=list)
    columns: list[tuple[str, str]] = field(default_factory=list)  # (name, type)
    files: dict[str, Path] = field(default_factory=dict)          # backend -> file
    user: bool = False                                            # from --queries-dir

    @property
    def column_names(self) -> list[str]:
        return [c for c, _ in self.columns]


def parse_header(path: Path) -> dict:
    """Read the header of a query file: ``{"description", "params", "columns"}`` (empty if none)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read the query ({exc})") from None
    return parse_header_text(text, path)


def parse_header_text(text: str, path: object = "query") -> dict:
    r"""The header of a query's text (see :func:`parse_header`); ``path`` names it in errors.

    >>> [(p.name, p.type) for p in parse_header_text("# param: hospital organisation\nSELECT")["params"]]
    [('hospital', 'organisation')]
    """
    description: list[str] = []
    params: list[Param] = []
    columns: list[tuple[str, str]] = []
    for line in text.splitlines():
        match = _COMMENT.match(line)
        if not match:
            if line.strip():
                break  # the header ends at the first line of query text
            continue
        body = match.group(1).strip()
        key, _, value = body.partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "description":
            description.append(value)
        elif key == "param":
            m = _PARAM.match(value)
            if not m or m.group("type") not in PARAM_TYPES:
                raise InputError(path, f"bad parameter line {body!r}: write 'param: NAME TYPE[=DEFAULT] - what it is' "
                                       f"with TYPE one of {', '.join(PARAM_TYPES)}")
            params.append(Param(m.group("name"), m.group("type"), m.group("default"), (m.group("doc") or "").strip()))
        elif key == "columns":
            for item in value.split():
                name, _, ctype = item.partition(":")
                ctype = ctype or "str"
                if ctype not in COLUMN_TYPES:
                    raise InputError(path, f"column {name!r} has unknown type {ctype!r} ({', '.join(COLUMN_TYPES)})")
                columns.append((name, ctype))
    return {"description": " ".join(description), "params": params, "columns": columns}


def scan(folder: Path, user: bool = False) -> dict[str, QuerySpec]:
    """Every query in ``folder`` by name (``NAME.rq`` and/or ``NAME.cypher``).

    When both files exist their headers must agree: same parameters, same columns.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(folder, "no such queries folder")
    specs: dict[str, QuerySpec] = {}
    for backend, suffix in SUFFIXES.items():
        for path in sorted(folder.glob(f"*{suffix}")):
            name = path.name[: -len(suffix)]
            header = parse_header(path)
            spec = specs.get(name)
            if spec is None:
                specs[name] = QuerySpec(name, header["description"], header["params"], header["columns"],
                                        {backend: path}, user)
                continue
            if (spec.params, spec.columns) != (header["params"], header["columns"]):
                raise InputError(path, f"its header (parameters, columns) differs from {spec.files['rdf'].name}")
            spec.files[backend] = path
    return specs


def shipped_catalogue() -> dict[str, QuerySpec]:
    """The named queries shipped in ``queries/``."""
    from ..resources import data_dir

    return scan(data_dir("queries"))


def catalogue(queries_dir: str | Path | None = None) -> dict[str, QuerySpec]:
    """Shipped queries plus a user's folder (a user query of the same name replaces the shipped one)."""
    specs = shipped_catalogue()
    if queries_dir is not None:
        specs.update(scan(Path(queries_dir), user=True))
    return specs


def get(name: str, queries_dir: str | Path | None = None) -> QuerySpec:
    specs = catalogue(queries_dir)
    if name not in specs:
        raise HealthgraphError(f"no query named {name!r}; `healthgraph query --list` shows them")
    return specs[name]
