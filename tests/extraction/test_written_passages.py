"""Extraction on 30 news-style passages written for these tests (12 vi, 9 de, 9 en, 6 of them
negatives), annotated in the shared gold format by a writer who had not seen the extractor.
They guard the general mechanisms against regressions; the figures are floors, not targets."""
from pathlib import Path

from healthgraph.evaluation import evaluate

PASSAGES = Path(__file__).parent / "data" / "written_passages.jsonl"


def test_written_passages_keep_their_scores():
    result = evaluate(PASSAGES).to_dict()
    assert result["organisations"]["f1"] >= 0.85
    assert result["partnerships"]["f1"] >= 0.75
    assert result["partnerships"]["direction"] >= 0.90
    assert result["techniques"]["f1"] >= 0.70
    assert result["negatives"]["false_partnerships"] == 0
    for language, figures in result["by_language"].items():
        assert figures["partnerships"]["f1"] >= 0.55, language
