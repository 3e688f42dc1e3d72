"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { storage, format } = require("../../templates/assets/javascripts/plan/storage.js");

const KEY = "ketamine-integration-plan";

/* A stand-in for localStorage: `full` makes setItem throw, `blocked` makes every call throw,
   `stuck` makes removeItem do nothing (as a browser that does not let the page clear). */
function fakeStore({ full = false, blocked = false, stuck = false } = {}) {
  const items = new Map();
  const check = () => { if (blocked) throw new Error("SecurityError"); };
  return {
    items,
    get length() { return items.size; },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => { check(); return items.has(key) ? items.get(key) : null; },
    setItem: (key, value) => { check(); if (full) throw new Error("QuotaExceededError"); items.set(key, String(value)); },
    removeItem: (key) => { check(); if (!stuck) items.delete(key); }
  };
}

test("open: the window's storage if it can be read, and whether it can be written", () => {
  const store = fakeStore();
  assert.deepEqual(storage.open({ localStorage: store }), { store, writable: true });
  assert.equal(store.items.size, 0, "the probe leaves nothing behind");
  const full = fakeStore({ full: true });
  assert.deepEqual(storage.open({ localStorage: full }), { store: full, writable: false }, "a full storage is still read");
  assert.equal(storage.open({ localStorage: fakeStore({ blocked: true }) }), null);
  assert.equal(storage.open({ get localStorage() { throw new Error("SecurityError"); } }), null);
  assert.equal(storage.KEY, KEY);
});

test("read: an empty plan when nothing is stored, and what was written", () => {
  const store = fakeStore();
  const empty = storage.read(store);
  assert.deepEqual([empty.doc.revision, { ...empty.doc.fields }, empty.doc.version], [0, {}, 3]);
  assert.match(empty.doc.id, /^[a-z0-9]{12}$/);
  storage.write(store, format.create({ action: "This is <b>important</b> to me\r" }, 7));
  assert.deepEqual(JSON.parse(store.items.get(KEY)).fields, { action: "This is <b>important</b> to me\r" });
  assert.deepEqual([storage.read(store).doc.revision, { ...storage.read(store).doc.fields }], [7, { action: "This is <b>important</b> to me\r" }]);
  const full = fakeStore();
  full.items.set(KEY, store.items.get(KEY));
  assert.deepEqual({ ...storage.read(Object.assign(full, { setItem() { throw new Error("QuotaExceededError"); } })).doc.fields },
                   { action: "This is <b>important</b> to me\r" }, "a full storage's plan is read");
});

test("read: an old plan is migrated; a stored plan that cannot be read is reported with its text, not replaced", () => {
  const store = fakeStore();
  store.items.set(KEY, JSON.stringify({ format: KEY, version: 1, sessions: ["2026-12-01"] }));
  assert.deepEqual(Object.values(storage.read(store).doc.fields), ["2026-12-01", true], "its date, and calendar-earlier");
  assert.equal(storage.read(store).migrated, true, "to be saved back, so its new ids stay");
  assert.deepEqual(storage.read(store).report, { from: 1, sessions: 1, undated: 0, newId: true });
  storage.write(store, format.create({ action: "walk" }, 2));
  assert.equal(storage.read(store).migrated, false);
  for (const [text, code] of [["{not json", "not_json"], [JSON.stringify({ format: KEY, version: 99, fields: {} }), "newer_version"],
                               [JSON.stringify({ format: KEY, version: 3, fields: { action: 1 } }), "not_text"]]) {
    store.items.set(KEY, text);
    const found = storage.read(store);
    assert.equal(found.problem, "unreadable");
    assert.ok(found.error instanceof format.PlanError);
    assert.equal(found.error.code, code);
    assert.equal(found.text, text);
    assert.equal(store.items.get(KEY), text);
  }
  assert.deepEqual(storage.read(fakeStore({ blocked: true })), { problem: "blocked" });
  assert.throws(() => storage.write(fakeStore({ full: true }), format.create({}, 1)));
});

