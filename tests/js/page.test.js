"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { loaded, fakeStore, type } = require("./plan_page.js");

const KEY = "ketamine-integration-plan";
const TODAY = new Date(2026, 11, 7, 10, 0);
const TRICKY = ["constructor", "__proto__", "toString", "hasOwnProperty", "CONSTRUCTOR", "__PROTO__", "TOSTRING", "HasOwnProperty"];
const stored = (store) => JSON.parse(store.items.get(KEY));
const status = (p) => p.doc.getElementById("plan-status").textContent;
const error = (p) => p.doc.getElementById("plan-error").textContent;
const plan = (fields, extra = {}) => JSON.stringify({ format: KEY, version: 3, revision: 5, saved: "2026-12-01T10:00:00.000Z", id: "k3x9q2abcdef", fields, ...extra });

function open(t, options) {
  if (!t.dated) t.mock.timers.enable({ apis: ["Date"], now: TODAY });
  t.dated = true;
  return loaded(options);
}

test("the plan opens from the device: shown, then the toolbar, and the page marks itself ready", (t) => {
  const p = open(t, { store: fakeStore({ [KEY]: plan({ action: "Walk", "session-aaaaaa-date": "2026-12-01" }) }) });
  assert.equal(p.doc.getElementById("plan-action").value, "Walk");
  assert.equal(p.doc.getElementById("plan-toolbar").hidden, false);
  assert.equal(p.root.classList.contains("plan--loading"), false);
  assert.equal(p.win.marked, "plan-ready");
  assert.equal(status(p), "Loaded.");
});

test("typing: the status says saving until the change is saved, then saved; the device holds it", (t) => {
  const p = open(t);
  type(p.doc.getElementById("plan-action"), "A walk");
  assert.equal(status(p), "Saving.");
  assert.equal(p.store.items.get(KEY), undefined, "not saved inside the keystroke");
  p.flush();
  assert.equal(status(p), "All saved.");
  assert.equal(stored(p.store).fields.action, "A walk");
  assert.match(stored(p.store).id, /^[a-z0-9]{12}$/, "a new plan gets an id of its own");
});

test("themes and field names a script holds dear are saved and shown, typed and after a reload", (t) => {
  const p = open(t, { store: fakeStore({ [KEY]: plan({ "session-aaaaaa-date": "2026-12-01" }) }) });
  const themes = p.doc.getElementById("plan-session-aaaaaa-themes");
  type(themes, TRICKY.join("\n"));
  p.flush();
  assert.equal(status(p), "All saved.");
  assert.equal(stored(p.store).fields["session-aaaaaa-themes"], TRICKY.join("\n"));
  const shown = (q) => q.doc.querySelectorAll("#plan-themes li strong").map((s) => s.textContent);
  assert.deepEqual(shown(p), ["constructor", "__proto__", "toString", "hasOwnProperty"]);
  const again = open(t, { store: p.store });
  assert.deepEqual(shown(again), ["constructor", "__proto__", "toString", "hasOwnProperty"]);
  type(again.doc.getElementById("plan-action"), "still saved after a reload");
  again.flush();
  assert.equal(stored(again.store).fields.action, "still saved after a reload");
  assert.equal(error(again), "");
});

test("a part of the page that fails does not stop the saving, and says so", (t) => {
  const p = open(t, {
    store: fakeStore({ [KEY]: plan({ "session-aaaaaa-date": "2026-12-01" }) }),
    patch: (guide) => { guide.entries.themes = () => { throw new Error("a bug"); }; }
  });
  assert.equal(error(p), "A part failed.");
  type(p.doc.getElementById("plan-action"), "typed anyway");
  p.flush();
  assert.equal(stored(p.store).fields.action, "typed anyway");
  assert.equal(status(p), "All saved.");
});

test("a save that fails is shown as a failure, never as saved", (t) => {
  const p = open(t, { patch: (guide) => { guide.storage.merge = () => { throw new TypeError("a bug in the merge"); }; } });
  type(p.doc.getElementById("plan-action"), "not saved");
  p.flush();
  assert.equal(status(p), "Not saved.");
  assert.equal(error(p), "The last change failed to save.");
  assert.equal(p.doc.getElementById("plan-save-copy").hidden, false);
  const full = open(t, { store: fakeStore({}, { full: false }) });
  full.store.full = true;
  type(full.doc.getElementById("plan-action"), "no room");
  full.flush();
  assert.equal(status(full), "Not saved.");
  assert.equal(error(full), "Full.");
});

test("a plan of an earlier version: every word shown, and the status says what moved", (t) => {
  const v2 = fs.readFileSync(path.join(__dirname, "..", "fixtures", "plan", "v2.json"), "utf8");
  const p = open(t, { store: fakeStore({ [KEY]: v2 }) });
  assert.equal(status(p), "Updated. Sessions moved: 4. Without a date: 2.");
  const titles = p.doc.querySelectorAll("#plan-sessions [data-title]").map((el) => el.textContent);
  assert.deepEqual(titles, ["S1 on December 1, 2026", "S2 on December 8, 2026", "S3, no date", "S4, no date"]);
  const shown = [];
  p.doc.querySelectorAll("#plan-sessions > details").forEach((d) => { d.open = true; });
  p.doc.querySelectorAll("#plan [name]").forEach((el) => { if (el.value && el.type !== "checkbox") shown.push(el.value); });
  const words = Object.values(JSON.parse(v2).fields).filter((v) => typeof v === "string" && v && !/^\d{4}-/.test(v));
  const missing = words.filter((w) => !shown.includes(w) && !["After each session", "20 minutes", "Sam", "555-0100", "Dr. Rivera", "My sister"].includes(w));
  assert.deepEqual(missing, [], "each of the plan's words on the page (the fixture page has no people part)");
  assert.equal(stored(p.store).version, 3, "saved back at once, with the ids it was given");
  assert.equal(p.doc.getElementById("plan-themes").textContent.includes("__proto__"), true);
});
