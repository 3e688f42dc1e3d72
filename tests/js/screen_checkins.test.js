"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { started } = require("./plan_page.js");
const { entries } = require("../../templates/assets/javascripts/plan/entries.js");
const { Event } = require("./dom.js");

const TODAY = new Date(2026, 11, 7, 10, 0);

/* Daily check-ins for `days` days up to today, a WHO-5 every two weeks, a session every nine days. */
function year(days = 365) {
  const fields = {}, last = entries.dayOf("2026-12-07");
  for (let i = 0; i < days; i++) {
    const date = entries.isoDay(last - i), id = String(i).padStart(6, "0");
    Object.assign(fields, { [`checkin-c${id.slice(1)}-date`]: date, [`checkin-c${id.slice(1)}-mood`]: String(i % 11), [`checkin-c${id.slice(1)}-sleep`]: "6" });
    if (i % 9 === 0) fields[`session-s${id.slice(1)}-date`] = date;
    if (i % 14 === 0) {
      fields[`wellbeing-w${id.slice(1)}-date`] = date;
      for (let q = 1; q <= 5; q++) fields[`wellbeing-w${id.slice(1)}-q${q}`] = "2";
    }
  }
  return fields;
}

function shown(t, fields) {
  t.mock.timers.enable({ apis: ["Date"], now: TODAY });
  const p = started(fields);
  p.win.location.hash = "#plan-step-checkins";
  p.win.dispatchEvent({ type: "hashchange" });
  return p;
}

test("a year of check-ins: by month, the newest open with its entries, the others folded and empty", (t) => {
  const p = shown(t, year());
  const months = p.doc.querySelectorAll("#plan-checkins > details");
  assert.equal(months.length, 13);
  assert.deepEqual(months.slice(0, 2).map((m) => m.querySelector("h3").textContent), ["December 2026: 7", "November 2026: 30"]);
  assert.deepEqual(months.map((m) => m.open), [true].concat(Array(12).fill(false)));
  assert.equal(p.doc.querySelectorAll("#plan-checkins .plan-entry").length, 7, "the other months hold nothing yet");
  assert.equal(p.doc.querySelectorAll("#plan-checkins .plan-entry-body").length, 1, "only today's check-in is built");
  assert.equal(months[0].querySelector(".plan-entry [data-title]").textContent, "December 7, 2026: 0/6");
  months[1].open = true;
  assert.equal(months[1].querySelectorAll(".plan-entry").length, 30);
  assert.deepEqual(p.errors, []);
});

test("the WHO-5s: newest first, the score when all five are answered, and whether one is due", (t) => {
  const p = shown(t, { "wellbeing-aaaaaa-date": "2026-11-30", "wellbeing-aaaaaa-q1": "2", "wellbeing-aaaaaa-q2": "2", "wellbeing-aaaaaa-q3": "2",
                       "wellbeing-aaaaaa-q4": "2", "wellbeing-aaaaaa-q5": "2", "wellbeing-bbbbbb-date": "2026-11-01" });
  const list = p.doc.querySelectorAll("#plan-wellbeings > details");
  assert.deepEqual(list.map((d) => d.querySelector("[data-title]").textContent), ["WHO-5 of November 30, 2026", "WHO-5 of November 1, 2026"]);
  assert.equal(list[0].querySelector("[data-score]").textContent, "10/25 (40/100)");
  assert.equal(list[0].querySelector("[data-low]").hidden, false);
  assert.equal(list[0].querySelector("[data-urgent]").hidden, true, "10, with none scored before it");
  assert.equal(p.doc.getElementById("plan-wellbeing-due").hidden, true, "the last was 7 days ago");
});

test("a WHO-5 of 7 or less, or 10 below the one before, says to contact the clinic soon", (t) => {
  const five = (id, date, answer) => Object.fromEntries([["date", date], ...[1, 2, 3, 4, 5].map((q) => ["q" + q, answer])]
    .map(([k, v]) => [`wellbeing-${id}-${k}`, v]));
  const p = shown(t, { ...five("aaaaaa", "2026-11-02", "5"), ...five("bbbbbb", "2026-11-16", "3"), ...five("cccccc", "2026-11-30", "1") });
  const list = p.doc.querySelectorAll("#plan-wellbeings > details");
  list.forEach((d) => { d.open = true; });
  const urgent = list.map((d) => d.querySelector("[data-urgent]").hidden === false);
  assert.deepEqual(list.map((d) => d.querySelector("[data-score]").textContent), ["5/25 (20/100)", "15/25 (60/100)", "25/25 (100/100)"]);
  assert.deepEqual(urgent, [false, true, false], "15 after 25: a drop of 10; 5 (7 or less) says it with the numbers to call");
  assert.deepEqual(list.map((d) => d.querySelectorAll("[data-red-flag]").length), [1, 0, 0]);
  assert.deepEqual(list.map((d) => d.querySelector("[data-low]").hidden === false), [true, false, false]);
});

