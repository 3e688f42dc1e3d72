"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { entries } = require("../../templates/assets/javascripts/plan/entries.js");
const { chart } = require("../../templates/assets/javascripts/plan/chart.js");
const { makeWindow } = require("./dom.js");

const PLAN = {
  "session-aaaaaa-date": "2026-09-01", "session-bbbbbb-date": "2026-09-11", "session-nodate-intention": "no date: not drawn",
  "checkin-c1c1c1-date": "2026-09-02", "checkin-c1c1c1-mood": "0", "checkin-c1c1c1-sleep": "10",
  "checkin-c2c2c2-date": "2026-09-06", "checkin-c2c2c2-mood": "10",
  "checkin-c3c3c3-date": "2026-09-11", "checkin-c3c3c3-mood": "x", "checkin-c3c3c3-sleep": "5",
  "wellbeing-w1w1w1-date": "2026-09-06", "wellbeing-w1w1w1-q1": "5", "wellbeing-w1w1w1-q2": "5",
  "wellbeing-w1w1w1-q3": "5", "wellbeing-w1w1w1-q4": "5", "wellbeing-w1w1w1-q5": "5"
};
const LABELS = { shown: entries.names("en-US"), mark: (n) => String(n) };
const day = entries.dayOf;

function data(plan) {
  return chart.points(entries.list(plan, "session"), entries.list(plan, "checkin"), entries.list(plan, "wellbeing"), entries);
}

/* A year of daily check-ins, a session every nine days and a WHO-5 every two weeks, ending on `end`. */
function year(end, days = 365) {
  const plan = {}, last = day(end);
  for (let i = 0; i < days; i++) {
    const d = entries.isoDay(last - i), id = String(i).padStart(6, "0");
    Object.assign(plan, { [`checkin-${id}-date`]: d, [`checkin-${id}-mood`]: String(i % 11), [`checkin-${id}-sleep`]: String((i * 3) % 11) });
    if (i % 9 === 0) plan[`session-s${id.slice(1)}-date`] = d;
    if (i % 14 === 0) Object.assign(plan, { [`wellbeing-w${id.slice(1)}-date`]: d, [`wellbeing-w${id.slice(1)}-q1`]: "3", [`wellbeing-w${id.slice(1)}-q2`]: "3",
      [`wellbeing-w${id.slice(1)}-q3`]: "3", [`wellbeing-w${id.slice(1)}-q4`]: "3", [`wellbeing-w${id.slice(1)}-q5`]: "3" });
  }
  return plan;
}

/* Every label's box, [left, right, top, bottom], as the SVG places it (width at most chart.measure;
   a font's ascent and descent at most its size and a third of it about the baseline). */
function boxes(layout) {
  const font = layout.font, svg = chart.svg(makeWindow().document, layout, "chart");
  return svg.querySelectorAll("text").map((t) => {
    const x = +t.getAttribute("x"), y = +t.getAttribute("y"), w = chart.measure(t.textContent, font), anchor = t.getAttribute("text-anchor");
    const left = anchor === "middle" ? x - w / 2 : anchor === "end" ? x - w : x;
    return [left, left + w, y - font, y + font * 0.35, t.textContent];
  });
}

function overlaps(list) {
  const found = [];
  list.forEach((a, i) => list.slice(i + 1).forEach((b) => {
    if (a[0] < b[1] && b[0] < a[1] && a[2] < b[3] && b[2] < a[3]) found.push([a[4], b[4]]);
  }));
  return found;
}

test("points: each answered score, by day; a bad score is left out, not drawn as 0; a session without a date is not drawn", () => {
  const d = data(PLAN);
  assert.deepEqual(d.mood.map((p) => p.value), [0, 10]);
  assert.deepEqual(d.sleep.map((p) => p.value), [10, 5]);
  assert.deepEqual(d.wellbeing.map((p) => p.value), [25]);
  assert.deepEqual(d.sessions.map((s) => s.number), [1, 2]);
});

test("span: up to today, or to the last point when none is recent; each day, weekly or monthly means by length", () => {
  const d = data(PLAN), today = day("2026-09-20");
  assert.deepEqual(chart.span(d, "month", today), { first: day("2026-08-22"), last: today, step: 1 });
  assert.deepEqual(chart.span(d, "month", day("2026-12-01")), { first: day("2026-08-13"), last: day("2026-09-11"), step: 1 },
                   "no point in the last 30 days: the 30 days up to the last one");
  assert.deepEqual(chart.span(d, "all", today), { first: day("2026-09-01"), last: today, step: 1 });
  assert.equal(chart.span(data(year("2026-12-07")), "year", day("2026-12-07")).step, 7);
  assert.equal(chart.span(data(year("2026-12-07", 800)), "all", day("2026-12-07")).step, 30);
  assert.equal(chart.span(data({ "session-aaaaaa-date": "2026-09-01" }), "all", today), null, "nothing to draw without a score");
});

