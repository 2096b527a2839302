"""HTML network page: time to first interactive frame and pan fps of a 5,000-node page, WebGL and
vis-network (benchmarks/viz_bench.py)."""
from __future__ import annotations

from common import HERE, fmt, measure

# Labels for the figures viz_bench.py reports; any other figure it adds is shown under its own key.
LABELS = {
    "nodes": "nodes drawn", "edges": "edges drawn", "physics": "physics simulation",
    "html_bytes": "page size (bytes)", "render_s": "render the HTML in Python (s)",
    "first_frame_ms_median": "time to first interactive frame, median (ms, navigation start → first afterDrawing)",
    "first_frame_ms": "time to first interactive frame, each run (ms)",
    "open_to_ready_wall_s_median": "open → ready, wall clock, median (s)",
    "renderer": "renderer",
    "pan_fps_median": "pan, frames painted per second, median (camera moved every animation frame for 2 s)",
    "pan_fps": "pan fps, each run",
    "webgl_drag_fps_median": "WebGL: mouse drag, screen frames per second in which the view moved, median",
    "webgl_draw_after_drag_ms_median": "WebGL: drawing the new view after a drag, median (ms)",
    "webgl_draw_after_zoom_ms_median": "WebGL: drawing the new view after a wheel zoom, median (ms)",
    "peak_rss_mb": "peak RSS of the Python side (MB)",
}
SKIP = {"benchmark", "repeat"}


def run(quick: bool) -> dict:
    title = "Interactive HTML page (5,000 nodes, headless Chromium)"
    if not (HERE / "viz_bench.py").is_file():
        return {"title": title, "tables": [], "notes": ["not run: benchmarks/viz_bench.py is missing"]}
    repeat = 1 if quick else 3
    tables = []
    for renderer in ("auto", "vis"):  # the page viz writes at 5,000 nodes (WebGL), and vis-network's
        r = measure("viz_bench:run", nodes=5000, repeat=repeat, renderer=renderer, timeout=900)
        if "error" in r:
            rows = [["time to first interactive frame", r["error"]]]
        else:
            rows = [[LABELS.get(k, k.replace("_", " ")), v if isinstance(v, str) else
                     fmt(v, digits=0 if isinstance(v, int) else 1) if not isinstance(v, (list, bool)) else
                     ("on" if v is True else "off" if v is False else ", ".join(map(str, v)))]
                    for k, v in r.items() if k not in SKIP and v is not None]
        tables.append({"caption": f"5,000-node page ({renderer}), {repeat} fresh browser run(s)",
                       "columns": ["", "value"], "rows": rows})
    return {"title": title, "tables": tables,
            "notes": ["`benchmarks/viz_bench.py` (written by the viz engineer) run in a child process: "
                      "`viz_bench.run(nodes=5000)` renders a synthetic corpus with `healthgraph.visual.viz` and opens "
                      "it in Debian's headless chromium."]}
