/* The check-ins over time: mood and sleep 0 to 10 (left), the WHO-5 0 to 25 (right), each line
   its own dash and marker; weekly or monthly means over long ranges. No two labels overlap:
   dates thinned to fit, sessions numbered in two rows where there is room. */
(function (PlanGuide) {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var SERIES = [
    { key: "mood", top: 10, marker: "circle" },
    { key: "sleep", top: 10, marker: "square" },
    { key: "wellbeing", top: 25, marker: "diamond" }
  ];
  var RANGES = { month: 30, quarter: 91, year: 365, all: 0 };
  var GAP = 6;

  function points(sessions, checkins, wellbeings, entries) {
    function from(list, read) {
      return entries.dated(list).map(function (e) { return { day: e.day, value: read(e) }; }).filter(function (p) { return p.value !== null; });
    }
    return {
      mood: from(checkins, function (e) { return entries.score(e.parts.mood, 10); }),
      sleep: from(checkins, function (e) { return entries.score(e.parts.sleep, 10); }),
      wellbeing: from(wellbeings, function (e) { var r = entries.who5(e); return r ? r.score : null; }),
      sessions: entries.dated(sessions).map(function (s, i) { return { day: s.day, number: i + 1 }; })
    };
  }

  /* {first, last, step (1, 7 or 30 days)} up to today (or the last point), or null. */
  function span(data, range, today) {
    var days = [];
    SERIES.forEach(function (s) { data[s.key].forEach(function (p) { days.push(p.day); }); });
    if (!days.length) return null;
    var lastPoint = Math.max.apply(null, days), length = RANGES[range] || 0;
    var last = lastPoint > today || (length && lastPoint <= today - length) ? lastPoint : today;
    var first = length ? last - length + 1 : Math.min.apply(null, days.concat(data.sessions.map(function (s) { return s.day; })));
    var total = last - first + 1;
    return { first: first, last: last, step: total <= 92 ? 1 : total <= 400 ? 7 : 30 };
  }

  /* One point a day, week or month: the mean, at its middle. */
  function means(list, range, monthKey) {
    var buckets = new Map();
    list.forEach(function (p) {
      if (p.day < range.first || p.day > range.last) return;
      var key = range.step === 1 ? p.day : range.step === 7 ? Math.floor((p.day - range.first) / 7) : monthKey(p.day);
      if (!buckets.has(key)) buckets.set(key, { days: 0, sum: 0, count: 0 });
      var b = buckets.get(key);
      b.days += p.day; b.sum += p.value; b.count += 1;
    });
    return Array.from(buckets.values()).map(function (b) {
      return { day: b.days / b.count, value: Math.round(b.sum / b.count * 10) / 10 };
    }).sort(function (a, b) { return a.day - b.day; });
  }

  function round(n) { return Math.round(n * 10) / 10; }

  /* A label's width at a font size, at most; it spans [y - font, y + 0.35 font] about its baseline y. */
  function measure(text, font) { return Math.ceil(String(text).length * font * 0.62) + 2; }

  /* Weeks or months, every k-th that fits; the year on the first and each new one. */
  function dateTicks(range, x, width, shown, font) {
    var candidates = [], weekly = range.last - range.first < 45;
    for (var day = range.first; day <= range.last; day++) {
      var iso = new Date(day * 86400000).toISOString();
      if (weekly ? (day - range.first) % 7 === 0 : iso.slice(8, 10) === "01") candidates.push({ day: day, year: iso.slice(0, 4) });
    }
    if (!weekly && (!candidates.length || candidates[0].day - range.first >= 15)) {
      candidates.unshift({ day: range.first, year: new Date(range.first * 86400000).toISOString().slice(0, 4) });
    }
    for (var k = 1; k <= 24; k++) {
      var ticks = [], year = null, end = -Infinity, fits = true;
      for (var i = 0; i < candidates.length && fits; i += k) {
        var c = candidates[i], label = c.year !== year ? (weekly ? shown.shortYear(c.day) : shown.monthYear(c.day)) : weekly ? shown.short(c.day) : shown.monthShort(c.day);
        var at = x(c.day), w = measure(label, font), middle = Math.min(Math.max(at, w / 2), width - w / 2);
        fits = middle - w / 2 >= end + GAP;
        ticks.push({ x: at, middle: middle, label: label });
        year = c.year;
        end = middle + w / 2;
      }
      if (fits) return ticks;
    }
    return [];
  }

  /* Where everything goes; labels: {shown: entries.names(lang), mark(number), font (size, 12 if not given),
     titles (optional): {left, right, bottom}, the axes' titles, a row of their own above and below}. */
  function layout(data, range, width, height, labels) {
    if (!range) return null;
    var font = labels.font || 12, row = font * 1.4, titled = labels.titles ? row : 0;
    var box = { left: font * 2.5, right: width - font * 2.5, top: font * 3.4 + 2 + titled, bottom: height - font * 2.5 - 2 - titled };
    var days = range.last - range.first + 1;
    var x = function (day) { return round(box.left + (day - range.first + 0.5) / days * (box.right - box.left)); };
    var y = function (value, top) { return round(box.bottom - value / top * (box.bottom - box.top)); };
    var rows = [-Infinity, -Infinity];
    var sessions = data.sessions.filter(function (s) { return s.day >= range.first && s.day <= range.last; }).map(function (s) {
      var at = x(s.day), label = labels.mark(s.number), w = measure(label, font), inRow = -1;
      for (var r = 0; r < rows.length && inRow < 0; r++) if (at - w / 2 >= rows[r] + GAP && at + w / 2 <= width) inRow = r;
      if (inRow >= 0) rows[inRow] = at + w / 2;
      return { x: at, label: inRow >= 0 ? label : null, y: round(box.top - font - inRow * row) };
    });
    return {
      width: width, height: height, box: box, font: font, titles: labels.titles || null, first: range.first, last: range.last, step: range.step, sessions: sessions,
      ticks: [0, 2, 4, 6, 8, 10].map(function (v) { return { y: y(v, 10), left: v, right: v * 2.5 }; }),
      dates: dateTicks(range, x, width, labels.shown, font),
      lines: SERIES.map(function (s) {
        var found = means(data[s.key], range, function (day) { return new Date(day * 86400000).toISOString().slice(0, 7); });
        return { key: s.key, marker: s.marker, markers: found.length < 2 || (box.right - box.left) / found.length >= 12,
                 points: found.map(function (p) { return { x: x(p.day), y: y(p.value, s.top), value: p.value }; }) };
      }).filter(function (line) { return line.points.length; })
    };
  }

  function node(doc, name, attrs, text) {
    var el = doc.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (key) { el.setAttribute(key, attrs[key]); });
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function marker(doc, kind, x, y) {
    if (kind === "circle") return node(doc, "circle", { cx: x, cy: y, r: 4, "class": "plan-chart-point" });
    if (kind === "square") return node(doc, "rect", { x: x - 4, y: y - 4, width: 8, height: 8, "class": "plan-chart-point" });
    return node(doc, "path", { d: "M" + x + " " + (y - 5) + "l5 5-5 5-5-5z", "class": "plan-chart-point" });
  }

  function svg(doc, plan, label) {
    var root = node(doc, "svg", { viewBox: "0 0 " + plan.width + " " + plan.height, width: plan.width, height: plan.height,
      role: "img", "aria-label": label, "class": "plan-chart-svg", focusable: "false", "font-size": plan.font });
    var below = round(plan.font * 0.35), under = round(plan.box.bottom + plan.font * 2 + 1);
    var box = plan.box;
    plan.ticks.forEach(function (t) {
      root.appendChild(node(doc, "line", { x1: box.left, x2: box.right, y1: t.y, y2: t.y, "class": "plan-chart-grid" }));
      root.appendChild(node(doc, "text", { x: box.left - 6, y: t.y + below, "text-anchor": "end" }, String(t.left)));
      root.appendChild(node(doc, "text", { x: box.right + 6, y: t.y + below }, String(t.right)));
    });
    plan.dates.forEach(function (t) {
      root.appendChild(node(doc, "line", { x1: t.x, x2: t.x, y1: box.bottom, y2: box.bottom + 4, "class": "plan-chart-grid" }));
      root.appendChild(node(doc, "text", { x: t.middle, y: under, "text-anchor": "middle" }, t.label));
    });
    plan.sessions.forEach(function (s) {
      root.appendChild(node(doc, "line", { x1: s.x, x2: s.x, y1: box.top, y2: box.bottom, "class": "plan-chart-session" }));
      if (s.label) root.appendChild(node(doc, "text", { x: s.x, y: s.y, "text-anchor": "middle", "class": "plan-chart-session-label" }, s.label));
    });
    if (plan.titles) {
      root.appendChild(node(doc, "text", { x: 0, y: plan.font, "class": "plan-chart-title" }, plan.titles.left));
      root.appendChild(node(doc, "text", { x: plan.width, y: plan.font, "text-anchor": "end", "class": "plan-chart-title" }, plan.titles.right));
      root.appendChild(node(doc, "text", { x: plan.width / 2, y: plan.height - 2, "text-anchor": "middle", "class": "plan-chart-title" }, plan.titles.bottom));
    }
    plan.lines.forEach(function (line) {
      var g = node(doc, "g", { "class": "plan-chart-line plan-chart-" + line.key });
      g.appendChild(node(doc, "polyline", { points: line.points.map(function (p) { return p.x + "," + p.y; }).join(" "), fill: "none" }));
      if (line.markers) line.points.forEach(function (p) { g.appendChild(marker(doc, line.marker, p.x, p.y)); });
      root.appendChild(g);
    });
    return root;
  }

  /* The key: a sample of each line, its name. */
  function legend(doc, names) {
    var list = doc.createElement("ul");
    list.className = "plan-chart-legend";
    SERIES.concat([{ key: "sessions" }]).forEach(function (s) {
      var item = doc.createElement("li");
      var sample = node(doc, "svg", { viewBox: "0 0 28 12", width: 28, height: 12, "aria-hidden": "true", focusable: "false" });
      if (s.marker) {
        var g = sample.appendChild(node(doc, "g", { "class": "plan-chart-line plan-chart-" + s.key }));
        g.appendChild(node(doc, "line", { x1: 0, x2: 28, y1: 6, y2: 6 }));
        g.appendChild(marker(doc, s.marker, 14, 6));
      } else {
        sample.appendChild(node(doc, "line", { x1: 14, x2: 14, y1: 0, y2: 12, "class": "plan-chart-session" }));
      }
      item.appendChild(sample);
      item.appendChild(doc.createTextNode(" " + names[s.key]));
      list.appendChild(item);
    });
    return list;
  }

  PlanGuide.chart = { RANGES: RANGES, points: points, span: span, means: means, layout: layout, svg: svg, legend: legend, measure: measure };
}(typeof module === "object" && module.exports ? module.exports : (window.PlanGuide = window.PlanGuide || {})));
