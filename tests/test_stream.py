"""A JSONL corpus streams through ``extract`` and ``build`` (#15): :func:`healthgraph.extraction.extract_iter`
reads a large JSONL file a byte range at a time, with the facts, errors and output of a whole-file read."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import healthgraph.extraction as extraction
from healthgraph.cli import main
from healthgraph.errors import InputError
from healthgraph.extraction import _extract_path, _file_results, extract_iter
from healthgraph.synthetic import synth

from jsonl_helpers import tricky_jsonl


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("stream")
    synth(articles=30, hospitals=30, out=root / "jl", seed=5, jsonl=True)
    synth(articles=5, hospitals=30, out=root / "txt", seed=4)
    tricky_jsonl(root / "jl" / "tricky.jsonl")
    (root / "jl" / "again.jsonl").write_text('{"id": "r1", "text": "Bệnh viện Bạch Mai."}\n', encoding="utf-8")
    return root


WHOLE = 1 << 62  # a STREAM_BYTES no file reaches: every file read whole


def collect(paths, range_bytes, monkeypatch):
    monkeypatch.setattr(extraction, "STREAM_BYTES", range_bytes)
    errors: list = []
    facts = [f.to_dict() for f in extract_iter(paths, on_error=errors.append, show_progress=False)]
    return facts, [str(e) for e in errors]


@pytest.mark.parametrize("range_bytes", [1, 300, 4096, extraction.STREAM_BYTES])
def test_byte_ranges_give_the_facts_and_errors_of_a_whole_file_read(corpus, range_bytes, monkeypatch):
    paths = [corpus / "jl", corpus / "txt", corpus / "missing.jsonl"]
    whole = collect(paths, WHOLE, monkeypatch)
    streamed = collect(paths, range_bytes, monkeypatch)
    assert streamed == whole
    assert len(whole[0]) > 40 and any("repeats an earlier line" in e for e in whole[1])
    assert any("taken by" in e for e in whole[1]) and any("no such file" in e for e in whole[1])


def test_a_large_jsonl_file_is_read_a_range_at_a_time(corpus):
    path = str(corpus / "jl" / "articles.jsonl")
    results = list(_file_results(path, 4096))
    assert len(results) > 5 and max(len(facts) for facts, _ in results) < 30
    assert [f.document.id for facts, _ in results for f in facts] == [f.document.id for f in _extract_path(path)[0]]


def test_the_cli_json_is_byte_identical_to_a_whole_file_read(corpus, monkeypatch):
    paths = [str(corpus / "jl"), str(corpus / "txt"), str(corpus / "missing.jsonl")]
    monkeypatch.setattr(extraction, "STREAM_BYTES", 300)
    streamed = CliRunner().invoke(main, ["extract", *paths, "--format", "json"])
    monkeypatch.setattr(extraction, "STREAM_BYTES", WHOLE)  # the command as it was: the whole file at once
    whole = CliRunner().invoke(main, ["extract", *paths, "--format", "json"])
    assert streamed.exit_code == whole.exit_code == 1
    assert streamed.stdout_bytes == whole.stdout_bytes and b'"documents": [' in whole.stdout_bytes
    assert json.loads(whole.stdout)["errors"]


def test_without_on_error_a_file_raises_before_any_of_its_facts(corpus, monkeypatch):
    monkeypatch.setattr(extraction, "STREAM_BYTES", 300)  # no range is read: the whole file first, then its facts
    with pytest.raises(InputError, match="invalid JSON"):
        next(extract_iter([corpus / "jl" / "tricky.jsonl"]))
