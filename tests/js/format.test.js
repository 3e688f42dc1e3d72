"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { format } = require("../../templates/assets/javascripts/plan/format.js");

const FORMAT = "ketamine-integration-plan";
const good = { format: FORMAT, version: 2, revision: 3, saved: "2026-11-01T10:00:00.000Z", fields: { action: "walk" } };

/* The PlanError code a document is refused with (or null if it is read). */
function refusal(doc) {
  try {
    format.read(doc);
    return null;
  } catch (error) {
    assert.ok(error instanceof format.PlanError, `not a PlanError: ${error}`);
    return error.field === undefined ? error.code : `${error.code}:${error.field}`;
  }
}

test("a version 1 plan is migrated to version 2", () => {
  const v1 = { format: FORMAT, version: 1, saved: "2026-01-05T10:00:00Z", sessions: ["2026-12-01", "2026-12-08"],
               answers: { action: "Call my brother" }, ticked: ["check-rest", "practice-journaling"] };
  assert.deepEqual(format.read(v1), {
    format: FORMAT, version: 2, revision: 0, saved: "2026-01-05T10:00:00Z",
    fields: { action: "Call my brother", "check-rest": true, "practice-journaling": true,
              "session-1-date": "2026-12-01", "session-2-date": "2026-12-08" }
  });
  assert.deepEqual(format.read({ format: FORMAT, version: 1 }).fields, {});
});

test("a version 1 plan is checked like any other once migrated", () => {
  assert.equal(refusal({ format: FORMAT, version: 1, sessions: "2026-12-01" }), "old_sessions");
  assert.equal(refusal({ format: FORMAT, version: 1, answers: ["walk"] }), "old_answers");
  assert.equal(refusal({ format: FORMAT, version: 1, ticked: "check-rest" }), "old_ticked");
  assert.equal(refusal({ format: FORMAT, version: 1, ticked: [3] }), "old_ticked_name");
  assert.equal(refusal({ format: FORMAT, version: 1, sessions: ["next tuesday"] }), "not_a_date:session-1-date");
  assert.equal(refusal({ format: FORMAT, version: 1, answers: { action: "<b>hi</b>" } }), "markup:action");
});

test("every earlier version has a migration", () => {
  for (let version = 1; version < format.VERSION; version++) assert.equal(typeof format.MIGRATIONS[version], "function", version);
  assert.equal(format.VERSION, 2);
});

test("a current plan is read back as it was, empty answers and unticked boxes left out", () => {
  assert.deepEqual(format.read(good), good);
  const read = format.read({ ...good, revision: undefined, saved: 5, fields: { action: "", "check-rest": false, "check-sleep": true } });
  assert.deepEqual(read, { format: FORMAT, version: 2, revision: 0, saved: null, fields: { "check-sleep": true } });
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
    [fields({ action: 42 }), "not_text:action"], [fields({ action: { text: "walk" } }), "not_text:action"],
    [fields({ action: "a".repeat(2001) }), "too_long:action"],
    [fields({ "session-1-intention": '<img src=x onerror="alert(1)">' }), "markup:session-1-intention"],
    [fields({ action: "<script>alert(1)</script>" }), "markup:action"],
    [fields({ "session-1-date": "next tuesday" }), "not_a_date:session-1-date"],
    [JSON.parse('{"format":"' + FORMAT + '","version":2,"fields":{"__proto__":"x"}}'), "strange_name"],
    [fields({ "Action": "walk" }), "strange_name"], [fields({ "a--b": "walk" }), "strange_name"],
    [fields(Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`extra-${i}`, "x"]))), "too_many_fields"],
    [{ ...good, revision: -1 }, "bad_revision"], [{ ...good, revision: "3" }, "bad_revision"], [{ ...good, revision: 1.5 }, "bad_revision"]
  ];
  for (const [doc, code] of cases) assert.equal(refusal(doc), code, JSON.stringify(doc).slice(0, 80));
  assert.equal(refusal(fields({ action: "a".repeat(2000), note: "I <3 you & me > them" })), null);
});

test("parse refuses text that is not JSON with its own code", () => {
  for (const text of ["", "this is not JSON at all", "\u0000\u0001\u00ff", "{\"format\":"]) {
    assert.throws(() => format.parse(text), (e) => e instanceof format.PlanError && e.code === "not_json", JSON.stringify(text));
  }
  assert.deepEqual(format.parse(JSON.stringify(good)), good);
});

test("a new document is the current version, stamped with the time", () => {
  const doc = format.create({ action: "walk" }, 4, new Date(Date.UTC(2026, 11, 1, 9, 30)));
  assert.deepEqual(doc, { format: FORMAT, version: 2, revision: 4, saved: "2026-12-01T09:30:00.000Z", fields: { action: "walk" } });
  assert.deepEqual(format.read(doc), doc);
  assert.match(format.create({}, 0).saved, /^\d{4}-\d{2}-\d{2}T/);
});

test("text that looks like HTML is told apart from a heart or a comparison", () => {
  for (const text of ["<b>walk</b>", "<script>", "<!-- x -->", "</p>", "<?xml?>", "<IMG src=x>"]) assert.ok(format.looksLikeMarkup(text), text);
  for (const text of ["I <3 you", "2 < 3 and 4 > 1", "<", "a<>b", "< b>"]) assert.ok(!format.looksLikeMarkup(text), text);
});
