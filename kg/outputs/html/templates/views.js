/* kg graph page, second part: the adjacency matrix, the timeline and the export buttons.
 * Works on window.kgGraph (graph.js) and redraws on its "kg:filtered" event. */
(function () {
  "use strict";

  var g = window.kgGraph, $ = g.$, el = g.el;
  var view = "network";
  var MONTH = /^[0-9]{4}-[0-9]{2}$/;

  // ------------------------------------------------------------ shared: pairs of the relations that pass

  function pairsOf(list) {
    var pairs = {};
    list.forEach(function (e) {
      var p = pairs[e.kg.pair] = pairs[e.kg.pair] || { id: e.kg.pair, members: [] };
      p.members.push(e);
    });
    Object.keys(pairs).forEach(function (id) {
      pairs[id].style = g.dyadStyle(g.dyads[id], pairs[id].members);
    });
    return pairs;
  }

  // ------------------------------------------------------------ matrix

  var matrix = { order: [], cell: 0, offset: 0, pairs: {} };

  function matrixActors(pairs) {
    var present = new Set();
    Object.keys(pairs).forEach(function (id) { g.dyads[id].kg.ends.forEach(function (n) { present.add(n); }); });
    var f = g.readFilters();
    if (f.actor) { present.add(f.actor); }
    var by = $("kg-order").value;
    return g.data.nodes.filter(function (n) { return present.has(n.id); }).sort(function (a, b) {
      var ka = a.kg, kb = b.kg;
      return (by === "cluster" ? ka.cluster - kb.cluster || kb.degree - ka.degree : 0) ||
        (by === "degree" ? kb.degree - ka.degree || kb.evidence - ka.evidence : 0) ||
        (ka.name < kb.name ? -1 : ka.name > kb.name ? 1 : 0);
    });
  }

  function drawMatrix() {
    var canvas = $("kg-matrix-canvas"), box = $("kg-matrix");
    var pairs = pairsOf(g.passingEdges()), actors = matrixActors(pairs), n = actors.length;
    var ctx = canvas.getContext("2d");
    ctx.font = "11px system-ui, sans-serif";
    var labelSpace = Math.min(150, 10 + Math.max.apply(null, [40].concat(actors.map(function (a) {
      return ctx.measureText(a.kg.name).width;
    }))));
    var room = Math.min(box.clientWidth, box.clientHeight) - labelSpace - 16;
    var cell = Math.max(6, Math.min(30, Math.floor(room / Math.max(n, 1))));
    var size = labelSpace + cell * n + 8, ratio = window.devicePixelRatio || 1;
    canvas.width = size * ratio;
    canvas.height = size * ratio;
    canvas.style.width = size + "px";
    canvas.style.height = size + "px";
    ctx = canvas.getContext("2d");
    ctx.scale(ratio, ratio);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, size, size);
    var index = {}, max = 1;
    actors.forEach(function (a, i) { index[a.id] = i; });
    Object.keys(pairs).forEach(function (id) { max = Math.max(max, pairs[id].style.kg.count); });
    ctx.font = "11px system-ui, sans-serif";
    ctx.fillStyle = "#1d2733";
    ctx.textBaseline = "middle";
    actors.forEach(function (a, i) {  // row labels left, column labels rotated on top
      var mid = labelSpace + i * cell + cell / 2;
      if (cell >= 9) {
        ctx.textAlign = "right";
        ctx.fillText(a.kg.name, labelSpace - 4, mid, labelSpace - 8);
        ctx.save();
        ctx.translate(mid, labelSpace - 4);
        ctx.rotate(-Math.PI / 2);
        ctx.textAlign = "left";
        ctx.fillText(a.kg.name, 0, 0, labelSpace - 8);
        ctx.restore();
      }
    });
    ctx.strokeStyle = "#eef1f4";
    for (var i = 0; i <= n; i++) {  // grid
      ctx.beginPath(); ctx.moveTo(labelSpace, labelSpace + i * cell); ctx.lineTo(labelSpace + n * cell, labelSpace + i * cell); ctx.stroke();
      ctx.beginPath(); ctx.moveTo(labelSpace + i * cell, labelSpace); ctx.lineTo(labelSpace + i * cell, labelSpace + n * cell); ctx.stroke();
    }
    ctx.textAlign = "center";
    Object.keys(pairs).forEach(function (id) {
      var s = pairs[id].style, ends = g.dyads[id].kg.ends, a = index[ends[0]], b = index[ends[1]];
      if (a === undefined || b === undefined) { return; }
      [[a, b], [b, a]].forEach(function (rc) {
        var x = labelSpace + rc[1] * cell, y = labelSpace + rc[0] * cell;
        ctx.globalAlpha = 0.3 + 0.7 * Math.log(1 + s.kg.count) / Math.log(1 + max);
        ctx.fillStyle = s.color.color;
        ctx.fillRect(x + 1, y + 1, cell - 2, cell - 2);
        ctx.globalAlpha = 1;
        if (cell >= 16) {
          ctx.fillStyle = "#ffffff";
          ctx.fillText(String(s.kg.count), x + cell / 2, y + cell / 2 + 0.5);
        }
      });
    });
    if ($("kg-order").value === "cluster") {  // cluster boundaries
      ctx.strokeStyle = "#5d6b7a";
      ctx.lineWidth = 1.5;
      actors.forEach(function (a, i) {
        if (i > 0 && actors[i - 1].kg.cluster !== a.kg.cluster) {
          var at = labelSpace + i * cell;
          ctx.beginPath(); ctx.moveTo(labelSpace, at); ctx.lineTo(labelSpace + n * cell, at); ctx.stroke();
          ctx.beginPath(); ctx.moveTo(at, labelSpace); ctx.lineTo(at, labelSpace + n * cell); ctx.stroke();
        }
      });
      ctx.lineWidth = 1;
    }
    matrix = { order: actors, cell: cell, offset: labelSpace, pairs: pairs, index: index };
  }

  function matrixCell(event) {
    var rect = $("kg-matrix-canvas").getBoundingClientRect(), m = matrix;
    var col = Math.floor((event.clientX - rect.left - m.offset) / m.cell);
    var row = Math.floor((event.clientY - rect.top - m.offset) / m.cell);
    if (row < 0 || col < 0 || row >= m.order.length || col >= m.order.length) { return null; }
    var a = m.order[row].id, b = m.order[col].id, id = [a, b].sort().join("~");
    return { row: m.order[row], col: m.order[col], pair: m.pairs[id] ? id : null };
  }

  function matrixHover(event) {
    var tip = $("kg-matrix-tip"), hit = matrixCell(event);
    if (!hit) { tip.hidden = true; return; }
    var text = hit.row.kg.name + " \u2014 " + hit.col.kg.name;
    if (hit.pair) {
      var k = matrix.pairs[hit.pair].style.kg;
      text += ": " + k.count + " evidence, " + k.cooperative + " cooperative, " + k.conflictual + " conflictual\n" +
        matrix.pairs[hit.pair].style.label + "\nClick for the relations.";
    } else {
      text += ": no relation";
    }
    tip.textContent = text;
    var stage = $("kg-stage").getBoundingClientRect();
    tip.style.left = (event.clientX - stage.left + 14) + "px";
    tip.style.top = (event.clientY - stage.top + 14) + "px";
    tip.hidden = false;
  }

  function setView(name) {
    view = name;
    $("kg-view-network").setAttribute("aria-pressed", String(name === "network"));
    $("kg-view-matrix").setAttribute("aria-pressed", String(name === "matrix"));
    $("kg-matrix").hidden = name !== "matrix";
    $("kg-order-box").hidden = name !== "matrix";
    $("kg-modes").hidden = name !== "network";
    $("kg-matrix-tip").hidden = true;
    if (name === "matrix") { drawMatrix(); } else { g.network.redraw(); }
  }

  // ------------------------------------------------------------ timeline

  var timeline = { months: [], brush: null };

  function allMonths() {
    var found = {};
    g.data.edges.forEach(function (e) {
      Object.keys(e.kg.months).forEach(function (m) { if (MONTH.test(m)) { found[m] = true; } });
    });
    var keys = Object.keys(found).sort();
    if (!keys.length) { return []; }
    var first = monthNumber(keys[0]), last = monthNumber(keys[keys.length - 1]);
    var pad = Math.max(0, 12 - (last - first + 1));  // at least a year wide, the data in the middle
    first -= Math.floor(pad / 2);
    last += Math.ceil(pad / 2);
    var months = [];
    for (var m = first; m <= last && months.length < 2400; m++) {
      months.push(Math.floor(m / 12) + "-" + ("0" + (m % 12 + 1)).slice(-2));
    }
    return months;
  }

  function monthNumber(key) { return Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1; }

  function svg(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  /* Bars of the evidence that passes every filter but the dates; the chosen period highlighted. */
  function drawTimeline() {
    var box = $("kg-timeline-svg"), months = timeline.months, f = g.readFilters();
    box.replaceChildren();
    var counts = {}, yearOnly = 0, undated = 0, total = 0;
    g.data.edges.forEach(function (e) {
      if (!g.edgePasses(e, f, true)) { return; }
      var dated = 0;
      Object.keys(e.kg.months).forEach(function (m) {
        dated += e.kg.months[m];
        if (MONTH.test(m)) { counts[m] = (counts[m] || 0) + e.kg.months[m]; } else { yearOnly += e.kg.months[m]; }
      });
      total += e.kg.count;
      undated += e.kg.count - dated;
    });
    $("kg-timeline-note").textContent = months.length ?
      "(" + months[0] + " to " + months[months.length - 1] + "; also " + yearOnly + " dated to the year only, " +
      undated + " undated, of " + total + ")" : "(no evidence dated to the month: " + yearOnly + " to the year only, " +
      undated + " undated)";
    $("kg-timeline").classList.toggle("kg-empty-timeline", !months.length);
    if (!months.length) { return; }
    var w = months.length, max = 1;
    months.forEach(function (m) { max = Math.max(max, counts[m] || 0); });
    box.setAttribute("viewBox", "0 0 " + w + " 100");
    months.forEach(function (m, i) {
      var h = 92 * (counts[m] || 0) / max, inside = (!f.from || m >= f.from.slice(0, 7)) && (!f.to || m <= f.to.slice(0, 7));
      var bar = svg("rect", { x: i + 0.08, y: 100 - h, width: 0.84, height: h,
        "class": (f.from || f.to) && inside ? "kg-bar kg-bar-on" : "kg-bar" });
      var title = svg("title", {});
      title.textContent = m + ": " + (counts[m] || 0) + " evidence";
      bar.appendChild(title);
      box.appendChild(bar);
    });
    if (timeline.brush) {
      var a = Math.min(timeline.brush[0], timeline.brush[1]), b = Math.max(timeline.brush[0], timeline.brush[1]);
      box.appendChild(svg("rect", { x: a, y: 0, width: b - a + 1, height: 100, "class": "kg-brush" }));
    }
  }

  function monthAt(event) {
    var rect = $("kg-timeline-svg").getBoundingClientRect();
    var i = Math.floor((event.clientX - rect.left) / rect.width * timeline.months.length);
    return Math.max(0, Math.min(timeline.months.length - 1, i));
  }

  function brushStart(event) {
    if (!timeline.months.length) { return; }
    timeline.brush = [monthAt(event), monthAt(event)];
    timeline.moved = false;
    $("kg-timeline-svg").setPointerCapture(event.pointerId);
    drawTimeline();
  }

  function brushMove(event) {
    if (!timeline.brush) { return; }
    var i = monthAt(event);
    if (i !== timeline.brush[1]) { timeline.brush[1] = i; timeline.moved = true; drawTimeline(); }
  }

  function brushEnd() {
    if (!timeline.brush) { return; }
    var a = Math.min(timeline.brush[0], timeline.brush[1]), b = Math.max(timeline.brush[0], timeline.brush[1]);
    var moved = timeline.moved;
    timeline.brush = null;
    if (moved) { g.setDates(timeline.months[a], timeline.months[b]); } else { g.setDates("", ""); }
  }

  // ------------------------------------------------------------ export

  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) { text = "'" + text; }  // never a formula
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /* The relations that pass the filters (every one drawn, or inside a drawn pair), as CSV. */
  function csv() {
    var head = ["from", "from_name", "relation", "to", "to_name", "symmetric", "polarity", "status", "evidence",
      "factual", "hypothetical", "negated", "dates"];
    var rows = g.passingEdges().map(function (e) {
      var k = e.kg;
      return [e.from, k.fromLabel, k.relation, e.to, k.toLabel, k.symmetric, k.polarity, k.status, k.count,
        k.factual, k.hypothetical, k.negated, k.dates.join(" ")];
    });
    return [head].concat(rows).map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  /* The current view (network or matrix) on a white background, as a PNG canvas. */
  function pngCanvas() {
    var source = view === "matrix" ? $("kg-matrix-canvas") : document.querySelector("#kg-canvas canvas");
    var out = document.createElement("canvas");
    out.width = source.width;
    out.height = source.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(source, 0, 0);
    return out;
  }

  function download(name, blob) {
    var url = URL.createObjectURL(blob), link = el("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 5000);
  }

  function fileName(ext) {
    return (document.title || "kg").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) +
      (view === "matrix" ? "-matrix" : "") + "." + ext;
  }

  // ------------------------------------------------------------ wiring

  timeline.months = allMonths();
  $("kg-view-network").addEventListener("click", function () { setView("network"); });
  $("kg-view-matrix").addEventListener("click", function () { setView("matrix"); });
  $("kg-order").addEventListener("change", drawMatrix);
  $("kg-matrix-canvas").addEventListener("mousemove", matrixHover);
  $("kg-matrix-canvas").addEventListener("mouseleave", function () { $("kg-matrix-tip").hidden = true; });
  $("kg-matrix-canvas").addEventListener("click", function (event) {
    var hit = matrixCell(event);
    if (hit && hit.pair) { g.showDyad(hit.pair); }
  });
  $("kg-timeline-svg").addEventListener("pointerdown", brushStart);
  $("kg-timeline-svg").addEventListener("pointermove", brushMove);
  $("kg-timeline-svg").addEventListener("pointerup", brushEnd);
  $("kg-export-csv").addEventListener("click", function () {
    download(fileName("csv"), new Blob([csv()], { type: "text/csv;charset=utf-8" }));
  });
  $("kg-export-png").addEventListener("click", function () {
    pngCanvas().toBlob(function (blob) { download(fileName("png"), blob); }, "image/png");
  });
  document.addEventListener("kg:filtered", function () {
    $("kg-matrix-tip").hidden = true;
    drawTimeline();
    if (view === "matrix") { drawMatrix(); }
  });
  drawTimeline();
  Object.assign(g, {
    setView: setView, csv: csv, png: function () { return pngCanvas().toDataURL("image/png"); },
    matrix: function () { return matrix; }, timeline: timeline
  });
}());
