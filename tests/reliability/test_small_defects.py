"""The small defects of issue 12: each one as a user meets it, through the command line or
the store it lives in."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from healthgraph.cli import main
from healthgraph.errors import HealthgraphError


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "healthgraph", *map(str, args)], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


def test_a_file_name_with_a_newline_stays_on_its_one_line(tmp_path, article):
    (tmp_path / "good.txt").write_text(article, encoding="utf-8")
    (tmp_path / "forged\nwarning: skipped all.txt").write_bytes(b"")
    result = run("build", tmp_path, "--store", tmp_path / "kg")
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == ["warning: skipped " + str(tmp_path) + "/forged\\nwarning: skipped all.txt: empty file"]
    assert result.returncode == 1 and "built 1 document(s)" in result.stderr


def test_a_file_larger_than_it_says_is_still_cut_at_the_limit(tmp_path, monkeypatch):
    from healthgraph.extraction import reader

    monkeypatch.setattr(reader, "MAX_BYTES", 64)
    errors = []
    from healthgraph import extract

    assert extract(["/proc/self/status"], on_error=errors.append, show_progress=False) == []  # st_size is 0 there
    assert [e.problem for e in errors] == ["file too large (65 bytes or more; the limit is 64 bytes, 0 MiB)"]


def test_a_sparql_parameter_that_is_no_iri_is_one_line(tmp_path, article):
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    assert run("build", tmp_path / "a.txt", "--store", tmp_path / "kg").returncode == 0
    result = run("sparql", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", "--store", tmp_path / "kg", "-p", 'o=hgid:x"y')
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == ["Error: 'hgid:x\"y' is not a valid IRI: the characters "
                                                  "<>\"{}|^`\\ and spaces cannot occur in one"]


@pytest.mark.parametrize("description, problem", [
    ('{"kind": "foo"}', "unknown store kind 'foo'"),
    ('{"kind": ["oxigraph"]}', "unknown store kind ['oxigraph']"),
    ('{"kind": "oxigraph", "format": "2"}', "unknown store format '2'"),
    ("[]", "not a healthgraph store description (TypeError"),
    ("{", "not a healthgraph store description (JSONDecodeError"),
])
def test_a_tampered_store_description_is_one_line_and_the_store_untouched(tmp_path, article, description, problem):
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    store = tmp_path / "kg"
    assert run("build", tmp_path / "a.txt", "--store", store).returncode == 0
    meta = store / "healthgraph-store.json"
    original = meta.read_text(encoding="utf-8")
    meta.write_text(description, encoding="utf-8")
    for args in (("sparql", "ASK { ?s ?p ?o }", "--store", store), ("build", tmp_path / "a.txt", "--store", store)):
        result = run(*args)
        assert result.returncode != 0 and "Traceback" not in result.stderr
        assert result.stderr.strip().splitlines()[-1].startswith(f"Error: {meta}: {problem}")
    meta.write_text(original, encoding="utf-8")
    assert json.loads(run("sparql", "ASK { ?s ?p ?o }", "--store", store, "--format", "json").stdout) == [{"result": True}]


def test_csv_cells_that_look_like_formulas_are_not_formulas(tmp_path):
    curated = tmp_path / "evil.yaml"
    curated.write_text(json.dumps({"agreements": [{"parties": ["bach-mai", '=HYPERLINK("http://x.example","x")'],
                                                   "kind": "support", "supporter": "bach-mai"}]}), encoding="utf-8")
    store = tmp_path / "kg"
    assert run("build", curated, "--store", store).returncode == 0
    out = CliRunner().invoke(main, ["query", "dependants", "-p", "hospital=Bạch Mai", "--store", str(store),
                                    "--format", "csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert [r["name"] for r in rows] == ["'=HYPERLINK(\"http://x.example\",\"x\")"]
    assert run("export", "--store", store, "--format", "csv", "-o", tmp_path / "edges.csv").returncode == 0
    nodes = list(csv.DictReader(open(tmp_path / "edges.nodes.csv", encoding="utf-8")))
    assert not any(value.startswith(("=", "+", "@")) for row in nodes for value in row.values())


def test_two_writers_of_one_memory_store_never_lose_documents(tmp_path, article):
    from healthgraph.rdf.store import open_store

    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    (tmp_path / "b.txt").write_text(article.replace("Phú Thọ", "Sơn La"), encoding="utf-8")
    store = tmp_path / "kg"
    assert run("build", tmp_path / "a.txt", "--store", store, "--backend", "memory").returncode == 0
    writer = open_store(store)  # a build in progress holds the store
    try:
        second = run("build", tmp_path / "b.txt", "--store", store)
        assert second.returncode == 1
        assert second.stderr.strip() == (f"Error: {store}: cannot open the memory store: another process is writing "
                                         f"it (stop that build first)")
        with pytest.raises(HealthgraphError, match="another process is writing it"):
            open_store(store)
        assert len(open_store(store, read_only=True)) == len(writer)  # readers are welcome
    finally:
        writer.close()
    assert run("build", tmp_path / "b.txt", "--store", store).returncode == 0
    graphs = open_store(store, read_only=True).graphs()
    assert {str(g).rsplit("/", 1)[1] for g in graphs} >= {"a", "b"}


def test_an_allowed_service_that_fails_is_one_line(tmp_path, article, free_port):
    endpoint = f"http://127.0.0.1:{free_port}/sparql"  # nobody listens there
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    assert run("build", tmp_path / "a.txt", "--store", tmp_path / "kg").returncode == 0
    result = run("sparql", f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}", "--store", tmp_path / "kg",
                 "--allow-service", endpoint)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error: SPARQL query failed:")


@pytest.mark.parametrize("command", [["build", "--store", "{tmp}/kg"], ["extract", "--format", "json"], ["validate"],
                                     ["export", "--format", "gexf", "-o", "{tmp}/g.gexf"],
                                     ["viz", "-o", "{tmp}/page.html"],
                                     pytest.param(["neo4j", "load"], marks=pytest.mark.neo4j)])
def test_exit_status_says_whether_every_source_was_read(tmp_path, article, command):
    """0: all read; 1: some skipped (and named), the rest used; 2 for build and extract when none could be read."""
    good, empty = tmp_path / "good.txt", tmp_path / "empty.txt"
    good.write_text(article, encoding="utf-8")
    empty.write_bytes(b"")
    argv = [a.replace("{tmp}", str(tmp_path)) for a in command]
    everything = run(*argv, good)
    assert everything.returncode == 0, everything.stderr
    some = run(*argv, good, empty)
    assert some.returncode == 1, some.stderr
    assert "empty.txt: empty file" in some.stderr and "Traceback" not in some.stderr
    nothing = run(*argv, empty)
    assert nothing.returncode == (2 if command[0] in ("build", "extract") else 1), nothing.stderr
