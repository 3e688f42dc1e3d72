"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { storage, format } = require("../../templates/assets/javascripts/plan/storage.js");

const KEY = "ketamine-integration-plan";

/* A stand-in for localStorage: `full` makes setItem throw, `blocked` makes every call throw. */
function fakeStore({ full = false, blocked = false } = {}) {
  const items = new Map();
  const check = () => { if (blocked) throw new Error("SecurityError"); };
  return {
    items,
    getItem: (key) => { check(); return items.has(key) ? items.get(key) : null; },
    setItem: (key, value) => { check(); if (full) throw new Error("QuotaExceededError"); items.set(key, String(value)); },
    removeItem: (key) => { check(); items.delete(key); }
  };
}

test("open: the window's storage if it can be written, else null", () => {
  const store = fakeStore();
  assert.equal(storage.open({ localStorage: store }), store);
  assert.equal(store.items.size, 0, "the probe leaves nothing behind");
  assert.equal(storage.open({ localStorage: fakeStore({ full: true }) }), null);
  assert.equal(storage.open({ get localStorage() { throw new Error("SecurityError"); } }), null);
  assert.equal(storage.KEY, KEY);
});

test("read: an empty plan when nothing is stored, and what was written", () => {
  const store = fakeStore();
  const empty = storage.read(store);
  assert.deepEqual([empty.doc.revision, empty.doc.fields, empty.doc.version], [0, {}, 2]);
  storage.write(store, format.create({ action: "walk" }, 7));
  assert.deepEqual(JSON.parse(store.items.get(KEY)).fields, { action: "walk" });
  assert.deepEqual([storage.read(store).doc.revision, storage.read(store).doc.fields], [7, { action: "walk" }]);
  storage.remove(store);
  assert.equal(store.items.has(KEY), false);
});

test("read: an old plan is migrated; a stored plan that cannot be read is reported, not replaced", () => {
  const store = fakeStore();
  store.items.set(KEY, JSON.stringify({ format: KEY, version: 1, sessions: ["2026-12-01"] }));
  assert.deepEqual(storage.read(store).doc.fields, { "session-1-date": "2026-12-01" });
  for (const [text, code] of [["{not json", "not_json"], [JSON.stringify({ format: KEY, version: 99, fields: {} }), "newer_version"],
                               [JSON.stringify({ format: KEY, version: 2, fields: { action: 1 } }), "not_text"]]) {
    store.items.set(KEY, text);
    const found = storage.read(store);
    assert.equal(found.problem, "unreadable");
    assert.ok(found.error instanceof format.PlanError);
    assert.equal(found.error.code, code);
    assert.equal(store.items.get(KEY), text);
  }
  assert.deepEqual(storage.read(fakeStore({ blocked: true })), { problem: "blocked" });
  assert.throws(() => storage.write(fakeStore({ full: true }), format.create({}, 1)));
});

test("merge: this tab's changes over the stored plan, with no other tab", () => {
  const stored = { revision: 3, fields: { action: "walk", "check-rest": true } };
  const merged = storage.merge(stored, { revision: 3, fields: stored.fields }, { action: "run", "crisis-person": "Sam" }, ["action", "crisis-person", "check-rest"]);
  assert.deepEqual(merged, { fields: { action: "run", "crisis-person": "Sam" }, clashes: [], fromOtherTab: false });
  assert.deepEqual(stored.fields, { action: "walk", "check-rest": true }, "the stored copy is not changed");
});

test("merge: another tab's edits are kept, and a field both changed is a clash", () => {
  const base = { revision: 3, fields: { action: "walk", "session-1-intention": "Rest" } };
  const stored = { revision: 4, fields: { action: "swim", "session-1-intention": "Rest more", "crisis-person": "Sam" } };
  const mine = { action: "walk", "session-1-intention": "Be brave", "therapist-name": "Dr. Rivera" };
  const merged = storage.merge(stored, base, mine, ["session-1-intention", "therapist-name"]);
  assert.equal(merged.fromOtherTab, true);
  assert.deepEqual(merged.fields, { action: "swim", "session-1-intention": "Be brave", "crisis-person": "Sam", "therapist-name": "Dr. Rivera" });
  assert.deepEqual(merged.clashes, ["session-1-intention"]);
  const same = storage.merge(stored, base, { ...mine, "session-1-intention": "Rest more" }, ["session-1-intention"]);
  assert.deepEqual(same.clashes, [], "both tabs wrote the same words: no clash");
});
