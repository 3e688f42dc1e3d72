"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { started, type } = require("./plan_page.js");

const TODAY = new Date(2026, 11, 7, 10, 0);
const TRICKY = ["constructor", "__proto__", "toString", "hasOwnProperty", "CONSTRUCTOR", "__PROTO__", "ToString", "HASOWNPROPERTY"];

function at(t, fields) {
  t.mock.timers.enable({ apis: ["Date"], now: TODAY });
  return started(fields);
}

const titles = (p) => p.doc.querySelectorAll("#plan-sessions > details").map((d) => d.querySelector("[data-title]").textContent);

test("the timeline: sessions in date order, numbered, the latest open; one without a date last, marked so", (t) => {
  const p = at(t, { "session-bbbbbb-date": "2026-12-01", "session-bbbbbb-time": "09:30", "session-aaaaaa-date": "2026-11-10",
                    "session-nodate-intention": "From an older plan", "checkin-c1c1c1-date": "2026-12-02", "checkin-c1c1c1-mood": "4" });
  assert.deepEqual(titles(p), ["S1 on November 10, 2026", "S2 on December 1, 2026, 9:30 AM", "S3, no date"], "the time as the schedule says it");
  const open = p.doc.querySelectorAll("#plan-sessions > details").map((d) => d.open);
  assert.deepEqual(open, [false, true, false]);
  const latest = p.doc.getElementById("plan-session-bbbbbb");
  assert.deepEqual(latest.querySelectorAll("[data-checkins] a").map((a) => [a.textContent, a.getAttribute("href")]),
                   [["December 2, 2026: 4/–", "#plan-checkin-c1c1c1"]]);
  assert.equal(p.doc.getElementById("plan-session-aaaaaa").querySelector(".plan-entry-body"), null, "a folded session is not built");
  const undated = p.doc.getElementById("plan-session-nodate");
  undated.open = true;
  assert.equal(p.doc.getElementById("plan-session-nodate-intention").value, "From an older plan", "its words are shown");
  assert.deepEqual(p.errors, []);
});

test("themes across sessions, whatever words they are, typed or loaded", (t) => {
  const p = at(t, { "session-aaaaaa-date": "2026-11-10", "session-aaaaaa-themes": TRICKY.join("\n") });
  const shown = () => p.doc.querySelectorAll("#plan-themes li").map((li) => li.textContent);
  assert.deepEqual(shown(), ["constructor: Session 1", "__proto__: Session 1", "toString: Session 1", "hasOwnProperty: Session 1"]);
  p.doc.getElementById("plan-session-aaaaaa").open = true;
  const box = p.doc.getElementById("plan-session-aaaaaa-themes");
  type(box, "Valueof\nPROTOTYPE");
  p.screens.changed(box.name);
  p.win.flush();
  assert.equal(p.doc.querySelectorAll("#plan-themes li").length, 4, "not redrawn until flushed by the views");
  p.fields[box.name] = box.value;
  p.screens.changed(box.name);
  p.screens.soon();
  p.win.flush();
  assert.deepEqual(shown(), ["Valueof: Session 1", "PROTOTYPE: Session 1"]);
  assert.deepEqual(p.errors, []);
});

test("the schedule: what is coming and today listed, the past folded and drawn only when opened", (t) => {
  const p = at(t, { "session-aaaaaa-date": "2026-11-10", "session-bbbbbb-date": "2026-12-08", "reminder-session": "60" });
  const coming = p.doc.querySelectorAll("#plan-schedule li");
  assert.equal(coming.length, 4);
  assert.deepEqual(coming[0].querySelectorAll("strong").map((s) => s.textContent).slice(0, 1), ["Now"], "today's event is marked");
  assert.ok(coming[0].textContent.includes("Mon, Dec 7, 2026"), coming[0].textContent);
  assert.deepEqual(coming.map((li) => li.getAttribute("class") || ""), ["plan-today", "", "", ""], "only today's");
  const past = p.doc.getElementById("plan-schedule-past");
  assert.equal(past.hidden, false);
  assert.equal(past.querySelector("summary").textContent, "Past (4)");
  assert.equal(past.querySelectorAll("li").length, 0, "the past, folded, is not drawn");
  past.open = true;
  assert.equal(past.querySelectorAll("li").length, 4);
  assert.match(past.querySelector("li").textContent, /Practice/, "the most recent first");
});

test("the evening screen writes into the journal of the session dated today, and names it", (t) => {
  const p = at(t, { "session-aaaaaa-date": "2026-12-07", "session-aaaaaa-journal-noticed": "Calm", "session-bbbbbb-date": "2026-12-20" });
  const prompt = p.doc.getElementById("plan-evening-noticed");
  p.win.location.hash = "#plan-evening";
  p.win.dispatchEvent({ type: "hashchange" });
  assert.equal(prompt.name, "session-aaaaaa-journal-noticed");
  assert.equal(prompt.value, "Calm");
  assert.equal(p.doc.getElementById("plan-evening-prompts").hidden, false);
  assert.equal(p.doc.getElementById("plan-evening-into").textContent, "Into S1 on December 7, 2026.");
});

