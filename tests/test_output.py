"""What people and programs read: tables that fit the terminal, one convention for CSV and JSON."""
from __future__ import annotations

import csv
import io
import json

from healthgraph.output import emit

ROWS = [{"hospital": "bach-mai", "dependant": "bvdk-lai-chau", "name": "Bệnh viện Đa khoa tỉnh Lai Châu",
         "direct": True, "satellite": False, "agreements": 1, "share": 0.5},
        {"hospital": "bach-mai", "dependant": "bvdk-phu-tho", "name": "Bệnh viện Đa khoa tỉnh Phú Thọ",
         "direct": True, "satellite": True, "agreements": 2, "share": -1.0}]


def printed(fmt: str, rows=ROWS, columns=None) -> str:
    out = io.StringIO()
    emit(rows, columns, fmt, stream=out, title="dependants")
    return out.getvalue()


def test_a_wide_table_becomes_one_block_per_record_at_80_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    text = printed("table")
    lines = text.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "── 1 of 2 ──" in text and "── 2 of 2 ──" in text
    assert any(line.split() == ["name", "Bệnh", "viện", "Đa", "khoa", "tỉnh", "Lai", "Châu"] for line in lines)
    assert any(line.split() == ["satellite", "false"] for line in lines)  # whole words, never "satelli/te"


def test_a_table_that_fits_stays_a_table(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    text = printed("table", columns=["hospital", "dependant"])
    assert "┃ hospital ┃ dependant     ┃" in text and "1 of 2" not in text
    monkeypatch.setenv("COLUMNS", "200")
    assert "┃ hospital ┃ dependant     ┃ name" in printed("table")


def test_csv_and_json_write_booleans_and_numbers_alike():
    table = list(csv.DictReader(io.StringIO(printed("csv"))))
    assert [(r["direct"], r["satellite"], r["agreements"], r["share"]) for r in table] == [
        ("true", "false", "1", "0.5"), ("true", "true", "2", "-1.0")]
    records = json.loads(printed("json"))
    assert [(r["direct"], r["satellite"], r["agreements"]) for r in records] == [(True, False, 1), (True, True, 2)]
