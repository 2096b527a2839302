"""The page for big networks: WebGL with sigma.js and graphology, inlined.

vis-network draws on a 2D canvas and needs seconds per frame past a few thousand nodes;
sigma.js draws with WebGL and labels only the biggest nodes of each grid cell, so 10^4 to
10^5 organisations stay interactive. Positions come from Python (:mod:`.layout`, or the map
layout); the browser runs no layout. The builds are the npm packages' own, vendored in
``vendor/`` with their licences and SHA-256 (``vendor/README.md``). The controls (search,
side panel, time slider, unlinked switch) and the tooltips' text are those of :mod:`.page`.

For speed without a GPU: points and lines (no circles, no arrowheads), one line per pair of
organisations (its tooltip lists every kind), the picture moved as an image during a drag or a
wheel zoom and drawn again once, and what is under the mouse found here rather than by
sigma's picking pass.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .network import Network
from .page import fill, packed, page_html, strip_source_map

SIGMA_VERSION = "3.0.2"
GRAPHOLOGY_VERSION = "0.26.0"
# what the controls and tooltips tell (what sigma draws goes in columns, see render_webgl_page)
_NODE_FIELDS = ("id", "label", "kind", "tier", "province", "province_2025", "aliases", "search", "supports", "supported_by",
                "dated")
_EDGE_FIELDS = ("id", "from", "to", "arrows", "kind", "facts")


@lru_cache(maxsize=1)
def webgl_assets() -> str:
    """graphology and sigma.js, as shipped in ``vendor/``, for one ``<script>``."""
    vendor = resources.files("healthgraph.visual") / "vendor"
    return "\n".join(strip_source_map((vendor / name).read_text(encoding="utf-8"))
                     for name in ("graphology.umd.min.js", "sigma.min.js"))


_SIGMA_JS = r"""
(function () {
  "use strict";
  var hg = window.healthgraph = {ready: false, firstDrawAt: null, readyAt: null, webgl: true, timings: {}};
  // Two packs: what sigma draws (columns of numbers and names, quick to parse), then, after
  // the first frame, what the controls and tooltips tell (facts, names, search keys).
  hgInflate("@DRAW@").then(function (draw) {
    hg.timings.inflated = performance.now();  // where the time to the first frame goes (benchmarks)
    var graph = new graphology.Graph({type: "undirected", allowSelfLoops: false}), ids = draw.id, i;
    for (i = 0; i < ids.length; i++) {
      graph.addNode(ids[i], {x: draw.x[i], y: draw.y[i], size: draw.size[i], color: draw.palette[draw.color[i]],
                             label: draw.label[i]});
    }
    for (i = 0; i < draw.pairFrom.length; i++) {
      graph.addEdgeWithKey(String(i), ids[draw.pairFrom[i]], ids[draw.pairTo[i]],
                           {color: draw.palette[draw.pairColor[i]], size: draw.pairSize[i]});
    }
    hg.timings.graph = performance.now();
    // sigma picks labels per grid cell, biggest node first; a long name can still reach into
    // the next cell, so a label that would cover one already drawn in this frame is left out
    hg.labelBoxes = [];
    function drawLabel(context, d, settings) {
      if (!d.label) { return; }
      context.font = settings.labelWeight + " " + settings.labelSize + "px " + settings.labelFont;
      var box = {x: d.x + d.size + 3, y: d.y - settings.labelSize * 2 / 3,
                 w: context.measureText(d.label).width, h: settings.labelSize};
      if (hg.labelBoxes.some(function (o) {
        return box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h && o.y < box.y + box.h;
      })) { return; }
      hg.labelBoxes.push(box);
      context.fillStyle = settings.labelColor.color;
      context.fillText(d.label, box.x, d.y + settings.labelSize / 3);
    }
    var renderer = new Sigma(graph, document.getElementById("network"), {
      labelDensity: 1, labelGridCellSize: 200, labelRenderedSizeThreshold: 3, defaultDrawNodeLabel: drawLabel,
      // without a GPU a frame of circles and arrows takes 1.7 s at 50,000 nodes, of points
      // and lines 0.5 s (BENCHMARKS.md); a link's direction is in its tooltip and the panel
      nodeProgramClasses: {circle: Sigma.rendering.NodePointProgram},
      edgeProgramClasses: {line: Sigma.rendering.EdgeLineProgram}});
    renderer.on("beforeRender", function () { hg.labelBoxes = []; });
    hg.timings.drawn = performance.now();
    Object.assign(hg, {graph: graph, renderer: renderer});

    if (draw.outline) {  // page coordinates, as the positions
      renderer.createCanvasContext("outline", {beforeLayer: "edges"});
      var outline = renderer.getCanvases().outline, outlineContext = outline.getContext("2d");
      renderer.on("afterRender", function () {
        var ratio = outline.width / renderer.getDimensions().width;
        outlineContext.setTransform(ratio, 0, 0, ratio, 0, 0);
        outlineContext.clearRect(0, 0, outline.width, outline.height);
        hgOutline(outlineContext, draw.outline, function (p) { return renderer.graphToViewport({x: p[0], y: p[1]}); }, 1);
      });
      renderer.resize(true);  // sizes the new canvas
      renderer.scheduleRender();
    }

    // Moving the view. Without a GPU, one sigma frame of 10^4-10^5 nodes takes longer than a
    // screen frame; so while the mouse drags or the wheel turns, the drawn canvases move and
    // scale as one picture (the compositor does that at the screen's rate), and sigma draws
    // the new view once, when the gesture ends.
    var camera = renderer.getCamera(), captor = renderer.getMouseCaptor();
    var canvases = Object.keys(renderer.getCanvases()).map(function (k) { return renderer.getCanvases()[k]; });
    var gesture = null, commitTimer = null, dragging = false, dragged = false, last = null;
    var hideTip = function () {};  // the tooltips come with the second pack
    canvases.forEach(function (c) { c.style.transformOrigin = "0 0"; });
    function picture() {  // a screen point p is now shown at k * p + (dx, dy)
      var t = gesture ? "translate(" + gesture.dx + "px," + gesture.dy + "px) scale(" + gesture.k + ")" : "";
      canvases.forEach(function (c) { c.style.transform = t; });
    }
    function commit() {  // the camera that shows what the picture shows, drawn once
      clearTimeout(commitTimer); commitTimer = null;
      if (!gesture) { return; }
      var g = gesture, size = renderer.getDimensions(), state = camera.getState();
      var centre = renderer.viewportToFramedGraph({x: (size.width / 2 - g.dx) / g.k, y: (size.height / 2 - g.dy) / g.k});
      renderer.once("afterRender", function () { gesture = null; picture(); });
      camera.setState({x: centre.x, y: centre.y, ratio: state.ratio / g.k});
    }
    captor.on("mousedown", function (e) {
      if (e.original.button === 0) { dragging = true; dragged = false; last = {x: e.x, y: e.y}; }
    });
    captor.on("mousemovebody", function (e) {
      if (!dragging) { return; }
      e.preventSigmaDefault();
      gesture = gesture || {dx: 0, dy: 0, k: 1};
      gesture.dx += e.x - last.x; gesture.dy += e.y - last.y;
      last = {x: e.x, y: e.y}; dragged = true;
      hideTip();
      picture();
    });
    captor.on("mouseup", function () { if (dragging) { dragging = false; if (dragged) { commit(); } } });
    captor.on("wheel", function (e) {
      e.preventSigmaDefault();
      var f = e.delta > 0 ? 1.5 : 1 / 1.5;
      gesture = gesture || {dx: 0, dy: 0, k: 1};
      gesture.k *= f; gesture.dx = f * (gesture.dx - e.x) + e.x; gesture.dy = f * (gesture.dy - e.y) + e.y;
      hideTip();
      picture();
      clearTimeout(commitTimer);
      commitTimer = setTimeout(commit, 250);  // the wheel has stopped
    });
    function settle() { hg.ready = hg.firstDrawAt !== null && hg.readyAt !== null; }
    // the frame after the constructor's: the user sees the graph and can move it
    requestAnimationFrame(function () { hg.firstDrawAt = performance.now(); settle(); });

    hgInflate("@DATA@").then(function (data) {
      hg.timings.details = performance.now();
      var byId = {}, pairs = draw.pairFrom.map(function (from, k) { return {key: String(k), from: from, to: draw.pairTo[k], edges: [], shown: true}; });
      data.nodes.forEach(function (n) { byId[n.id] = n; });
      data.edges.forEach(function (e, k) { pairs[draw.edgePair[k]].edges.push(e); });
      hg.drawnEdge = function (id) { return String(draw.edgePair[data.edges.findIndex(function (e) { return e.id === id; })]); };

      // What is under the mouse, for tooltips and clicks: the nearest node within its radius
      // and 3 pixels, else the nearest link within 5 pixels, found here in graph coordinates
      // (sigma's picking pass misses nodes of one or two pixels and would redraw every link).
      var tip = document.getElementById("tip"), hovered = null, shownEdge = {}, shownNode = {};
      function itemAt(x, y) {
        var g = renderer.viewportToGraph({x: x, y: y}), h = renderer.viewportToGraph({x: x + 1, y: y});
        var unit = Math.sqrt((h.x - g.x) * (h.x - g.x) + (h.y - g.y) * (h.y - g.y)), best = -1, bestD = Infinity, i;
        for (i = 0; i < ids.length; i++) {
          if (!shownNode[ids[i]]) { continue; }
          var dx = draw.x[i] - g.x, dy = draw.y[i] - g.y, r = (renderer.scaleSize(draw.size[i]) + 3) * unit;
          var d = dx * dx + dy * dy;
          if (d <= r * r && d < bestD) { bestD = d; best = i; }
        }
        if (best >= 0) { return {node: ids[best]}; }
        bestD = 25 * unit * unit;
        for (i = 0; i < pairs.length; i++) {
          if (!pairs[i].shown) { continue; }
          var a = pairs[i].from, b = pairs[i].to, ax = draw.x[a], ay = draw.y[a], bx = draw.x[b] - ax, by = draw.y[b] - ay;
          var t = ((g.x - ax) * bx + (g.y - ay) * by) / (bx * bx + by * by || 1);
          t = t < 0 ? 0 : t > 1 ? 1 : t;
          var ex = ax + t * bx - g.x, ey = ay + t * by - g.y, e = ex * ex + ey * ey;
          if (e < bestD) { bestD = e; best = i; }
        }
        return best >= 0 ? {pair: pairs[best]} : null;
      }
      hideTip = function () { tip.style.display = "none"; hovered = null; };
      function showTip(id, build, x, y) {
        if (hovered !== id) { tip.textContent = ""; tip.appendChild(build()); hovered = id; }
        tip.style.display = "block";
        tip.style.left = Math.max(0, Math.min(x + 14, window.innerWidth - tip.offsetWidth - 4)) + "px";
        tip.style.top = Math.max(0, Math.min(y + 14, window.innerHeight - tip.offsetHeight - 4)) + "px";
      }
      captor.on("mousemovebody", function (e) {
        if (dragging || gesture) { return; }
        var item = itemAt(e.x, e.y);
        if (!item) { hideTip(); return; }
        if (item.node) { showTip(item.node, function () { return hgNodeTip(byId[item.node]); }, e.x, e.y); return; }
        var pair = item.pair;
        showTip(pair.key + "|" + hg.at, function () {  // the kinds shown at the date chosen
          return hgEdgeTip(pair.edges.filter(function (edge) { return shownEdge[edge.id]; }), byId);
        }, e.x, e.y);
      });
      captor.on("mouseleave", hideTip);
      captor.on("click", function (e) {
        var item = dragged ? null : itemAt(e.x, e.y);
        if (item && item.node) { hg.open(item.node); }
      });

      hgControls(data, {
        showEdges: function (visible) {  // a pair shows while any of its kinds does
          shownEdge = visible;
          pairs.forEach(function (p) {
            var shown = p.edges.some(function (e) { return visible[e.id]; });
            if (shown !== p.shown) { p.shown = shown; graph.setEdgeAttribute(p.key, "hidden", !shown); }
          });
        },
        showNodes: function (visible) {  // only what changes: sigma redraws what it is told of
          shownNode = visible;
          graph.forEachNode(function (id, attrs) {
            if (!attrs.hidden !== !!visible[id]) { graph.setNodeAttribute(id, "hidden", !visible[id]); }
          });
        },
        select: function (id) {
          graph.updateEachNodeAttributes(function (n, attrs) { attrs.highlighted = n === id; return attrs; });
          var where = renderer.getNodeDisplayData(id);
          if (where) { camera.animate({x: where.x, y: where.y, ratio: 0.1}, {duration: 0}); }
        }
      });
      hg.readyAt = performance.now();  // the controls and tooltips work
      settle();
    });
  });
})();
"""


def render_webgl_page(net: Network) -> str:
    """Return the complete WebGL page of ``net`` (nodes must carry positions)."""
    index = {n["id"]: i for i, n in enumerate(net.nodes)}
    palette = sorted({n["color"] for n in net.nodes} | {e["color"] for e in net.edges})
    colour = {c: i for i, c in enumerate(palette)}
    # one line per pair of organisations, in the colour of its first kind; thicker for more kinds
    pair_of: dict[tuple[int, int], int] = {}
    edge_pair: list[int] = []
    pair_from: list[int] = []
    pair_to: list[int] = []
    pair_colour: list[int] = []
    kinds: list[int] = []
    for e in net.edges:
        ends = (index[e["from"]], index[e["to"]])
        key = (min(ends), max(ends))
        if key not in pair_of:
            pair_of[key] = len(pair_from)
            pair_from.append(ends[0])
            pair_to.append(ends[1])
            pair_colour.append(colour[e["color"]])
            kinds.append(0)
        kinds[pair_of[key]] += 1
        edge_pair.append(pair_of[key])
    draw = {"id": [n["id"] for n in net.nodes], "label": [n["label"] for n in net.nodes],
            # sigma's y axis points up; its sizes are screen pixels, vis-network's canvas pixels at scale 1
            "x": [n["x"] for n in net.nodes], "y": [-n["y"] for n in net.nodes],
            "size": [max(2, round(n["size"] / 5, 1)) for n in net.nodes], "color": [colour[n["color"]] for n in net.nodes],
            "palette": palette, "pairFrom": pair_from, "pairTo": pair_to, "pairColor": pair_colour,
            "pairSize": [1 + (k - 1) / 2 for k in kinds], "edgePair": edge_pair,
            "outline": [(x, -y) for x, y in net.outline] if net.outline else None}
    data = {"nodes": [{k: n.get(k) for k in _NODE_FIELDS} for n in net.nodes],
            "edges": [{k: e.get(k) for k in _EDGE_FIELDS} for e in net.edges]}
    return page_html(net.title, net.legend, webgl_assets(), "",
                     fill(_SIGMA_JS, {"@DRAW@": packed(draw), "@DATA@": packed(data)}))
