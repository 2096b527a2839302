"""The page for big networks: WebGL with sigma.js and graphology, inlined.

vis-network draws on a 2D canvas and needs seconds per frame past a few thousand nodes;
sigma.js draws with WebGL and labels only the biggest nodes of each grid cell, so 10^4 to
10^5 organisations stay interactive. Positions come from Python (:mod:`.layout`, or the map
layout); the browser runs no layout. The builds are the npm packages' own, vendored in
``vendor/`` with their licences and SHA-256 (``vendor/README.md``). The controls (search,
side panel, time slider, unlinked switch) are those of :mod:`.page`.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .network import Network
from .page import fill, packed, page_html, strip_source_map

SIGMA_VERSION = "3.0.2"
GRAPHOLOGY_VERSION = "0.26.0"
_NODE_FIELDS = ("id", "label", "x", "y", "size", "color", "kind", "tier", "province", "aliases", "search")
_EDGE_FIELDS = ("id", "from", "to", "color", "arrows", "kind", "facts")


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
  hgInflate("@DATA@").then(function (data) {
    hg.timings.inflated = performance.now();  // where the time to the first frame goes (benchmarks)
    var graph = new graphology.Graph({multi: true, type: "mixed", allowSelfLoops: false});
    data.nodes.forEach(function (n) {
      // vis-network sizes are canvas pixels at scale 1; sigma's are screen pixels
      graph.addNode(n.id, {x: n.x, y: -n.y, size: Math.max(2, n.size / 5), color: n.color, label: n.label});
    });
    data.edges.forEach(function (e) {
      var attrs = {color: e.color, size: 1, type: e.arrows ? "arrow" : "line"};
      if (e.arrows) { graph.addDirectedEdgeWithKey(e.id, e.from, e.to, attrs); }
      else { graph.addUndirectedEdgeWithKey(e.id, e.from, e.to, attrs); }
    });
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
    var renderer = new Sigma(graph, document.getElementById("network"),
                             {labelDensity: 1, labelGridCellSize: 200, labelRenderedSizeThreshold: 3,
                              defaultDrawNodeLabel: drawLabel});
    renderer.on("beforeRender", function () { hg.labelBoxes = []; });
    hg.timings.drawn = performance.now();
    Object.assign(hg, {graph: graph, renderer: renderer});
    renderer.on("clickNode", function (event) { hg.open(event.node); });
    function show(kind, visible) {  // only what changes: sigma redraws what it is told of
      graph["forEach" + kind](function (id, attrs) {
        if (!attrs.hidden !== !!visible[id]) { graph["set" + kind + "Attribute"](id, "hidden", !visible[id]); }
      });
    }
    hgControls(data, {
      showEdges: function (visible) { show("Edge", visible); },
      showNodes: function (visible) { show("Node", visible); },
      select: function (id) {
        graph.updateEachNodeAttributes(function (n, attrs) { attrs.highlighted = n === id; return attrs; });
        var where = renderer.getNodeDisplayData(id);
        if (where) { renderer.getCamera().animate({x: where.x, y: where.y, ratio: 0.1}, {duration: 0}); }
      }
    });
    // sigma draws in its constructor and again for the controls, in the next animation
    // frame: after that one the user sees the graph and can pan it
    requestAnimationFrame(function () {
      hg.firstDrawAt = hg.readyAt = performance.now();
      hg.ready = true;
    });
  });
})();
"""


def render_webgl_page(net: Network) -> str:
    """Return the complete WebGL page of ``net`` (nodes must carry positions)."""
    data = {"nodes": [{k: n.get(k) for k in _NODE_FIELDS} for n in net.nodes],
            "edges": [{k: e.get(k) for k in _EDGE_FIELDS} for e in net.edges]}
    return page_html(net.title, net.legend, webgl_assets(), "", fill(_SIGMA_JS, {"@DATA@": packed(data)}))
