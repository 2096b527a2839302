"""The synthetic corpus generator: deterministic, its answer key matches its texts, varied."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthgraph.cli import main
from healthgraph.graph import to_property_graph
from healthgraph.synthetic import iter_articles, synth, synth_corpus

SHARED = Path(os.environ.get("HEALTHGRAPH_SHARED", Path(__file__).resolve().parents[3] / "shared"))
SCORE = SHARED / "eval" / "score.py"
SEEDS_GOLD = SHARED / "gold" / "seeds.jsonl"


def _norm(text: str) -> str:
    """NFC with runs of whitespace as one space: wrapped lines and NFD articles compare equal."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module")
def corpus():
    return list(iter_articles(1500, hospitals=120, seed=7))


def test_same_seed_same_files_and_other_seed_differs(tmp_path):
    synth(articles=30, hospitals=40, out=tmp_path / "a", seed=3)
    synth(articles=30, hospitals=40, out=tmp_path / "b", seed=3)
    synth(articles=30, hospitals=40, out=tmp_path / "c", seed=4)
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "b").iterdir())
    assert len(files) == 31
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert (tmp_path / "a" / "gold.jsonl").read_text() != (tmp_path / "c" / "gold.jsonl").read_text()


def test_bigger_corpus_starts_with_the_smaller_one():
    small = list(iter_articles(10, hospitals=50, seed=2))
    big = list(iter_articles(40, hospitals=50, seed=2))
    assert big[:10] == small


def test_every_gold_name_and_technique_occurs_in_its_article(corpus):
    for text, case in corpus:
        flat = _norm(text)
        for org in case["orgs"]:
            assert org["names"], case["id"]
            for name in org["names"]:
                assert _norm(name) in flat, (case["id"], name)
        for t in case["techniques"]:
            assert _norm(t["name"]) in flat, (case["id"], t["name"])


def test_answer_key_is_consistent(corpus):
    for _, case in corpus:
        keys = {o["key"] for o in case["orgs"]}
        for p in case["partnerships"]:
            assert len(set(p["parties"])) == 2 and set(p["parties"]) <= keys, case["id"]
            assert p["supporter"] is None or p["supporter"] in p["parties"]
            assert p["kind"] in ("agreement", "support", "transfer", "satellite")
        for t in case["techniques"]:
            assert t["from"] in keys and (t["to"] is None or t["to"] in keys)
        if case["negative"]:
            assert case["partnerships"] == [] and case["techniques"] == []
            assert len(case["orgs"]) >= 2, "a negative article co-mentions two organisations"
        else:
            assert case["partnerships"]


