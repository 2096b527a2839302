"""``healthgraph evaluate`` scores extraction against gold facts, with the same figures as
the shared scorer, per language, with a diff of what was missed and what was extra."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthgraph.cli import main
from healthgraph.evaluation import evaluate

SHARED = Path(os.environ.get("HEALTHGRAPH_SHARED", Path(__file__).resolve().parents[3] / "shared"))
DEV = SHARED / "gold" / "dev.jsonl"
SCORER = SHARED / "eval" / "score.py"


def write_gold(folder, cases):
    path = folder / "gold.jsonl"
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    return path


CASES = [
    {"id": "a1", "lang": "vi", "text": "Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa tỉnh Phú Thọ.",
     "orgs": [{"key": "bm", "names": ["Bệnh viện Bạch Mai"]}, {"key": "pt", "names": ["Bệnh viện Đa khoa tỉnh Phú Thọ"]}],
     "partnerships": [{"parties": ["bm", "pt"], "supporter": "bm", "kind": "support"}],
     "techniques": [{"name": "ghép thận", "from": "bm", "to": "pt"}]},
    {"id": "a2", "lang": "de", "text": "Das Klinikum Landshut arbeitet künftig mit dem Kantonsspital Glarus zusammen.",
     "orgs": [{"key": "kl", "names": ["Klinikum Landshut"]}, {"key": "kg", "names": ["Kantonsspital Glarus"]},
              {"key": "x", "names": ["Klinikum Passau"]}],
     "partnerships": [{"parties": ["kl", "kg"], "supporter": None, "kind": "agreement"},
                      {"parties": ["kl", "x"], "supporter": None, "kind": "agreement"}]},
    {"id": "n1", "lang": "vi", "negative": True, "orgs": [], "partnerships": [],
     "text": "Bệnh viện Bạch Mai đã chuyển 3 bệnh nhân lên Bệnh viện Việt Đức."},
]


def test_scores_per_fact_type_and_language(tmp_path):
    result = evaluate(write_gold(tmp_path, CASES)).to_dict()
    assert result["partnerships"]["precision"] == 1.0
    assert result["partnerships"]["recall"] == pytest.approx(2 / 3)
    assert result["partnerships"]["direction"] == 1.0 and result["partnerships"]["direction_judged"] == 1
    assert result["techniques"]["recall"] == 0.0
    assert result["negatives"]["false_partnerships"] == 0
    assert result["by_language"]["de"]["partnerships"]["recall"] == 0.5
    assert result["by_language"]["vi"]["partnerships"]["recall"] == 1.0


def test_diff_lists_missed_facts_and_extra_facts_with_their_sentence(tmp_path):
    gold = write_gold(tmp_path, CASES[1:2])
    out = CliRunner().invoke(main, ["evaluate", str(gold), "--format", "json", "--diff"])
    assert out.exit_code == 0, out.output
    differences = json.loads(out.output)["differences"]
    assert {"case": "a2", "fact": "partnership", "status": "missed", "what": "Klinikum Landshut – Klinikum Passau",
            "evidence": ""} in differences


def test_texts_folder_and_one_line_errors(tmp_path):
    case = dict(CASES[0])
    text = case.pop("text")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a1.txt").write_text(text, encoding="utf-8")
    gold = write_gold(tmp_path, [case])
    out = CliRunner().invoke(main, ["evaluate", str(gold), "--texts", str(tmp_path / "texts")])
    assert out.exit_code == 0 and "SUMMARY org_f1=1.00 partnership_f1=1.00" in out.output
    out = CliRunner().invoke(main, ["evaluate", str(gold)])
    assert out.exit_code == 1 and "give --texts DIR" in out.output and "Traceback" not in out.output


def test_figures_equal_the_shared_scorer_on_the_dev_set():
    assert DEV.is_file(), f"the shared gold set is expected at {DEV} (set HEALTHGRAPH_SHARED)"
    ours = CliRunner().invoke(main, ["evaluate", str(DEV)])
    assert ours.exit_code == 0, ours.output
    theirs = subprocess.run([sys.executable, str(SCORER), "--gold", str(DEV), "--run",
                             f"{sys.executable} -m healthgraph extract {{files}} --format json"],
                            capture_output=True, text=True, check=True)
    assert ours.output.strip().splitlines()[-1] == theirs.stdout.strip().splitlines()[-1]
