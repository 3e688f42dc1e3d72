"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { format } = require("../../templates/assets/javascripts/plan/migrate.js");

const FORMAT = "ketamine-integration-plan";
const good = { format: FORMAT, version: 3, revision: 3, saved: "2026-11-01T10:00:00.000Z", id: "k3x9q2abcdef", fields: { action: "walk" } };

/* A plain copy of fields kept in an object without a prototype, for deepEqual. */
const plain = (fields) => ({ ...fields });

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

test("every earlier version has a migration", () => {
  for (let version = 1; version < format.VERSION; version++) assert.equal(typeof format.MIGRATIONS[version], "function", version);
  assert.equal(format.VERSION, 3);
});

test("text is kept exactly as typed: tags, scripts, emoji, line breaks", () => {
  const texts = ["This is <b>important</b> to me", "<script>alert(1)</script>", '<img src=x onerror="alert(1)">',
                 "first\rsecond\r\nthird\nfourth", "🌱 growing 👩🏽‍⚕️", "  spaces kept  ", "{number} and {x}"];
  const fields = Object.fromEntries(texts.map((t, i) => [`note-${i}`, t]));
  assert.deepEqual(plain(format.read({ ...good, fields }).fields), fields);
  assert.deepEqual(plain(format.parse(JSON.stringify({ ...good, fields })).fields), fields);
});

test("names a script holds dear are field names like any other, kept in an object without a prototype", () => {
  const fields = { constructor: "c", tostring: "t", hasownproperty: "h", valueof: "v", "proto": "p", "session-constructor-themes": "x" };
  const read = format.read({ ...good, fields });
  assert.equal(Object.getPrototypeOf(read.fields), null);
  assert.deepEqual(plain(read.fields), fields);
  assert.equal(read.fields.toString, undefined, "no name reaches Object.prototype");
  assert.deepEqual(format.kept(read.fields, new Set()).sort(), Object.keys(fields).sort(), "none is an entry's, so all are listed");
});

test("a current plan is read back as it was, empty answers and unticked boxes left out", () => {
  const read = format.read(good);
  assert.deepEqual({ ...read, fields: plain(read.fields) }, good);
  const bare = format.read({ ...good, id: undefined, revision: undefined, saved: 5, fields: { action: "", "check-rest": false, "check-sleep": true } });
  assert.deepEqual([bare.revision, bare.saved, plain(bare.fields)], [0, null, { "check-sleep": true }]);
});

test("a plan's id: kept when it has one, else made from the plan, the same on every device", () => {
  assert.equal(format.read(good).id, "k3x9q2abcdef");
  const older = { format: FORMAT, version: 3, revision: 2, saved: "2026-11-01T10:00:00.000Z", fields: { action: "walk" } };
  const one = format.read(JSON.parse(JSON.stringify(older))).id, two = format.read(JSON.parse(JSON.stringify(older))).id;
  assert.match(one, /^[a-z0-9]{12}$/);
  assert.equal(one, two, "two devices holding the same plan");
  assert.notEqual(format.read({ ...older, saved: "2026-11-01T10:00:00.001Z" }).id, one, "another patient's plan");
  const report = {};
  format.read({ ...good, id: "NOT an id" }, { report });
  assert.equal(report.newId, true, "a plan without a valid id is given one (the page saves it back)");
  const made = new Set(Array.from({ length: 50 }, () => format.create({}, 0).id));
  assert.equal(made.size, 50, "a new plan's id is random");
});

