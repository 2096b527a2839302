"""Extraction: articles per second on one core and on all cores, and precision/recall on a
synthetic corpus against its answer key (scored by the shared ``score.py``)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import SCORE, NotRun, fmt, measure, timed

TYPICAL = (3000, 5000)  # "typical 4 KB articles": synthetic articles of 3-5 KB


def write_typical(folder: str, count: int, seed: int = 11) -> dict:
    """Write ``count`` synthetic articles of 3-5 KB (all languages) into ``folder``."""
    from healthgraph.synthetic import World, write_article

    world = World(hospitals=300, seed=seed)
    written, total, i = 0, 0, 0
    while written < count:
        text, case = write_article(world, i, seed)
        i += 1
        size = len(text.encode("utf-8"))
        if TYPICAL[0] <= size <= TYPICAL[1] or (i > 20 * count and size >= 1500):
            Path(folder, f"{case['id']}.txt").write_text(text, encoding="utf-8")
            written += 1
            total += size
    return {"articles": written, "mean_kb": total / written / 1024}


def extract_speed(folder: str, jobs: int) -> dict:
    """Extract every file of ``folder`` with ``jobs`` workers (the lexicons are warm first)."""
    import resource

    from healthgraph.extraction import extract, extract_text

    paths = sorted(str(p) for p in Path(folder).glob("*.txt"))
    extract_text("Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa tỉnh Phú Thọ.")  # warm caches
    seconds, facts = timed(extract, paths, jobs=jobs, show_progress=False)
    size = sum(os.path.getsize(p) for p in paths)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"articles": len(facts), "seconds": seconds, "articles_per_s": len(facts) / seconds, "cpu_s": _process_cpu(),
            "mb_per_s": size / seconds / 2**20, "worker_peak_rss_mb": round(children, 1)}


def _lexicon_phrases() -> set[str]:
    """The project's own phrases, folded: every cue of cues.yaml, organisation and province label of
    the gazetteer, and head phrase of org_heads.yaml (what the extractor looks for in a text)."""
    from healthgraph.gazetteer import load_gazetteer, load_yaml
    from healthgraph.resources import data_file
    import unicodedata

    from healthgraph.text import fold

    def strings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list):
            for value in node:
                yield from strings(value)

    gazetteer = load_gazetteer()
    phrases = set(strings(load_yaml(data_file("loaders", "lexicon", "cues.yaml"))))
    phrases.update(strings([entry["phrases"] for entry in load_yaml(data_file("loaders", "lexicon",
                                                                             "org_heads.yaml"))["heads"]]))
    phrases.update(label for o in gazetteer.organisations.values() for label in (*o.labels, *o.short))
    phrases.update(label for p in gazetteer.provinces.values() for label in p.labels)
    # as the text is read (NFC, lower case): cue phrases are written folded, names with their marks
    return {form for p in phrases for form in (unicodedata.normalize("NFC", p).lower(), fold(p)) if form.strip()}


def bare_pass(folder: str) -> dict:
    """The anchor of issue 15: NFC, lower case and one Aho-Corasick pass (pyahocorasick) with the
    project's own phrases over the same files; the automaton is built before the clock starts."""
    import unicodedata

    import ahocorasick

    automaton = ahocorasick.Automaton()
    for phrase in _lexicon_phrases():
        automaton.add_word(phrase, phrase)
    automaton.make_automaton()
    paths = sorted(Path(folder).glob("*.txt"))

    def scan() -> int:
        hits = 0
        for path in paths:
            text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).lower()
            hits += sum(1 for _ in automaton.iter(text))
        return hits

    seconds, hits = timed(scan)
    return {"articles": len(paths), "seconds": seconds, "phrases": len(automaton), "hits": hits,
            "cpu_s": _process_cpu()}


