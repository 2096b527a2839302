"""Extraction on a real Dask cluster (a ``distributed.LocalCluster`` of two worker processes):
the same facts, errors and store as a local run, partitions read by the workers themselves
(runs of files, JSONL byte ranges), and a worker killed mid-run losing and repeating nothing."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner
from distributed import Client, LocalCluster

from healthgraph import cluster
from healthgraph.cli import main
from healthgraph.cluster import Dask, plan
from healthgraph.extraction import extract
from healthgraph.extraction.reader import count_newlines, read_jsonl
from healthgraph.factstore import facts_path
from healthgraph.rdf.build import build
from healthgraph.rdf.store import open_store
from healthgraph.synthetic import synth

from jsonl_helpers import ARTICLE, tricky_jsonl


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50) as local, Client(local) as dask_client:
        yield dask_client


def corpus(root: Path) -> Path:
    """Synthetic text articles, a JSONL corpus, curated facts and two bad files."""
    synth(articles=40, hospitals=30, out=root / "txt", seed=4)
    synth(articles=40, hospitals=30, out=root / "jl", seed=5, jsonl=True)
    tricky_jsonl(root / "jl" / "tricky.jsonl")
    (root / "txt" / "empty.txt").write_text("  \n", encoding="utf-8")
    (root / "txt" / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (root / "curated.yaml").write_text(
        "agreements:\n  - id: agr-cur-1\n    parties: [bach-mai, bvdk-lai-chau]\n    supporter: bach-mai\n"
        "    kind: satellite\n    signed_on: '2018-03-01'\n", encoding="utf-8")
    return root


def run(paths, **kwargs):
    errors: list = []
    facts = [f.to_dict() for f in extract(paths, on_error=errors.append, **kwargs)]
    return facts, [str(e) for e in errors]


@pytest.mark.parametrize("size", [1, 7, 40, 133, 1000])
def test_byte_ranges_read_every_line_once_numbered_as_the_whole_file(tmp_path, size):
    path = tricky_jsonl(tmp_path / "t.jsonl")
    whole = [(getattr(i, "id", None), getattr(i, "path", None), str(i) if isinstance(i, Exception) else i.text)
             for i in read_jsonl(path)]
    length = path.stat().st_size
    pieces, before = [], 0
    for start in range(0, length, size):
        end = min(start + size, length)
        pieces += [(getattr(i, "id", None), getattr(i, "path", None), str(i) if isinstance(i, Exception) else i.text)
                   for i in read_jsonl(path, start, end, before)]
        before += count_newlines(path, start, end)
    assert pieces == whole and len(whole) > 18


def test_the_plan_reads_only_sizes_and_keeps_the_corpus_order(tmp_path):
    root = corpus(tmp_path)
    files = sorted(p for p in root.rglob("*") if p.is_file())
    parts = plan(files, partition_bytes=4096)
    listed = []
    for p in parts:
        listed += list(p.files) if p.jsonl is None else ([p.jsonl] if p.start == 0 else [])
    assert listed == [str(f) for f in files]
    assert any(p.jsonl and p.start > 0 for p in parts) and any(len(p.files) > 1 for p in parts)


def test_extract_on_dask_gives_the_facts_and_errors_of_a_local_run(tmp_path, client):
    root = corpus(tmp_path)
    local = run([root / "txt", root / "jl"])
    on_dask = run([root / "txt", root / "jl"], dask=Dask(client, partition_bytes=3000))
    assert on_dask == local
    facts, errors = local
    assert len(facts) > 90 and any("tricky.jsonl:" in e for e in errors)
    assert any("repeats an earlier line" in e for e in errors) and any("empty.txt: empty file" in e for e in errors)


def test_the_cli_on_dask_prints_the_json_of_a_local_run(tmp_path, client, monkeypatch):
    root = corpus(tmp_path)
    monkeypatch.chdir(root)  # relative paths: the workers find them from the client's folder
    monkeypatch.setattr(cluster, "PARTITION_BYTES", 5000)
    local = CliRunner().invoke(main, ["extract", "txt", "jl", "--format", "json"])
    on_dask = CliRunner().invoke(main, ["extract", "txt", "jl", "--format", "json",
                                        "--dask", client.scheduler.address])
    assert on_dask.exit_code == local.exit_code == 1  # the bad files were skipped and said
    assert on_dask.stdout == local.stdout and json.loads(local.stdout)["documents"]
    facts, errors = run(["txt", "jl"])  # the streamed JSON is what json.dump writes of the whole result
    assert local.stdout == json.dumps({"documents": facts, "errors": errors}, ensure_ascii=False, indent=1) + "\n"


def contents(store_dir: Path):
    """Every quad the store holds and every document's kept facts."""
    with open_store(store_dir, read_only=True) as store:
        quads = set(store.quads())
    with closing(sqlite3.connect(facts_path(store_dir))) as db:
        kept = dict(db.execute("SELECT document, record FROM facts"))
    return quads, kept


