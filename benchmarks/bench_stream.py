"""A JSONL corpus through ``extract`` and ``build``: time and memory as the corpus grows (#15).

For each size, ``healthgraph synth -n N --jsonl`` writes one articles.jsonl; then, each in a
child process of its own on one core:

- ``api``: ``healthgraph.extraction.extract_iter([corpus])``, each document's facts dropped
  as it comes (what a caller that streams gets);
- ``extract --format json``: the CLI, its output to /dev/null;
- ``build``: ``healthgraph build corpus.jsonl --store DIR`` (a first build: the bulk load).

Peak RSS is the child's ``ru_maxrss`` (from ``wait4``); the curve is the child's ``VmRSS``
read from ``/proc/<pid>/status`` every ``interval`` seconds, reported at 25/50/75/100 % of
the run's wall time. Memory that grows with N shows as a curve that keeps climbing and a
peak that grows from one size to the next.

    python benchmarks/bench_stream.py [--sizes 10000,100000] [--modes api,json,build]
    python benchmarks/bench_stream.py --corpus articles.jsonl [--modes build]

``--corpus FILE`` measures one corpus already written (``healthgraph synth -n N --jsonl``), its
articles counted by its lines, instead of writing one per size.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUICK_SIZES = [2000, 10000]
FULL_SIZES = [10000, 100000, 500000]
MODES = ("api", "json", "build")
# --quick stays under a minute: every run at 2,000 articles, the streaming CLI alone at 10,000
QUICK_MODES = {2000: MODES, 10000: ("json",)}
# the full run, about 80 minutes on one core: 500,000 articles through the API (the CLI's JSON is the same
# stream, written) and the build only
FULL_MODES = {10000: MODES, 100000: MODES, 500000: ("api", "build")}
_API = ("import sys\nfrom healthgraph.extraction import extract_iter\n"
        "n = sum(1 for _ in extract_iter([sys.argv[1]], on_error=lambda e: None))\nprint(n)\n")


def command(mode: str, corpus: Path, store: Path) -> list[str]:
    if mode == "api":
        return [sys.executable, "-c", _API, str(corpus)]
    if mode == "json":
        return [sys.executable, "-m", "healthgraph", "extract", str(corpus), "--format", "json"]
    return [sys.executable, "-m", "healthgraph", "build", str(corpus), "--store", str(store)]


def _vmrss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def profile(cmd: list[str], interval: float = 1.0, timeout: float = 3600) -> dict:
    """Run ``cmd`` with stdout to /dev/null; its seconds, peak RSS (``ru_maxrss``) and RSS samples."""
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    start = time.perf_counter()
    with open(os.devnull, "wb") as null, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(cmd, stdout=null, stderr=err, env=env)
        samples: list[tuple[float, float]] = []
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            rss = _vmrss_mb(child.pid)
            if rss is not None:
                samples.append((time.perf_counter() - start, rss))
            if time.perf_counter() - start > timeout:
                child.kill()
            time.sleep(interval)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = [line for line in err.read().decode("utf-8", "replace").splitlines() if line.strip()]
    if child.returncode not in (0, 1):  # 1: some input skipped, still a run
        return {"error": f"not run: exit {child.returncode}: " + (tail[-1] if tail else "")[:200]}
    return {"seconds": seconds, "peak_rss_mb": usage.ru_maxrss / 1024, "curve": _quartiles(samples, seconds)}


def _quartiles(samples: list[tuple[float, float]], seconds: float) -> list[float | None]:
    """The sampled RSS nearest 25, 50, 75 and 100 % of the run (the last sample for 100 %)."""
    if not samples:
        return [None] * 4
    picks = [min(samples, key=lambda s: abs(s[0] - f * seconds))[1] for f in (0.25, 0.5, 0.75)]
    return picks + [samples[-1][1]]


def corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "healthgraph", "synth", "-n", str(n), "-o", str(folder), "--jsonl"],
                   check=True, stdout=subprocess.DEVNULL)
    return folder / "articles.jsonl"


def measure_sizes(sizes: list[int], modes: tuple[str, ...] | dict[int, tuple[str, ...]], interval: float,
                  tmp: Path) -> list[list]:
    rows = []
    for n in sizes:
        path = corpus(tmp / f"c{n}", n)
        rows += measure(path, n, modes.get(n, ()) if isinstance(modes, dict) else modes, interval, tmp)
    return rows


def measure(path: Path, n: int, modes: tuple[str, ...], interval: float, tmp: Path) -> list[list]:
    """One row per mode for the corpus ``path`` of ``n`` articles (its stores written under ``tmp``)."""
    rows = []
    for mode in modes:
        result = profile(command(mode, path, tmp / f"store-{n}-{mode}"), interval)
        label = {"api": "extract_iter (API)", "json": "extract --format json", "build": "build --store"}[mode]
        if "error" in result:
            rows.append([label, f"{n:,}", result["error"], "", "", "", "", ""])
        else:
            curve = [f"{x:.0f}" if x is not None else "–" for x in result["curve"]]
            rows.append([label, f"{n:,}", f"{result['seconds']:.1f}", f"{result['peak_rss_mb']:.0f}", *curve])
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    return rows


def count_lines(path: Path) -> int:
    with open(path, "rb") as stream:
        return sum(block.count(b"\n") for block in iter(lambda: stream.read(1 << 24), b""))


COLUMNS = ["run", "articles", "seconds", "peak RSS MB", "RSS at 25 %", "50 %", "75 %", "100 %"]


def run(quick: bool) -> dict:
    sizes = QUICK_SIZES if quick else FULL_SIZES
    interval = 0.25 if quick else 1.0
    with tempfile.TemporaryDirectory() as tmp:
        rows = measure_sizes(sizes, QUICK_MODES if quick else FULL_MODES, interval, Path(tmp))
    return {"title": "A JSONL corpus through extract and build (#15)",
            "tables": [{"caption": f"One articles.jsonl of N synthetic articles, one core; RSS in MB, sampled every "
                                   f"{interval:g} s (VmRSS) at 25/50/75/100 % of the run's wall time",
                        "columns": COLUMNS, "rows": rows}],
            "notes": ["Each run is a child process of its own; peak RSS is its ru_maxrss.",
                      "A curve that stays flat while the articles grow is bounded memory."]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=",".join(map(str, QUICK_SIZES)))
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--interval", type=float, default=1.0)
    ap.add_argument("--corpus", type=Path, help="a JSONL corpus already written: measured instead of --sizes")
    ap.add_argument("--tmp", help="folder for corpora and stores (a temporary one by default)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    modes = tuple(args.modes.split(","))
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        if args.corpus:
            rows = measure(args.corpus, count_lines(args.corpus), modes, args.interval, Path(tmp))
        else:
            rows = measure_sizes(sizes, modes, args.interval, Path(tmp))
    print("| " + " | ".join(COLUMNS) + " |\n|" + "---|" * len(COLUMNS))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
