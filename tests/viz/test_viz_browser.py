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


def _two_kinds_between_one_pair(graph):
    """Bạch Mai both takes Lai Châu as a satellite (2019) and supports it (2023 to 2024)."""
    graph.add_edge("bach-mai", "SUPPORTS", "bvdk-lai-chau", kind="support", date="2023-01", valid_from="2023-01",
                   valid_to="2024-12", evidence="Bạch Mai cử bác sĩ hỗ trợ Lai Châu.", source="Báo Lai Châu",
                   document="https://example.org/lai-chau")
    return graph


def _assert_labels_apart(boxes, at_least=3):
    """Labels drawn at the default zoom never cover one another."""
    assert len(boxes) >= at_least
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
                        and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]), (a, b)


_EDGE_MIDDLE = """
(function (id) {
  var n = healthgraph.network, e = n.body.edges[id], p = e.edgeType.getPoint(0.5), box = n.body.container.getBoundingClientRect();
  var d = n.canvasToDOM(p);
  return {x: d.x + box.left, y: d.y + box.top, smooth: e.options.smooth.enabled ? e.options.smooth.type : null};
})(%r)
"""


def test_parallel_links_are_apart_and_each_can_be_hovered(graph, browser, tmp_path):
    page = viz(_two_kinds_between_one_pair(graph), output=tmp_path / "pair.html")
    tab = browser.open(page.path.as_uri())
    tab.wait_for("window.healthgraph && window.healthgraph.ready", timeout=60)
    ids = ["satellite:bach-mai:bvdk-lai-chau", "supports:bach-mai:bvdk-lai-chau"]
    middles = [tab.evaluate(_EDGE_MIDDLE % i) for i in ids]
    assert {m["smooth"] for m in middles} == {"curvedCW", "curvedCCW"}
    assert abs(middles[0]["x"] - middles[1]["x"]) + abs(middles[0]["y"] - middles[1]["y"]) > 10
    for edge_id, middle, sentence in zip(ids, middles, ("vệ tinh", "cử bác sĩ")):
        tab.mouse_move(middle["x"] + 80, middle["y"] + 80)
        tab.mouse_move(middle["x"], middle["y"])
        tip = tab.wait_for("(function () { var t = document.querySelector('div.vis-tooltip');"
                           " return t && t.style.visibility === 'visible' && t.textContent; })()", timeout=10)
        assert sentence in tip, (edge_id, tip)
    _assert_labels_apart(tab.evaluate("healthgraph.labelBoxes"))
    tab.screenshot(ARTIFACTS / "pair.png")
    assert tab.console_errors() == []


def test_search_opens_the_panel_with_evidence_and_names_stay_text(graph, browser, tmp_path, evil):
    page = viz(_two_kinds_between_one_pair(graph), output=tmp_path / "search.html")
    tab = browser.open(page.path.as_uri())
    tab.wait_for("window.healthgraph && window.healthgraph.ready", timeout=60)
    # type as a user does: no diacritics
    tab.evaluate("(function () { var s = document.getElementById('search'); s.value = 'bach mai';"
                 " s.dispatchEvent(new Event('input')); })()")
    results = tab.evaluate("Array.from(document.querySelectorAll('#results li')).map(function (li) { return li.textContent; })")
    assert results[0].startswith("Bệnh viện Bạch Mai")
    tab.evaluate("document.querySelector('#results li').click()")
    panel = tab.evaluate("document.getElementById('panel').style.display === 'block' && document.getElementById('panel-body').innerText")
    assert "Bệnh viện Bạch Mai" in panel and "4 agreements" in panel
    assert "“Bạch Mai nhận Lai Châu làm bệnh viện vệ tinh.”" in panel and "VnExpress" in panel and "2019-03-02" in panel
    assert tab.evaluate("document.querySelector('#panel a').href") == "https://example.org/lai-chau"
    # the hostile name: found, listed and shown as text, never run
    tab.evaluate("(function () { var s = document.getElementById('search'); s.value = 'script';"
                 " s.dispatchEvent(new Event('input')); })()")
    assert tab.evaluate("document.querySelector('#results li').textContent").startswith(evil)
    tab.evaluate("document.querySelector('#results li').click()")
    assert tab.evaluate("document.querySelector('#panel-body h2').textContent") == evil
    assert tab.evaluate("document.querySelectorAll('#panel script, #results script').length") == 0
    tab.screenshot(ARTIFACTS / "panel.png")
    assert tab.dialogs() == [] and tab.console_errors() == [] and tab.requests() == [page.path.as_uri()]


