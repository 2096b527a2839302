"""Time to first interactive frame, and panning speed, of a network page in headless Chromium.

Builds a synthetic corpus (:func:`healthgraph.synthetic.synth_corpus`) with about ``--nodes``
organisations, renders it with :func:`healthgraph.visual.viz` (above the physics threshold:
precomputed layout, no simulation; above the WebGL threshold, 2,000 nodes, the sigma.js
page; ``--renderer vis`` forces the vis-network page), opens the page in Debian's headless
Chromium and reads ``performance.now()`` at the first frame the user can pan and zoom,
measured from navigation start. It then pans the view for two seconds, one step per
animation frame, and counts the frames the renderer painted (pan fps: a full redraw per
frame). For the vis-network page it also drags with the mouse and zooms with the wheel (real
input events) and times every frame painted meanwhile, plus one full redraw with all edges
shown. For the WebGL page it drags with the mouse for two seconds and counts the screen frames
in which the view moved (the page moves the drawn picture while a gesture lasts), then times
sigma's drawing of the new view after the drag and after a wheel zoom. Prints one JSON line.

Usage::

    python benchmarks/viz_bench.py [--nodes 5000] [--repeat 3] [--renderer auto|vis] [--screenshot PNG]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

TESTS_VIZ = Path(__file__).resolve().parents[1] / "tests" / "viz"  # chromium.py: the page tests' browser driver

# Every redraw of the canvas, timed inside the browser: vis emits beforeDrawing and
# afterDrawing around each frame it paints.
_RECORD_FRAMES = """
(function () {
  var n = healthgraph.network, t0 = 0;
  window.hgFrames = [];
  n.on("beforeDrawing", function () { t0 = performance.now(); });
  n.on("afterDrawing", function () { window.hgFrames.push(performance.now() - t0); });
  return true;
})()
"""
# A full redraw with every edge shown (moveTo does not hide edges as a drag does).
_FULL_REDRAW = """
new Promise(function (resolve) {
  var n = healthgraph.network, p = n.getViewPosition(), t0 = performance.now();
  n.once("afterDrawing", function () { resolve(performance.now() - t0); });
  n.moveTo({position: {x: p.x + 50, y: p.y + 50}, scale: n.getScale()});
})
"""


# Pan for two seconds, one camera step per animation frame; count the frames painted.
_PAN_FPS = """
new Promise(function (resolve) {
  var hg = healthgraph, painted = 0, t0 = null, last = 0, step = 0;
  function count() { painted++; }
  var pan, stop;
  if (hg.webgl) {
    var camera = hg.renderer.getCamera();
    hg.renderer.on("afterRender", count);
    pan = function (i) { var s = camera.getState(); camera.setState({x: s.x + 0.002 * (i % 100 < 50 ? 1 : -1)}); };
    stop = function () { hg.renderer.off("afterRender", count); };
  } else {
    var n = hg.network;
    n.on("afterDrawing", count);
    pan = function (i) { var p = n.getViewPosition(); n.moveTo({position: {x: p.x + (i % 100 < 50 ? 5 : -5), y: p.y}}); };
    stop = function () { n.off("afterDrawing", count); };
  }
  function frame(t) {
    if (t0 === null) { t0 = t; painted = 0; }
    if (t - t0 >= 2000) { stop(); resolve({fps: painted * 1000 / (t - t0), frames: painted}); return; }
    pan(step++);
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})
"""


def _drag_and_zoom(tab, width: int, height: int) -> list[float]:
    """Pan by dragging with the mouse and zoom with the wheel; return the frame times (ms)."""
    tab.evaluate(_RECORD_FRAMES)
    x, y = width / 2, height / 2
    tab.send("Input.dispatchMouseEvent", {"type": "mousePressed", "x": x, "y": y, "button": "left", "clickCount": 1})
    for step in range(1, 21):
        tab.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x + 10 * step, "y": y + 5 * step,
                                              "button": "left", "buttons": 1})
        time.sleep(0.02)
    tab.send("Input.dispatchMouseEvent", {"type": "mouseReleased", "x": x + 200, "y": y + 100, "button": "left",
                                          "clickCount": 1})
    for _ in range(5):
        tab.send("Input.dispatchMouseEvent", {"type": "mouseWheel", "x": x, "y": y, "deltaX": 0, "deltaY": -120})
        time.sleep(0.05)
    time.sleep(0.3)
    return tab.evaluate("window.hgFrames")


# Count the screen frames in which the WebGL page's picture moved, and time sigma's one
# drawing after the gesture ends.
_WATCH_PICTURE = """
(function () {
  var canvas = healthgraph.renderer.getCanvases().nodes, w = window.hgWatch = {moved: 0, frames: 0, last: "", drawn: null};
  function frame() {
    var t = canvas.style.transform;
    w.frames++; if (t !== w.last) { w.moved++; w.last = t; }
    if (!w.stop) { requestAnimationFrame(frame); }
  }
  requestAnimationFrame(frame);
  return true;
})()
"""


def _drag_webgl(tab, width: int, height: int, seconds: float = 2.0) -> dict:
    """Drag the WebGL page with the mouse for ``seconds`` (a move every 16 ms, as a mouse
    reports), then wheel-zoom; return the frames per second in which the view moved and
    the milliseconds sigma took to draw the new view after each gesture."""
    x, y = width / 2, height / 2
    tab.evaluate(_WATCH_PICTURE)
    tab.send("Input.dispatchMouseEvent", {"type": "mousePressed", "x": x, "y": y, "button": "left", "clickCount": 1})
    started, step = time.perf_counter(), 0
    while time.perf_counter() - started < seconds:
        step += 1
        dx = 3 * (step % 100 if step % 200 < 100 else 100 - step % 100)  # back and forth
        tab.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x + dx - 150, "y": y, "button": "left",
                                              "buttons": 1})
        time.sleep(0.016)
    elapsed = time.perf_counter() - started
    watched = tab.evaluate("window.hgWatch")
    released = tab.evaluate("performance.now()")
    tab.send("Input.dispatchMouseEvent", {"type": "mouseReleased", "x": x, "y": y, "button": "left", "clickCount": 1})
    tab.wait_for("healthgraph.renderer.getCanvases().nodes.style.transform === ''", timeout=120)
    drag_draw = tab.evaluate("performance.now()") - released
    for _ in range(3):
        tab.send("Input.dispatchMouseEvent", {"type": "mouseWheel", "x": x, "y": y, "deltaX": 0, "deltaY": -120})
        time.sleep(0.05)
    wheeled = tab.evaluate("performance.now()")
    tab.wait_for("healthgraph.renderer.getCanvases().nodes.style.transform === ''", timeout=120)
    zoom_draw = tab.evaluate("performance.now()") - wheeled
    tab.evaluate("window.hgWatch.stop = true")
    return {"fps": watched["moved"] / elapsed, "drag_draw_ms": drag_draw, "zoom_draw_ms": zoom_draw}


def build_corpus(nodes: int, seed: int = 0):
    """A synthetic corpus with at least ``nodes`` organisations (hub-and-spoke, like the real one)."""
    from healthgraph.synthetic import synth_corpus

    hospitals = int(nodes * 0.97)
    while True:
        corpus = synth_corpus(partnerships=nodes * 2, hospitals=hospitals, seed=seed)
        if len(corpus.organisations) >= nodes:
            return corpus
        hospitals += max(1, nodes - len(corpus.organisations))


def run(nodes: int = 5000, repeat: int = 3, renderer: str = "auto", screenshot: str | None = None) -> dict:
    from healthgraph.graph import to_property_graph
    from healthgraph.visual import viz

    sys.path.insert(0, str(TESTS_VIZ))
    from chromium import Chromium

    corpus = build_corpus(nodes)
    graph = to_property_graph(corpus)
    first_frames, ready, frames, full, fps, drags = [], [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "network.html"
        started = time.perf_counter()
        page = viz(graph, output=out, **({"webgl_threshold": nodes * 10} if renderer == "vis" else {}))
        render_s = time.perf_counter() - started
        html_bytes = out.stat().st_size
        for _ in range(repeat):  # a fresh browser each time: no warm cache
            with Chromium() as browser:
                opened = time.perf_counter()
                tab = browser.open(out.as_uri(), timeout=120)
                tab.wait_for("window.healthgraph && window.healthgraph.ready", timeout=120)
                wall = time.perf_counter() - opened
                if screenshot:
                    tab.screenshot(screenshot)
                first_frames.append(tab.evaluate("healthgraph.firstDrawAt"))
                ready.append(wall)
                fps.append(tab.evaluate(_PAN_FPS, timeout=120)["fps"])
                if page.webgl:
                    drags.append(_drag_webgl(tab, browser.width, browser.height))
                else:
                    full.append(tab.evaluate(_FULL_REDRAW, timeout=60))
                    frames.extend(_drag_and_zoom(tab, browser.width, browser.height))
                errors = tab.console_errors()
                remote = [u for u in tab.requests() if not u.startswith("file://")]
                if errors or remote:
                    raise SystemExit(f"page broken: errors={errors[:3]} remote requests={remote[:3]}")
    return {
        "benchmark": "viz_first_frame",
        "renderer": "sigma.js (WebGL)" if page.webgl else "vis-network (canvas)",
        "nodes": page.nodes,
        "edges": page.edges,
        "physics": page.physics,
        "html_bytes": html_bytes,
        "render_s": round(render_s, 3),
        "first_frame_ms_median": round(statistics.median(first_frames), 1),
        "first_frame_ms": [round(t, 1) for t in first_frames],
        "open_to_ready_wall_s_median": round(statistics.median(ready), 3),
        "pan_fps_median": round(statistics.median(fps), 1),
        "pan_fps": [round(f, 1) for f in fps],
        "webgl_drag_fps_median": round(statistics.median(d["fps"] for d in drags), 1) if drags else None,
        "webgl_draw_after_drag_ms_median": round(statistics.median(d["drag_draw_ms"] for d in drags)) if drags else None,
        "webgl_draw_after_zoom_ms_median": round(statistics.median(d["zoom_draw_ms"] for d in drags)) if drags else None,
        "drag_zoom_frames": len(frames),
        "drag_zoom_frame_ms_median": round(statistics.median(frames), 1) if frames else None,
        "drag_zoom_frame_ms_max": round(max(frames), 1) if frames else None,
        "full_redraw_ms_median": round(statistics.median(full), 1) if full else None,
        "repeat": repeat,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--renderer", choices=("auto", "vis"), default="auto",
                        help="auto: the page viz writes for that size; vis: the vis-network page whatever the size")
    parser.add_argument("--screenshot", metavar="PNG", help="save what the page shows once ready")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.nodes, args.repeat, args.renderer, args.screenshot)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
