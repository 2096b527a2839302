"""The self-contained HTML page: vis-network inlined, data embedded as escaped JSON.

pyvis's own template loads Bootstrap and, in every mode, something from a CDN; this page
inlines the vis-network build that pyvis ships (``pyvis/lib/vis-9.1.2``) and nothing else,
so it opens offline and from an e-mail attachment.

Escaping: node and edge labels are drawn on the canvas (never parsed as HTML); tooltips
are HTML strings escaped with :func:`html.escape` by :mod:`healthgraph.visual.style` before they get
here and turned into DOM elements by the page; the JSON itself is written with ``<``,
``>`` and ``&`` as ``\\u`` escapes so that no value can close the ``<script>`` element.
"""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from importlib import resources

VIS_VERSION = "9.1.2"


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """Return (javascript, css) of the vis-network build shipped inside pyvis."""
    lib = resources.files("pyvis") / "lib" / f"vis-{VIS_VERSION}"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # The source map is not shipped; a reference to it only makes devtools ask for it.
    # split("\n"), not splitlines(): the library holds U+2028 and friends inside string literals.
    js = "\n".join(line for line in js.split("\n") if not line.startswith("//# sourceMappingURL="))
    return js, css


def script_json(value) -> str:
    """Return ``value`` as JSON safe to place inside a ``<script>`` element.

    Examples
    --------
    >>> script_json({"label": "</script><b>"})
    '{"label": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":") if isinstance(value, list) else None)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>@TITLE@</title>
<style>@VIS_CSS@</style>
<style>
html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
#network { position: absolute; inset: 0; background: #ffffff; }
#legend { position: absolute; top: 8px; left: 8px; max-width: 22em; padding: 8px 10px; font-size: 12px;
  background: rgba(255,255,255,0.92); border: 1px solid #ccc; border-radius: 6px; z-index: 2; }
#legend h1 { font-size: 14px; margin: 0 0 4px; }
#legend ul { list-style: none; margin: 2px 0 6px; padding: 0; }
#legend li { display: inline-block; margin: 1px 8px 1px 0; white-space: nowrap; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 3px; vertical-align: middle; }
.line { display: inline-block; width: 24px; margin-right: 3px; vertical-align: middle; border-top-width: 2px; }
.vis-tooltip { white-space: normal !important; max-width: 32em; font-family: system-ui, sans-serif !important; font-size: 12px !important; }
.hg-tip b { font-size: 13px; }
.hg-tip .ev { margin-top: 4px; font-style: italic; }
.hg-tip .src { color: #555; font-style: normal; }
</style>
</head>
<body>
<div id="network"></div>
<div id="legend">@LEGEND@</div>
<script>@VIS_JS@</script>
<script>
(function () {
  "use strict";
  var nodeData = @NODES@;
  var edgeData = @EDGES@;
  var options = @OPTIONS@;
  var physics = @PHYSICS@;
  // Tooltips arrive as escaped HTML; vis shows strings as plain text, so it gets elements,
  // built on first hover (building 15,000 up front would delay the first frame by a second).
  function stash(item) { item.hgTip = item.title; delete item.title; return item; }
  var nodes = new vis.DataSet(nodeData.map(stash));
  var edges = new vis.DataSet(edgeData.map(stash));
  var network = new vis.Network(document.getElementById("network"), {nodes: nodes, edges: edges}, options);
  function tip(set, id) {
    var item = set.get(id);
    if (item && item.hgTip && !item.title) {
      var el = document.createElement("div");
      el.className = "hg-tip";
      el.innerHTML = item.hgTip;
      set.update({id: id, title: el});
    }
  }
  network.on("hoverNode", function (params) { tip(nodes, params.node); });
  network.on("hoverEdge", function (params) { tip(edges, params.edge); });
  var hg = window.healthgraph = {network: network, nodes: nodes, edges: edges, physics: physics,
                                 stabilized: !physics, ready: false, firstDrawAt: null, readyAt: null};
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
  network.on("zoom", syncDashes);
  function settle() {
    hg.stabilized = true;
    network.setOptions({physics: {enabled: false}});  // a calm page once the layout is found
    network.fit();
    syncDashes();
  }
  if (!physics) { syncDashes(); }
  network.once("stabilizationIterationsDone", settle);
  network.once("stabilized", function () { if (!hg.stabilized) { settle(); } });
  network.on("afterDrawing", function () {
    if (hg.firstDrawAt === null) { hg.firstDrawAt = performance.now(); }
    if (hg.stabilized && !hg.ready) { hg.ready = true; hg.readyAt = performance.now(); }
  });
})();
</script>
</body>
</html>
"""


_PLACEHOLDER = re.compile(r"@(?:TITLE|LEGEND|NODES|EDGES|OPTIONS|PHYSICS|VIS_CSS|VIS_JS)@")


def render_page(title: str, legend_html: str, nodes: list[dict], edges: list[dict], options: dict,
                physics: bool) -> str:
    """Return the complete HTML page.

    Parameters
    ----------
    title : str
        Plain text; escaped here.
    legend_html : str
        Trusted HTML built by :mod:`healthgraph.visual.style` (user values already escaped).
    nodes, edges : list of dict
        vis-network items; ``title`` values are escaped HTML.
    options : dict
        vis-network options.
    physics : bool
        Whether the browser runs the force simulation (small graphs) or draws the
        precomputed positions as they are.
    """
    js, css = vis_assets()
    parts = {
        "@TITLE@": html.escape(title),
        "@LEGEND@": legend_html,
        "@NODES@": script_json(nodes),
        "@EDGES@": script_json(edges),
        "@OPTIONS@": script_json(options),
        "@PHYSICS@": "true" if physics else "false",
    }
    parts["@VIS_CSS@"], parts["@VIS_JS@"] = css, js
    # One pass over the template: text inside a value (an organisation called "@EDGES@")
    # is never taken for a placeholder.
    return _PLACEHOLDER.sub(lambda m: parts[m.group(0)], _PAGE)