def test_time_slider_hides_agreements_not_in_force(graph, browser, tmp_path):
    page = viz(_two_kinds_between_one_pair(graph), output=tmp_path / "time.html")
    tab = browser.open(page.path.as_uri())
    tab.wait_for("window.healthgraph && window.healthgraph.ready", timeout=60)
    months = tab.evaluate("(function () { var s = document.getElementById('when'); return +s.max; })()")
    assert months > 12

    def move_to(month):  # the slider as a user drags it
        tab.evaluate("(function (m) { var s = document.getElementById('when'), i = 0;"
                     " for (; i < +s.max; i++) { s.value = i; s.dispatchEvent(new Event('input'));"
                     " if (healthgraph.at === m) { break; } } })(%r)" % month)
        return sorted(tab.evaluate("healthgraph.visibleEdges"))

    assert move_to("2020-06") == ["agreement:syt-lai-chau:viet-duc", "satellite:bach-mai:bvdk-lai-chau"]
    assert tab.evaluate("document.getElementById('shown-date').textContent") == "in force on 2020-06"
    assert "supports:bach-mai:bvdk-lai-chau" in move_to("2023-06")
    assert "supports:bach-mai:bvdk-lai-chau" not in move_to("2025-01")  # ended 2024-12
    drawn = tab.evaluate("healthgraph.edges.get({filter: function (e) { return !e.hidden; }}).map(function (e) { return e.id; })")
    assert sorted(drawn) == move_to("2025-01")
    tab.evaluate("(function () { var c = document.getElementById('hide-isolated'); c.click(); })()")
    shown = set(tab.evaluate("healthgraph.nodes.get({filter: function (n) { return !n.hidden; }}).map(function (n) { return n.id; })"))
    assert "x-bach-mai-2" not in shown and "bach-mai" in shown
    assert tab.console_errors() == []


# Pixels drawn by WebGL, read in the same task as a synchronous render (before the buffer is cleared).
_WEBGL_PIXELS = """
(function () {
  var r = healthgraph.renderer, canvases = r.getCanvases(), painted = 0;
  r.refresh();
  Object.keys(canvases).forEach(function (name) {
    var c = canvases[name], gl = c.getContext("webgl2") || c.getContext("webgl");
    if (!gl) { return; }
    var px = new Uint8Array(c.width * c.height * 4);
    gl.readPixels(0, 0, c.width, c.height, gl.RGBA, gl.UNSIGNED_BYTE, px);
    for (var i = 3; i < px.length; i += 4) { if (px[i]) { painted++; } }
  });
  return painted;
})()
"""


def test_big_page_is_drawn_with_webgl_offline(graph, browser, tmp_path, evil):
    page = viz(_two_kinds_between_one_pair(graph), output=tmp_path / "webgl.html", webgl_threshold=3)
    assert page.webgl
    text = page.path.read_text(encoding="utf-8")
    assert "sigma" in text and "vis.Network" not in text
    tab = browser.open(page.path.as_uri())
    tab.wait_for("window.healthgraph && window.healthgraph.ready", timeout=60)
    # six links; the satellite and the support link of Bạch Mai and Lai Châu are one line
    assert tab.evaluate("[healthgraph.graph.order, healthgraph.graph.size]") == [7, 5]
    assert tab.evaluate(_WEBGL_PIXELS) > 500
    _assert_labels_apart(tab.evaluate("healthgraph.labelBoxes"), at_least=1)  # sigma labels the biggest only
    # the same controls as the small page
    assert tab.evaluate("healthgraph.search('script')") == ["x-evil"]
    tab.evaluate("healthgraph.open('x-evil')")
    assert tab.evaluate("document.querySelector('#panel-body h2').textContent") == evil
    tab.evaluate("healthgraph.setDate('2020-06')")
    hidden = tab.evaluate("healthgraph.graph.filterEdges(function (e, a) { return a.hidden; })")
    drawn = tab.evaluate("['supports:bach-mai:x-evil', 'satellite:bach-mai:bvdk-lai-chau'].map(healthgraph.drawnEdge)")
    assert drawn[0] in hidden and drawn[1] not in hidden
    tab.screenshot(ARTIFACTS / "webgl.png")
    assert tab.dialogs() == [] and tab.console_errors() == [] and tab.requests() == [page.path.as_uri()]


# The middle of the line between two nodes, and where each is, in page pixels.
_WEBGL_PAIR = """
(function (a, b) {
  var r = healthgraph.renderer, g = healthgraph.graph;
  var p = r.graphToViewport(g.getNodeAttributes(a)), q = r.graphToViewport(g.getNodeAttributes(b));
  return {x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, a: p, b: q};
})(%r, %r)
"""
_TIP = "(function () { var t = document.getElementById('tip'); return t.style.display === 'block' && t.innerText; })()"


