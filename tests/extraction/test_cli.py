"""`healthgraph extract` and the Python API give the same facts; bad files are reported, not fatal."""
import json
import subprocess
import sys

from click.testing import CliRunner

from healthgraph import extract
from healthgraph.cli import main

GOOD = "Bệnh viện Chợ Rẫy ký kết thỏa thuận hợp tác với Bệnh viện Đa khoa tỉnh Tiền Giang."


def write_corpus(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "page.html").write_text(f"<html><body><nav>Menu</nav><p>{GOOD}</p></body></html>", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    return tmp_path


def test_cli_json_follows_the_contract_and_matches_the_api(tmp_path):
    folder = write_corpus(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(folder), "--format", "json"])
    out = json.loads(result.stdout)
    docs = {d["id"]: d for d in out["documents"]}
    assert set(docs) == {"good", "page"}
    for doc in docs.values():
        (p,) = doc["partnerships"]
        assert set(p["parties"]) == {"cho-ray", "bvdk-tien-giang"} and p["supporter"] == "cho-ray"
        org_ids = {o["id"] for o in doc["organizations"]}
        assert set(p["parties"]) <= org_ids and all("mentions" in o for o in doc["organizations"])
    api = {f.document.id: f.to_dict() for f in extract([folder], on_error=lambda e: None)}
    assert {k: v["partnerships"] for k, v in api.items()} == {k: v["partnerships"] for k, v in docs.items()}


def test_cli_reports_each_bad_file_on_one_line_and_exits_1(tmp_path):
    folder = write_corpus(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "healthgraph", "extract", str(folder), "--format", "json"],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2
    assert any("empty.txt: empty file" in e for e in errors) and any("binary.txt" in e for e in errors)
    assert "Traceback" not in proc.stderr
    assert len(json.loads(proc.stdout)["documents"]) == 2


def test_parallel_extraction_gives_the_same_facts(tmp_path):
    for n in range(6):
        (tmp_path / f"a{n}.txt").write_text(GOOD, encoding="utf-8")
    one = [f.to_dict()["partnerships"] for f in extract([tmp_path], jobs=1)]
    two = [f.to_dict()["partnerships"] for f in extract([tmp_path], jobs=2)]
    assert one == two and len(one) == 6


def test_table_output_for_people(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt")])
    assert result.exit_code == 0
    assert "Bệnh viện Chợ Rẫy" in result.stdout and "agreement" in result.stdout


def test_a_fault_on_one_sentence_keeps_the_article_and_says_so(tmp_path, monkeypatch):
    import healthgraph.extraction as extraction

    real = extraction.find_techniques

    def broken_on_training(sentence, key=None):
        if "đào tạo" in sentence:
            raise ValueError("a bug for this test")
        return real(sentence, key)

    monkeypatch.setattr(extraction, "find_techniques", broken_on_training)
    (tmp_path / "a.txt").write_text(GOOD + " Hai bên sẽ phối hợp đào tạo kỹ thuật lọc máu.", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "--format", "json"])
    assert result.exit_code == 0
    (doc,) = json.loads(result.stdout)["documents"]
    assert [set(p["parties"]) for p in doc["partnerships"]] == [{"cho-ray", "bvdk-tien-giang"}]
    assert len(doc["skipped"]) == 1 and "ValueError: a bug for this test" in doc["skipped"][0]
    assert "a.txt: 1 sentence(s) skipped by an extraction fault" in result.stderr