test("keepAside: an unreadable plan moves under a key of its own, or stays where it was", () => {
  const store = fakeStore();
  store.items.set(KEY, "{not json");
  const key = storage.keepAside(store, "{not json", new Date(Date.UTC(2026, 11, 1, 9, 30, 5, 7)));
  assert.equal(key, KEY + "-unreadable-20261201T093005007Z");
  assert.deepEqual([...store.items], [[key, "{not json"]]);
  const full = fakeStore({ full: true });
  full.items.set(KEY, "{not json");
  assert.throws(() => storage.keepAside(full, "{not json"));
  assert.deepEqual([...full.items], [[KEY, "{not json"]], "nothing moved when the copy could not be made");
});

test("clear: the plan and the copies kept aside go; a storage that keeps them says so", () => {
  const store = fakeStore();
  store.items.set(KEY, "{}");
  store.items.set(KEY + "-unreadable-20261201T093005007Z", "old");
  store.items.set("someone-else", "theirs");
  storage.clear(store);
  assert.deepEqual([...store.items], [["someone-else", "theirs"]]);
  const stuck = fakeStore({ stuck: true });
  stuck.items.set(KEY, "{}");
  assert.throws(() => storage.clear(stuck));
  assert.throws(() => storage.clear(fakeStore({ blocked: true })));
});

test("merge: this tab's changes over the stored plan, with no other tab", () => {
  const stored = { revision: 3, fields: { action: "walk", "check-rest": true } };
  const merged = storage.merge(stored, { revision: 3, fields: stored.fields }, { action: "run", "crisis-person": "Sam" }, ["action", "crisis-person", "check-rest"]);
  assert.deepEqual({ ...merged, fields: { ...merged.fields } }, { fields: { action: "run", "crisis-person": "Sam" }, clashes: [], fromOtherTab: false });
  assert.deepEqual(stored.fields, { action: "walk", "check-rest": true }, "the stored copy is not changed");
});

test("merge: another tab's edits are kept, and a field both changed is a clash", () => {
  const base = { revision: 3, fields: { action: "walk", "session-1-intention": "Rest" } };
  const stored = { revision: 4, fields: { action: "swim", "session-1-intention": "Rest more", "crisis-person": "Sam" } };
  const mine = { action: "walk", "session-1-intention": "Be brave", "therapist-name": "Dr. Rivera" };
  const merged = storage.merge(stored, base, mine, ["session-1-intention", "therapist-name"]);
  assert.equal(merged.fromOtherTab, true);
  assert.deepEqual({ ...merged.fields }, { action: "swim", "session-1-intention": "Be brave", "crisis-person": "Sam", "therapist-name": "Dr. Rivera" });
  assert.deepEqual(merged.clashes, ["session-1-intention"]);
  const same = storage.merge(stored, base, { ...mine, "session-1-intention": "Rest more" }, ["session-1-intention"]);
  assert.deepEqual(same.clashes, [], "both tabs wrote the same words: no clash");
});

test("read: what this tab wrote last is not read again; a plan without an id is to be saved back", () => {
  const store = fakeStore();
  const doc = format.create({ action: "walk" }, 4, undefined, "k3x9q2abcdef");
  const text = storage.write(store, doc);
  assert.equal(storage.read(store, { text, doc }).doc, doc, "the same object: no parse, no checks");
  store.items.set(KEY, text.replace("walk", "run"));
  assert.equal(storage.read(store, { text, doc }).doc.fields.action, "run", "another tab's write is read");
  store.items.set(KEY, JSON.stringify({ format: KEY, version: 3, revision: 1, fields: { action: "walk" } }));
  assert.equal(storage.read(store).migrated, true);
});

test("the plan an opened file replaced is kept under a key of its own, and cleared with the plan", () => {
  const store = fakeStore();
  assert.equal(storage.replaced(store), null);
  storage.keepReplaced(store, "{\"old\": true}");
  assert.equal(storage.replaced(store), "{\"old\": true}");
  store.items.set(KEY, "{}");
  storage.clear(store);
  assert.equal(storage.replaced(store), null);
  assert.throws(() => storage.keepReplaced(fakeStore({ full: true }), "x"), "a full storage says so: the page keeps it for the visit");
  assert.equal(storage.replaced(fakeStore({ blocked: true })), null);
});