def test_webgl_tooltips_tell_every_kind_of_a_pair_and_each_organisation(graph, browser, tmp_path, evil):
    page = viz(_two_kinds_between_one_pair(graph), output=tmp_path / "webgl-tips.html", webgl_threshold=3)
    tab = browser.open(page.path.as_uri())
    tab.wait_for("window.healthgraph && window.healthgraph.ready", timeout=60)
    where = tab.evaluate(_WEBGL_PAIR % ("bach-mai", "bvdk-lai-chau"))
    tab.mouse_move(where["x"] + 3, where["y"] + 60)
    tab.mouse_move(where["x"], where["y"])
    tip = tab.wait_for(_TIP, timeout=10)
    lines = tip.splitlines()
    assert "satellite" in lines and "supports" in lines, tip  # each kind, with its own facts
    assert "“Bạch Mai nhận Lai Châu làm bệnh viện vệ tinh.”" in tip and "“Bạch Mai cử bác sĩ hỗ trợ Lai Châu.”" in tip
    assert "from 2019-03-02" in tip and "from 2023-01 to 2024-12" in tip and "Báo Lai Châu" in tip
    assert tip.splitlines()[0] == "Bệnh viện Bạch Mai → Bệnh viện Đa khoa tỉnh Lai Châu"
    tab.screenshot(ARTIFACTS / "webgl-pair-tip.png")
    # at a date when only the satellite link is in force, the tooltip tells only that one
    tab.evaluate("healthgraph.setDate('2020-06')")
    tab.mouse_move(where["x"] + 3, where["y"] + 60)
    tab.mouse_move(where["x"], where["y"])
    tip = tab.wait_for(_TIP, timeout=10)
    assert "satellite" in tip.splitlines() and "supports" not in tip.splitlines(), tip
    tab.evaluate("healthgraph.setDate(null)")
    # an organisation: its name (the hostile one stays text), province and counts
    evil_at = tab.evaluate(_WEBGL_PAIR % ("x-evil", "x-evil"))["a"]
    tab.mouse_move(evil_at["x"] + 40, evil_at["y"] + 40)
    tab.mouse_move(evil_at["x"], evil_at["y"])
    tip = tab.wait_for(_TIP, timeout=10)
    assert tip.splitlines()[0] == evil and "Province: Lai Châu" in tip and "supported by 1" in tip, tip
    assert tab.evaluate("document.querySelectorAll('#tip script').length") == 0
    assert tab.dialogs() == [] and tab.console_errors() == [] and tab.requests() == [page.path.as_uri()]


def test_map_page_draws_organisations_at_their_provinces(graph, browser, tmp_path):
    page = viz(graph, output=tmp_path / "map.html", layout="map")
    tab = browser.open(page.path.as_uri())
    tab.wait_for("window.healthgraph && window.healthgraph.ready", timeout=60)
    drawn = tab.evaluate(_DRAWN)
    assert drawn["nodes"]["bvdk-lai-chau"]["x"] < drawn["nodes"]["bach-mai"]["x"]
    assert drawn["nodes"]["bvdk-son-la"]["y"] < drawn["nodes"]["bach-mai"]["y"]  # Sơn La lies north of Hà Nội
    tab.screenshot(ARTIFACTS / "map.png")
    assert tab.console_errors() == [] and tab.requests() == [page.path.as_uri()]


# The colour of one pixel of the page at page coordinates: vis-network's canvas, or sigma's
# outline layer, after the view was centred on CENTRE (page coordinates of the map).
_PIXEL_AFTER_MOVE = """
new Promise(function (resolve) {
  var hg = healthgraph, centre = %s, points = %s, canvas, toScreen;
  if (hg.webgl) {
    var r = hg.renderer, f = r.viewportToFramedGraph(r.graphToViewport({x: centre[0], y: -centre[1]}));
    canvas = r.getCanvases().outline;
    toScreen = function (p) { return r.graphToViewport({x: p[0], y: -p[1]}); };
    r.once("afterRender", done);
    r.getCamera().setState({x: f.x, y: f.y, ratio: 2});
  } else {
    var n = hg.network;
    canvas = n.canvas.frame.canvas;
    toScreen = function (p) { return n.canvasToDOM({x: p[0], y: p[1]}); };
    n.once("afterDrawing", done);
    n.moveTo({position: {x: centre[0], y: centre[1]}, scale: 0.3, animation: false});
  }
  function done() {
    var ratio = canvas.width / canvas.getBoundingClientRect().width;
    resolve(points.map(function (p) {
      var s = toScreen(p);
      return Array.from(canvas.getContext("2d").getImageData(Math.round(s.x * ratio), Math.round(s.y * ratio), 1, 1).data);
    }));
  }
})
"""


@pytest.mark.parametrize("renderer", ["vis", "webgl"])
def test_map_page_draws_the_outline_of_vietnam(graph, browser, tmp_path, renderer):
    from healthgraph.visual.layout import map_point

    page = viz(graph, output=tmp_path / "map.html", layout="map", webgl_threshold=3 if renderer == "webgl" else 2000)
    assert page.webgl == (renderer == "webgl")
    tab = browser.open(page.path.as_uri())
    tab.wait_for("window.healthgraph && window.healthgraph.ready", timeout=60)
    # Đắk Lắk (inside, no organisation of the page there) and Cambodia, west of it (outside)
    inside, outside = map_point(12.7, 108.0), map_point(12.7, 106.0)
    centre = ((inside[0] + outside[0]) / 2, inside[1])
    pixels = tab.evaluate(_PIXEL_AFTER_MOVE % (list(centre), [list(inside), list(outside)]), timeout=30)
    assert pixels[0] == [0xf3, 0xf1, 0xea, 255], pixels  # the land's fill
    assert pixels[1][3] == 0, pixels  # nothing drawn outside
    tab.screenshot(ARTIFACTS / f"map-outline-{renderer}.png")
    assert tab.console_errors() == [] and tab.requests() == [page.path.as_uri()]
