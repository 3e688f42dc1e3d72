"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { entries } = require("../../templates/assets/javascripts/plan/entries.js");
const { chart } = require("../../templates/assets/javascripts/plan/chart.js");

const PLAN = {
  "session-aaaaaa-date": "2026-09-01", "session-bbbbbb-date": "2026-09-11",
  "checkin-c1c1c1-date": "2026-09-02", "checkin-c1c1c1-mood": "0", "checkin-c1c1c1-sleep": "10",
  "checkin-c2c2c2-date": "2026-09-06", "checkin-c2c2c2-mood": "10",
  "checkin-c3c3c3-date": "2026-09-11", "checkin-c3c3c3-mood": "x", "checkin-c3c3c3-sleep": "5",
  "wellbeing-w1w1w1-date": "2026-09-06", "wellbeing-w1w1w1-q1": "5", "wellbeing-w1w1w1-q2": "5",
  "wellbeing-w1w1w1-q3": "5", "wellbeing-w1w1w1-q4": "5", "wellbeing-w1w1w1-q5": "5"
};

function data(plan) {
  return chart.points(entries.list(plan, "session"), entries.list(plan, "checkin"), entries.list(plan, "wellbeing"), entries);
}

test("points: each answered score, by day; a bad score is left out, not drawn as 0", () => {
  const d = data(PLAN);
  assert.deepEqual(d.mood.map((p) => p.value), [0, 10]);
  assert.deepEqual(d.sleep.map((p) => p.value), [10, 5]);
  assert.deepEqual(d.wellbeing.map((p) => p.value), [25]);
  assert.deepEqual(d.sessions.map((s) => s.number), [1, 2]);
});

test("layout: the dates across, 0 to 10 (and 0 to 25) up, sessions marked where they fall", () => {
  const plan = chart.layout(data(PLAN), 400, 200);
  const mood = plan.lines.find((l) => l.key === "mood").points;
  const box = plan.box;
  assert.equal(plan.sessions[0].x, box.left);  // the first day drawn is the first session
  assert.equal(plan.sessions[1].x, box.right); // the last is the last session
  assert.equal(mood[0].y, box.bottom);          // mood 0 at the bottom
  assert.equal(mood[1].y, box.top);             // mood 10 at the top
  assert.equal(plan.lines.find((l) => l.key === "wellbeing").points[0].y, box.top); // 25 of 25 at the top too
  assert.ok(mood[0].x < mood[1].x);
  assert.deepEqual(plan.ticks.map((t) => t.right), [0, 5, 10, 15, 20, 25]);
});

test("layout: nothing to draw without a score; one day alone still has a width", () => {
  assert.equal(chart.layout(data({ "session-aaaaaa-date": "2026-09-01" }), 400, 200), null);
  const one = chart.layout(data({ "checkin-c1c1c1-date": "2026-09-02", "checkin-c1c1c1-mood": "5" }), 400, 200);
  assert.ok(one.lines[0].points[0].x > one.box.left && one.lines[0].points[0].x < one.box.right);
});
