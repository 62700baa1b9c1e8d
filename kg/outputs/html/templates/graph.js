/* kg graph page: draws the embedded graph with vis-network, filters it, shows details.
 * Every string from the data is put into the page with textContent or as a DOM
 * tooltip element, never parsed as HTML. Actors come placed (physics stays off).
 * By default one edge stands for each pair of actors (a "dyad"); clicking it
 * expands it into its typed relations. views.js adds the matrix, the timeline
 * and the export buttons on top of window.kgGraph. */
(function () {
  "use strict";

  var WIKIDATA = "https://www.wikidata.org/wiki/";
  var QID = /^Q[1-9][0-9]*$/;
  var DATE = /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/;
  var SVG = "http://www.w3.org/2000/svg";
  var STATUS_LABELS = [["factual", "factual"], ["hypothetical", "hypothetical only"], ["negated", "negated only"]];
  var POLARITY_LABELS = [["1", "cooperative"], ["-1", "conflictual"], ["0", "other"]];
  var LABEL_HEIGHT = 20;  // px under an actor taken by its name
  var MAX_LABELLED = 3000;  // above this many edges on screen, edge labels stay off (only the tooltips)
  var HINT = "Click an actor or a pair of actors to see its relations and the evidence sentences. Hover for a summary.";

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

  function withTooltip(item, hidden) {
    var copy = Object.assign({}, item);
    copy.title = tooltip(item.title);
    if (hidden !== undefined) { copy.hidden = hidden; }
    return copy;
  }

  function setColours() {
    var style = document.documentElement.style;
    style.setProperty("--coop", data.colors.cooperative);
    style.setProperty("--conf", data.colors.conflictual);
    style.setProperty("--neg", data.colors.negated);
    style.setProperty("--neutral", data.colors.neutral);
  }

  // ------------------------------------------------------------ colours and pairs (same rules as records.py)

  function hex(c) { return [1, 3, 5].map(function (i) { return parseInt(c.slice(i, i + 2), 16); }); }

  function mix(a, b, amount) {
    var x = hex(a), y = hex(b);
    return "#" + x.map(function (v, i) {
      return ("0" + Math.round(v + (y[i] - v) * amount).toString(16)).slice(-2);
    }).join("");
  }

  function balanceColour(coop, conf) {
    var total = coop + conf, balance = total ? (coop - conf) / total : 0;
    return mix(data.colors.neutral, balance > 0 ? data.colors.cooperative : data.colors.conflictual, Math.abs(balance));
  }

  function width(count) { return Math.round(Math.min(1.5 + 2 * Math.log2(Math.max(count, 1)), 14) * 100) / 100; }

  var typeOrder = {};
  data.relations.forEach(function (r, i) { typeOrder[r.label] = i; });

  function dyadLabel(types) {
    var n = data.labelTypes;
    return types.slice(0, n).join(", ") + (types.length > n ? " +" + (types.length - n) : "");
  }

  /* A pair's look from the typed relations that pass the filters. */
  function dyadStyle(dyad, members) {
    var count = 0, coop = 0, conf = 0, negated = true, factual = false, symmetric = false, directions = {};
    members.forEach(function (e) {
      var k = e.kg, kept = k.count - k.negated;
      count += k.count;
      if (k.polarity > 0) { coop += kept; } else if (k.polarity < 0) { conf += kept; }
      if (k.status !== "negated") { negated = false; }
      if (k.factual) { factual = true; }
      if (k.symmetric) { symmetric = true; } else { directions[e.from + "\u0000" + e.to] = [e.from, e.to]; }
    });
    var dirs = Object.keys(directions), a = dyad.kg.ends[0], b = dyad.kg.ends[1];
    var oneWay = dirs.length === 1 && !symmetric && a !== b;
    var ends = oneWay ? directions[dirs[0]] : [a, b];
    var status = negated ? "negated" : factual ? "factual" : "hypothetical";
    var colour = status === "negated" ? data.colors.negated : balanceColour(coop, conf);
    var totals = {};  // a type in both directions counts once, with both counts
    members.forEach(function (e) { totals[e.kg.relation] = (totals[e.kg.relation] || 0) + e.kg.count; });
    var types = Object.keys(totals).sort(function (x, y) {
      return totals[y] - totals[x] || typeOrder[x] - typeOrder[y];
    });
    return {
      from: ends[0], to: ends[1], label: (status === "negated" ? "\u2717 " : "") + dyadLabel(types),
      width: width(count), dashes: data.colors.dashes[status],
      color: { color: colour, highlight: colour, hover: colour }, font: { color: mix(colour, "#1d2733", 0.35) },
      arrows: { to: { enabled: oneWay, scaleFactor: 0.8 } },
      kg: { count: count, cooperative: coop, conflictual: conf, status: status, oneWay: oneWay }
    };
  }

  // ------------------------------------------------------------ the network

  setColours();
  var typed = {}, dyads = {}, byNode = {};
  data.edges.forEach(function (e) {
    typed[e.id] = e;
    [e.from, e.to].forEach(function (n) { (byNode[n] = byNode[n] || []).push(e); });
  });
  data.dyads.forEach(function (d) {
    d.kg.oneWay = d.arrows.to.enabled;
    d.kg.full = d.kg.members.join(" ");
    dyads[d.id] = d;
  });
  var state = { mode: "pairs", expanded: new Set(), actor: null, shown: null, dyadKeys: {}, passing: null, visible: {} };
  state.dyadLabel = {};
  state.dyadCount = {};
  data.dyads.forEach(function (d) {
    state.dyadKeys[d.id] = d.kg.full;
    state.visible[d.id] = true;
    state.dyadLabel[d.id] = d.label;
    state.dyadCount[d.id] = d.kg.count;
  });
  data.edges.forEach(function (e) { state.visible[e.id] = false; });
  var nodes = new vis.DataSet(data.nodes.map(function (n) { return withTooltip(n); }));
  // typed relations join the drawing only while shown: hidden edges still cost vis-network a check per frame
  var edges = new vis.DataSet(data.dyads.map(function (d) { return unlabelled(withTooltip(d, false), data.dyads); }));
  var network = new vis.Network($("kg-canvas"), {}, data.options);

  function ready() {
    $("kg-progress").hidden = true;
    if (data.focus && nodes.get(data.focus)) {
      network.selectNodes([data.focus]);
      showNode(data.focus);
    }
    window.kgReadyAt = performance.now();
    document.body.dataset.ready = "1";
  }

  // ------------------------------------------------------------ filters

  function checkbox(container, value, label, colour, count) {
    var row = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = value;
    box.addEventListener("change", function () { applyFilters(); });
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
      checkbox($("kg-relations"), r.label, r.label + (r.symmetric ? "" : " \u2192"), polarityColour(r.polarity), r.count);
    });
    var list = $("kg-actor-list");
    data.nodes.slice().sort(function (a, b) { return a.label < b.label ? -1 : a.label > b.label ? 1 : 0; })
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
      actor: state.actor, from: dateInput("kg-from"), to: dateInput("kg-to"),
      text: $("kg-search").value.trim().toLowerCase()
    };
  }

  // "2024-04/2024-09" overlaps [from, to]; "~" sorts after every digit and "-".
  function dateOverlaps(date, from, to) {
    var parts = date.split("/");
    var start = parts[0], end = parts[parts.length - 1];
    return (!from || end + "~" >= from) && (!to || start <= to + "~");
  }

  function sentences(e) {
    if (e.kg.lower === undefined) {
      e.kg.lower = e.kg.evidence.map(function (ev) { return (ev.sentence || "").toLowerCase(); }).join("\n");
    }
    return e.kg.lower;
  }

  function edgePasses(e, f, ignoreDates) {
    var k = e.kg;
    if (!f.relations.has(k.relation) || !f.polarities.has(String(k.polarity)) || !f.statuses.has(k.status)) {
      return false;
    }
    if (f.actor && e.from !== f.actor && e.to !== f.actor) { return false; }
    if (f.text && sentences(e).indexOf(f.text) < 0) { return false; }
    if (!ignoreDates && (f.from || f.to)) {
      return k.dates.some(function (d) { return dateOverlaps(d, f.from, f.to); });
    }
    return true;
  }

  function filtering(f) {
    return f.actor || f.from || f.to || f.text || f.relations.size < data.relations.length ||
      $("kg-controls").querySelectorAll("input[type=checkbox]:not(:checked)").length > 0;
  }

  /* Show what passes the filters in the current mode; restyle the pairs; re-fit unless told not to. */
  function applyFilters(options) {
    var emitter = network.body.emitter;
    emitter.emit("_blockRedraw");  // vis redraws after every update: draw once, at the end
    try {
      update(options);
    } finally {
      emitter.emit("_allowRedraw");
      network.redraw();
    }
    document.dispatchEvent(new CustomEvent("kg:filtered"));
  }

  function update(options) {
    var f = readFilters(), passing = {}, shown = new Set(), changes = [], adds = [], removes = [];
    data.edges.forEach(function (e) {
      var ok = edgePasses(e, f, false);
      passing[e.id] = ok;
      if (ok) { shown.add(e.from); shown.add(e.to); }
      var visible = ok && (state.mode === "types" || state.expanded.has(e.kg.pair));
      if (state.visible[e.id] !== visible) {
        if (visible) { adds.push(unlabelled(withTooltip(e), data.edges)); } else { removes.push(e.id); }
      }
      state.visible[e.id] = visible;
    });
    data.dyads.forEach(function (d) {
      var members = d.kg.members.filter(function (id) { return passing[id]; });
      var visible = state.mode === "pairs" && !state.expanded.has(d.id) && members.length > 0;
      var change = { id: d.id, hidden: !visible }, key = members.join(" ");
      if (visible && state.dyadKeys[d.id] !== key) {  // restyle from the relations that pass
        Object.assign(change, key === d.kg.full ? original(d) :
          dyadStyle(d, members.map(function (id) { return typed[id]; })));
        state.dyadLabel[d.id] = change.label;
        state.dyadCount[d.id] = key === d.kg.full ? d.kg.count : change.kg.count;
        if (key !== d.kg.full) { change.title = tooltip(dyadTooltip(change)); }
        state.dyadKeys[d.id] = key;
      }
      if (state.visible[d.id] !== visible || change.label !== undefined) { changes.push(change); }
      state.visible[d.id] = visible;
    });
    var active = filtering(f), nodeChanges = [];
    nodes.forEach(function (n) {
      var visible = shown.has(n.id) || n.id === f.actor || (!active && n.kg.relations === 0);
      if (Boolean(n.hidden) === visible) { nodeChanges.push({ id: n.id, hidden: !visible }); }
    });
    edges.remove(removes);
    edges.add(adds);
    edges.update(changes);
    nodes.update(nodeChanges);
    state.passing = passing;
    declutter();
    showCounts();
    clearStale();
    if (!options || options.fit !== false) { fitVisible(); }
  }

  /* Hide the edge labels that would overlap an actor, its name or a label already placed
   * (more evidence places first); they stay in the tooltips and the details. */
  function declutter() {
    var body = network.body, grid = {}, CELL = 120, changes = [];
    var ctx = declutter.ctx || (declutter.ctx = document.createElement("canvas").getContext("2d"));
    function cells(b, visit) {
      for (var i = Math.floor(b[0] / CELL); i <= Math.floor(b[2] / CELL); i++) {
        for (var j = Math.floor(b[1] / CELL); j <= Math.floor(b[3] / CELL); j++) { visit(i + "," + j); }
      }
    }
    function free(b) {
      var ok = true;
      cells(b, function (key) {
        (grid[key] || []).forEach(function (o) { if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) { ok = false; } });
      });
      return ok;
    }
    function place(b) { cells(b, function (key) { (grid[key] = grid[key] || []).push(b); }); }
    ctx.font = "16px system-ui, sans-serif";
    nodes.forEach(function (n) {
      if (n.hidden) { return; }
      var p = body.nodes[n.id], r = n.size, w = ctx.measureText(n.label).width / 2 + 2;
      place([p.x - r - 2, p.y - r - 2, p.x + r + 2, p.y + r + 2]);
      place([p.x - w, p.y + r + 2, p.x + w, p.y + r + LABEL_HEIGHT + 4]);
    });
    ctx.font = "12px system-ui, sans-serif";
    var shown = edges.get({ filter: function (e) { return !e.hidden; } });
    shown.sort(function (a, b) { return labelCount(b) - labelCount(a) || (a.id < b.id ? -1 : 1); });
    shown.forEach(function (e) {
      var text = intended(e), label = " ";  // vis keeps an old label when given "" or null
      var edge = body.edges[e.id];
      if (text && edge && edge.fromId !== edge.toId && shown.length <= MAX_LABELLED) {
        var p = edge.edgeType.getPoint(0.5), w = ctx.measureText(text).width / 2 + 3, h = 10;
        var b = [p.x - w, p.y - h, p.x + w, p.y + h];
        if (free(b)) { place(b); label = text; }
      } else if (text && edge && edge.fromId === edge.toId) {
        label = text;
      }
      if (e.label !== label) { changes.push({ id: e.id, label: label }); }
    });
    edges.update(changes);
  }


  /* Over MAX_LABELLED edges of a kind, start them without labels: declutter would remove them one by one. */
  function unlabelled(item, all) {
    if (all.length > MAX_LABELLED) { item.label = " "; }
    return item;
  }

  function labelCount(e) { return dyads[e.id] ? 1e9 + (state.dyadCount[e.id] || 0) : typed[e.id].kg.count; }

  function intended(e) { return dyads[e.id] ? state.dyadLabel[e.id] : typed[e.id].label; }

  function original(d) {
    return { from: d.from, to: d.to, label: d.label, width: d.width, dashes: d.dashes, color: d.color, font: d.font,
      arrows: d.arrows, title: tooltip(d.title) };
  }

  function dyadTooltip(style) {
    var k = style.kg;
    return nodes.get(style.from).kg.name + (k.oneWay ? " \u2192 " : " \u2014 ") + nodes.get(style.to).kg.name + ": " +
      k.count + " evidence (" + k.cooperative + " cooperative, " + k.conflictual + " conflictual, not negated)\n" +
      style.label + "\nClick to expand into its relations.";
  }

  function fitVisible() {
    var ids = nodes.getIds({ filter: function (n) { return !n.hidden; } });
    if (ids.length) { network.fit({ nodes: ids, animation: false }); }
  }

  function hideTooltip() {
    var popup = network.interactionHandler && network.interactionHandler.popup;
    if (popup && popup.hide) { popup.hide(); }
    document.querySelectorAll(".vis-tooltip").forEach(function (t) { t.style.visibility = "hidden"; });
  }

  /* Details of something the filters hid are cleared; tooltips always are. */
  function clearStale() {
    hideTooltip();
    var s = state.shown;
    if (!s) { return; }
    var gone = s.kind === "node" ? nodes.get(s.id).hidden : s.kind === "edge" ? !state.passing[s.id] :
      !dyads[s.id].kg.members.some(function (id) { return state.passing[id]; });
    if (gone) { network.unselectAll(); clearDetails(); } else if (s.kind === "node") { showNode(s.id); }
  }

  function visibleNodes() { return nodes.get({ filter: function (n) { return !n.hidden; } }).length; }
  function visibleEdges() { return edges.get({ filter: function (e) { return !e.hidden; } }).length; }
  function passingEdges() { return data.edges.filter(function (e) { return state.passing[e.id]; }); }

  function showCounts() {
    var relations = passingEdges().length, pairs = new Set(passingEdges().map(function (e) { return e.kg.pair; })).size;
    $("kg-shown").textContent = "Showing " + visibleNodes() + " of " + nodes.length + " actors, " +
      pairs + " of " + data.dyads.length + " pairs, " + relations + " of " + data.edges.length + " relations";
  }

  function findActor(text) {
    var wanted = text.trim().toLowerCase();
    if (!wanted) { return null; }
    var match = data.nodes.filter(function (n) {
      var k = n.kg;
      return [k.code, k.name, k.name + " (" + k.code + ")"].some(function (s) { return s.toLowerCase() === wanted; });
    });
    return match.length ? match[0].id : undefined;
  }

  function setActor(id) {
    state.actor = id;
    $("kg-actor").value = id ? nodes.get(id).kg.name + " (" + nodes.get(id).kg.code + ")" : "";
    $("kg-actor").classList.remove("kg-invalid");
    applyFilters();
    if (id) {
      network.selectNodes([id]);
      showNode(id);
    }
  }

  function onActorInput() {
    var id = findActor($("kg-actor").value);
    $("kg-actor").classList.toggle("kg-invalid", id === undefined);
    if (id !== undefined && id !== state.actor) { setActor(id); }
  }

  function focusSelected() {
    var selected = network.getSelectedNodes();
    if (selected.length) { setActor(selected[0]); }
  }

  function reset() {
    document.querySelectorAll("#kg-controls input[type=checkbox]").forEach(function (box) { box.checked = true; });
    $("kg-from").value = "";
    $("kg-to").value = "";
    $("kg-search").value = "";
    state.expanded.clear();
    network.unselectAll();
    clearDetails();
    setActor(null);
  }

  function setAllRelations(value) {
    $("kg-relations").querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = value; });
    applyFilters();
  }

  function setDates(from, to) {
    $("kg-from").value = from || "";
    $("kg-to").value = to || "";
    applyFilters();
  }

  function setMode(mode) {
    state.mode = mode;
    state.expanded.clear();
    $("kg-mode-pairs").setAttribute("aria-pressed", String(mode === "pairs"));
    $("kg-mode-types").setAttribute("aria-pressed", String(mode === "types"));
    applyFilters({ fit: false });
  }

  function expand(pair, open) {
    if (open) { state.expanded.add(pair); } else { state.expanded.delete(pair); }
    applyFilters({ fit: false });
  }

  // ------------------------------------------------------------ details

  function details(shown) {
    var box = $("kg-details");
    box.replaceChildren();
    state.shown = shown || null;
    return box;
  }

  function clearDetails() { details().appendChild(el("p", HINT, "kg-muted")); }

  function badge(text, className) { return el("span", text, "kg-badge " + className); }

  function button(text, action, className) {
    var b = el("button", text, className);
    b.type = "button";
    b.addEventListener("click", action);
    return b;
  }

  function statusBadge(status) {
    return status === "hypothetical" ? badge("hypothetical only", "kg-hyp-t") :
      status === "negated" ? badge("\u2717 negated only", "kg-neg-t") : null;
  }

  function showEdge(id) {
    var e = typed[id];
    if (!e) { return; }
    var k = e.kg, box = details({ kind: "edge", id: id });
    box.appendChild(el("h2", k.relation + " \u00b7 " + k.name));
    box.appendChild(textEl("p", k.fromLabel + (k.symmetric ? "  \u2014  " : "  \u2192  ") + k.toLabel, "kg-dyad"));
    var badges = el("div", null, "kg-badges");
    badges.appendChild(k.polarity > 0 ? badge("cooperative", "kg-coop-t") : k.polarity < 0 ?
      badge("conflictual", "kg-conf-t") : badge("other", "kg-neg-t"));
    badges.appendChild(badge(k.symmetric ? "symmetric" : "directed", "kg-neg-t"));
    if (statusBadge(k.status)) { badges.appendChild(statusBadge(k.status)); }
    box.appendChild(badges);
    box.appendChild(el("p", k.count + " evidence: " + k.factual + " factual, " + k.hypothetical + " hypothetical, " +
      k.negated + " negated"));
    if (k.status === "negated") {
      box.appendChild(el("p", "All evidence is negated: the texts say this did not happen.", "kg-warn"));
    }
    box.appendChild(textEl("p", "Dates: " + (k.dates.length ? k.dates.join(", ") : "none given")));
    if (state.mode === "pairs") {
      var buttons = el("div", null, "kg-buttons");
      buttons.appendChild(button("All relations of the pair", function () { showDyad(k.pair); }));
      if (state.expanded.has(k.pair)) {
        buttons.appendChild(button("Collapse the pair", function () { expand(k.pair, false); showDyad(k.pair); }));
      }
      box.appendChild(buttons);
    }
    box.appendChild(el("h3", "Evidence"));
    box.appendChild(evidenceList(k.evidence));
    if (k.more) {
      box.appendChild(el("p", "\u2026 and " + k.more + " more (only the first " + k.evidence.length +
        " are embedded; query the RDF graph for all).", "kg-muted"));
    }
  }

  function marked(tag, text, className) {  // the sentence, with the searched words in <mark>
    var node = textEl(tag, "", className), query = $("kg-search").value.trim().toLowerCase(), at = 0;
    var lower = text.toLowerCase();
    while (query) {
      var i = lower.indexOf(query, at);
      if (i < 0) { break; }
      node.appendChild(document.createTextNode(text.slice(at, i)));
      node.appendChild(el("mark", text.slice(i, i + query.length)));
      at = i + query.length;
    }
    node.appendChild(document.createTextNode(text.slice(at)));
    return node;
  }

  function evidenceList(evidence) {
    var list = el("ol", null, "kg-evidence");
    evidence.forEach(function (ev) {
      var item = el("li");
      item.appendChild(marked("blockquote", ev.sentence || "(no sentence)", "kg-quote"));
      var meta = el("div", null, "kg-meta");
      meta.appendChild(el("span", "document "));
      meta.appendChild(textEl("b", ev.doc === null ? "?" : ev.doc));
      if (ev.start !== null) { meta.appendChild(el("span", " \u00b7 chars " + ev.start + "\u2013" + ev.end)); }
      if (ev.date) { meta.appendChild(el("span", " \u00b7 date ")); meta.appendChild(textEl("span", ev.date)); }
      if (ev.source) { meta.appendChild(el("span", " \u00b7 according to ")); meta.appendChild(textEl("i", ev.source)); }
      if (ev.negated) { meta.appendChild(el("span", " \u00b7 negated", "kg-mark")); }
      if (ev.hypothetical) { meta.appendChild(el("span", " \u00b7 hypothetical")); }
      item.appendChild(meta);
      list.appendChild(item);
    });
    return list;
  }

  /* A pair: its balance and its typed relations; in the pairs view it also expands or collapses. */
  function showDyad(id) {
    var d = dyads[id];
    if (!d) { return; }
    var members = d.kg.members.map(function (m) { return typed[m]; });
    var style = dyadStyle(d, members), k = style.kg, box = details({ kind: "dyad", id: id });
    box.appendChild(el("h2", "Pair of actors"));
    box.appendChild(textEl("p", nodes.get(style.from).kg.name + (k.oneWay ? "  \u2192  " : "  \u2014  ") +
      nodes.get(style.to).kg.name, "kg-dyad"));
    var badges = el("div", null, "kg-badges");
    if (statusBadge(k.status)) { badges.appendChild(statusBadge(k.status)); }
    badges.appendChild(badge(k.cooperative + " cooperative", "kg-coop-t"));
    badges.appendChild(badge(k.conflictual + " conflictual", "kg-conf-t"));
    box.appendChild(badges);
    box.appendChild(el("p", k.count + " evidence in " + members.length + " relation" + (members.length === 1 ? "" : "s") +
      " (cooperative and conflictual count evidence that is not negated)"));
    if (state.mode === "pairs") {
      var open = state.expanded.has(id), buttons = el("div", null, "kg-buttons");
      buttons.appendChild(button(open ? "Collapse into one edge" : "Expand into its relations", function () {
        expand(id, !open);
        showDyad(id);
      }));
      box.appendChild(buttons);
    }
    box.appendChild(el("h3", "Relations"));
    box.appendChild(relationLinks(members, null));
  }

  function showNode(id) {
    var n = nodes.get(id);
    if (!n) { return; }
    var k = n.kg, box = details({ kind: "node", id: id });
    box.appendChild(textEl("h2", k.name));
    box.appendChild(textEl("p", k.code + " \u00b7 " + (k.kind || "actor")));
    box.appendChild(el("p", "degree " + k.degree + " (distinct actors related to) \u00b7 " + k.relations +
      " relations \u00b7 " + k.evidence + " evidence"));
    if (k.wikidata && QID.test(k.wikidata)) {
      var link = el("a", "Wikidata " + k.wikidata);
      link.href = WIKIDATA + k.wikidata;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      box.appendChild(link);
    }
    var buttons = el("div", null, "kg-buttons");
    buttons.appendChild(button("Show only this actor's relations", function () { setActor(id); }));
    box.appendChild(buttons);
    box.appendChild(el("h3", "Relations"));
    box.appendChild(relationLinks(byNode[id] || [], id));
  }

  /* Links to typed relations, most evidence first, hypothetical-only and negated-only ones marked. */
  function relationLinks(list, id) {
    var ul = el("ul", null, "kg-links");
    list.slice().sort(function (a, b) { return b.kg.count - a.kg.count || (a.id < b.id ? -1 : 1); })
      .forEach(function (e) {
        var k = e.kg, item = el("li");
        var arrow = k.symmetric ? " \u2014 " : id === null ? " \u2192 " : e.from === id ? " \u2192 " : " \u2190 ";
        var text = id === null ? k.fromLabel + arrow + k.toLabel : k.relation + arrow + (e.from === id ? k.toLabel : k.fromLabel);
        var link = textEl("button", (k.status === "negated" ? "\u2717 " : "") + (id === null ? k.relation + ": " : "") +
          text + " (" + k.count + ")", "kg-link");
        link.type = "button";
        link.style.color = e.color.color;
        if (state.passing && !state.passing[e.id]) { link.classList.add("kg-filtered"); link.title = "hidden by the filters"; }
        link.addEventListener("click", function () { openEdge(e.id); });
        item.appendChild(link);
        var mark = statusBadge(k.status);
        if (mark) { item.appendChild(mark); }
        ul.appendChild(item);
      });
    return ul;
  }

  /* Show a typed relation on the network (expanding its pair if needed) and its evidence. */
  function openEdge(id) {
    var e = typed[id];
    if (state.mode === "pairs" && !state.expanded.has(e.kg.pair)) { expand(e.kg.pair, true); }
    if (state.visible[id]) { network.selectEdges([id]); }
    showEdge(id);
  }

  // ------------------------------------------------------------ wiring

  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); return; }
    var id = params.edges[0];
    if (id && dyads[id]) {
      expand(id, true);
      showDyad(id);
    } else if (id) {
      showEdge(id);
    } else if (state.expanded.size) {  // a click on the background collapses the expanded pairs
      state.expanded.clear();
      applyFilters({ fit: false });
      clearDetails();
    }
  });
  network.on("dragEnd", function (params) { if (params.nodes.length) { declutter(); } });  // labels follow moved actors
  buildControls();
  var searchTimer = null;
  $("kg-actor").addEventListener("change", onActorInput);
  $("kg-actor").addEventListener("input", function () { if (!$("kg-actor").value) { setActor(null); } });
  $("kg-search").addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(applyFilters, 150);
  });
  $("kg-focus").addEventListener("click", focusSelected);
  $("kg-reset").addEventListener("click", reset);
  $("kg-rel-all").addEventListener("click", function () { setAllRelations(true); });
  $("kg-rel-none").addEventListener("click", function () { setAllRelations(false); });
  $("kg-from").addEventListener("input", function () { applyFilters(); });
  $("kg-to").addEventListener("input", function () { applyFilters(); });
  $("kg-mode-pairs").addEventListener("click", function () { setMode("pairs"); });
  $("kg-mode-types").addEventListener("click", function () { setMode("types"); });

  window.kgGraph = {
    data: data, nodes: nodes, edges: edges, network: network, state: state, typed: typed, dyads: dyads,
    applyFilters: applyFilters, readFilters: readFilters, edgePasses: edgePasses, passingEdges: passingEdges,
    setActor: setActor, setDates: setDates, setMode: setMode, expand: expand, reset: reset,
    showNode: showNode, showEdge: showEdge, showDyad: showDyad, dyadStyle: dyadStyle, balanceColour: balanceColour,
    visibleNodes: visibleNodes, visibleEdges: visibleEdges, el: el, textEl: textEl, $: $,
    isShown: function (id) { return state.visible[id] === true; }
  };

  // ------------------------------------------------------------ first draw: placed, physics off

  clearDetails();
  if (nodes.length === 0) { $("kg-empty").hidden = false; }
  network.once("afterDrawing", ready);
  network.body.emitter.emit("_blockRedraw");  // one drawing for the data, the labels and the fit
  try {
    network.setData({ nodes: nodes, edges: edges });
    update({ fit: false });
    network.fit({ animation: false });
  } finally {
    network.body.emitter.emit("_allowRedraw");
    network.redraw();
  }
  if (nodes.length === 0 && document.body.dataset.ready !== "1") { ready(); }
}());
