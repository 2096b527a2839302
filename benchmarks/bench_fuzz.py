"""The ``fuzz`` target of run_all: mutated inputs through reader -> extraction -> mapping -> store
(:mod:`fuzz`); 100,000 inputs in the full run, 5,000 with ``--quick``."""
from __future__ import annotations

import fuzz

def run(quick: bool) -> dict:
    inputs = 5_000 if quick else 100_000
    result = fuzz.run(inputs, seed=7, batch=1000)
    rows = [["inputs", f"{result['inputs']:,}"], ["crashes", str(result["crashes"])],
            ["sentences skipped by a fault", str(result["skipped_sentences"])],
            ["slowest input", f"{result['slowest_seconds']:.3f} s (a {result['slowest_input'].rsplit('.', 1)[-1]} file)"]]
    rows += [["crash", crash] for crash in result["first_crashes"]]
    return {"title": "Fuzzing: reader → extraction → RDF mapping",
            "tables": [{"caption": f"{result['inputs']:,} mutated inputs (seed 7)", "columns": ["", ""],
                        "rows": rows}],
            "notes": ["Inputs: the passages written for the tests (tests/extraction/data) mutated by "
                      "benchmarks/fuzz.py: bytes flipped, cut or repeated, hostile strings spliced in (markup, "
                      "quotes, lone surrogates, control characters, deep nesting), NFD and old-style tone marks; "
                      "written as .txt, .html and .jsonl files. A crash is any exception other than a one-line "
                      "InputError for its file. CI runs 2,000 of them (tests/reliability/test_bad_input.py)."]}
