"""Shared helpers for the benchmarks: one measurement per child process, machine facts, results.

Every measurement runs in a fresh ``python`` child (:func:`measure`), so its peak
resident memory (``ru_maxrss``) is its own and a crash or a time-out loses only that
figure. A benchmark module exposes ``run(quick: bool) -> dict`` with ``title``, ``tables``
(each ``{"caption", "columns", "rows"}``) and ``notes``; a figure that could not be measured
is the string ``"not run: <reason>"``, never a guess.
"""
from __future__ import annotations

import importlib
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCORE = Path(os.environ.get("HEALTHGRAPH_SCORE", ROOT.parent / "shared" / "eval" / "score.py"))


class NotRun(Exception):
    """A measurement that cannot run here; the message says why."""


def measure(target: str, timeout: float = 600, **kwargs) -> dict:
    """Run ``module:function(**kwargs)`` in a child process and return its result dict.

    The child adds ``peak_rss_mb`` (its own peak resident memory). A failure becomes
    ``{"error": "not run: ..."}`` with the last line of the child's error output.
    """
    cmd = [sys.executable, str(HERE / "common.py"), target, json.dumps(kwargs)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])}
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"error": f"not run: exceeded the {timeout:.0f} s time cap"}
    if out.returncode != 0:
        lines = [line for line in out.stderr.strip().splitlines() if line.strip()]
        return {"error": "not run: " + (lines[-1] if lines else f"exit {out.returncode}")[:300]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def _child(target: str, kwargs: str) -> None:
    module, function = target.split(":")
    result = getattr(importlib.import_module(module), function)(**json.loads(kwargs))
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result, default=str))


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    """``(seconds, result)`` of one call, on the monotonic clock."""
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def best_of(fn, repeat: int = 5) -> tuple[float, float]:
    """Median and best latency in milliseconds over ``repeat`` calls (after one warm-up call)."""
    fn()
    times = sorted(timed(fn)[0] * 1000 for _ in range(repeat))
    return times[len(times) // 2], times[0]


def machine() -> dict:
    """Facts about this machine and the library versions, for the report header."""
    import psutil

    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for name in ("healthgraph", "rdflib", "pyoxigraph", "oxrdflib", "neo4j", "networkx", "pyvis"):
        try:
            from importlib.metadata import version

            versions[name] = version(name)
        except Exception:  # noqa: BLE001 - a missing package is simply not listed
            pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[:1] \
        if _which("java") else []
    return {
        "cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
        "java": java[0] if java else "none", "versions": versions,
    }


def _which(program: str) -> bool:
    from shutil import which

    return which(program) is not None


def fmt(value, unit: str = "", digits: int = 0) -> str:
    """Format a figure for a table cell (strings such as ``not run: ...`` pass through)."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    text = f"{value:,.{digits}f}"
    return f"{text} {unit}".strip()


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2])
