"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { format } = require("../../templates/assets/javascripts/plan/format.js");

const FORMAT = "ketamine-integration-plan";
const FIXTURES = path.join(__dirname, "..", "fixtures", "plan");
const good = { format: FORMAT, version: 3, revision: 3, saved: "2026-11-01T10:00:00.000Z", fields: { action: "walk" } };

/* A saved plan as an earlier version of the page wrote it. */
function fixture(name) { return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8")); }

/* Ids from a fixed list, so a migration's new ids can be compared. */
function ids(...letters) {
  const digits = [];
  for (const id of letters) for (const ch of id) digits.push("abcdefghijklmnopqrstuvwxyz0123456789".indexOf(ch) / 36 + 0.001);
  return { random: () => digits.shift() };
}

/* The PlanError code a document is refused with, ":field" after it (or null if it is read). */
function refusal(doc) {
  try {
    format.read(doc);
    return null;
  } catch (error) {
    assert.ok(error instanceof format.PlanError, `not a PlanError: ${error}`);
    return error.field === undefined ? error.code : `${error.code}:${error.field}`;
  }
}

test("a version 2 save: each session slot with words becomes a timeline session, empty slots go, nothing else changes", () => {
  const v2 = fixture("v2.json");
  const read = format.read(v2, ids("aaaaa1", "bbbbb2", "ccccc3"));
  assert.deepEqual(read.fields, {
    "session-aaaaa1-date": "2026-12-01",
    "session-aaaaa1-intention": "Be kinder to myself, even on hard days; \"really\" \\ & <3",
    "session-bbbbb2-date": "2026-12-08",
    "session-ccccc3-intention": "Ask about grief, if it comes up",
    "practice-journaling": true, "practice-journaling-often": "After each session", "practice-journaling-minutes": "20 minutes",
    "check-set-intention": true, "check-rest": true, "support-1-name": "Sam", "support-1-contact": "555-0100",
    "therapist-name": "Dr. Rivera", "therapist-next": "2026-12-03T14:30", "criterion-safe-space": true,
    action: "A short walk after dinner", "crisis-person": "My sister"
  });
  assert.deepEqual([read.version, read.revision, read.saved], [3, 14, "2026-11-24T18:02:11.412Z"]);
  const words = (fields) => Object.values(fields).filter((v) => typeof v === "string" && v).sort();
  assert.deepEqual(words(read.fields), words(v2.fields), "every word of the patient's is still there");
});

test("a version 2 migration makes ids of 6 letters and digits, each its own", () => {
  const fields = {};
  for (let n = 1; n <= 12; n++) fields[`session-${n}-date`] = `2026-12-${String(n).padStart(2, "0")}`;
  const read = format.read({ format: FORMAT, version: 2, fields });
  const made = Object.keys(read.fields).map((name) => format.entryField(name));
  assert.equal(new Set(made.map((e) => e.id)).size, 12);
  made.forEach((e) => assert.match(e.id, /^[a-z0-9]{6}$/));
  assert.equal(format.newId({ aaaaaa: true }, ids("aaaaaa", "bbbbbb").random), "bbbbbb", "an id in use is not given again");
});

test("a version 1 save is migrated through version 2 to 3", () => {
  const read = format.read(fixture("v1.json"), ids("first1", "third3"));
  assert.deepEqual(read, {
    format: FORMAT, version: 3, revision: 0, saved: "2026-01-05T10:00:00.000Z",
    fields: { action: "Call my brother", "crisis-person": "My sister, 555-0199", "check-rest": true, "practice-journaling": true,
              "session-first1-date": "2026-12-01", "session-third3-date": "2026-12-08" }
  });
  assert.deepEqual(format.read({ format: FORMAT, version: 1 }).fields, {});
});

test("a version 1 plan is checked like any other once migrated", () => {
  assert.equal(refusal({ format: FORMAT, version: 1, sessions: "2026-12-01" }), "old_sessions");
  assert.equal(refusal({ format: FORMAT, version: 1, answers: ["walk"] }), "old_answers");
  assert.equal(refusal({ format: FORMAT, version: 1, ticked: "check-rest" }), "old_ticked");
  assert.equal(refusal({ format: FORMAT, version: 1, ticked: [3] }), "old_ticked_name");
  assert.equal(refusal({ format: FORMAT, version: 1, sessions: ["next tuesday"] }), "not_a_date:session-1-date");
  assert.equal(refusal({ format: FORMAT, version: 2, fields: { "session-3-date": "2026-02-30" } }), "not_a_date:session-3-date",
               "a wrong date is named as the patient saw it, not by its new id");
  assert.equal(refusal({ format: FORMAT, version: 2, fields: { "session-1-intention": 7 } }), "not_text:session-1-intention");
});

test("every earlier version has a migration", () => {
  for (let version = 1; version < format.VERSION; version++) assert.equal(typeof format.MIGRATIONS[version], "function", version);
  assert.equal(format.VERSION, 3);
});

test("text is kept exactly as typed: tags, scripts, emoji, line breaks", () => {
  const texts = ["This is <b>important</b> to me", "<script>alert(1)</script>", '<img src=x onerror="alert(1)">',
                 "first\rsecond\r\nthird\nfourth", "🌱 growing 👩🏽‍⚕️", "  spaces kept  ", "{number} and {x}"];
  const fields = Object.fromEntries(texts.map((t, i) => [`note-${i}`, t]));
  assert.deepEqual(format.read({ ...good, fields }).fields, fields);
  assert.deepEqual(format.parse(JSON.stringify({ ...good, fields })).fields, fields);
});

test("a current plan is read back as it was, empty answers and unticked boxes left out", () => {
  assert.deepEqual(format.read(good), good);
  const read = format.read({ ...good, revision: undefined, saved: 5, fields: { action: "", "check-rest": false, "check-sleep": true } });
  assert.deepEqual(read, { format: FORMAT, version: 3, revision: 0, saved: null, fields: { "check-sleep": true } });
});

test("dates are real calendar dates, times real times, scores whole numbers in range", () => {
  const fields = (f) => ({ ...good, fields: f });
  const refused = [
    ["session-k3x9q2-date", "2026-02-30", "not_a_date"], ["session-k3x9q2-date", "2026-13-01", "not_a_date"],
    ["checkin-k3x9q2-date", "2026-2-3", "not_a_date"], ["wellbeing-k3x9q2-date", "0000-01-01", "not_a_date"],
    ["session-k3x9q2-date", "2026-12-01T10:00", "not_a_date"], ["session-k3x9q2-date", "next tuesday", "not_a_date"],
    ["therapist-next", "2026-02-29T10:00", "not_a_date"], ["therapist-next", "2026-12-03T24:00", "not_a_date"],
    ["session-k3x9q2-time", "24:00", "not_a_time"], ["session-k3x9q2-time", "9:30", "not_a_time"],
    ["session-k3x9q2-time", "12:60", "not_a_time"], ["reminder-checkin-time", "noon", "not_a_time"],
    ["session-k3x9q2-feeling", "11", "not_a_score"], ["checkin-k3x9q2-mood", "-1", "not_a_score"],
    ["checkin-k3x9q2-sleep", "7.5", "not_a_score"], ["checkin-k3x9q2-mood", "07", "not_a_score"],
    ["wellbeing-k3x9q2-q3", "6", "not_a_score"], ["wellbeing-k3x9q2-q1", "five", "not_a_score"],
    ["reminder-session", "an hour", "not_minutes"], ["reminder-session", "-60", "not_minutes"], ["reminder-session", "99999", "not_minutes"],
    ["checkin-k3x9q2-effect-nausea", "yes", "not_a_tick"], ["summary-themes", "yes", "not_a_tick"]
  ];
  for (const [name, value, code] of refused) assert.equal(refusal(fields({ [name]: value })), `${code}:${name}`, `${name}=${value}`);
  try { format.read(fields({ "wellbeing-k3x9q2-q3": "6" })); } catch (e) { assert.deepEqual(e.values, { low: 0, high: 5 }); }
  const kept = { "session-k3x9q2-date": "2024-02-29", "session-k3x9q2-time": "23:59", "session-k3x9q2-feeling": "10",
                 "checkin-k3x9q2-date": "2026-12-31", "checkin-k3x9q2-mood": "0", "checkin-k3x9q2-sleep": "7",
                 "checkin-k3x9q2-effect-nausea": true, "wellbeing-k3x9q2-date": "2026-12-14", "wellbeing-k3x9q2-q5": "5",
                 "reminder-session": "1440", "reminder-checkin-time": "00:00", "therapist-next": "2026-12-03T14:30",
                 "summary-themes": true };
  assert.deepEqual(format.read(fields(kept)).fields, kept);
});

test("what an opened file is refused for", () => {
  const fields = (f) => ({ ...good, fields: f });
  const cases = [
    [[1, 2, 3], "not_a_plan"], [null, "not_a_plan"], ["text", "not_a_plan"],
    [{ ...good, format: "someone-elses-plan" }, "other_format"],
    [{ format: FORMAT, fields: {} }, "no_version"], [{ ...good, version: "2" }, "no_version"],
    [{ ...good, version: 1.5 }, "no_version"], [{ ...good, version: 0 }, "no_version"],
    [{ ...good, version: 99 }, "newer_version"],
    [{ ...good, fields: ["action", "walk"] }, "no_fields"], [{ ...good, fields: undefined }, "no_fields"],
    [{ ...good, version: 2, fields: undefined }, "no_fields"],
    [fields({ action: 42 }), "not_text:action"], [fields({ action: { text: "walk" } }), "not_text:action"],
    [fields({ action: "a".repeat(20001) }), "too_long:action"],
    [JSON.parse('{"format":"' + FORMAT + '","version":3,"fields":{"__proto__":"x"}}'), "strange_name:__proto__"],
    [JSON.parse('{"format":"' + FORMAT + '","version":2,"fields":{"__proto__":"x"}}'), "strange_name:__proto__"],
    [JSON.parse('{"format":"' + FORMAT + '","version":1,"answers":{"__proto__":"x"}}'), "strange_name:__proto__"],
    [{ format: FORMAT, version: 1, ticked: ["Not A Name"] }, "strange_name:Not A Name"],
    [fields({ "Action": "walk" }), "strange_name:Action"], [fields({ "a--b": "walk" }), "strange_name:a--b"],
    [fields(Object.fromEntries(Array.from({ length: 20001 }, (_, i) => [`extra-${i}`, "x"]))), "too_many_fields"],
    [{ ...good, revision: -1 }, "bad_revision"], [{ ...good, revision: "3" }, "bad_revision"], [{ ...good, revision: 1.5 }, "bad_revision"]
  ];
  for (const [doc, code] of cases) assert.equal(refusal(doc), code, JSON.stringify(doc).slice(0, 80));
  assert.equal(refusal(fields({ action: "a".repeat(20000), note: "I <3 you & me > them" })), null);
});

test("a year of daily check-ins fits in the limits", () => {
  const fields = { action: "walk" };
  for (let day = 0; day < 365; day++) {
    const id = format.newId(fields);
    fields[`checkin-${id}-date`] = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
    fields[`checkin-${id}-mood`] = String(day % 11);
    fields[`checkin-${id}-sleep`] = String((day * 3) % 11);
    fields[`checkin-${id}-effect-nausea`] = true;
    fields[`checkin-${id}-note`] = "Slept badly, but a walk helped. Talked to Sam about the session. ".repeat(2);
  }
  const text = JSON.stringify(format.create(fields, 400));
  assert.ok(Buffer.byteLength(text) < format.MAX_BYTES, `${Buffer.byteLength(text)} bytes`);
  assert.equal(Object.keys(format.parse(text).fields).length, 1 + 365 * 5);
});

test("unshown: fields the page neither has nor shows as part of a dated entry", () => {
  const statics = { action: true, "therapist-next": true };
  const fields = { action: "walk", "session-k3x9q2-date": "2026-12-01", "session-k3x9q2-journal-noticed": "calm",
                   "session-nodate-intention": "kept without a date", "checkin-abcdef-mood": "4", "wellbeing-w1w1w1-date": "2026-12-14",
                   "wellbeing-w1w1w1-q9": "3", "session-1-date": "2026-12-01", "my-own-field": "x" };
  assert.deepEqual(format.unshown(fields, statics),
                   ["session-nodate-intention", "checkin-abcdef-mood", "wellbeing-w1w1w1-q9", "session-1-date", "my-own-field"]);
});

test("parse refuses text that is not JSON with its own code", () => {
  for (const text of ["", "this is not JSON at all", "\u0000\u0001\u00ff", "{\"format\":"]) {
    assert.throws(() => format.parse(text), (e) => e instanceof format.PlanError && e.code === "not_json", JSON.stringify(text));
  }
  assert.deepEqual(format.parse(JSON.stringify(good)), good);
});

test("a new document is the current version, stamped with the time", () => {
  const doc = format.create({ action: "walk" }, 4, new Date(Date.UTC(2026, 11, 1, 9, 30)));
  assert.deepEqual(doc, { format: FORMAT, version: 3, revision: 4, saved: "2026-12-01T09:30:00.000Z", fields: { action: "walk" } });
  assert.deepEqual(format.read(doc), doc);
  assert.match(format.create({}, 0).saved, /^\d{4}-\d{2}-\d{2}T/);
});