def _process_cpu() -> float:
    """CPU seconds of this whole process so far (start-up and lexicons included), as the issue measured."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


LARGE_MB = (0.5, 1, 2, 4, 8)


def large_article(mb: float) -> dict:
    """Seconds to extract one article of ``mb`` megabytes (synthetic articles run together)."""
    from healthgraph.extraction import extract_text
    from healthgraph.synthetic import World, write_article

    world, parts, size, i = World(hospitals=300, seed=5), [], 0, 0
    while size < mb * 2**20:
        text, _ = write_article(world, i, 5)
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        i += 1
    text = "\n\n".join(parts)
    extract_text("Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa tỉnh Phú Thọ.")  # warm caches
    seconds, facts = timed(extract_text, text)
    return {"mb": len(text.encode("utf-8")) / 2**20, "seconds": seconds, "partnerships": len(facts.partnerships)}


def score(gold: str, texts: str) -> dict:
    """Run the shared scorer with ``healthgraph extract``; return its figures."""
    if not SCORE.is_file():
        raise NotRun(f"score.py not found at {SCORE}")
    cmd = [sys.executable, str(SCORE), "--gold", gold, "--texts", texts,
           "--run", f"{shutil.which('healthgraph') or 'healthgraph'} extract {{files}} --format json --jobs 0"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    if "SUMMARY" not in out.stdout:
        raise NotRun("score.py failed: " + (out.stderr.strip().splitlines() or ["no output"])[-1][:200])
    figures = {}
    for label, key in (("organisations", "org"), ("partnerships", "pt"), ("techniques", "tech")):
        m = re.search(label + r"\s+P ([\d.]+) R ([\d.]+) F1 ([\d.]+)", out.stdout)
        figures[key] = tuple(float(x) for x in m.groups())
    figures["direction"] = re.search(r"direction ([\d.]+) \((\d+/\d+)\)", out.stdout).group(0)
    figures["neg_fp"] = int(re.search(r"neg_fp=(\d+)", out.stdout).group(1))
    figures["summary"] = out.stdout.strip().splitlines()[-1]
    return figures


def run(quick: bool) -> dict:
    cores = os.cpu_count() or 1
    sizes = [1000] if quick else [1000, 10000]
    tables, notes, ratios = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp, f"typical-{n}")
            folder.mkdir()
            info = write_typical(str(folder), n)
            one = measure("bench_extract:extract_speed", folder=str(folder), jobs=1, timeout=1200)
            all_ = measure("bench_extract:extract_speed", folder=str(folder), jobs=0, timeout=1200)
            bare = measure("bench_extract:bare_pass", folder=str(folder), timeout=600)
            if "seconds" in one and "seconds" in bare:
                ratios.append(f"extraction on one core ÷ a bare NFC + lower-case + Aho-Corasick pass with the "
                              f"project's {bare['phrases']:,} phrases, {n:,} articles, whole-process CPU: "
                              f"{one['cpu_s']:.2f} s ÷ {bare['cpu_s']:.2f} s = {one['cpu_s'] / bare['cpu_s']:.1f}× "
                              f"(the passes alone: {one['seconds']:.2f} s ÷ {bare['seconds']:.2f} s = "
                              f"{one['seconds'] / bare['seconds']:.0f}×)")
            rows = []
            for label, key, unit, digits in (("articles/s", "articles_per_s", "", 0), ("MB/s", "mb_per_s", "", 2),
                                             ("wall time", "seconds", "s", 2),
                                             ("peak RSS, main process", "peak_rss_mb", "MB", 0),
                                             ("peak RSS, largest worker", "worker_peak_rss_mb", "MB", 0)):
                rows.append([label] + [fmt(r.get(key, r.get("error")), unit, digits) for r in (one, all_)])
            tables.append({"caption": f"{n:,} synthetic articles of 3–5 KB (mean {info['mean_kb']:.1f} KB)",
                           "columns": ["", "1 core (jobs=1)", f"all {cores} cores (jobs=0)"], "rows": rows})
        rows = []
        for mb in LARGE_MB[:2] if quick else LARGE_MB:
            r = measure("bench_extract:large_article", mb=mb, timeout=600)
            rows.append([f"{mb:g} MB", fmt(r.get("seconds", r.get("error")), "s", 2),
                         fmt(r["seconds"] / r["mb"] if "seconds" in r else r.get("error"), "s", 2),
                         fmt(r.get("peak_rss_mb", r.get("error")), "MB", 0)])
        tables.append({"caption": "One article of N MB (synthetic articles run together, one core): linear time",
                       "columns": ["size", "extraction time", "time per MB", "peak RSS"], "rows": rows})
        quality_n = 500 if quick else 3000
        qdir = Path(tmp, "quality")
        from healthgraph.synthetic import synth

        synth(articles=quality_n, hospitals=200, out=qdir, seed=42)
        rows = []
        for label, gold, texts in ((f"synthetic corpus, {quality_n:,} articles (seed 42)", str(qdir / "gold.jsonl"),
                                    str(qdir)),
                                   ("the five shared seeds", str(SCORE.parent.parent / "gold" / "seeds.jsonl"),
                                    str(SCORE.parent.parent / "seeds"))):
            try:
                f = score(gold, texts)
                rows.append([label] + [f"P {p:.2f} R {r:.2f} F1 {f1:.2f}" for p, r, f1 in (f["org"], f["pt"], f["tech"])]
                            + [f["direction"].replace("direction ", ""), str(f["neg_fp"])])
            except NotRun as exc:
                rows.append([label] + [f"not run: {exc}"] * 5)
        tables.append({"caption": "Extraction quality against the answer key (score.py)",
                       "columns": ["corpus", "organisations", "partnerships", "techniques", "direction",
                                   "false partnerships on negatives"], "rows": rows})
    notes.append("Speed: `healthgraph.extract(paths, jobs=...)` over text files on disk, lexicons warmed in the "
                 "main process first; with jobs=0 each worker process builds its own matchers, which is included.")
    notes.append("Quality: `score.py --gold DIR/gold.jsonl --texts DIR --run 'healthgraph extract {files} "
                 "--format json'` on `healthgraph synth --articles N --hospitals 200 --seed 42`.")
    notes.append("Anchor (issue 15): `bare_pass` reads the same files, NFC-normalises and lower-cases them and runs "
                 "one pyahocorasick pass with every phrase of cues.yaml, org_heads.yaml and the gazetteer, folded; "
                 "both clocks start after the lexicons are built.")
    return {"title": "Extraction", "tables": tables, "notes": notes, "ratios": ratios}