test("the chart: drawn when its part shows, over the range chosen, with a month of its numbers as a table", (t) => {
  t.mock.timers.enable({ apis: ["Date"], now: TODAY });
  const p = started(year());
  assert.equal(p.doc.querySelectorAll("#plan-chart svg").length, 0, "not drawn while its part is away");
  p.win.location.hash = "#plan-step-checkins";
  p.win.dispatchEvent({ type: "hashchange" });
  const svg = () => p.doc.querySelector("#plan-chart svg");
  assert.ok(svg());
  assert.equal(p.doc.querySelector("#plan-chart .plan-chart-means"), null, "3 months: each day");
  const range = p.doc.getElementById("plan-chart-range");
  range.value = "year";
  range.dispatchEvent(new Event("change"));
  assert.equal(p.doc.querySelector("#plan-chart .plan-chart-means").textContent, "Weekly means.");
  assert.ok(svg().querySelectorAll("text").some((text) => /2025/.test(text.textContent)), "the year the range starts in");
  const caption = () => p.doc.querySelector("#plan-chart-table caption").textContent;
  assert.equal(caption(), "In December 2026");
  assert.equal(p.doc.querySelectorAll("#plan-chart-table tr").length, 1 + 7, "a heading and December's days");
  assert.equal(p.doc.getElementById("plan-chart-later").disabled, true);
  p.doc.getElementById("plan-chart-earlier").click();
  assert.equal(caption(), "In November 2026");
  assert.equal(p.doc.querySelectorAll("#plan-chart-table tr").length, 1 + 30);
  assert.equal(p.doc.getElementById("plan-chart-later").disabled, false);
  p.doc.getElementById("plan-chart-table-toggle").click();
  assert.equal(p.doc.getElementById("plan-chart-table").classList.contains("plan-sr-only"), false);
  assert.deepEqual(p.errors, []);
});

test("a keystroke in a check-in's note redraws nothing; a mood changed redraws the chart, after the save", (t) => {
  const p = shown(t, year(60));
  const before = p.doc.querySelector("#plan-chart svg");
  const today = p.doc.querySelector("#plan-checkins .plan-entry[open]");
  const id = today.getAttribute("data-id");
  p.fields[`checkin-${id}-note`] = "tired";
  p.screens.changed(`checkin-${id}-note`);
  p.screens.soon();
  p.win.flush();
  assert.equal(p.doc.querySelector("#plan-chart svg"), before, "the same chart: nothing it shows changed");
  p.fields[`checkin-${id}-mood`] = "9";
  p.screens.changed(`checkin-${id}-mood`);
  assert.equal(p.doc.querySelector("#plan-chart svg"), before, "not in the input handler");
  p.screens.soon();
  p.win.flush();
  assert.notEqual(p.doc.querySelector("#plan-chart svg"), before);
  assert.equal(today.querySelector("[data-title]").textContent, "December 7, 2026: 9/6");
});

test("a check-in with a red-flag side effect or a mood of 0 or 1, and a WHO-5 of 7 or less, show the advice and numbers beside them", (t) => {
  const p = shown(t, { "checkin-aaaaaa-date": "2026-12-07", "checkin-aaaaaa-mood": "6", "clinic-phone": "555 201 9999",
                       "wellbeing-cccccc-date": "2026-12-07", ...Object.fromEntries([1, 2, 3, 4, 5].map((q) => [`wellbeing-cccccc-q${q}`, q < 3 ? "2" : "1"])) });
  const entry = p.doc.getElementById("plan-checkin-aaaaaa");
  entry.open = true;
  const advice = () => entry.querySelectorAll("[data-red-flag-slot] [data-red-flag]").map((box) => box.getAttribute("data-red-flag"));
  assert.deepEqual(advice(), [], "a mood of 6, nothing ticked");
  const tick = p.doc.getElementById("plan-checkin-aaaaaa-effect-urine");
  tick.checked = true;
  p.fields[tick.name] = true;
  p.screens.changed(tick.name);
  assert.deepEqual(advice(), ["body"], "shown at once");
  assert.deepEqual(entry.querySelectorAll("[data-typed-clinic] a").map((a) => [a.textContent, a.getAttribute("href")]),
                   [["Ring My clinic: 555 201 9999", "tel:5552019999"]], "the clinic's number as typed");
  const mood = p.doc.getElementById("plan-checkin-aaaaaa-mood");
  for (const [value, expected] of [["1", ["body", "mood"]], ["0", ["body", "mood"]], ["2", ["body"]]]) {
    mood.value = value;
    p.fields[mood.name] = value;
    p.screens.changed(mood.name);
    p.screens.soon();
    p.win.flush();
    assert.deepEqual(advice(), expected, "mood " + value);
  }
  const who5 = p.doc.getElementById("plan-wellbeing-cccccc");
  who5.open = true;
  assert.deepEqual(who5.querySelectorAll("[data-red-flag]").map((box) => box.getAttribute("data-red-flag")), ["wellbeing"], "7 out of 25");
  assert.equal(who5.querySelector("[data-red-flag] a").getAttribute("href"), "tel:911");
});
