"""The page in real headless Chromium: drawn, offline, no errors, the <script> name inert."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from healthgraph.graph import PropertyGraph
from healthgraph.visual import viz

ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = pytest.mark.browser

_DRAWN = """
(function () {
  var n = healthgraph.network, box = n.body.container.getBoundingClientRect(), out = {nodes: {}, edges: {}};
  n.body.nodeIndices.forEach(function (id) {
    var node = n.body.nodes[id], p = n.canvasToDOM({x: node.x, y: node.y});
    out.nodes[id] = {x: p.x + box.left, y: p.y + box.top, label: node.options.label,
                     inside: p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height};
  });
  n.body.edgeIndices.forEach(function (id) {
    var e = n.body.edges[id];
    out.edges[id] = {from: e.fromId, to: e.toId, connected: e.connected, dashes: e.options.dashes};
  });
  return out;
})()
"""


def test_chromium_is_installed():
    # The browser tests must fail, not skip, on a machine without chromium.
    assert shutil.which("chromium") or shutil.which("/usr/bin/chromium"), "install chromium (scripts/setup.sh)"


def test_page_draws_the_network_offline_without_errors(graph, browser, tmp_path, evil):
    page = viz(graph, output=tmp_path / "network.html")
    tab = browser.open(page.path.as_uri())
    tab.wait_for("window.healthgraph && window.healthgraph.ready", timeout=60)
    drawn = tab.evaluate(_DRAWN)

    assert set(drawn["nodes"]) == {"bach-mai", "viet-duc", "bvdk-lai-chau", "bvdk-son-la", "syt-lai-chau",
                                   "x-evil", "x-bach-mai-2"}
    assert all(n["inside"] for n in drawn["nodes"].values()), drawn["nodes"]
    assert drawn["nodes"]["x-evil"]["label"] == evil  # drawn on the canvas as text
    edges = {(e["from"], e["to"]) for e in drawn["edges"].values() if e["connected"]}
    assert edges == {("bach-mai", "bvdk-lai-chau"), ("bach-mai", "x-evil"), ("bach-mai", "bvdk-son-la"),
                     ("syt-lai-chau", "viet-duc"), ("viet-duc", "bvdk-lai-chau")}
    assert drawn["edges"]["agreement:syt-lai-chau:viet-duc"]["dashes"]  # dashed once zoomed to fit

    # Hover the <script> organisation: its tooltip shows the name as text.
    x, y = drawn["nodes"]["x-evil"]["x"], drawn["nodes"]["x-evil"]["y"]
    tab.mouse_move(x - 40, y - 40)
    tab.mouse_move(x, y)
    tip = tab.wait_for("(function () { var t = document.querySelector('div.vis-tooltip');"
                       " return t && t.style.visibility === 'visible' && t.textContent; })()", timeout=10)
    assert tip.startswith(evil) and "Lai Châu" in tip
    assert tab.evaluate("document.querySelectorAll('div.vis-tooltip script, div.vis-tooltip b script').length") == 0
    time.sleep(0.2)
    shot = tab.screenshot(ARTIFACTS / "network.png")
    assert shot.stat().st_size > 10_000

    assert tab.evaluate("document.scripts.length") == 2
    assert tab.dialogs() == []  # alert(1) never ran
    assert tab.console_errors() == []
    assert tab.requests() == [page.path.as_uri()]


def test_big_page_opens_with_a_precomputed_layout(browser, tmp_path):
    pg = PropertyGraph()
    for i in range(1500):
        pg.add_node(f"h{i}", ("Organisation", "Hospital"), name=f"Bệnh viện {i}", kind="hospital",
                    tier="central" if i < 15 else "provincial")
    for i in range(15, 1500):
        pg.add_edge(f"h{i % 15}", "SUPPORTS", f"h{i}", kind="support" if i % 3 else "satellite")
    page = viz(pg, output=tmp_path / "big.html")
    assert not page.physics
    tab = browser.open(page.path.as_uri())
    tab.wait_for("window.healthgraph && window.healthgraph.ready", timeout=60)
    state = tab.evaluate("({nodes: healthgraph.network.body.nodeIndices.length,"
                         " edges: healthgraph.network.body.edgeIndices.length,"
                         " physics: healthgraph.network.physics.physicsEnabled})")
    assert state == {"nodes": 1500, "edges": 1485, "physics": False}
    tab.screenshot(ARTIFACTS / "big.png")
    assert tab.console_errors() == [] and tab.requests() == [page.path.as_uri()]