test("means: one point a week or a month, the mean of its days, at their middle", () => {
  const points = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ day: 100 + n, value: n }));
  assert.deepEqual(chart.means(points, { first: 101, last: 108, step: 7 }, () => ""), [{ day: 104, value: 4 }, { day: 108, value: 8 }]);
  assert.deepEqual(chart.means(points, { first: 103, last: 104, step: 1 }, () => "").map((p) => p.value), [3, 4]);
  assert.deepEqual(chart.means(points, { first: 0, last: 200, step: 30 }, (d) => (d < 105 ? "a" : "b")).map((p) => p.value), [2.5, 6.5]);
});

test("layout: 0 to 10 (and 0 to 25) up, sessions marked where they fall, dates under the plot", () => {
  const d = data(PLAN);
  const plan = chart.layout(d, chart.span(d, "all", day("2026-09-11")), 400, 240, LABELS);
  const mood = plan.lines.find((l) => l.key === "mood").points;
  const box = plan.box;
  assert.ok(plan.sessions[0].x < mood[0].x && mood[0].x < mood[1].x && mood[1].x < plan.sessions[1].x);
  assert.equal(mood[0].y, box.bottom, "mood 0 at the bottom");
  assert.equal(mood[1].y, box.top, "mood 10 at the top");
  assert.equal(plan.lines.find((l) => l.key === "wellbeing").points[0].y, box.top, "25 of 25 at the top too");
  assert.deepEqual(plan.ticks.map((t) => t.right), [0, 5, 10, 15, 20, 25]);
  assert.deepEqual(plan.sessions.map((s) => s.label), ["1", "2"]);
  assert.equal(plan.dates[0].label, "Sep 1, 2026", "the first date has its year");
  assert.ok(plan.lines.every((l) => l.markers));
  assert.equal(chart.layout(d, null, 400, 240, LABELS), null);
});

for (const [width, font] of [[350, 12], [640, 12], [1280, 12], [640, 16]]) {
  test(`a year of check-ins at ${width} px in ${font} px type: weekly means, the years on the axis, no two labels overlapping`, () => {
    const d = data(year("2026-12-07"));
    for (const range of ["month", "quarter", "year", "all"]) {
      const plan = chart.layout(d, chart.span(d, range, day("2026-12-07")), width, 240, { ...LABELS, font });
      assert.deepEqual(overlaps(boxes(plan)), [], `${range}: ${JSON.stringify(overlaps(boxes(plan)))}`);
      assert.ok(boxes(plan).every((b) => b[0] >= 0 && b[1] <= width && b[2] >= 0 && b[3] <= 240), `${range}: inside the drawing`);
      assert.ok(plan.dates.length >= 2, `${range}: dates on the axis`);
      if (range === "year") {
        assert.equal(plan.step, 7);
        assert.ok(plan.dates.some((t) => /2025/.test(t.label)) && plan.dates.some((t) => /2026/.test(t.label)), plan.dates.map((t) => t.label).join());
        assert.ok(plan.lines.find((l) => l.key === "mood").points.length <= 54);
        assert.ok(plan.sessions.length >= 40 && plan.sessions.filter((s) => s.label).length >= 5, "marks for every session, numbers where they fit");
      }
    }
  });
}

test("svg: the layout drawn with DOM calls, words only as text; the legend names each line", () => {
  const doc = makeWindow().document;
  const d = data(PLAN);
  const layout = chart.layout(d, chart.span(d, "all", day("2026-09-11")), 400, 240, { ...LABELS, mark: (n) => "<b>" + n });
  const svg = chart.svg(doc, layout, "My <chart>");
  assert.equal(svg.getAttribute("aria-label"), "My <chart>");
  assert.equal(svg.querySelectorAll("text").filter((t) => t.textContent === "<b>1").length, 1, "a label is text, never markup");
  assert.equal(svg.querySelectorAll(".plan-chart-session").length, 2);
  assert.equal(svg.querySelectorAll(".plan-chart-mood .plan-chart-point").length, 2);
  const legend = chart.legend(doc, { mood: "Mood", sleep: "Sleep", wellbeing: "WHO-5", sessions: "A session" });
  assert.deepEqual(legend.querySelectorAll("li").map((li) => li.textContent.trim()), ["Mood", "Sleep", "WHO-5", "A session"]);
});
