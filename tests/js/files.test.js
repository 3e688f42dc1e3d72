"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { loaded, fakeStore, type } = require("./plan_page.js");
const { Event } = require("./dom.js");

const KEY = "ketamine-integration-plan";
const TODAY = new Date(2026, 11, 7, 10, 0);
const stored = (store) => JSON.parse(store.items.get(KEY));
const status = (p) => p.doc.getElementById("plan-status").textContent;
const error = (p) => p.doc.getElementById("plan-error").textContent;
const doc = (fields, extra = {}) => ({ format: KEY, version: 3, revision: 5, saved: "2026-12-01T10:00:00.000Z", id: "k3x9q2abcdef", fields, ...extra });

function open(t, options) {
  if (!t.dated) t.mock.timers.enable({ apis: ["Date"], now: TODAY });
  t.dated = true;
  return loaded(options);
}

/* Opens a file as the patient does with "Open a saved copy"; resolves once it was read. */
async function openFile(p, text) {
  const input = p.doc.getElementById("plan-import");
  let read;
  const done = new Promise((resolve) => { read = resolve; });
  Object.defineProperty(input, "files", { configurable: true, get: () => [{ size: Buffer.byteLength(text), text: () => { const r = Promise.resolve(text); r.then(() => setImmediate(read)); return r; } }] });
  input.dispatchEvent(new Event("change", { bubbles: true }));
  await done;
  p.flush();
}

test("opening a file over a plan keeps the plan it replaced, and brings it back", async (t) => {
  const p = open(t, { store: fakeStore({ [KEY]: JSON.stringify(doc({ action: "Mine, before" })) }) });
  await openFile(p, JSON.stringify(doc({ action: "From the file", "session-aaaaaa-date": "2026-12-01" }, { id: "fileplan0001" })));
  assert.equal(p.doc.getElementById("plan-action").value, "From the file");
  assert.equal(status(p), "Opened. Old plan kept.");
  assert.equal(p.doc.getElementById("plan-restore").hidden, false);
  assert.equal(JSON.parse(p.store.items.get(KEY + "-replaced")).fields.action, "Mine, before");
  assert.equal(stored(p.store).id, "fileplan0001", "the file's plan id comes with it");
  p.doc.getElementById("plan-restore").click();
  p.flush();
  assert.equal(p.doc.getElementById("plan-action").value, "Mine, before");
  assert.equal(stored(p.store).fields.action, "Mine, before");
  assert.equal(stored(p.store).id, "k3x9q2abcdef");
  assert.equal(JSON.parse(p.store.items.get(KEY + "-replaced")).fields.action, "From the file", "and the file's plan is kept in turn");
  const later = open(t, { store: p.store });
  assert.equal(later.doc.getElementById("plan-restore").hidden, false, "after a reload too");
});

test("a file with names and themes a script holds dear opens, and its words are shown", async (t) => {
  const p = open(t);
  const fields = { constructor: "one", tostring: "two", hasownproperty: "three", "session-aaaaaa-date": "2026-12-01",
                   "session-aaaaaa-themes": "constructor\n__proto__\ntoString\nhasOwnProperty\nCONSTRUCTOR" };
  await openFile(p, JSON.stringify(doc(fields)));
  assert.equal(status(p), "Opened. Kept under Other words in Step and summary.");
  p.win.location.hash = "#plan-step-summary";
  p.win.dispatchEvent({ type: "hashchange" });
  assert.deepEqual(p.doc.querySelectorAll("#plan-kept-list li").map((li) => li.textContent), ["one", "two", "three"]);
  assert.equal(p.doc.getElementById("plan-kept").hidden, false);
  assert.deepEqual(p.doc.querySelectorAll("#plan-themes li strong").map((s) => s.textContent), ["constructor", "__proto__", "toString", "hasOwnProperty"]);
  assert.deepEqual({ ...stored(p.store).fields }, fields);
  assert.equal(error(p), "");
});

