"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { format } = require("../../templates/assets/javascripts/plan/migrate.js");
const { entries } = require("../../templates/assets/javascripts/plan/entries.js");

const FORMAT = "ketamine-integration-plan";
const FIXTURES = path.join(__dirname, "..", "fixtures", "plan");

/* A saved plan as an earlier version of the page wrote it. */
function fixture(name) { return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8")); }

/* Every word (text value) of a version 1 or 2 plan, and of a migrated one. */
function words(doc) {
  const values = [].concat(Object.values(doc.fields || {}), Object.values(doc.answers || {}), doc.sessions || []);
  return values.filter((v) => typeof v === "string" && v).sort();
}

test("a version 2 save: each session slot with words becomes a session, one without a date too; nothing else changes", () => {
  const v2 = fixture("v2.json"), report = {};
  const read = format.read(fixture("v2.json"), { report });
  const sessions = entries.list(read.fields, "session");
  assert.deepEqual(sessions.map((s) => [s.parts.date || null, s.parts.intention || null]), [
    ["2026-12-01", "Be kinder to myself, even on hard days; \"really\" \\ & <3"],
    ["2026-12-08", null],
    [null, "Ask about grief, if it comes up"],
    [null, "Constructor"]
  ], "dated ones first, then those without a date ('date not set' on the page)");
  assert.equal(sessions[3].parts.themes, "__proto__\nhasOwnProperty");
  assert.deepEqual(words(read), words(v2), "every word of the patient's is still there");
  const others = Object.fromEntries(Object.entries(read.fields).filter(([name]) => !name.startsWith("session-")));
  assert.deepEqual(others, {
    "practice-journaling": true, "practice-journaling-often": "After each session", "practice-journaling-minutes": "20 minutes",
    "check-set-intention": true, "check-rest": true, "support-1-name": "Sam", "support-1-contact": "555-0100",
    "therapist-name": "Dr. Rivera", "therapist-next": "2026-12-03T14:30", "criterion-safe-space": true,
    action: "A short walk after dinner", "crisis-person": "My sister", "calendar-earlier": true
  });
  assert.deepEqual([read.version, read.revision, read.saved], [3, 14, "2026-11-24T18:02:11.412Z"]);
  assert.deepEqual(report, { from: 2, sessions: 4, undated: 2, newId: true });
});

test("the same version 2 plan migrated twice, as on two devices, gets the same ids (and plan id)", () => {
  const one = format.read(fixture("v2.json")), two = format.read(fixture("v2.json"));
  assert.deepEqual(Object.keys(one.fields).sort(), Object.keys(two.fields).sort());
  assert.equal(one.id, two.id);
  const ids = entries.list(one.fields, "session").map((s) => s.id);
  assert.equal(new Set(ids).size, 4);
  ids.forEach((id) => assert.match(id, /^[a-z0-9]{6}$/));
  const changed = fixture("v2.json");
  changed.fields["session-1-intention"] += "!";
  assert.notDeepEqual(Object.keys(format.read(changed).fields).sort(), Object.keys(one.fields).sort(), "another plan, other ids");
});

test("twelve slots give twelve ids of their own, none an id the plan already uses", () => {
  const fields = { "checkin-aaaaaa-date": "2026-12-01" };
  for (let n = 1; n <= 12; n++) fields[`session-${n}-date`] = `2026-12-${String(n).padStart(2, "0")}`;
  const read = format.read({ format: FORMAT, version: 2, fields });
  const made = entries.list(read.fields, "session").map((s) => s.id);
  assert.equal(new Set(made.concat(["aaaaaa"])).size, 13);
});

test("a version 1 save with words in a slot without a date: every word shown, through version 2 to 3", () => {
  const v1 = fixture("v1.json"), report = {};
  const read = format.read(fixture("v1.json"), { report });
  const sessions = entries.list(read.fields, "session");
  assert.deepEqual(sessions.map((s) => [s.parts.date || null, s.parts.intention || null]), [
    ["2026-12-01", null], ["2026-12-08", "Notice my breath"], [null, "Talk about sleep, even if it feels small"]
  ]);
  assert.deepEqual(words(read).sort(), words(v1).sort());
  assert.equal(read.fields["check-rest"], true);
  assert.equal(read.fields["practice-journaling"], true);
  assert.deepEqual([report.from, report.sessions, report.undated], [1, 3, 1]);
  assert.deepEqual(Object.keys(format.read(fixture("v1.json")).fields).sort(), Object.keys(read.fields).sort(), "the same ids again");
  assert.deepEqual({ ...format.read({ format: FORMAT, version: 1 }).fields }, {});
});

test("an older plan is checked like any other once migrated; a wrong date is named as the patient saw it", () => {
  const refusal = (doc) => { try { format.read(doc); return null; } catch (e) { return e.field === undefined ? e.code : `${e.code}:${e.field}`; } };
  assert.equal(refusal({ format: FORMAT, version: 1, sessions: "2026-12-01" }), "old_sessions");
  assert.equal(refusal({ format: FORMAT, version: 1, answers: ["walk"] }), "old_answers");
  assert.equal(refusal({ format: FORMAT, version: 1, ticked: "check-rest" }), "old_ticked");
  assert.equal(refusal({ format: FORMAT, version: 1, ticked: [3] }), "old_ticked_name");
  assert.equal(refusal({ format: FORMAT, version: 1, sessions: ["next tuesday"] }), "not_a_date:session-1-date");
  assert.equal(refusal({ format: FORMAT, version: 2, fields: { "session-3-date": "2026-02-30" } }), "not_a_date:session-3-date");
  assert.equal(refusal({ format: FORMAT, version: 2, fields: { "session-1-intention": 7 } }), "not_text:session-1-intention");
  assert.equal(refusal({ format: FORMAT, version: 2, fields: { "session-1-date": "1850-01-01" } }), "not_a_date:session-1-date");
});

test("a plan without a session or appointment needs no word about earlier calendar files", () => {
  assert.equal(format.read({ format: FORMAT, version: 2, fields: { action: "walk", "session-2-intention": "x" } }).fields["calendar-earlier"], undefined);
  assert.equal(format.read({ format: FORMAT, version: 2, fields: { "therapist-next": "2026-12-03T14:30" } }).fields["calendar-earlier"], true);
});
