"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { started } = require("./plan_page.js");
const { entries } = require("../../templates/assets/javascripts/plan/entries.js");
const { Event } = require("./dom.js");

const TODAY = new Date(2026, 11, 7, 10, 0);
function at(t, fields) { t.mock.timers.enable({ apis: ["Date"], now: TODAY }); return started(fields); }

function year() {
  const fields = { action: "Walk every morning", "action-when": "After breakfast", "summary-themes": true, "summary-checkins": true, "summary-step": true };
  const last = entries.dayOf("2026-12-07");
  for (let i = 0; i < 365; i++) {
    const id = String(i).padStart(5, "0"), date = entries.isoDay(last - i);
    Object.assign(fields, { [`checkin-c${id}-date`]: date, [`checkin-c${id}-mood`]: String(i % 11) });
    if (i % 9 === 0) Object.assign(fields, { [`session-s${id}-date`]: date, [`session-s${id}-themes`]: `Theme ${i % 40}\nGrief` });
  }
  return fields;
}

test("print: the period's entries built with their words beside their fields, the rest left out, empty boxes marked", (t) => {
  const p = at(t, { ...year(), "therapist-next": "2026-12-10T14:30", "session-nodate-intention": "Undated words" });
  p.doc.getElementById("plan-print-period").value = "month";
  p.win.dispatchEvent(new Event("beforeprint"));
  const printed = p.doc.querySelectorAll(".plan-entry:not(.plan-unprinted)");
  const checkins = printed.filter((el) => el.id.startsWith("plan-checkin-"));
  assert.equal(checkins.length, 30, "the last 30 days");
  assert.ok(printed.every((el) => el.querySelector(".plan-entry-body")), "each built");
  assert.ok(printed.some((el) => el.id === "plan-session-nodate"), "one without a date, whose words would be lost else");
  assert.equal(p.doc.querySelector("#plan-session-nodate .plan-written").textContent, "", "its date: empty");
  assert.equal(p.doc.querySelector("#plan-session-nodate-intention").parentNode.querySelector(".plan-written").textContent, "Undated words");
  const mood = p.doc.getElementById(checkins[0].id + "-mood");
  assert.equal(mood.parentNode.querySelector(".plan-written").textContent, "0");
  assert.equal(p.doc.getElementById("plan-therapist-next").parentNode.querySelector(".plan-written").textContent.replace(/\u202f/g, " "),
               "December 10, 2026, 2:30 PM");
  assert.equal(p.root.classList.contains("plan--filled"), true);
  assert.ok(p.doc.getElementById("plan-evening-ride").parentNode.classList.contains("plan-unfilled"));
});

test("print my plan: the button shows the choice of period, then prints what was chosen", (t) => {
  const p = at(t, year());
  const button = p.doc.getElementById("plan-print");
  button.click();
  assert.equal(p.doc.getElementById("plan-print-options").hidden, false);
  assert.equal(button.getAttribute("aria-expanded"), "true");
  p.doc.getElementById("plan-print-period").value = "quarter";
  p.doc.getElementById("plan-print-go").click();
  assert.deepEqual(p.win.printed, ["plan-printing-plan"]);
  assert.equal(p.doc.querySelectorAll(".plan-checkin:not(.plan-unprinted)").length, 91);
});

test("the therapist summary: a chosen recent period, the most common themes (and how many more), the chart, the step", (t) => {
  const p = at(t, year());
  p.doc.getElementById("plan-summary-period").value = "year";
  p.doc.getElementById("plan-print-summary").click();
  const out = p.doc.getElementById("plan-summary-print");
  assert.deepEqual(p.win.printed, ["plan-printing-summary"]);
  assert.equal(out.querySelector(".plan-summary-period").textContent, "Range year: December 8, 2025-December 7, 2026");
  const themes = out.querySelectorAll(".plan-summary-themes li").map((li) => li.textContent);
  assert.equal(themes.length, 12);
  assert.equal(themes[0], "Grief (41/41)");
  assert.match(out.textContent, /\+29 more/);
  assert.equal(out.querySelectorAll(".plan-chart-svg").length, 1);
  assert.match(out.textContent, /Walk every morning — After breakfast/);
  p.doc.getElementById("plan-summary-period").value = "month";
  p.doc.getElementById("plan-print-summary").click();
  assert.equal(out.querySelectorAll(".plan-summary-themes li").length, 5, "only the last 30 days' sessions");
});

test("the therapist summary names the sessions, the side effects noted (counts), the WHO-5s with the low ones, the print day and a name", (t) => {
  const fields = { ...year(), "name-on-summary": "  Ana Ruiz ", "checkin-c00001-effect-headache": true, "checkin-c00002-effect-headache": true,
                   "checkin-c00003-effect-urine": true, "checkin-c00400-effect-urine": true };
  [["w1w1w1", "2026-11-20", "4"], ["w2w2w2", "2026-12-04", "1"], ["w3w3w3", "2025-01-01", "0"]].forEach(([id, date, each]) => {
    fields[`wellbeing-${id}-date`] = date;
    for (let q = 1; q <= 5; q++) fields[`wellbeing-${id}-q${q}`] = each;
  });
  const p = at(t, fields);
  p.doc.getElementById("plan-summary-period").value = "month";
  p.doc.getElementById("plan-print-summary").click();
  const out = p.doc.getElementById("plan-summary-print"), text = out.textContent;
  assert.equal(out.querySelector(".plan-summary-meta").textContent, "For Ana Ruiz · Printed December 7, 2026");
  assert.match(text, /Dec 7, 2026; Nov 28, 2026; Nov 19, 2026; Nov 10, 2026|Nov 10, 2026; Nov 19, 2026; Nov 28, 2026; Dec 7, 2026/, "the sessions' days, with the year");
  assert.match(text, /Headache 2\/30; Urine 1\/30/, "each side effect noted in the period's check-ins, counted (the one of last year left out)");
  assert.match(text, /Nov 20, 2026 20; Dec 4, 2026 5 LOW LOW: under 13\./, "the WHO-5s in order, the low one marked and explained");
  const titles = out.querySelectorAll(".plan-chart-title").map((el) => el.textContent);
  assert.deepEqual(titles, ["Mood, sleep", "WHO-5 score", "Days Nov 8, 2026-Dec 7, 2026"], "the axes' titles, the dates with their year");
  delete p.fields["name-on-summary"];
  p.doc.getElementById("plan-print-summary").click();
  assert.equal(out.querySelector(".plan-summary-meta").textContent, "Printed December 7, 2026", "no name: nothing in its place");
});

test("the safety card prints alone, its words beside its fields", (t) => {
  const p = at(t, { "safety-people": "Sam, 555-0100" });
  p.doc.getElementById("plan-print-safety").click();
  assert.deepEqual(p.win.printed, ["plan-printing-safety"]);
  assert.equal(p.doc.querySelector("#plan-safety-card .plan-written").textContent, "Sam, 555-0100");
  assert.equal(p.doc.documentElement.className, "", "the class goes after printing");
});
