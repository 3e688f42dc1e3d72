"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { started } = require("./plan_page.js");
const { Event } = require("./dom.js");

const TODAY = new Date(2026, 11, 7, 10, 0);
function at(t, fields) { t.mock.timers.enable({ apis: ["Date"], now: TODAY }); return started(fields); }

test("check in today twice: the same check-in opens again, not a second one", (t) => {
  const p = at(t, {});
  p.doc.getElementById("plan-add-checkin").click();
  p.doc.getElementById("plan-add-checkin").click();
  assert.equal(Object.keys(p.fields).filter((n) => n.startsWith("checkin-")).length, 1);
  assert.equal(p.doc.activeElement.id.endsWith("-mood"), true);
});

test("removing a check-in or a WHO-5 offers Undo too", (t) => {
  const p = at(t, { "checkin-aaaaaa-date": "2026-12-07", "checkin-aaaaaa-note": "tired", "wellbeing-bbbbbb-date": "2026-12-01", "wellbeing-bbbbbb-q1": "3" });
  p.win.location.hash = "#plan-step-checkins";
  p.win.dispatchEvent({ type: "hashchange" });
  p.doc.getElementById("plan-checkin-aaaaaa").querySelector("[data-remove]").click();
  p.doc.getElementById("plan-undo-button").click();
  assert.equal(p.fields["checkin-aaaaaa-note"], "tired");
  p.doc.getElementById("plan-wellbeing-bbbbbb").querySelector("[data-remove]").click();
  assert.equal(p.fields["wellbeing-bbbbbb-q1"], undefined);
  p.doc.getElementById("plan-undo-button").click();
  assert.equal(p.fields["wellbeing-bbbbbb-q1"], "3");
});

test("a date before 1900 or after 2200 is not saved, and said when left; an entry's date cannot be emptied", (t) => {
  const p = at(t, { "session-aaaaaa-date": "2026-12-01" });
  const date = p.doc.getElementById("plan-session-aaaaaa-date");
  const seen = [];
  p.root.addEventListener("input", (e) => seen.push(e.target.value));
  p.root.addEventListener("change", (e) => seen.push(e.target.value));
  for (const value of ["1850-01-01", "2201-01-01", ""]) {
    date.value = value;
    date.dispatchEvent(new Event("input", { bubbles: true }));
    date.dispatchEvent(new Event("change", { bubbles: true }));
  }
  assert.deepEqual(seen, [], "the page's saving never hears of them");
  assert.deepEqual(p.said, ["error: 1900 to 2200 only.", "error: 1900 to 2200 only."]);
  p.doc.getElementById("plan-error").textContent = "1900 to 2200 only.";
  date.dispatchEvent(new Event("focusout", { bubbles: true }));
  assert.equal(date.value, "2026-12-01", "back to the saved date");
  assert.equal(p.said[p.said.length - 1], "error: ", "and the message goes");
  const next = p.doc.getElementById("plan-therapist-next");
  next.value = "";
  next.dispatchEvent(new Event("change", { bubbles: true }));
  assert.deepEqual(seen, [""], "another date may be emptied");
});

test("the evening's prompt and its session's journal show the same words as either is typed in", (t) => {
  const p = at(t, { "session-aaaaaa-date": "2026-12-07" });
  p.win.location.hash = "#plan-evening";
  p.win.dispatchEvent({ type: "hashchange" });
  const evening = p.doc.getElementById("plan-evening-noticed");
  assert.equal(evening.name, "session-aaaaaa-journal-noticed");
  evening.value = "Tired and calm";
  p.fields[evening.name] = "Tired and calm";
  p.screens.changed(evening.name, evening);
  assert.equal(p.doc.getElementById("plan-session-aaaaaa-journal-noticed").value, "Tired and calm");
});

test("a view that fails is reported; the others and the buttons still work", (t) => {
  const p = at(t, { "session-aaaaaa-date": "2026-12-01" });
  p.doc.getElementById("plan-themes").replaceChildren = undefined;
  p.doc.getElementById("plan-themes").appendChild = () => { throw new Error("broken"); };
  p.fields["session-aaaaaa-themes"] = "Grief";
  p.screens.changed("session-aaaaaa-themes");
  p.screens.soon();
  p.win.flush();
  assert.deepEqual(p.errors.map((e) => e.message), ["broken"]);
  p.doc.getElementById("plan-add-session").click();
  assert.equal(Object.keys(p.fields).filter((n) => n.endsWith("-date")).length, 2);
});

test("a word typed in an entry is put in place: the entries are not listed again; a date changed, they are", (t) => {
  const { entries } = require("../../templates/assets/javascripts/plan/entries.js");
  const p = at(t, { "session-aaaaaa-date": "2026-12-01", "session-aaaaaa-themes": "Grief" });
  const real = entries.index;
  let listed = 0;
  t.mock.method(entries, "index", (fields) => { listed += 1; return real(fields); });
  p.fields["session-aaaaaa-themes"] = "Grief\nTrust";
  p.screens.changed("session-aaaaaa-themes");
  p.screens.soon();
  p.win.flush();
  assert.equal(listed, 0);
  assert.deepEqual(p.doc.querySelectorAll("#plan-themes li strong").map((s) => s.textContent), ["Grief", "Trust"]);
  p.fields["session-aaaaaa-date"] = "2026-12-02";
  p.screens.changed("session-aaaaaa-date");
  p.screens.soon();
  p.win.flush();
  assert.equal(listed, 1);
  assert.match(p.doc.querySelector("#plan-sessions [data-title]").textContent, /December 2, 2026/);
});
