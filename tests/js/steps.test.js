"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { started, type } = require("./plan_page.js");

const TODAY = new Date(2026, 11, 7, 10, 0);
function at(t, fields) { t.mock.timers.enable({ apis: ["Date"], now: TODAY }); return started(fields); }
const go = (p, part) => { p.win.location.hash = "#" + part; p.win.dispatchEvent({ type: "hashchange" }); };

test("one part on the screen at a time, the step list saying which; Back and On links between them", (t) => {
  const p = at(t, {});
  const away = () => p.doc.querySelectorAll("[data-plan-screen]").filter((s) => !s.classList.contains("plan-away")).map((s) => s.id);
  assert.deepEqual(away(), ["plan-step-sessions"]);
  go(p, "plan-step-safety");
  assert.deepEqual(away(), ["plan-step-safety"]);
  assert.equal(p.doc.querySelector("a[aria-current]").getAttribute("href"), "#plan-step-safety");
  assert.equal(p.doc.activeElement.tagName, "H2", "the part's heading takes the focus");
  const end = p.doc.querySelector("#plan-step-safety .plan-step-end");
  assert.deepEqual(end.querySelectorAll("a").map((a) => [a.textContent, a.getAttribute("href")]),
                   [["Back", "#plan-step-practices"], ["On", "#plan-step-summary"]]);
  assert.equal(p.doc.querySelector("#plan-step-sessions [data-step-previous]"), null, "the first part has no Back");
});

test("the progress: parts with anything in them, an entry counted in its part", (t) => {
  const p = at(t, { "checkin-aaaaaa-mood": "3", "safety-people": "Sam", "calendar-sent": "", "my-own": "x" });
  assert.equal(p.doc.getElementById("plan-progress").textContent, "2/5 started");
});

test("an address naming an entry in a folded month opens it, and its part", (t) => {
  const p = at(t, { "checkin-aaaaaa-date": "2026-10-02", "checkin-aaaaaa-mood": "4", "checkin-bbbbbb-date": "2026-12-06" });
  go(p, "plan-checkin-aaaaaa");
  const entry = p.doc.getElementById("plan-checkin-aaaaaa");
  assert.ok(entry && entry.open && entry.parentNode.parentNode.open);
  assert.equal(p.doc.getElementById("plan-checkin-aaaaaa-mood").value, "4");
  assert.equal(p.doc.activeElement, entry);
});

test("how often shows for a practice picked; phone numbers typed become tap-to-call links", (t) => {
  const p = at(t, {});
  go(p, "plan-step-practices");
  const details = p.doc.querySelector("[data-shown-by]");
  assert.equal(details.hidden, true);
  p.fields["practice-journaling"] = true;
  p.screens.changed("practice-journaling");
  p.screens.soon();
  p.win.flush();
  assert.equal(details.hidden, false);
  const people = p.doc.getElementById("plan-safety-people");
  people.value = "Sam (555) 010-0199, or 988";
  p.screens.changed("safety-people");
  p.screens.soon();
  p.win.flush();
  assert.deepEqual(p.doc.querySelectorAll(".plan-tel a").map((a) => [a.textContent, a.getAttribute("href")]),
                   [["Ring Sam: (555) 010-0199", "tel:5550100199"], ["Ring Sam: 988", "tel:988"]]);
});

test("a number typed for a person or as the first person to reach is a call link naming them, on the card too", (t) => {
  const p = at(t, { "support-1-name": "Maria <img src=x onerror=alert(1)>", "support-1-contact": "555 201 3344",
                    "crisis-person": "Maria 555 201 3344", "safety-people": "555 201 0000" });
  go(p, "plan-step-safety");
  const links = (selector) => p.doc.querySelectorAll(selector).map((a) => [a.textContent, a.getAttribute("href")]);
  assert.deepEqual(links(".plan-tel a"), [["Ring Maria <img src=x onerror=alert(1)>: 555 201 3344", "tel:5552013344"],
                                          ["Ring 555 201 0000", "tel:5552010000"], ["Ring Maria: 555 201 3344", "tel:5552013344"]]);
  assert.equal(p.doc.querySelectorAll("img").length, 0, "a name is text, never markup");
  assert.equal(p.doc.getElementById("plan-card-people").hidden, false);
  assert.deepEqual(links("#plan-card-people a"), [["Ring Maria <img src=x onerror=alert(1)>: 555 201 3344", "tel:5552013344"]]);
  const name = p.doc.getElementById("plan-support-1-name");
  name.value = "Ana";
  p.fields["support-1-name"] = "Ana";
  p.screens.changed("support-1-name");
  assert.deepEqual(links("#plan-card-people a"), [["Ring Ana: 555 201 3344", "tel:5552013344"]], "a new name shows at once");
});

test("words no part has a place for are listed as text in the last part, only when it shows", (t) => {
  const p = at(t, { "my-notes": "<b>kept</b> as typed", "session-aaaaaa-date": "2026-12-01", "old-tick": true, "calendar-sent": "" });
  assert.equal(p.doc.querySelectorAll("#plan-kept-list li").length, 0);
  go(p, "plan-step-summary");
  assert.deepEqual(p.doc.querySelectorAll("#plan-kept-list li").map((li) => li.textContent), ["<b>kept</b> as typed", "A tick"]);
  assert.equal(p.doc.querySelectorAll("#plan-kept-list b").length, 0);
});
