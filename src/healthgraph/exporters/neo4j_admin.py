"""CSV files for ``neo4j-admin database import full``: a bulk load into an empty database.

``OUT`` is a folder holding ``nodes_<Labels>.csv`` per label set (``id:ID``, ``:LABEL``,
typed properties such as ``resolved:boolean``, ``mentions:string[]``),
``relationships_<TYPE>.csv`` per type (``:START_ID``, ``:END_ID``, ``:TYPE``, properties)
and ``import.sh``, which runs the import with the options these files need: list
elements and labels are separated by U+001F (text may hold ``;``) and quoted values may
span lines (evidence sentences)::

    NEO4J_HOME=/path/to/neo4j sh OUT/import.sh neo4j
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from ..neo4j import schema

FORMATS = ("neo4j-admin",)
SUFFIX = ""
INPUT = "graph"
DESCRIPTION = "folder of neo4j-admin database import CSVs (nodes/relationships per type) with import.sh"
ARRAY_DELIMITER = "\x1f"
IMPORT_OPTIONS = ("--array-delimiter=U+001F", "--multiline-fields=true")


def _type_of(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, list):
        kinds = {_type_of(v) for v in value}
        element = kinds.pop() if len(kinds) == 1 else ("double" if kinds <= {"long", "double"} else "string")
        return element + "[]"
    return "string"


def column_type(values: list) -> str:
    """The neo4j-admin type of a column: the common type of its values, else ``string``.

    Examples
    --------
    >>> column_type([True, False]), column_type([1, 2.5]), column_type([["a"], []]), column_type([1, "a"])
    ('boolean', 'double', 'string[]', 'string')
    """
    kinds = {_type_of(v) for v in values if not (isinstance(v, list) and not v)} or {"string[]"}
    if len(kinds) == 1:
        return kinds.pop()
    if kinds <= {"long", "double"}:
        return "double"
    if kinds <= {"long[]", "double[]"}:
        return "double[]"
    return "string"


def _cell(value, kind: str) -> str:
    if value is None:
        return ""
    if kind.endswith("[]"):
        return ARRAY_DELIMITER.join(_cell(v, kind[:-2]) for v in value)
    if kind == "boolean":
        return "true" if value else "false"
    if isinstance(value, list):  # a list in a column of mixed types
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _write_table(path: Path, head: list[str], fixed: list[list[str]], props: list[dict]) -> None:
    """Write ``fixed`` columns then one typed column per property key (``name`` first)."""
    keys = sorted({k for p in props for k in p}, key=lambda k: (k != "name", k))
    kinds = {k: column_type([p[k] for p in props if k in p]) for k in keys}
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(head + [k if kinds[k] == "string" else f"{k}:{kinds[k]}" for k in keys])
        for cells, p in zip(fixed, props):
            writer.writerow(cells + [_cell(p.get(k), kinds[k]) for k in keys])


def write(graph, out_path: Path) -> list[Path]:
    """Write the import CSVs of ``graph`` and ``import.sh`` into the folder ``out_path``."""
    folder = Path(out_path)
    folder.mkdir(parents=True, exist_ok=True)
    node_files, rel_files = [], []
    for labels, nodes in schema.node_groups(graph).items():
        path = folder / ("nodes_" + "_".join(labels) + ".csv")
        _write_table(path, ["id:ID", ":LABEL"], [[n.id, ARRAY_DELIMITER.join(labels)] for n in nodes],
                     [schema.node_properties(n) for n in nodes])
        node_files.append(path)
    by_type: dict[str, list] = {}
    for (rel_type, *_), edges in schema.edge_groups(graph).items():
        by_type.setdefault(rel_type, []).extend(edges)
    for rel_type, edges in by_type.items():
        path = folder / f"relationships_{rel_type}.csv"
        _write_table(path, [":START_ID", ":END_ID", ":TYPE"], [[e.source, e.target, e.type] for e in edges],
                     [schema.edge_properties(e, None) for e in edges])
        rel_files.append(path)
    script = folder / "import.sh"
    script.write_text(
        "#!/bin/sh\n"
        "# Bulk-load these CSVs into an EMPTY database (default name: neo4j) of the Neo4j at $NEO4J_HOME;\n"
        "# stop that database first. Usage: sh import.sh [DATABASE]\n"
        'cd "$(dirname "$0")" || exit 1\n'
        'exec "${NEO4J_ADMIN:-$NEO4J_HOME/bin/neo4j-admin}" database import full "${1:-neo4j}" \\\n'
        + "".join(f"  {option} \\\n" for option in IMPORT_OPTIONS)
        + "".join(f"  --nodes={p.name} \\\n" for p in node_files)
        + " \\\n".join(f"  --relationships={p.name}" for p in rel_files) + "\n",
        encoding="utf-8")
    script.chmod(0o755)
    return node_files + rel_files + [script]
