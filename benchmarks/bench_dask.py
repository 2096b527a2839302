"""Extraction on a Dask cluster against ``--jobs``: articles per second for 1 and 2 local
worker processes (``jobs=1``, ``jobs=2``) and 1 and 2 Dask workers (a ``distributed.LocalCluster``
of single-threaded worker processes on this machine), the same articles as text files and as
one JSONL file (read by the workers in byte ranges)."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from bench_extract import write_typical
from common import fmt, measure, timed


def speed(paths: list[str], jobs: int = 1, dask_workers: int = 0) -> dict:
    """Extract ``paths`` with ``jobs`` local processes, or on a fresh LocalCluster of ``dask_workers``
    single-threaded worker processes (its start-up timed apart: a user's cluster is already up)."""
    from healthgraph.extraction import extract, extract_text

    extract_text("Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa tỉnh Phú Thọ.")  # warm the main process
    size = sum(p.stat().st_size for path in paths for p in ([Path(path)] if Path(path).is_file()
                                                            else Path(path).glob("*.txt")))
    if not dask_workers:
        seconds, facts = timed(extract, paths, jobs=jobs, show_progress=False)
        return {"articles": len(facts), "seconds": seconds, "articles_per_s": len(facts) / seconds,
                "mb_per_s": size / seconds / 2**20}
    from distributed import Client, LocalCluster

    start, cluster = timed(LocalCluster, n_workers=dask_workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=40)
    with cluster, Client(cluster) as client:
        seconds, facts = timed(extract, paths, show_progress=False, dask=client)
        again, _ = timed(extract, paths, show_progress=False, dask=client)  # workers that have their lexicons
    return {"articles": len(facts), "seconds": seconds, "articles_per_s": len(facts) / seconds,
            "mb_per_s": size / seconds / 2**20, "startup_s": start, "warm_articles_per_s": len(facts) / again}


def build_speed(folder: str, dask_workers: int = 0, facts_first: bool = False) -> dict:
    """``build`` of ``folder`` into a new store: local, on a fresh LocalCluster of ``dask_workers``, or
    (``facts_first``) from facts extracted beforehand, which times the client's side alone (the store)."""
    from healthgraph.extraction import extract, extract_text
    from healthgraph.rdf.build import build

    extract_text("Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa tỉnh Phú Thọ.")  # warm the main process
    with tempfile.TemporaryDirectory() as tmp:
        if facts_first:
            facts = extract([folder])
            seconds, report = timed(build, facts, store=Path(tmp, "kg"), show_progress=False)
        elif dask_workers:
            from distributed import Client, LocalCluster

            with LocalCluster(n_workers=dask_workers, threads_per_worker=1, processes=True, dashboard_address=None,
                              silence_logs=40) as cluster, Client(cluster) as client:
                seconds, report = timed(build, [folder], store=Path(tmp, "kg"), show_progress=False, dask=client)
        else:
            seconds, report = timed(build, [folder], store=Path(tmp, "kg"), show_progress=False)
    return {"articles": len(report.documents), "seconds": seconds, "articles_per_s": len(report.documents) / seconds}


BUILDS = (("store writes alone (facts extracted beforehand)", {"facts_first": True}), ("local build", {}),
          ("build --dask, 1 worker", {"dask_workers": 1}), ("build --dask, 2 workers", {"dask_workers": 2}))

RUNS = (("jobs=1", {"jobs": 1}), ("jobs=2", {"jobs": 2}), ("Dask, 1 worker", {"dask_workers": 1}),
        ("Dask, 2 workers", {"dask_workers": 2}))


REPEAT = 3  # each figure the median of three runs, the four kinds of run alternated (this machine is shared)


def median(results: list[dict], key: str):
    values = sorted(r[key] for r in results if key in r)
    if not values:
        return next((r["error"] for r in results if "error" in r), None)
    return values[len(values) // 2]


def spread(results: list[dict]) -> str:
    values = sorted(r["articles_per_s"] for r in results if "articles_per_s" in r)
    return f"{values[0]:,.0f}–{values[-1]:,.0f}" if values else "–"


def run(quick: bool) -> dict:
    n = 1000 if quick else 3000
    tables = []
    loads = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "typical")
        folder.mkdir()
        info = write_typical(str(folder), n)
        jsonl = Path(tmp, "typical.jsonl")
        with open(jsonl, "w", encoding="utf-8") as out:
            for path in sorted(folder.glob("*.txt")):
                out.write(json.dumps({"id": path.stem, "text": path.read_text(encoding="utf-8")},
                                     ensure_ascii=False) + "\n")
        for caption, paths in ((f"{n:,} text files", [str(folder)]), (f"the same {n:,} articles in one JSONL file "
                                                                       f"({jsonl.stat().st_size / 2**20:.1f} MB)",
                                                                       [str(jsonl)])):
            results: list[list[dict]] = [[] for _ in RUNS]
            for _ in range(REPEAT):
                for k, (_, kwargs) in enumerate(RUNS):
                    results[k].append(measure("bench_dask:speed", paths=paths, timeout=1800, **kwargs))
                    loads.append(os.getloadavg()[0])
            rows = []
            for label, key, unit, digits in (("articles/s (median)", "articles_per_s", "", 0),
                                             ("MB/s (median)", "mb_per_s", "", 2),
                                             ("wall time (median)", "seconds", "s", 2),
                                             ("cluster start-up (not in the wall time)", "startup_s", "s", 2),
                                             ("peak RSS, main process", "peak_rss_mb", "MB", 0)):
                rows.append([label] + [fmt(median(r, key), unit, digits) for r in results])
            rows.insert(1, [f"articles/s, lowest–highest of {REPEAT}"] + [spread(r) for r in results])
            rows.insert(2, ["articles/s, a second run on the same cluster (median)"]
                        + [fmt(median(r, "warm_articles_per_s")) for r in results])
            tables.append({"caption": f"{caption}: synthetic articles of 3–5 KB (mean {info['mean_kb']:.1f} KB)",
                           "columns": [""] + [label for label, _ in RUNS], "rows": rows})
        results = [[] for _ in BUILDS]
        for _ in range(REPEAT):
            for k, (_, kwargs) in enumerate(BUILDS):
                results[k].append(measure("bench_dask:build_speed", folder=str(folder), timeout=1800, **kwargs))
                loads.append(os.getloadavg()[0])
        tables.append({"caption": f"`build` of the {n:,} text files into a new Oxigraph store",
                       "columns": [""] + [label for label, _ in BUILDS],
                       "rows": [["articles/s (median)"] + [fmt(median(r, "articles_per_s")) for r in results],
                                [f"articles/s, lowest–highest of {REPEAT}"] + [spread(r) for r in results],
                                ["wall time (median)"] + [fmt(median(r, "seconds"), "s", 2) for r in results]]})
    notes = ["`healthgraph.extract(paths, jobs=N)` against `healthgraph.extract(paths, dask=client)` on a "
             "`distributed.LocalCluster(n_workers=N, threads_per_worker=1, processes=True)` started fresh for each "
             "measurement (the workers load the lexicons on their first partition, as `--jobs` workers do; the "
             "cluster's start-up is shown apart; a second run on the same cluster, whose workers have their lexicons, "
             "as a long-running cluster's have, is shown apart too). Default partitions: 1 MiB of files, or 1 MiB byte ranges of a "
             "JSONL file (whose newlines the workers count first, to number lines as a local run does).",
             "`--jobs` gives each file to one process: one JSONL file is read by one process whatever `--jobs` "
             "says; Dask reads it in byte ranges.",
             "`build` stores each document in the client as its partition comes back: the first column, the "
             "store's side alone, is the most a build on any number of workers can reach with the embedded store.",
             f"This machine has {os.cpu_count()} cores, shared with other work (1-minute load average "
             f"{min(loads):.1f}–{max(loads):.1f} during this benchmark): 2 workers of either kind also compete with "
             "the main process (which keeps the ids unique and, in `build`, writes the store)."]
    return {"title": "Extraction on Dask against --jobs", "tables": tables, "notes": notes}