test("dates are real calendar dates from 1900 to 2200, times real times, scores whole numbers in range", () => {
  const fields = (f) => ({ ...good, fields: f });
  const refused = [
    ["session-k3x9q2-date", "2026-02-30", "not_a_date"], ["session-k3x9q2-date", "2026-13-01", "not_a_date"],
    ["checkin-k3x9q2-date", "2026-2-3", "not_a_date"], ["wellbeing-k3x9q2-date", "0000-01-01", "not_a_date"],
    ["session-k3x9q2-date", "2026-12-01T10:00", "not_a_date"], ["session-k3x9q2-date", "next tuesday", "not_a_date"],
    ["session-k3x9q2-date", "1899-12-31", "date_out_of_range"], ["checkin-k3x9q2-date", "2201-01-01", "date_out_of_range"],
    ["wellbeing-k3x9q2-date", "0001-01-01", "date_out_of_range"], ["therapist-next", "9999-12-03T14:30", "date_out_of_range"],
    ["therapist-next", "2026-02-29T10:00", "not_a_date"], ["therapist-next", "2026-12-03T24:00", "not_a_date"],
    ["session-k3x9q2-time", "24:00", "not_a_time"], ["session-k3x9q2-time", "9:30", "not_a_time"],
    ["session-k3x9q2-time", "12:60", "not_a_time"], ["reminder-checkin-time", "noon", "not_a_time"],
    ["session-k3x9q2-feeling", "11", "not_a_score"], ["checkin-k3x9q2-mood", "-1", "not_a_score"],
    ["checkin-k3x9q2-sleep", "7.5", "not_a_score"], ["checkin-k3x9q2-mood", "07", "not_a_score"],
    ["wellbeing-k3x9q2-q3", "6", "not_a_score"], ["wellbeing-k3x9q2-q1", "five", "not_a_score"],
    ["reminder-session", "an hour", "not_minutes"], ["reminder-session", "-60", "not_minutes"], ["reminder-session", "99999", "not_minutes"],
    ["checkin-k3x9q2-effect-nausea", "yes", "not_a_tick"], ["summary-themes", "yes", "not_a_tick"],
    ["calendar-earlier", "yes", "not_a_tick"], ["calendar-sent", "<b>", "not_text"]
  ];
  for (const [name, value, code] of refused) assert.equal(refusal(fields({ [name]: value })), `${code}:${name}`, `${name}=${value}`);
  try { format.read(fields({ "wellbeing-k3x9q2-q3": "6" })); } catch (e) { assert.deepEqual(e.values, { low: 0, high: 5 }); }
  const kept = { "session-k3x9q2-date": "2024-02-29", "session-k3x9q2-time": "23:59", "session-k3x9q2-feeling": "10",
                 "checkin-k3x9q2-date": "2200-12-31", "checkin-k3x9q2-mood": "0", "checkin-k3x9q2-sleep": "7",
                 "checkin-k3x9q2-effect-nausea": true, "wellbeing-k3x9q2-date": "1900-01-01", "wellbeing-k3x9q2-q5": "5",
                 "reminder-session": "1440", "reminder-checkin-time": "00:00", "therapist-next": "2026-12-03T14:30",
                 "summary-themes": true, "calendar-earlier": true, "calendar-sent": "abc123-day:x1y2z3:0:20600" };
  assert.deepEqual(plain(format.read(fields(kept)).fields), kept);
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

test("thousands of sessions are refused at once, naming the limit; a long plan opens", () => {
  const sessions = (n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`session-${format.hashId("s" + i, 6)}-date`, "2026-12-01"]));
  const started = Date.now();
  try { format.read({ ...good, fields: sessions(6000) }); assert.fail("read"); } catch (e) {
    assert.equal(e.code, "too_many_session");
    assert.deepEqual(e.values, { limit: format.MAX_ENTRIES.session });
  }
  assert.ok(Date.now() - started < 1000, "at once");
  assert.equal(Object.keys(format.read({ ...good, fields: sessions(format.MAX_ENTRIES.session) }).fields).length, format.MAX_ENTRIES.session);
  const checkins = Object.fromEntries(Array.from({ length: 3001 }, (_, i) => [`checkin-${format.hashId("c" + i, 6)}-mood`, "5"]));
  assert.equal(refusal({ ...good, fields: checkins }), "too_many_checkin");
});

test("a year of daily check-ins fits in the limits", () => {
  const fields = { action: "walk" }, taken = new Set();
  for (let day = 0; day < 365; day++) {
    const id = format.newId(taken);
    taken.add(id);
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

test("kept: the fields no part of the page shows (an entry's are all shown, with a date or without)", () => {
  const statics = new Set(["action", "therapist-next"]);
  const fields = { action: "walk", "session-k3x9q2-date": "2026-12-01", "session-k3x9q2-journal-noticed": "calm",
                   "session-nodate-intention": "kept without a date", "checkin-abcdef-mood": "4", "wellbeing-w1w1w1-date": "2026-12-14",
                   "wellbeing-w1w1w1-q9": "3", "session-1-date": "2026-12-01", "my-own-field": "x", "calendar-sent": "", "calendar-earlier": true };
  assert.deepEqual(format.kept(fields, statics), ["wellbeing-w1w1w1-q9", "session-1-date", "my-own-field"]);
});

test("ids: hashId is the same for the same text, randomId and newId give letters and digits", () => {
  assert.equal(format.hashId("a plan", 6), format.hashId("a plan", 6));
  assert.notEqual(format.hashId("a plan", 6), format.hashId("a plan.", 6));
  assert.match(format.hashId("x", 30), /^[a-z0-9]{30}$/);
  const fixed = [0, 0.5, 0.999];
  assert.equal(format.randomId(3, () => fixed.shift()), "as9");
  let n = 0;
  const seq = () => [0, 0, 0, 0, 0, 0, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03][n++];
  assert.equal(format.newId(new Set(["aaaaaa"]), seq), "bbbbbb", "an id in use is not given again");
});

test("parse refuses text that is not JSON with its own code", () => {
  for (const text of ["", "this is not JSON at all", "\u0000\u0001\u00ff", "{\"format\":"]) {
    assert.throws(() => format.parse(text), (e) => e instanceof format.PlanError && e.code === "not_json", JSON.stringify(text));
  }
  assert.equal(format.parse(JSON.stringify(good)).fields.action, "walk");
});

test("a new document is the current version, stamped with the time, with an id", () => {
  const doc = format.create({ action: "walk" }, 4, new Date(Date.UTC(2026, 11, 1, 9, 30)), "k3x9q2abcdef");
  assert.deepEqual(doc, { format: FORMAT, version: 3, revision: 4, saved: "2026-12-01T09:30:00.000Z", id: "k3x9q2abcdef", fields: { action: "walk" } });
  const read = format.read(doc);
  assert.deepEqual({ ...read, fields: plain(read.fields) }, doc);
  assert.match(format.create({}, 0).saved, /^\d{4}-\d{2}-\d{2}T/);
});
