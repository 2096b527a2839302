"""Every example in a ``--help`` text runs, in a folder laid out as the examples assume
(articles/, curated/, agreements.yaml, a store kg/ built by the first ``build`` example)."""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from healthgraph.cli import main

pytestmark = pytest.mark.neo4j  # `neo4j load`, `cypher` and `query --backend neo4j` examples

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_BLOCK = re.compile(r"^\s*Examples?:\s*$")
# commands that make what later ones read run first: the store, then the Neo4j graph
FIRST = ("build", "neo4j load")


def help_examples() -> list[tuple[str, str]]:
    """(command path, example line) for every example line of every command's help."""
    found = []

    def walk(command: click.Command, path: tuple[str, ...]) -> None:
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, (*path, name))
            return
        in_block = False
        for line in (command.help or "").splitlines():
            if EXAMPLE_BLOCK.match(line):
                in_block = True
            elif not line.strip():
                in_block = False
            elif in_block:
                found.append((" ".join(path), line.strip()))

    walk(main, ())
    return sorted(found, key=lambda item: next((i for i, first in enumerate(FIRST) if item[0] == first), len(FIRST)))


ALL_EXAMPLES = help_examples()
EXAMPLES = [(command, line) for command, line in ALL_EXAMPLES if line.startswith("healthgraph ")]
EXAMPLE_ENDPOINT = "http://127.0.0.1:3030/ds"  # scripts/fuseki-server.sh's dataset on its default port
# a curl line asks the endpoint started by the serve example before it
CURL = {command: line for command, line in ALL_EXAMPLES if line.startswith("curl ")}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """The files the examples name, made from the repository's example data."""
    root = tmp_path_factory.mktemp("help-examples")
    shutil.copytree(REPO / "examples" / "articles", root / "articles")
    shutil.copytree(REPO / "examples" / "curated", root / "curated")
    shutil.copy(next((REPO / "examples" / "curated").glob("*.yaml")), root / "agreements.yaml")
    (root / "new-article.txt").write_text(
        "Bệnh viện Chợ Rẫy ký kết hợp tác với Bệnh viện Đa khoa tỉnh Bình Phước để chuyển giao kỹ thuật "
        "can thiệp mạch vành.", encoding="utf-8")
    (root / "my-gold.jsonl").write_text(json.dumps({
        "id": "my-case", "language": "vi",
        "text": "Bệnh viện Bạch Mai nhận Bệnh viện Đa khoa tỉnh Sơn La làm bệnh viện vệ tinh.",
        "orgs": [{"key": "bm", "names": ["Bệnh viện Bạch Mai"], "kind": "hospital"},
                 {"key": "sl", "names": ["Bệnh viện Đa khoa tỉnh Sơn La"], "kind": "hospital", "province": "Sơn La"}],
        "partnerships": [{"parties": ["bm", "sl"], "supporter": "bm", "kind": "satellite"}],
        "techniques": [], "negative": False}, ensure_ascii=False) + "\n", encoding="utf-8")
    (root / "my-queries").mkdir()
    (root / "my-queries" / "my-question.rq").write_text(
        "# description: organisations whose name contains a text\n"
        "# param: name str - a part of the name\n"
        "# columns: org label\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?org ?label WHERE { ?org rdfs:label ?label FILTER(CONTAINS(LCASE(STR(?label)), LCASE(?name))) }\n",
        encoding="utf-8")
    return root


def test_the_help_texts_carry_examples_and_every_line_is_run():
    commands = {command for command, _ in EXAMPLES}
    assert {"build", "query", "sparql", "cypher", "export", "viz", "validate", "evaluate", "neo4j load",
            "serve"} <= commands
    assert len(EXAMPLES) + len(CURL) == len(ALL_EXAMPLES), [line for _, line in ALL_EXAMPLES]


@pytest.fixture(scope="module")
def neo4j_empty():
    from healthgraph.neo4j.cypher import cypher

    cypher("MATCH (n) DETACH DELETE n")
    yield
    cypher("MATCH (n) DETACH DELETE n")


@pytest.mark.parametrize("command, example", EXAMPLES, ids=[f"{c}: {e[:60]}" for c, e in EXAMPLES])
def test_every_help_example_runs(workspace, neo4j_empty, monkeypatch, free_port, request, command, example):
    monkeypatch.chdir(workspace)
    args = shlex.split(example)
    if EXAMPLE_ENDPOINT in args:  # the examples name Fuseki's default dataset; the tests' one may be elsewhere
        endpoint = request.getfixturevalue("sparql_endpoint")
        args = [endpoint if a == EXAMPLE_ENDPOINT else a for a in args]
    if os.environ.get("NEO4J_URI"):  # the examples name Neo4j's default port; the tests' server may be elsewhere
        args = [os.environ["NEO4J_URI"] if re.match(r"^(bolt|neo4j)://(localhost|127\.0\.0\.1):7687$", a) else a
                for a in args]
    if command in CURL:
        _serve_and_ask(workspace, args, command, free_port)
        return
    if "my-edits.ttl" in args and not (workspace / "my-edits.ttl").exists():
        from healthgraph.exporters import export

        export(None, "turtle", workspace / "my-edits.ttl", store=workspace / "kg")
    result = CliRunner().invoke(main, args[1:], catch_exceptions=False)
    assert result.exit_code == 0, f"{example}\n{result.output}"


def _serve_and_ask(workspace: Path, args: list[str], command: str, port: str) -> None:
    """Start the endpoint as the example does (on a free port), then run the example's curl line."""
    args = [port if a == "7878" else a for a in args]
    curl = CURL[command].replace("7878", port)
    server = subprocess.Popen([sys.executable, "-m", "healthgraph", *args[1:]], cwd=workspace,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", int(port)), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "the endpoint did not start"
                time.sleep(0.2)
        answer = subprocess.run(["bash", "-c", curl], cwd=workspace, capture_output=True, text=True, timeout=30)
        header, *rows = answer.stdout.splitlines()
        assert answer.returncode == 0 and set(header.split(",")) == {"s", "p", "o"} and rows, answer.stderr
    finally:
        server.terminate()
        server.wait(timeout=30)