test("a refused file names the field in the patient's words, never by an internal id", async (t) => {
  const p = open(t, { store: fakeStore({ [KEY]: JSON.stringify(doc({ action: "Mine" })) }) });
  await openFile(p, JSON.stringify(doc({ "checkin-abc123-date": "2026-02-30" })));
  assert.equal(error(p), "Refused: Check-in: Date is no date.");
  await openFile(p, JSON.stringify(doc({ "session-1-date": "2026-02-30" }, { version: 2 })));
  assert.equal(error(p), "Refused: Session 1: Date is no date.");
  const many = Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`session-${String(i).padStart(6, "0")}-date`, "2026-12-01"]));
  const started = Date.now();
  await openFile(p, JSON.stringify(doc(many)));
  assert.equal(error(p), "Refused: over 400 sessions.");
  assert.ok(Date.now() - started < 2000, "refused at once");
  assert.equal(stored(p.store).fields.action, "Mine");
});

test("the calendar file: its events recorded in the plan; again unchanged, the same; an older plan says once to remove old reminders", (t) => {
  const v2 = fs.readFileSync(path.join(__dirname, "..", "fixtures", "plan", "v2.json"), "utf8");
  const p = open(t, { store: fakeStore({ [KEY]: v2 }) });
  const sequences = (text) => (text.match(/SEQUENCE:\d+/g) || []).join(",");
  p.doc.getElementById("plan-ics").click();
  p.flush();
  const first = p.downloads[0];
  assert.equal(first.name, "plan.ics");
  assert.match(first.text, /SUMMARY:Remove old ones/);
  assert.equal(status(p), "Calendar plan.ics. Remove the old reminders.");
  assert.equal(stored(p.store).fields["calendar-earlier"], undefined, "said once");
  assert.ok(stored(p.store).fields["calendar-sent"].length > 0);
  p.doc.getElementById("plan-ics").click();
  p.flush();
  const second = p.downloads[1];
  assert.doesNotMatch(second.text.replace(/STATUS:CANCELLED[\s\S]*?END:VEVENT/g, ""), /SUMMARY:Remove old ones/);
  const uids = (text) => (text.match(/UID:[^\r]+/g) || []).filter((u) => !u.includes("earlier-"));
  assert.deepEqual(uids(second.text), uids(first.text), "the same UIDs again");
  const session = Object.keys(stored(p.store).fields).find((name) => stored(p.store).fields[name] === "2026-12-08");
  const moved = p.doc.querySelector(`[name="${session}"]`) || (p.doc.getElementById(`plan-${session.slice(0, 14)}`).open = true, p.doc.querySelector(`[name="${session}"]`));
  type(moved, "2026-12-09");
  p.flush();
  p.doc.getElementById("plan-ics").click();
  p.flush();
  const third = p.downloads[2].text;
  const id = session.split("-")[1];
  assert.match(third, new RegExp(`UID:${id}-day@ketamine-integration-plan\\r\\nDTSTAMP:\\d+T\\d+Z\\r\\nSEQUENCE:1`), "a changed session: a higher SEQUENCE");
  assert.notEqual(sequences(third), sequences(second.text));
});

test("export: the plan with its id; clear removes it and the plan kept aside", async (t) => {
  const p = open(t, { store: fakeStore({ [KEY]: JSON.stringify(doc({ action: "Mine" })) }) });
  p.doc.getElementById("plan-export").click();
  const exported = JSON.parse(p.downloads[0].text);
  assert.deepEqual([exported.id, exported.fields.action, p.downloads[0].name], ["k3x9q2abcdef", "Mine", "plan-2026-12-07.json"]);
  await openFile(p, JSON.stringify(doc({ action: "Other" })));
  p.doc.getElementById("plan-clear").click();
  assert.deepEqual([...p.store.items.keys()], []);
  assert.equal(p.doc.getElementById("plan-restore").hidden, true);
  assert.equal(status(p), "Cleared.");
  assert.equal(p.doc.getElementById("plan-action").value, "");
});
