"""Fuzz the whole path a user's files take: reader -> extraction -> RDF mapping -> store.

    python benchmarks/fuzz.py [--inputs 100000] [--seed 7] [--batch 500]

Inputs are mutations of the passages written for the tests (tests/extraction/data): bytes
flipped, cut or repeated, hostile strings spliced in (markup, quotes, lone surrogates in
JSON, combining marks, control characters, very long words, deep nesting), NFD and old-style
tone marks, written as .txt, .html and .jsonl files. A crash is any exception that is not an
InputError reported for its file, and any sentence the extractor had to skip. Prints one
JSON line: inputs, crashes, skipped sentences, the slowest input and its seconds.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
HOSTILE = ["<script>alert(1)</script>", '"', "'", "\\", "\x00", "\x1b[31m", "\ufeff", "\u200b", "\u0301\u0301\u0301",
           "<" * 50, "<div>" * 300, "]]>", "\n" * 40, "ký kết hợp tác với", "Bệnh viện", "(", ")", ":", ",", "…",
           "x" * 5000, "Đ" * 300, "\U0001F600", "%s%n", "{{7*7}}", "&amp;&lt;", "\r\n", "\t", "BVĐK", "UBND"]


def passages() -> list[str]:
    texts = []
    for path in sorted((HERE.parent / "tests" / "extraction" / "data").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        choice = rng.randrange(8)
        at = rng.randrange(len(text) + 1)
        if choice == 0:
            text = text[:at] + rng.choice(HOSTILE) + text[at:]
        elif choice == 1:
            text = text[:at]
        elif choice == 2:
            text = text[at:] + text[:at]
        elif choice == 3:
            text = unicodedata.normalize("NFD", text)
        elif choice == 4:
            text = text.replace("òa", "oà").replace("óa", "oá").replace("úy", "uý")
        elif choice == 5:
            text = text * rng.randint(2, 4)
        elif choice == 6:
            text = "".join(chr(rng.randrange(32, 0x2FFF)) if rng.random() < 0.02 else c for c in text)
        else:
            text = text.upper()
    return text


def write(folder: Path, i: int, text: str, rng: random.Random) -> None:
    kind = rng.randrange(4)
    if kind == 0:
        (folder / f"a{i}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
    elif kind == 1:
        (folder / f"a{i}.html").write_text(f"<html><body><article><p>{text}</p></article></body></html>",
                                           encoding="utf-8", errors="surrogatepass")
    elif kind == 2:
        record = {"id": f"j{i}", "text": text, "lang": rng.choice(["vi", "de", 7, None]),
                  "published_on": rng.choice(["2024-05-01", "not a date", None])}
        line = json.dumps(record, ensure_ascii=True)
        if rng.random() < 0.3:
            line = line.replace('"text": "', '"text": "\\ud800', 1)  # a lone surrogate
        (folder / f"j{i}.jsonl").write_text(line + "\n", encoding="utf-8")
    else:
        data = text.encode("utf-8", errors="surrogatepass")
        pos = rng.randrange(len(data) + 1)
        (folder / f"b{i}.txt").write_bytes(data[:pos] + bytes([rng.randrange(256)]) + data[pos:])


def run(inputs: int, seed: int, batch: int) -> dict:
    from healthgraph.errors import InputError
    from healthgraph.extraction import extract
    from healthgraph.gazetteer import load_gazetteer
    from healthgraph.rdf.mapping import document_graph

    rng = random.Random(seed)
    texts = passages()
    gazetteer = load_gazetteer()
    crashes, skipped, slowest, done = [], 0, (0.0, ""), 0
    while done < inputs:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            n = min(batch, inputs - done)
            for i in range(n):
                write(folder, i, mutate(rng.choice(texts), rng), rng)
            for path in sorted(folder.iterdir()):
                start = time.perf_counter()
                try:
                    for facts in extract([path], on_error=lambda exc: None):
                        skipped += len(facts.skipped)
                        len(document_graph(facts, gazetteer))
                except InputError:
                    pass
                except Exception as exc:  # noqa: BLE001 - what the fuzzer is looking for
                    crashes.append(f"{path.name}: {type(exc).__name__}: {exc}"[:300])
                seconds = time.perf_counter() - start
                if seconds > slowest[0]:
                    slowest = (seconds, path.name)
            done += n
        print(f"{done} inputs, {len(crashes)} crashes", file=sys.stderr, flush=True)
    return {"inputs": done, "crashes": len(crashes), "first_crashes": crashes[:5], "skipped_sentences": skipped,
            "slowest_seconds": round(slowest[0], 3), "slowest_input": slowest[1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    print(json.dumps(run(args.inputs, args.seed, args.batch)))


if __name__ == "__main__":
    main()
