/* The check-ins over time: points() and layout() are pure (unit-tested); svg() draws a layout as
   inline SVG with DOM calls, text only through textContent. Mood and sleep are 0 to 10 on the left
   scale, the WHO-5's raw score 0 to 25 on the right one; each line has its own dash and marker,
   so it reads without colour (and prints in black). */
(function (PlanGuide) {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var SERIES = [
    { key: "mood", top: 10, marker: "circle" },
    { key: "sleep", top: 10, marker: "square" },
    { key: "wellbeing", top: 25, marker: "diamond" }
  ];

  /* {mood, sleep, wellbeing: [{day, value}], sessions: [{day, number}]} from the entries lists. */
  function points(sessions, checkins, wellbeings, entries) {
    function from(list, read, top) {
      return list.map(function (e) { return { day: e.day, value: read(e, top) }; }).filter(function (p) { return p.value !== null; });
    }
    return {
      mood: from(checkins, function (e) { return entries.score(e.parts.mood, 10); }),
      sleep: from(checkins, function (e) { return entries.score(e.parts.sleep, 10); }),
      wellbeing: from(wellbeings, function (e) { var r = entries.who5(e); return r ? r.score : null; }),
      sessions: sessions.map(function (s, i) { return { day: s.day, number: i + 1 }; })
    };
  }

  /* Where everything goes in a width x height drawing: null when there is no point to draw. */
  function layout(data, width, height) {
    var all = SERIES.reduce(function (days, s) { return days.concat(data[s.key].map(function (p) { return p.day; })); }, []);
    if (!all.length) return null;
    var days = all.concat(data.sessions.map(function (s) { return s.day; }));
    var first = Math.min.apply(null, days), last = Math.max.apply(null, days);
    if (last === first) { first -= 1; last += 1; }
    var box = { left: 34, right: width - 34, top: 16, bottom: height - 28 };
    var x = function (day) { return round(box.left + (day - first) / (last - first) * (box.right - box.left)); };
    var y = function (value, top) { return round(box.bottom - value / top * (box.bottom - box.top)); };
    return {
      width: width, height: height, box: box, first: first, last: last,
      ticks: [0, 2, 4, 6, 8, 10].map(function (v) { return { y: y(v, 10), left: v, right: v * 2.5 }; }),
      lines: SERIES.map(function (s) {
        return { key: s.key, marker: s.marker, points: data[s.key].map(function (p) { return { x: x(p.day), y: y(p.value, s.top), day: p.day, value: p.value }; }) };
      }).filter(function (line) { return line.points.length; }),
      sessions: data.sessions.filter(function (s) { return s.day >= first && s.day <= last; }).map(function (s) { return { x: x(s.day), number: s.number }; })
    };
  }

  function round(n) { return Math.round(n * 10) / 10; }

  function node(doc, name, attrs, text) {
    var el = doc.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (key) { el.setAttribute(key, attrs[key]); });
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function marker(doc, kind, x, y, className) {
    if (kind === "circle") return node(doc, "circle", { cx: x, cy: y, r: 4, "class": className });
    if (kind === "square") return node(doc, "rect", { x: x - 4, y: y - 4, width: 8, height: 8, "class": className });
    return node(doc, "path", { d: "M" + x + " " + (y - 5) + "l5 5-5 5-5-5z", "class": className });
  }

  /* The layout as an <svg>: names {mood, sleep, wellbeing, session(number), label, day(day)}. */
  function svg(doc, plan, names) {
    var root = node(doc, "svg", { viewBox: "0 0 " + plan.width + " " + plan.height, width: plan.width, height: plan.height,
      role: "img", "aria-label": names.label, "class": "plan-chart-svg", focusable: "false" });
    var box = plan.box;
    plan.ticks.forEach(function (t) {
      root.appendChild(node(doc, "line", { x1: box.left, x2: box.right, y1: t.y, y2: t.y, "class": "plan-chart-grid" }));
      root.appendChild(node(doc, "text", { x: box.left - 6, y: t.y + 4, "text-anchor": "end" }, String(t.left)));
      root.appendChild(node(doc, "text", { x: box.right + 6, y: t.y + 4 }, String(t.right)));
    });
    plan.sessions.forEach(function (s) {
      root.appendChild(node(doc, "line", { x1: s.x, x2: s.x, y1: box.top, y2: box.bottom, "class": "plan-chart-session" }));
      var nearEnd = s.x > (box.left + box.right) / 2;  // the label on the side with room
      root.appendChild(node(doc, "text", { x: nearEnd ? s.x - 3 : s.x + 3, y: box.top + 10, "text-anchor": nearEnd ? "end" : "start",
        "class": "plan-chart-session-label" }, names.session(s.number)));
    });
    plan.lines.forEach(function (line) {
      var g = node(doc, "g", { "class": "plan-chart-line plan-chart-" + line.key });
      g.appendChild(node(doc, "polyline", { points: line.points.map(function (p) { return p.x + "," + p.y; }).join(" "), fill: "none" }));
      line.points.forEach(function (p) { g.appendChild(marker(doc, line.marker, p.x, p.y, "plan-chart-point")); });
      root.appendChild(g);
    });
    root.appendChild(node(doc, "text", { x: box.left, y: box.bottom + 18 }, names.day(plan.first)));
    root.appendChild(node(doc, "text", { x: box.right, y: box.bottom + 18, "text-anchor": "end" }, names.day(plan.last)));
    return root;
  }

  /* The key to the lines, as a list (it wraps on a narrow screen): a sample of each line, its name. */
  function legend(doc, names) {
    var list = doc.createElement("ul");
    list.className = "plan-chart-legend";
    SERIES.forEach(function (s) {
      var item = doc.createElement("li");
      var sample = node(doc, "svg", { viewBox: "0 0 28 12", width: 28, height: 12, "aria-hidden": "true", focusable: "false" });
      var g = node(doc, "g", { "class": "plan-chart-line plan-chart-" + s.key });
      g.appendChild(node(doc, "line", { x1: 0, x2: 28, y1: 6, y2: 6 }));
      g.appendChild(marker(doc, s.marker, 14, 6, "plan-chart-point"));
      sample.appendChild(g);
      item.appendChild(sample);
      item.appendChild(doc.createTextNode(" " + names[s.key]));
      list.appendChild(item);
    });
    return list;
  }

  PlanGuide.chart = { points: points, layout: layout, svg: svg, legend: legend };
}(typeof module === "object" && module.exports ? module.exports : (window.PlanGuide = window.PlanGuide || {})));