test("the evening screen never writes into an earlier session: it offers today's first", (t) => {
  const p = at(t, { "session-aaaaaa-date": "2026-11-30", "session-aaaaaa-journal-noticed": "Last week's words", "session-bbbbbb-date": "2026-12-20" });
  const prompt = p.doc.getElementById("plan-evening-noticed");
  p.win.location.hash = "#plan-evening";
  p.win.dispatchEvent({ type: "hashchange" });
  assert.equal(prompt.getAttribute("name"), null, "no session's field until one is dated today");
  assert.equal(prompt.value, "");
  assert.equal(p.doc.getElementById("plan-evening-prompts").hidden, true);
  assert.equal(p.doc.getElementById("plan-evening-none").hidden, false);
  p.doc.getElementById("plan-evening-add").click();
  const added = Object.keys(p.fields).find((name) => name.endsWith("-date") && p.fields[name] === "2026-12-07");
  assert.equal(prompt.name, added.replace(/-date$/, "-journal-noticed"));
  assert.equal(p.doc.getElementById("plan-evening-into").textContent, "Into S2 on December 7, 2026.");
  assert.equal(p.fields["session-aaaaaa-journal-noticed"], "Last week's words");
});

test("adding a session: dated today, open, its date focused; removing it shows Undo, which brings back every word", (t) => {
  const p = at(t, { "session-aaaaaa-date": "2026-11-10", "session-aaaaaa-journal-noticed": "Warmth in my chest",
                    "session-aaaaaa-themes": "Grief" });
  p.doc.getElementById("plan-add-session").click();
  const added = Object.keys(p.fields).find((name) => name.endsWith("-date") && p.fields[name] === "2026-12-07");
  assert.ok(added);
  assert.equal(p.doc.activeElement.id, "plan-" + added);
  const removing = p.doc.getElementById("plan-session-aaaaaa");
  removing.open = true;
  removing.querySelector("[data-remove]").click();
  assert.equal(Object.keys(p.fields).filter((n) => n.includes("aaaaaa")).length, 0);
  assert.equal(p.doc.getElementById("plan-session-aaaaaa"), null);
  assert.equal(p.doc.getElementById("plan-undo").hidden, false);
  assert.equal(p.doc.getElementById("plan-undo-text").textContent, "Removed S1 on November 10, 2026.");
  p.win.flush();
  assert.equal(p.doc.getElementById("plan-undo").hidden, false, "still offered after the save and the redraws");
  p.doc.getElementById("plan-undo-button").click();
  assert.equal(p.fields["session-aaaaaa-journal-noticed"], "Warmth in my chest");
  assert.equal(p.fields["session-aaaaaa-themes"], "Grief");
  assert.equal(p.doc.getElementById("plan-session-aaaaaa-journal-noticed").value, "Warmth in my chest", "shown again");
  assert.equal(p.doc.getElementById("plan-undo").hidden, true);
  assert.deepEqual(p.said, ["Back again."]);
});

test("the Undo of a removal is kept until the next removal, which it then undoes", (t) => {
  const p = at(t, { "session-aaaaaa-date": "2026-11-10", "session-bbbbbb-date": "2026-11-20" });
  p.doc.getElementById("plan-session-aaaaaa").open = true;
  p.doc.getElementById("plan-session-aaaaaa").querySelector("[data-remove]").click();
  p.doc.getElementById("plan-session-bbbbbb").querySelector("[data-remove]").click();
  p.doc.getElementById("plan-undo-button").click();
  assert.deepEqual(Object.keys(p.fields).sort(), ["session-bbbbbb-date"]);
});

test("the schedule says each shared sentence once and each session's own words every time", (t) => {
  const fields = { "reminder-session": "60" };
  ["2026-12-10", "2026-12-24", "2027-01-07"].forEach((date, i) => {
    fields["session-s" + i + "aaaa-date"] = date;
    fields["session-s" + i + "aaaa-intention"] = "Own words " + i;
  });
  const p = at(t, fields);
  const text = p.doc.querySelectorAll("#plan-schedule li").map((li) => li.textContent).join("\n");
  const before = require("./words.js").before.detail;
  assert.equal(text.split(before).length - 1, 1, text);
  [0, 1, 2].forEach((i) => assert.equal(text.split("Own words " + i).length - 1, 2, "the day before and the day: " + text));
  assert.equal(p.doc.querySelectorAll("#plan-schedule li.plan-today").length, 0, "nothing today");
});

test("seven sessions or more fold by month like the check-ins, the latest month open, each saying how many it holds", (t) => {
  const fields = {};
  for (let i = 0; i < 7; i += 1) fields["session-s" + i + "bbbb-date"] = "2026-" + String(6 + Math.floor(i / 2)).padStart(2, "0") + "-1" + i;
  fields["session-s6bbbb-date"] = "2026-12-01";
  fields["session-s0bbbb-intention"] = "Kept words";
  const p = at(t, fields);
  const months = p.doc.querySelectorAll("#plan-sessions > details.plan-month");
  assert.equal(p.doc.querySelectorAll("#plan-sessions > details.plan-entry").length, 0, "every session is in its month");
  assert.deepEqual(months.map((m) => m.querySelector("h3").textContent),
                   ["December 2026: 1", "August 2026: 2", "July 2026: 2", "June 2026: 2"]);
  assert.deepEqual(months.map((m) => m.open), [true, false, false, false], "the latest month open, the others folded");
  assert.equal(months[3].querySelectorAll("details.plan-entry").length, 0, "a folded month is not built");
  months[3].open = true;
  const first = p.doc.getElementById("plan-session-s0bbbb");
  assert.equal(first.querySelector("[data-title]").textContent, "S1 on June 10, 2026");
  first.open = true;
  assert.equal(p.doc.getElementById("plan-session-s0bbbb-intention").value, "Kept words");
  assert.deepEqual(p.errors, []);
});
