"""Extraction on news-style passages written for these tests, annotated in the shared gold
format by writers who had seen neither the extractor nor the dev set: 30 passages (12 vi, 9 de,
9 en, 6 negatives) and 36 more (16 vi, 10 de, 10 en, 8 negatives). They guard the general
mechanisms against regressions; the figures are floors, not targets."""
from pathlib import Path

import pytest

from healthgraph.evaluation import evaluate

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("name, floors", [
    ("written_passages.jsonl", {"organisations": 0.85, "partnerships": 0.75, "techniques": 0.70, "language": 0.55}),
    ("written_passages_2.jsonl", {"organisations": 0.75, "partnerships": 0.58, "techniques": 0.70, "language": 0.45}),
])
def test_written_passages_keep_their_scores(name, floors):
    result = evaluate(DATA / name).to_dict()
    assert result["organisations"]["f1"] >= floors["organisations"]
    assert result["partnerships"]["f1"] >= floors["partnerships"]
    assert result["partnerships"]["direction"] >= 0.85
    assert result["techniques"]["f1"] >= floors["techniques"]
    assert result["negatives"]["false_partnerships"] == 0
    for language, figures in result["by_language"].items():
        assert figures["partnerships"]["f1"] >= floors["language"], language
