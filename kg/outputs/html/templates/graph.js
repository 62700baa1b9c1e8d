/* kg graph page: draws the embedded graph with vis-network, filters it, shows details.
 * Every string from the data is put into the page with textContent or as a DOM
 * tooltip element, never parsed as HTML. */
(function () {
  "use strict";

  var WIKIDATA = "https://www.wikidata.org/wiki/";
  var QID = /^Q[1-9][0-9]*$/;
  var DATE = /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/;
  var SVG = "http://www.w3.org/2000/svg";
  var STATUS_LABELS = [["factual", "factual"], ["hypothetical", "hypothetical only"], ["negated", "negated only"]];
  var POLARITY_LABELS = [["1", "cooperative"], ["-1", "conflictual"], ["0", "other"]];

  var data = JSON.parse(document.getElementById("kg-data").textContent);

  function $(id) { return document.getElementById(id); }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function textEl(tag, text, className) {  // article-derived text: isolated direction
    var node = el(tag, text, "kg-text" + (className ? " " + className : ""));
    node.dir = "auto";
    return node;
  }

  function tooltip(text) { return el("div", text, "kg-tip"); }

  function withTooltip(item) {
    var copy = Object.assign({}, item);
    copy.title = tooltip(item.title);
    return copy;
  }

  function setColours() {
    var style = document.documentElement.style;
    style.setProperty("--coop", data.colors.cooperative);
    style.setProperty("--conf", data.colors.conflictual);
    style.setProperty("--neg", data.colors.negated);
    style.setProperty("--neutral", data.colors.neutral);
  }

  // ------------------------------------------------------------ the network

  setColours();
  var nodes = new vis.DataSet(data.nodes.map(withTooltip));
  var edges = new vis.DataSet(data.edges.map(withTooltip));
  var network = new vis.Network($("kg-canvas"), {}, data.options);
  var current = { actor: null };

  function ready() {
    $("kg-progress").hidden = true;
    if (data.focus && nodes.get(data.focus)) {
      network.selectNodes([data.focus]);
      showNode(data.focus);
    }
    document.body.dataset.ready = "1";
  }

  // ------------------------------------------------------------ filters

  function checkbox(container, value, label, colour, count) {
    var row = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = value;
    box.addEventListener("change", applyFilters);
    row.appendChild(box);
    if (colour) {
      var swatch = el("span", null, "kg-swatch");
      swatch.style.background = colour;
      row.appendChild(swatch);
    }
    row.appendChild(el("span", label));
    if (count !== undefined) { row.appendChild(el("small", count)); }
    container.appendChild(row);
  }

  function polarityColour(polarity) {
    return polarity > 0 ? data.colors.cooperative : polarity < 0 ? data.colors.conflictual : data.colors.neutral;
  }

  function buildControls() {
    var present = {};
    data.edges.forEach(function (e) { present[String(e.kg.polarity)] = true; });
    POLARITY_LABELS.forEach(function (p) {
      if (p[0] !== "0" || present["0"]) { checkbox($("kg-polarity"), p[0], p[1], polarityColour(Number(p[0]))); }
    });
    STATUS_LABELS.forEach(function (s) { checkbox($("kg-status"), s[0], s[1]); });
    data.relations.forEach(function (r) {
      checkbox($("kg-relations"), r.label, r.label + (r.symmetric ? "" : " →"), polarityColour(r.polarity), r.count);
    });
    var list = $("kg-actor-list");
    nodes.get({ order: function (a, b) { return a.label < b.label ? -1 : a.label > b.label ? 1 : 0; } })
      .forEach(function (n) {
        var option = el("option");
        option.value = n.kg.name + " (" + n.kg.code + ")";
        list.appendChild(option);
      });
    data.kinds.forEach(function (k) { $("kg-kinds").appendChild(kindLegend(k)); });
    $("kg-subtitle").textContent = data.subtitle;
  }

  function kindLegend(kind) {
    var item = el("li");
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "kg-kind");
    svg.setAttribute("viewBox", "0 0 14 14");
    var shapes = {
      dot: ["circle", { cx: 7, cy: 7, r: 5.5 }],
      diamond: ["polygon", { points: "7,1 13,7 7,13 1,7" }],
      triangle: ["polygon", { points: "7,1.5 12.8,12.5 1.2,12.5" }],
      square: ["rect", { x: 2, y: 2, width: 10, height: 10 }]
    };
    var spec = shapes[kind.shape] || shapes.dot;
    var shape = document.createElementNS(SVG, spec[0]);
    Object.keys(spec[1]).forEach(function (k) { shape.setAttribute(k, spec[1][k]); });
    shape.style.fill = kind.color;
    shape.style.stroke = kind.border;
    shape.style.strokeWidth = "1.5";
    svg.appendChild(shape);
    item.appendChild(svg);
    item.appendChild(el("span", kind.kind === "ArmedGroup" ? "armed group" : kind.kind.toLowerCase()));
    return item;
  }

  function checked(id) {
    var values = new Set();
    $(id).querySelectorAll("input:checked").forEach(function (box) { values.add(box.value); });
    return values;
  }

  function dateInput(id) {
    var input = $(id);
    var value = input.value.trim();
    var valid = value === "" || DATE.test(value);
    input.classList.toggle("kg-invalid", !valid);
    return valid ? value : "";
  }

  function readFilters() {
    return {
      relations: checked("kg-relations"), polarities: checked("kg-polarity"), statuses: checked("kg-status"),
      actor: current.actor, from: dateInput("kg-from"), to: dateInput("kg-to")
    };
  }

  // "2024-04/2024-09" overlaps [from, to]; "~" sorts after every digit and "-".
  function dateOverlaps(date, from, to) {
    var parts = date.split("/");
    var start = parts[0], end = parts[parts.length - 1];
    return (!from || end + "~" >= from) && (!to || start <= to + "~");
  }

  function edgeVisible(edge, f) {
    var k = edge.kg;
    if (!f.relations.has(k.relation) || !f.polarities.has(String(k.polarity)) || !f.statuses.has(k.status)) {
      return false;
    }
    if (f.actor && edge.from !== f.actor && edge.to !== f.actor) { return false; }
    if (f.from || f.to) {
      return k.dates.some(function (d) { return dateOverlaps(d, f.from, f.to); });
    }
    return true;
  }

  function applyFilters() {
    var f = readFilters();
    var shown = new Set();
    var edgeChanges = [];
    edges.forEach(function (e) {
      var visible = edgeVisible(e, f);
      if (visible) { shown.add(e.from); shown.add(e.to); }
      if (Boolean(e.hidden) === visible) { edgeChanges.push({ id: e.id, hidden: !visible }); }
    });
    var nodeChanges = [];
    nodes.forEach(function (n) {
      var visible = shown.has(n.id) || n.id === f.actor || (!f.actor && n.kg.degree === 0);
      if (Boolean(n.hidden) === visible) { nodeChanges.push({ id: n.id, hidden: !visible }); }
    });
    edges.update(edgeChanges);
    nodes.update(nodeChanges);
    showCounts();
  }

  function visibleNodes() { return nodes.get({ filter: function (n) { return !n.hidden; } }).length; }
  function visibleEdges() { return edges.get({ filter: function (e) { return !e.hidden; } }).length; }

  function showCounts() {
    $("kg-shown").textContent = "Showing " + visibleNodes() + " of " + nodes.length + " actors, " +
      visibleEdges() + " of " + edges.length + " relations";
  }

  function findActor(text) {
    var wanted = text.trim().toLowerCase();
    if (!wanted) { return null; }
    var match = nodes.get({
      filter: function (n) {
        var k = n.kg;
        return [k.code, k.name, k.name + " (" + k.code + ")"].some(function (s) { return s.toLowerCase() === wanted; });
      }
    });
    return match.length ? match[0].id : undefined;
  }

  function setActor(id) {
    current.actor = id;
    $("kg-actor").value = id ? nodes.get(id).kg.name + " (" + nodes.get(id).kg.code + ")" : "";
    $("kg-actor").classList.remove("kg-invalid");
    applyFilters();
    if (id) {
      network.selectNodes([id]);
      network.fit({ nodes: nodes.getIds({ filter: function (n) { return !n.hidden; } }), animation: false });
    } else {
      network.fit({ animation: false });
    }
  }

  function onActorInput() {
    var id = findActor($("kg-actor").value);
    $("kg-actor").classList.toggle("kg-invalid", id === undefined);
    if (id !== undefined && id !== current.actor) { setActor(id); }
  }

  function focusSelected() {
    var selected = network.getSelectedNodes();
    if (selected.length) { setActor(selected[0]); }
  }

  function reset() {
    document.querySelectorAll("#kg-controls input[type=checkbox]").forEach(function (box) { box.checked = true; });
    $("kg-from").value = "";
    $("kg-to").value = "";
    setActor(null);
  }

  function setAllRelations(value) {
    $("kg-relations").querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = value; });
    applyFilters();
  }

  // ------------------------------------------------------------ details

  function details() {
    var box = $("kg-details");
    box.replaceChildren();
    return box;
  }

  function badge(text, className) { return el("span", text, "kg-badge " + className); }

  function showEdge(id) {
    var e = edges.get(id);
    if (!e) { return; }
    var k = e.kg, box = details();
    box.appendChild(el("h2", k.relation + " · " + k.name));
    box.appendChild(textEl("p", k.fromLabel + (k.symmetric ? "  —  " : "  →  ") + k.toLabel, "kg-dyad"));
    var badges = el("div", null, "kg-badges");
    badges.appendChild(k.polarity > 0 ? badge("cooperative", "kg-coop-t") : k.polarity < 0 ?
      badge("conflictual", "kg-conf-t") : badge("other", "kg-neg-t"));
    badges.appendChild(badge(k.symmetric ? "symmetric" : "directed", "kg-neg-t"));
    if (k.status === "hypothetical") { badges.appendChild(badge("hypothetical only", "kg-hyp-t")); }
    if (k.status === "negated") { badges.appendChild(badge("✗ negated", "kg-neg-t")); }
    box.appendChild(badges);
    box.appendChild(el("p", k.count + " evidence: " + k.factual + " factual, " + k.hypothetical + " hypothetical, " +
      k.negated + " negated"));
    if (k.status === "negated") {
      box.appendChild(el("p", "All evidence is negated: the texts say this did not happen.", "kg-warn"));
    }
    box.appendChild(textEl("p", "Dates: " + (k.dates.length ? k.dates.join(", ") : "none given")));
    box.appendChild(el("h3", "Evidence"));
    box.appendChild(evidenceList(k.evidence));
    if (k.more) {
      box.appendChild(el("p", "… and " + k.more + " more (only the first " + k.evidence.length +
        " are embedded; query the RDF graph for all).", "kg-muted"));
    }
  }

  function evidenceList(evidence) {
    var list = el("ol", null, "kg-evidence");
    evidence.forEach(function (ev) {
      var item = el("li");
      item.appendChild(textEl("blockquote", ev.sentence || "(no sentence)", "kg-quote"));
      var meta = el("div", null, "kg-meta");
      meta.appendChild(el("span", "document "));
      meta.appendChild(textEl("b", ev.doc === null ? "?" : ev.doc));
      if (ev.start !== null) { meta.appendChild(el("span", " · chars " + ev.start + "–" + ev.end)); }
      if (ev.date) { meta.appendChild(el("span", " · date ")); meta.appendChild(textEl("span", ev.date)); }
      if (ev.source) { meta.appendChild(el("span", " · according to ")); meta.appendChild(textEl("i", ev.source)); }
      if (ev.negated) { meta.appendChild(el("span", " · negated", "kg-mark")); }
      if (ev.hypothetical) { meta.appendChild(el("span", " · hypothetical")); }
      item.appendChild(meta);
      list.appendChild(item);
    });
    return list;
  }

  function showNode(id) {
    var n = nodes.get(id);
    if (!n) { return; }
    var k = n.kg, box = details();
    box.appendChild(textEl("h2", k.name));
    box.appendChild(textEl("p", k.code + " · " + (k.kind || "actor")));
    box.appendChild(el("p", "degree " + k.degree + " (other actors), " + k.evidence + " evidence"));
    if (k.wikidata && QID.test(k.wikidata)) {
      var link = el("a", "Wikidata " + k.wikidata);
      link.href = WIKIDATA + k.wikidata;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      box.appendChild(link);
    }
    var buttons = el("div", null, "kg-buttons");
    var focus = el("button", "Show only this actor's relations");
    focus.type = "button";
    focus.addEventListener("click", function () { setActor(id); });
    buttons.appendChild(focus);
    box.appendChild(buttons);
    box.appendChild(el("h3", "Relations"));
    box.appendChild(relationLinks(id));
  }

  function relationLinks(id) {
    var list = el("ul", null, "kg-links");
    edges.get(network.getConnectedEdges(id))
      .sort(function (a, b) { return b.kg.count - a.kg.count || (a.id < b.id ? -1 : 1); })
      .forEach(function (e) {
        var k = e.kg, item = el("li");
        var arrow = k.symmetric ? " — " : e.from === id ? " → " : " ← ";
        var other = e.from === id ? k.toLabel : k.fromLabel;
        var link = textEl("button", (k.status === "negated" ? "✗ " : "") + k.relation + arrow + other +
          " (" + k.count + ")", "kg-link");
        link.type = "button";
        link.style.color = e.color.color;
        link.addEventListener("click", function () { network.selectEdges([e.id]); showEdge(e.id); });
        item.appendChild(link);
        list.appendChild(item);
      });
    return list;
  }

  // ------------------------------------------------------------ wiring

  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  });
  buildControls();
  $("kg-actor").addEventListener("change", onActorInput);
  $("kg-actor").addEventListener("input", function () { if (!$("kg-actor").value) { setActor(null); } });
  $("kg-focus").addEventListener("click", focusSelected);
  $("kg-reset").addEventListener("click", reset);
  $("kg-rel-all").addEventListener("click", function () { setAllRelations(true); });
  $("kg-rel-none").addEventListener("click", function () { setAllRelations(false); });
  $("kg-from").addEventListener("input", applyFilters);
  $("kg-to").addEventListener("input", applyFilters);
  showCounts();

  window.kgGraph = {
    nodes: nodes, edges: edges, network: network, applyFilters: applyFilters, setActor: setActor,
    showNode: showNode, showEdge: showEdge, visibleNodes: visibleNodes, visibleEdges: visibleEdges
  };

  // ------------------------------------------------------------ layout: settle once, then physics off

  if (nodes.length === 0) {
    $("kg-empty").hidden = false;
  }
  if (data.options.physics.enabled) {
    network.on("stabilizationProgress", function (p) {
      var box = $("kg-progress");
      box.hidden = false;
      box.textContent = "Laying out the graph… " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit({ animation: false });
      ready();
    });
  } else {
    network.once("afterDrawing", ready);
  }
  network.setData({ nodes: nodes, edges: edges });
  if (nodes.length === 0 && document.body.dataset.ready !== "1") {
    ready();
  }

}());
