"""The self-contained HTML page: the renderer inlined, the data embedded compressed.

pyvis's own template loads Bootstrap and, in every mode, something from a CDN; this page
inlines the vis-network build that pyvis ships (``pyvis/lib/vis-9.1.2``) and nothing else,
so it opens offline and from an e-mail attachment.

Escaping: the data (names, evidence sentences, tooltips) is JSON, gzipped and base64-encoded
(:func:`packed`), which has no character that could end the ``<script>`` element; the page
inflates it with the browser's ``DecompressionStream``. Labels are drawn on the canvas; the
search results, the side panel and the tooltips are filled with ``textContent``, so no value
becomes markup.

Both pages (this vis-network one and the WebGL one of :mod:`healthgraph.visual.webgl`) share
the controls (the search box, the side panel of an organisation's agreements with their
evidence, the time slider and the switch that hides organisations without links), what a
tooltip says of an organisation or a link, and the map's outline.
"""
from __future__ import annotations

import base64
import gzip
import html
import json
import re
from functools import lru_cache
from importlib import resources

from .network import Network

VIS_VERSION = "9.1.2"


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """Return (javascript, css) of the vis-network build shipped inside pyvis."""
    lib = resources.files("pyvis") / "lib" / f"vis-{VIS_VERSION}"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    return strip_source_map(js), css


def strip_source_map(js: str) -> str:
    """The script without its source-map reference (the map is not shipped; devtools would ask for it)."""
    # split("\n"), not splitlines(): libraries hold U+2028 and friends inside string literals.
    return "\n".join(line for line in js.split("\n") if not line.startswith("//# sourceMappingURL="))


