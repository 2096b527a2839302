"""Run every benchmark and write BENCHMARKS.md.

    python benchmarks/run_all.py [--quick] [--only extract,rdf] [--out FILE]

Only the full run (every benchmark at full size) writes BENCHMARKS.md by default: a
``--quick`` or ``--only`` run prints its report, and writes a file only when ``--out`` names one,
so that a partial run never replaces the figures of a whole one.

Each benchmark module runs in its own process: one that fails or is not available yet
shows up in the report as "not run: <reason>" and the others still run. ``--quick`` uses
the smallest sizes (a few minutes); the full run takes about
40 minutes on 2 cores (most of it building the 1M-edge graph into each backend; the fuzz target, 100,000 inputs, takes 8;
the Dask comparison, 6 to 12; a JSONL corpus of 10,000 to 500,000 articles through extract and build, about 80 more).
The Neo4j benchmarks start the repository's server (scripts/neo4j-server.sh) on a Bolt
port of their own (7689) and stop it afterwards; they never touch a server on 7687.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from common import HERE, ROOT, machine

BENCHMARKS = {  # name -> (module, needs the Neo4j server)
    "extract": ("bench_extract", False),
    "stream": ("bench_stream", False),
    "rdf": ("bench_rdf", False),
    "neo4j": ("bench_neo4j", True),
    "queries": ("bench_queries", True),
    "viz": ("bench_viz", False),
    "fuzz": ("bench_fuzz", False),
    "dask": ("bench_dask", False),
}


def run_module(module: str, quick: bool, timeout: float) -> dict:
    """Run ``module.run(quick)`` in a child process; a failure becomes a "not run" section."""
    code = (f"import json, {module}; print('\\n@@RESULT@@' + json.dumps({module}.run({quick!r}), default=str))")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])}
    start = time.perf_counter()
    try:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout,
                             cwd=str(HERE), env=env)
    except subprocess.TimeoutExpired:
        return {"title": module, "not_run": f"exceeded the {timeout:.0f} s cap", "seconds": timeout}
    seconds = time.perf_counter() - start
    if out.returncode != 0 or "@@RESULT@@" not in out.stdout:
        lines = [line for line in out.stderr.strip().splitlines() if line.strip()]
        return {"title": module, "not_run": (lines[-1] if lines else f"exit {out.returncode}")[:300],
                "seconds": seconds}
    result = json.loads(out.stdout.split("@@RESULT@@", 1)[1])
    result["seconds"] = seconds
    return result


class Neo4jServer:
    """A Neo4j server of the benchmarks' own (the benchmarks empty its database).

    ``$HEALTHGRAPH_BENCH_NEO4J_URI`` names one to use; otherwise the repository's server is
    started on its own Bolt port (``$HEALTHGRAPH_BENCH_NEO4J_PORT``, 7689), so that a
    development or CI server on 7687 is never touched, and stopped at the end.
    """

    def __init__(self):
        self.port = os.environ.get("HEALTHGRAPH_BENCH_NEO4J_PORT", "7689")
        self.given = os.environ.get("HEALTHGRAPH_BENCH_NEO4J_URI")
        self.started = False

    def _script(self, action: str) -> subprocess.CompletedProcess:
        return subprocess.run(["bash", str(ROOT / "scripts" / "neo4j-server.sh"), action], capture_output=True,
                              text=True, env={**os.environ, "NEO4J_BOLT_PORT": self.port})

    def __enter__(self):
        if self.given:
            os.environ["NEO4J_URI"] = self.given
            return self
        os.environ["NEO4J_URI"] = f"bolt://127.0.0.1:{self.port}"
        os.environ.setdefault("NEO4J_HEAP", "2g")  # the 1M-edge graph's queries need more than the 1g default
        if (ROOT / "scripts" / "neo4j-server.sh").is_file():
            done = self._script("start")
            self.started = done.returncode == 0 and "already running" not in done.stdout
            if done.returncode != 0:
                print(f"neo4j server did not start: {done.stderr.strip()[-300:]}", file=sys.stderr)
        return self

    def __exit__(self, *exc):
        if self.started:
            self._script("stop")


def table_md(table: dict) -> list[str]:
    cols = table["columns"]
    lines = [f"**{table['caption']}**", "", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in table["rows"]:
        lines.append("| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |")
    return lines + [""]


def report(results: list[dict], facts: dict, quick: bool, total: float, command: str) -> str:
    v = facts["versions"]
    out = ["# Benchmarks", "",
           f"Measured on {dt.date.today().isoformat()} in one run of `{command}` "
           f"({'quick sizes' if quick else 'full sizes'}, {total / 60:.1f} min in all).", "",
           "| machine | |", "|---|---|",
           f"| CPU | {facts['cpu']} ({facts['cores']} cores) |", f"| RAM | {facts['ram_gb']} GB |",
           f"| OS | {facts['os']} |", f"| Python | {facts['python']} |", f"| Java | {facts['java']} |",
           "| libraries | " + ", ".join(f"{k} {v[k]}" for k in sorted(v)) + " |", "",
           "Every figure below comes from this run; a figure that could not be measured says "
           "\"not run\" and why. Peak memory is each measurement's own process (`ru_maxrss`), "
           "measured in a fresh child process per measurement.", ""]
    for r in results:
        out += [f"## {r['title']}", ""]
        if "not_run" in r:
            out += [f"not run: {r['not_run']}", ""]
            continue
        for table in r["tables"]:
            out += table_md(table)
        for note in r.get("notes", []):
            out += [f"- {note}"]
        out += ["", f"_({r['seconds']:.0f} s)_", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smallest sizes only (a few minutes)")
    ap.add_argument("--only", help="comma-separated subset: " + ",".join(BENCHMARKS))
    ap.add_argument("--out", help="the report's file (default: BENCHMARKS.md for a full run; a partial run prints it)")
    ap.add_argument("--timeout", type=float, default=None, help="cap per benchmark in seconds")
    args = ap.parse_args(argv)
    names = args.only.split(",") if args.only else list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        ap.error(f"unknown benchmark(s): {', '.join(unknown)}")
    timeout = args.timeout or (600 if args.quick else 7200)  # the 1M-edge query run alone takes ~20 min
    start = time.perf_counter()
    facts = machine()
    results = []
    needs_server = any(BENCHMARKS[n][1] for n in names)
    with (Neo4jServer() if needs_server else _Nothing()):
        for name in names:
            print(f"running {name} …", file=sys.stderr, flush=True)
            results.append(run_module(BENCHMARKS[name][0], args.quick, timeout))
            print(f"  {name}: {results[-1]['seconds']:.0f} s", file=sys.stderr, flush=True)
            for ratio in results[-1].get("ratios", []):  # the comparisons with each anchor, as they come
                print(f"    {ratio}", file=sys.stderr, flush=True)
    command = "python benchmarks/run_all.py" + (" --quick" if args.quick else "") + \
        (f" --only {args.only}" if args.only else "") + (f" --timeout {args.timeout:.0f}" if args.timeout else "")
    text = report(results, facts, args.quick, time.perf_counter() - start, command)
    out = args.out or (None if args.quick or args.only else str(ROOT / "BENCHMARKS.md"))
    if out is None:
        print(text)
        print("a partial run writes no file unless --out names one: BENCHMARKS.md is left as it was", file=sys.stderr)
        return 0
    Path(out).write_text(text, encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)
    return 0


class _Nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None


if __name__ == "__main__":
    sys.exit(main())