def test_gold_has_the_shape_of_the_shared_gold():
    shared = [json.loads(line) for line in SEEDS_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    (text, case), = iter_articles(1, hospitals=30, seed=0)
    for key in ("id", "lang", "source", "orgs", "partnerships", "techniques", "negative"):
        assert key in case and key in shared[0]
    assert set(shared[0]["orgs"][0]) == set(case["orgs"][0])
    assert set(shared[1]["partnerships"][0]) <= set(case["partnerships"][0] if case["partnerships"] else
                                                     {"parties": 0, "supporter": 0, "kind": 0})
    assert set(shared[1]["techniques"][0]) == {"name", "en", "from", "to"}


def test_the_scorer_gives_full_marks_to_the_answer_key_itself(tmp_path):
    """The key is in the scorer's format: turned into system output, it scores 1.00 everywhere."""
    synth(articles=60, hospitals=50, out=tmp_path, seed=5)
    cases = [json.loads(line) for line in (tmp_path / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    system = {"documents": [{
        "id": c["id"],
        "organizations": [{"id": o["key"], "name": o["names"][0], "mentions": o["names"]} for o in c["orgs"]],
        "partnerships": c["partnerships"],
        "techniques": [{"name": t["name"], "from": t["from"], "to": t["to"]} for t in c["techniques"]],
    } for c in cases]}
    (tmp_path / "system.json").write_text(json.dumps(system, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORE), "--gold", str(tmp_path / "gold.jsonl"),
                          "--system", str(tmp_path / "system.json")], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == ("SUMMARY org_f1=1.00 partnership_f1=1.00 direction=1.00 "
                                           "technique_f1=1.00 neg_fp=0")


def test_languages_kinds_and_spellings_vary(corpus):
    langs = Counter(case["lang"] for _, case in corpus)
    assert langs["vi"] > langs["de"] > 50 and langs["en"] > 50
    scenarios = Counter(case["scenario"] for _, case in corpus)
    for kind in ("agreement", "supported", "transfer", "satellite", "department", "visit", "inspection",
                 "request", "award"):
        assert scenarios[kind] > 10, kind
    assert 0.1 < sum(case["negative"] for _, case in corpus) / len(corpus) < 0.3
    variants = Counter(v for _, case in corpus for v in case["variants"])
    for v in ("ascii", "old_tones", "nfd", "wrapped", "lowercase_heads"):
        assert variants[v] > 5, v
    by_id = {case["id"]: (text, case) for text, case in corpus}
    for text, case in by_id.values():
        if "ascii" in case["variants"]:
            assert all(c.isascii() for c in text if c.isalpha()), case["id"]
        if "nfd" in case["variants"]:
            assert unicodedata.normalize("NFC", text) != text
        if case["lang"] == "de":
            assert re.search(r"\b(der|die|das|und)\b", text)
    all_text = "\n".join(text for text, _ in corpus)
    for abbreviation in ("BVĐK", "BV ", "SYT", "UBND", "TW"):
        assert abbreviation in all_text, abbreviation
    assert "là bệnh viện vệ tinh của" in all_text and "chuyển giao" in all_text
    assert "Lượt xem:" in all_text and "ein Memorandum zur Zusammenarbeit" in all_text


def test_one_language_only():
    assert {case["lang"] for _, case in iter_articles(50, hospitals=30, seed=1, languages="de")} == {"de"}


def test_cli_writes_texts_or_jsonl(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["synth", "--articles", "12", "--hospitals", "25", "-o", str(tmp_path / "t"),
                                  "--seed", "9", "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)[0]
    assert summary["articles"] == 12 and summary["vi"] + summary["de"] + summary["en"] == 12
    assert len(list((tmp_path / "t").glob("*.txt"))) == 12
    result = runner.invoke(main, ["synth", "-n", "12", "-m", "25", "-o", str(tmp_path / "j"), "--seed", "9", "--jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (tmp_path / "j" / "articles.jsonl").read_text().splitlines()]
    texts = sorted(p.read_text(encoding="utf-8") for p in (tmp_path / "t").glob("*.txt"))
    assert sorted(r["text"] for r in records) == texts
    assert not list((tmp_path / "j").glob("*.txt"))


@pytest.mark.parametrize("jsonl", [False, True], ids=["texts", "jsonl"])
def test_extract_reads_a_synth_folder_and_skips_its_answer_key(tmp_path, jsonl):
    """Issue 15: gold.jsonl beside the articles is no corpus: one line says it is skipped,
    and every article gives exactly one fact record."""
    synth(articles=8, hospitals=25, out=tmp_path, seed=11, jsonl=jsonl)
    ids = [json.loads(line)["id"] for line in (tmp_path / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    proc = subprocess.run([sys.executable, "-m", "healthgraph", "extract", str(tmp_path), "--format", "json"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["errors"] == []
    assert sorted(d["id"] for d in result["documents"]) == sorted(ids)
    assert proc.stderr.splitlines() == [f"skipped {tmp_path / 'gold.jsonl'}: an answer key (gold facts), not articles"]


def test_cli_rejects_unknown_language(tmp_path):
    result = CliRunner().invoke(main, ["synth", "-n", "3", "-o", str(tmp_path), "--languages", "vi,fr"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Error: languages must be among vi, de, en")


def test_synth_corpus_builds_a_property_graph():
    corpus = synth_corpus(300, hospitals=60, seed=1)
    assert len(corpus.partnerships) == 300
    for p in corpus.partnerships.values():
        assert all(x in corpus.organisations for x in p.parties)
    graph = to_property_graph(corpus)
    types = Counter(e.type for e in graph.edges)
    assert types["PARTY"] == 600 and types["SUPPORTS"] > 100 and types["SATELLITE_OF"] > 0
    assert types["TRANSFERRED_TO"] > 0


@pytest.mark.parametrize("partnerships", [2_000, 12_000])
def test_the_gap_queries_find_exactly_the_planted_gaps(partnerships):
    from healthgraph.queries import query
    from healthgraph.queries.backends import networkx_graph
    from healthgraph.synthetic import planted_gaps

    gaps = planted_gaps(partnerships)
    assert len(gaps.sole_supporter) == max(1, partnerships // 5_000) and len(gaps.uncovered) == 1
    graph = networkx_graph(corpus=synth_corpus(partnerships))
    single = query("single-points-of-failure", backend="networkx", graph=graph)
    assert {r["hospital"]: r["supporter"] for r in single} == gaps.sole_supporter
    assert [r["province"] for r in query("coverage-gaps", backend="networkx", graph=graph)] == gaps.uncovered


def test_the_stored_graph_answers_the_gap_queries_with_the_planted_gaps(tmp_path):
    from healthgraph.queries import query
    from healthgraph.rdf.build import build
    from healthgraph.rdf.mapping import corpus_facts
    from healthgraph.synthetic import planted_gaps

    build(corpus_facts(synth_corpus(2_000, seed=3)), store=tmp_path / "kg", show_progress=False)
    gaps = planted_gaps(2_000, seed=3)
    single = query("single-points-of-failure", store=tmp_path / "kg")
    assert {r["hospital"]: r["supporter"] for r in single} == gaps.sole_supporter
    assert [r["province"] for r in query("coverage-gaps", store=tmp_path / "kg")] == gaps.uncovered