def kept_records(store_dir: Path) -> int:
    """How many documents' facts a store being built has written so far."""
    if not facts_path(store_dir).is_file():
        return 0
    with closing(sqlite3.connect(facts_path(store_dir), timeout=60)) as db:
        try:
            return db.execute("SELECT COUNT(*) FROM facts").fetchone()[0]
        except sqlite3.OperationalError:  # the table is not made yet
            return 0


def test_build_on_dask_stores_what_a_local_build_stores(tmp_path, client):
    root = corpus(tmp_path / "corpus")
    build([root], store=tmp_path / "local", on_error=lambda e: None, show_progress=False)
    report = build([root], store=tmp_path / "dask", on_error=lambda e: None, show_progress=False,
                   dask=Dask(client, partition_bytes=3000))
    assert contents(tmp_path / "dask") == contents(tmp_path / "local")
    assert len(report.documents) > 90
    # a second build on the cluster (the incremental path) changes nothing
    build([root], store=tmp_path / "dask", on_error=lambda e: None, show_progress=False,
          dask=Dask(client, partition_bytes=3000))
    assert contents(tmp_path / "dask") == contents(tmp_path / "local")


def test_an_unreachable_scheduler_is_one_line_naming_it(tmp_path, monkeypatch, free_port):
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 1)
    (tmp_path / "a.txt").write_text(ARTICLE.format(province="Sơn La"), encoding="utf-8")
    address = f"tcp://127.0.0.1:{free_port}"
    for command in (["extract", str(tmp_path)], ["build", str(tmp_path), "--store", str(tmp_path / "kg")]):
        result = CliRunner().invoke(main, [*command, "--dask", address])
        assert result.exit_code == 1
        assert result.stderr.startswith(f"Error: cannot reach the Dask scheduler at {address}")
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_scheduler_without_workers_is_one_line_not_a_wait_forever(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "WORKER_SECONDS", 1)
    (tmp_path / "a.txt").write_text(ARTICLE.format(province="Sơn La"), encoding="utf-8")
    with LocalCluster(n_workers=0, processes=True, dashboard_address=None, silence_logs=50) as empty:
        result = CliRunner().invoke(main, ["extract", str(tmp_path), "--dask", empty.scheduler_address])
    assert result.exit_code == 1
    assert result.stderr == f"Error: the Dask scheduler at {empty.scheduler_address} has no workers (waited 1 s)\n"


def test_jobs_and_dask_exclude_each_other(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--jobs", "2", "--dask", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "--jobs and --dask exclude each other" in result.stderr


def test_a_worker_killed_mid_build_loses_nothing_and_repeats_nothing(tmp_path, client):
    root = tmp_path / "corpus"
    synth(articles=500, hospitals=60, out=root, seed=9, jsonl=True)
    clean_report = build([root], store=tmp_path / "clean", show_progress=False)
    clean = contents(tmp_path / "clean")

    done = threading.Event()
    failure: list[BaseException] = []
    reports = []

    def run_build() -> None:
        try:
            reports.append(build([root], store=tmp_path / "killed", show_progress=False,
                                 dask=Dask(client, partition_bytes=30000)))
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            failure.append(exc)
        finally:
            done.set()

    pids = client.run(os.getpid)
    thread = threading.Thread(target=run_build)
    thread.start()
    killed, lost = None, ()
    deadline = time.monotonic() + 120
    while killed is None and not done.is_set() and time.monotonic() < deadline:
        busy = [(w, keys) for w, keys in client.processing().items() if keys and w in pids]
        if busy and kept_records(tmp_path / "killed") >= 20:
            (worker, lost), *_ = busy
            killed = pids[worker]
            os.kill(killed, signal.SIGKILL)  # the partition it was extracting is lost with it
        else:
            time.sleep(0.02)
    thread.join(timeout=300)
    assert killed is not None, "the build ended before a worker could be killed"
    assert not failure, failure
    assert any(str(key).startswith("healthgraph-extract-") for key in lost)  # a partition was lost mid-extraction
    assert contents(tmp_path / "killed") == clean
    assert reports[0].documents == clean_report.documents  # each document stored once, in the corpus order
    client.wait_for_workers(2, timeout=60)  # the nanny started another worker
    assert killed not in client.run(os.getpid).values()


@pytest.mark.neo4j
def test_neo4j_load_on_dask_loads_what_a_local_load_does(tmp_path, client):
    import neo4j

    from healthgraph.neo4j.load import neo4j_load

    sources = [str(p) for p in sorted((corpus(tmp_path) / "txt").iterdir()) if p.name != "gold.jsonl"]
    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")

    def loaded(**kwargs) -> tuple[int, int]:
        with neo4j.GraphDatabase.driver(uri, auth=("neo4j", os.environ.get("NEO4J_PASSWORD", "neo4j"))) as driver:
            driver.execute_query("MATCH (n) DETACH DELETE n")
            neo4j_load(sources, uri=uri, on_error=lambda exc: None, show_progress=False, **kwargs)
            nodes = driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
            rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n").records[0]["n"]
        return nodes, rels

    local = loaded()
    assert local[1] > 0
    assert loaded(dask=client) == local