def packed(value) -> str:
    """``value`` as gzipped JSON in base64: inert inside ``<script>``, and small.

    Examples
    --------
    >>> import base64, gzip, json
    >>> json.loads(gzip.decompress(base64.b64decode(packed({"name": "</script>"}))))
    {'name': '</script>'}
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # level 6, not 9: 2.5 times faster on a 50,000-node page, 3 % bigger
    return base64.b64encode(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)).decode("ascii")


_CSS = """
html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
#network { position: absolute; inset: 0; background: #ffffff; }
.box { position: absolute; padding: 8px 10px; font-size: 12px; background: rgba(255,255,255,0.94);
  border: 1px solid #ccc; border-radius: 6px; z-index: 2; }
#legend { top: 8px; left: 8px; max-width: 22em; }
#legend h1 { font-size: 14px; margin: 0 0 4px; }
#legend ul { list-style: none; margin: 2px 0 6px; padding: 0; }
#legend li { display: inline-block; margin: 1px 8px 1px 0; white-space: nowrap; }
#controls label { display: block; margin-top: 4px; }
#when { width: 100%; }
#shown-date { font-weight: bold; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 3px; vertical-align: middle; }
.line { display: inline-block; width: 24px; margin-right: 3px; vertical-align: middle; border-top-width: 2px; }
#search-box { top: 8px; right: 8px; width: 20em; }
#search { width: 100%; box-sizing: border-box; font-size: 13px; padding: 3px; }
#results { list-style: none; margin: 4px 0 0; padding: 0; max-height: 14em; overflow-y: auto; }
#results li { cursor: pointer; padding: 2px 3px; }
#results li:hover { background: #eef; }
#panel { top: 96px; right: 8px; bottom: 8px; width: 24em; overflow-y: auto; display: none; }
#panel h2 { font-size: 14px; margin: 0 0 4px; }
#panel .fact { border-top: 1px solid #ddd; padding: 4px 0; }
#panel .ev { font-style: italic; margin-top: 2px; }
#panel .src { color: #555; }
#panel-close { float: right; cursor: pointer; border: 0; background: none; font-size: 16px; }
.vis-tooltip { white-space: normal !important; max-width: 32em; font-family: system-ui, sans-serif !important; font-size: 12px !important; }
.hg-tip b { font-size: 13px; }
.hg-tip .fact { margin-top: 2px; }
.hg-tip .ev { margin-top: 2px; font-style: italic; }
.hg-tip .src { color: #555; font-style: normal; }
.hg-tip .kind + .fact, .hg-tip .fact + b { margin-top: 4px; }
#tip { position: absolute; pointer-events: none; display: none; max-width: 32em; z-index: 3; }
"""

_BODY = """<div id="network"></div>
<div id="legend" class="box">@LEGEND@
<div id="controls">
<div>Agreements shown: <span id="shown-date">all dates</span></div>
<input id="when" type="range" min="0" max="0" value="0" aria-label="date">
<label><input id="hide-isolated" type="checkbox"> hide organisations without links</label>
</div></div>
<div id="search-box" class="box"><input id="search" type="search" placeholder="Find an organisation (any name, diacritics optional)" aria-label="search">
<ul id="results"></ul></div>
<div id="panel" class="box"><button id="panel-close" title="close">×</button><div id="panel-body"></div></div>
<div id="tip" class="box"></div>
"""

# The controls, for any renderer: ``view`` draws (showEdges, showNodes, select).
_CONTROLS_JS = r"""
function hgFold(text) {
  return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
function hgInflate(b64) {
  var text = atob(b64), bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }  // no call per byte: megabytes
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text().then(JSON.parse);
}
// A fact is in force on `at` when it started by then and had not ended (partial dates
// compare at the precision both have), as healthgraph.dates.in_force.
function hgInForce(start, end, at) {
  if (!start || !/^\d{4}/.test(start) || start.slice(0, at.length) > at.slice(0, start.length)) { return false; }
  return !end || !/^\d{4}/.test(end) || end.slice(0, at.length) >= at.slice(0, end.length);
}
function hgAdd(parent, tag, text, cls) {  // an element whose text stays text
  var el = document.createElement(tag);
  if (text) { el.textContent = text; }
  if (cls) { el.className = cls; }
  parent.appendChild(el);
  return el;
}
// One fact as the side panel and the tooltips tell it; returns its source line.
function hgFact(parent, f, short) {
  hgAdd(parent, "div", (f.start ? "from " + f.start + (f.end ? " to " + f.end : "") : "date unknown")
    + (f.technique ? " · technique: " + f.technique : ""));
  if (f.activities.length) { hgAdd(parent, "div", "Activities: " + f.activities.slice(0, 5).join("; ")); }
  var sentence = f.evidence && short && f.evidence.length > 320 ? f.evidence.slice(0, 319) + "…" : f.evidence;
  if (sentence) { hgAdd(parent, "div", "“" + sentence + "”", "ev"); }
  return hgAdd(parent, "div", "— " + ([f.source, f.title || f.document].filter(Boolean).join(", ") || "unknown source"), "src");
}
function hgTip() { var el = document.createElement("div"); el.className = "hg-tip"; return el; }
function hgNodeTip(n) {  // names, kind and tier, province, links counted, dates spanned
  var el = hgTip();
  hgAdd(el, "b", n.label);
  hgAdd(el, "div", n.kind.replace(/_/g, " ") + (n.tier ? " · " + n.tier + " tier" : ""));
  if (n.province) { hgAdd(el, "div", "Province: " + n.province + (n.province_2025 ? " (since 2025: " + n.province_2025 + ")" : "")); }
  var others = n.aliases.filter(function (a) { return a !== n.label; }).slice(0, 4);
  if (others.length) { hgAdd(el, "div", "Also written: " + others.join("; ")); }
  hgAdd(el, "div", "Supports " + n.supports + " · supported by " + n.supported_by);
  if (n.dated) { hgAdd(el, "div", "Dated links: " + (n.dated[0] === n.dated[1] ? n.dated[0] : n.dated[0] + " to " + n.dated[1])); }
  return el;
}
var HG_TIP_FACTS = 4;  // evidence sentences per kind in a tooltip: the side panel lists them all
function hgEdgeTip(edges, byId) {  // the links of one pair: each kind, with its first facts
  var el = hgTip();
  edges.forEach(function (e) {
    hgAdd(el, "b", byId[e.from].label + (e.arrows ? " → " : " ↔ ") + byId[e.to].label);
    hgAdd(el, "div", e.kind, "kind");
    var facts = e.facts.slice().sort(function (a, b) { return (a.start || "").localeCompare(b.start || ""); });
    facts.slice(0, HG_TIP_FACTS).forEach(function (f) { hgFact(hgAdd(el, "div", null, "fact"), f, true); });
    if (facts.length > HG_TIP_FACTS) { hgAdd(el, "div", "… and " + (facts.length - HG_TIP_FACTS) + " more"); }
  });
  return el;
}
// The country under a map page: `toScreen` maps the ring's page coordinates to the
// context's, in which a screen pixel is `pixel` long.
function hgOutline(context, ring, toScreen, pixel) {
  context.beginPath();
  ring.forEach(function (p, i) { var s = toScreen(p); context[i ? "lineTo" : "moveTo"](s.x, s.y); });
  context.closePath();
  context.fillStyle = "#f3f1ea"; context.strokeStyle = "#a8a291"; context.lineWidth = pixel;
  context.fill(); context.stroke();
}
function hgControls(data, view) {
  var hg = window.healthgraph, byId = {}, edgesOf = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; edgesOf[n.id] = []; });
  data.edges.forEach(function (e) { edgesOf[e.from].push(e); edgesOf[e.to].push(e); });
  // the slider's months: from the first start to the end of the year after the last date
  // known (so that agreements can be seen ending); its last stop is "all dates"
  var months = [], dates = [];
  data.edges.forEach(function (e) { e.facts.forEach(function (f) {
    [f.start, f.end].forEach(function (d) { if (d && /^\d{4}/.test(d)) { dates.push(d.slice(0, 7)); } });
  }); });
  dates.sort();
  if (dates.length) {
    var y = +dates[0].slice(0, 4), m = dates[0].length > 4 ? +dates[0].slice(5, 7) : 1;
    var last = (+dates[dates.length - 1].slice(0, 4) + 1) + "-12";
    while (true) {
      var month = y + "-" + (m < 10 ? "0" : "") + m;
      if (month.slice(0, last.length) > last) { break; }
      months.push(month);
      m += 1; if (m > 12) { m = 1; y += 1; }
    }
  }
  var slider = document.getElementById("when"), shown = document.getElementById("shown-date");
  var hideIsolated = document.getElementById("hide-isolated");
  slider.max = months.length; slider.value = months.length;
  hg.at = null;
  function refresh() {
    var at = hg.at, visibleEdges = {}, degree = {}, visibleNodes = {};
    data.edges.forEach(function (e) {
      if (at === null || e.facts.some(function (f) { return hgInForce(f.start, f.end, at); })) {
        visibleEdges[e.id] = true;
        degree[e.from] = (degree[e.from] || 0) + 1; degree[e.to] = (degree[e.to] || 0) + 1;
      }
    });
    data.nodes.forEach(function (n) { if (!hideIsolated.checked || degree[n.id]) { visibleNodes[n.id] = true; } });
    view.showEdges(visibleEdges); view.showNodes(visibleNodes);
    hg.visibleEdges = Object.keys(visibleEdges); hg.visibleNodes = Object.keys(visibleNodes);
  }
  hg.setDate = function (at) {  // "YYYY[-MM[-DD]]", or null for every date
    hg.at = at;
    shown.textContent = at === null ? "all dates" : "in force on " + at;
    refresh();
  };
  slider.addEventListener("input", function () {
    hg.setDate(+slider.value >= months.length ? null : months[+slider.value]);
  });
  hideIsolated.addEventListener("change", refresh);

  var search = document.getElementById("search"), results = document.getElementById("results");
  hg.search = function (text) {
    var q = hgFold(text);
    if (!q) { return []; }
    return data.nodes.filter(function (n) { return n.search.indexOf(q) >= 0; }).slice(0, 20).map(function (n) { return n.id; });
  };
  search.addEventListener("input", function () {
    results.textContent = "";
    hg.search(search.value).forEach(function (id) {
      var li = document.createElement("li");
      li.textContent = byId[id].label + (byId[id].province ? " (" + byId[id].province + ")" : "");
      li.dataset.id = id;
      li.addEventListener("click", function () { hg.open(id); });
      results.appendChild(li);
    });
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && results.firstChild) { hg.open(results.firstChild.dataset.id); }
  });

  var panel = document.getElementById("panel"), body = document.getElementById("panel-body"), add = hgAdd;
  hg.open = function (id) {
    var n = byId[id];
    body.textContent = "";
    add(body, "h2", n.label);
    add(body, "div", [n.kind.replace(/_/g, " "), n.tier ? n.tier + " tier" : "", n.province || ""].filter(Boolean).join(" · "));
    var others = n.aliases.filter(function (a) { return a !== n.label; });
    if (others.length) { add(body, "div", "Also written: " + others.join("; ")); }
    var facts = [];
    edgesOf[id].forEach(function (e) {
      var partner = byId[e.from === id ? e.to : e.from];
      var arrow = !e.arrows ? "with" : (e.from === id ? "to" : "from");
      e.facts.forEach(function (f) { facts.push({f: f, head: f.kind + " " + arrow + " " + partner.label}); });
    });
    facts.sort(function (a, b) { return (a.f.start || "~").localeCompare(b.f.start || "~"); });
    add(body, "div", facts.length + " agreement" + (facts.length === 1 ? "" : "s"));
    facts.forEach(function (item) {
      var f = item.f, box = add(body, "div", null, "fact");
      add(box, "b", item.head);
      var src = hgFact(box, f, false);
      if (f.url) {
        var a = add(src, "a", " (open)");
        a.href = f.url; a.target = "_blank"; a.rel = "noopener noreferrer";
      }
    });
    panel.style.display = "block";
    hg.opened = id;
    view.select(id);
  };
  document.getElementById("panel-close").addEventListener("click", function () {
    panel.style.display = "none"; hg.opened = null;
  });
  refresh();
}
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>@TITLE@</title>
<style>@LIB_CSS@</style>
<style>@CSS@</style>
</head>
<body>
@BODY@
<script>@LIB_JS@</script>
<script>
@CONTROLS_JS@
@RENDER_JS@
</script>
</body>
</html>
"""

_VIS_JS = r"""
(function () {
  "use strict";
  var hg = window.healthgraph = {ready: false, firstDrawAt: null, readyAt: null, timings: {}};
  hgInflate("@DATA@").then(function (data) {
    hg.timings.inflated = performance.now();  // where the time to the first frame goes (benchmarks)
    var physics = data.physics;
    var nodes = new vis.DataSet(data.nodes), byId = {}, edgeById = {};
    var edges = new vis.DataSet(data.edges.map(function (e) { return Object.assign({}, e, {facts: undefined}); }));
    var network = new vis.Network(document.getElementById("network"), {nodes: nodes, edges: edges}, data.options);
    hg.timings.network = performance.now();
    Object.assign(hg, {network: network, nodes: nodes, edges: edges, physics: physics, stabilized: !physics});
    data.nodes.forEach(function (n) { byId[n.id] = n; });
    data.edges.forEach(function (e) { edgeById[e.id] = e; });
    // vis shows a title string as plain text, so it gets an element, built on first hover
    // (building 15,000 up front would delay the first frame by a second)
    function tip(set, id, build) { if (!set.get(id).title) { set.update({id: id, title: build()}); } }
    network.on("hoverNode", function (params) { tip(nodes, params.node, function () { return hgNodeTip(byId[params.node]); }); });
    network.on("hoverEdge", function (params) { tip(edges, params.edge, function () { return hgEdgeTip([edgeById[params.edge]], byId); }); });
    if (data.outline) {  // canvas coordinates, as the positions
      network.on("beforeDrawing", function (context) {
        hgOutline(context, data.outline, function (p) { return {x: p[0], y: p[1]}; }, 1 / network.getScale());
      });
    }
    network.on("click", function (params) { if (params.nodes.length) { hg.open(params.nodes[0]); } });
    // Dashed lines cost ~1000x more to draw when zoomed far out (sub-pixel dashes): draw
    // them only from DASH_SCALE up, where they can be told apart anyway.
    var DASH_SCALE = 0.3, dashed = false;
    function syncDashes() {
      var want = network.getScale() >= DASH_SCALE;
      if (want === dashed) { return; }
      dashed = want;
      edges.update(edges.get({filter: function (e) { return e.hgDashes; }}).map(function (e) {
        return {id: e.id, dashes: want ? e.hgDashes : false};
      }));
    }
    // Labels: the most important organisations first; a label that would cover one already
    // placed is hidden (its name is in the tooltip), so labels never pile up at any zoom.
    var HIDDEN = {color: "rgba(0,0,0,0)", strokeColor: "rgba(0,0,0,0)"}, SHOWN = {color: "#343434", strokeColor: "#ffffff"};
    var labelTimer = null;
    hg.labelBoxes = [];
    function declutter() {
      var body = network.body, scale = network.getScale(), placed = [], changes = [];
      var order = body.nodeIndices.slice().sort(function (a, b) {
        return body.nodes[b].options.size - body.nodes[a].options.size || (a < b ? -1 : 1);
      });
      order.forEach(function (id) {
        var node = body.nodes[id], size = node.labelModule.size, box = null;
        if (size && size.width && node.options.hidden !== true) {
          var p = network.canvasToDOM({x: size.left, y: size.top});
          box = {x: p.x, y: p.y, w: size.width * scale, h: size.height * scale, id: id};
          if (placed.some(function (o) { return box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h && o.y < box.y + box.h; })) {
            box = null;
          } else { placed.push(box); }
        }
        var want = box ? SHOWN : HIDDEN;
        if (node.options.font.color !== want.color) { changes.push({id: id, font: want}); }
      });
      if (changes.length) { nodes.update(changes); }
      hg.labelBoxes = placed;
    }
    // label sizes are known once drawn: declutter after the next frame
    var labelsDue = false;
    function laterDeclutter() {
      clearTimeout(labelTimer);
      labelTimer = setTimeout(function () { labelsDue = true; network.redraw(); }, 150);
    }
    network.on("zoom", function () { syncDashes(); laterDeclutter(); });
    network.on("dragEnd", laterDeclutter);
    function settle() {
      hg.stabilized = true;
      network.setOptions({physics: {enabled: false}});  // a calm page once the layout is found
      network.fit();
      syncDashes();
      laterDeclutter();
    }
    if (!physics) { syncDashes(); }
    network.once("stabilizationIterationsDone", settle);
    network.once("stabilized", function () { if (!hg.stabilized) { settle(); } });
    network.on("afterDrawing", function () {
      if (hg.firstDrawAt === null) {
        hg.firstDrawAt = performance.now();
        // positions given: show them all (nodes know their extent once drawn)
        if (!physics) { network.fit({animation: false}); laterDeclutter(); }
      }
      if (labelsDue) { labelsDue = false; declutter(); }
      if (hg.stabilized && !hg.ready && !labelsDue && hg.labelBoxes.length && hg.open) { hg.ready = true; hg.readyAt = performance.now(); }
    });
    function show(set, visible) {  // hide what is not visible; true when anything changed
      var changes = set.get({filter: function (item) { return !item.hidden !== !!visible[item.id]; }})
        .map(function (item) { return {id: item.id, hidden: !visible[item.id]}; });
      set.update(changes);
      return changes.length > 0;
    }
    // the controls once the graph is on screen: their setup does not delay the first frame
    network.once("afterDrawing", function () { hgControls(data, {
      showEdges: function (visible) { show(edges, visible); },
      showNodes: function (visible) { if (show(nodes, visible) && hg.stabilized) { laterDeclutter(); } },
      select: function (id) {
        network.selectNodes([id]);
        network.focus(id, {scale: Math.max(network.getScale(), 1), animation: false});
        laterDeclutter();
      }
    }); });
  });
})();
"""

_PLACEHOLDER = re.compile(r"@[A-Z_]+@")


def fill(template: str, parts: dict[str, str]) -> str:
    """``template`` with each ``@NAME@`` replaced in one pass (text inside a value is never
    taken for a placeholder)."""
    return _PLACEHOLDER.sub(lambda m: parts.get(m.group(0), m.group(0)), template)


def page_html(title: str, legend_html: str, lib_js: str, lib_css: str, render_js: str) -> str:
    """The page around a renderer: ``render_js`` draws the data and calls ``hgControls``."""
    return fill(_PAGE, {"@TITLE@": html.escape(title), "@LIB_CSS@": lib_css, "@CSS@": _CSS,
                        "@BODY@": fill(_BODY, {"@LEGEND@": legend_html}), "@LIB_JS@": lib_js,
                        "@CONTROLS_JS@": _CONTROLS_JS, "@RENDER_JS@": render_js})


def render_page(net: Network) -> str:
    """Return the complete vis-network page of ``net``; the browser runs the force
    simulation when ``net.physics``, else draws the precomputed positions as they are."""
    js, css = vis_assets()
    data = {"nodes": net.nodes, "edges": net.edges, "options": net.options, "physics": net.physics,
            "outline": net.outline}
    return page_html(net.title, net.legend, js, css, fill(_VIS_JS, {"@DATA@": packed(data)}))
