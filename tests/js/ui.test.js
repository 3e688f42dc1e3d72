"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { ui, entries } = require("../../templates/assets/javascripts/plan/ui.js");
const { makeWindow, h } = require("./dom.js");

test("views: a change marks the views it concerns; they draw when flushed, only while their part shows", () => {
  const win = makeWindow(), doc = win.document, drawn = [];
  const away = h(doc, "section", { class: "plan-away" });
  const views = ui.Views(win, () => {});
  const a = views.add({ part: null, wants: (name) => name === "a", draw: () => drawn.push("a") });
  views.add({ part: away, wants: (name) => name === "b", draw: () => drawn.push("b") });
  views.flush(false);
  assert.deepEqual(drawn, ["a"], "each view draws once at first; the part away waits");
  views.changed("a");
  views.changed("a");
  views.changed("c");
  views.flush(false);
  assert.deepEqual(drawn, ["a", "a"], "one draw for two changes, none for a field no view shows");
  away.classList.remove("plan-away");
  views.flush(false);
  assert.deepEqual(drawn, ["a", "a", "b"], "the part shown: its view catches up");
  views.stale(a);
  views.soon();
  views.soon();
  assert.equal(win.queue.length, 1, "one idle callback, however many changes");
  win.flush();
  assert.deepEqual(drawn, ["a", "a", "b", "a"]);
});

test("views: one that throws is reported, and the others still draw", () => {
  const win = makeWindow(), reported = [], drawn = [];
  const views = ui.Views(win, (error) => reported.push(error.message));
  views.add({ part: null, wants: () => true, draw: () => { throw new Error("broken"); } });
  views.add({ part: null, wants: () => true, draw: () => drawn.push("fine") });
  views.flush(true);
  assert.deepEqual([reported, drawn], [["broken"], ["fine"]]);
});

function list(options = {}) {
  const win = makeWindow(), doc = win.document;
  const template = h(doc, "template", { id: "t" }, h(doc, "details", { class: "plan-entry", id: "plan-x-NEWID", "data-id": "NEWID" },
    h(doc, "summary", {}, h(doc, "h3", { "data-title": "" })),
    h(doc, "div", { class: "plan-entry-body" }, h(doc, "label", { for: "plan-x-NEWID-note" }, "Note"), h(doc, "textarea", { id: "plan-x-NEWID-note", name: "x-NEWID-note" }))));
  const box = h(doc, "div", { id: "box", "data-template": "t" });
  doc.body.appendChild(template);
  doc.body.appendChild(box);
  const filled = [], built = [];
  const made = ui.EntryList(box, {
    title: (e) => (e.day === null ? "no date " : entries.isoDay(e.day) + " ") + e.id,
    fill: (body) => filled.push(body.querySelector("textarea").name),
    built: (el, e) => built.push(e.id),
    latest: (all) => all[all.length - 1],
    ...options
  });
  return { win, doc, box, made, filled, built };
}

function some(n, extra = {}) {
  const fields = { ...extra };
  for (let i = 1; i <= n; i++) fields[`checkin-${String(i).padStart(6, "0")}-date`] = entries.isoDay(entries.dayOf("2026-01-01") + i * 5);
  return entries.list(fields, "checkin");
}

test("an entry list draws headings only; an entry's fields are made when it opens, once", () => {
  const { box, made, filled, built } = list();
  made.draw(some(40), true);
  assert.equal(box.children.length, 40);
  assert.equal(box.querySelectorAll(".plan-entry-body").length, 1, "only the latest, opened at first, is built");
  assert.deepEqual(built, ["000040"]);
  assert.equal(box.lastChild.open, true);
  assert.equal(box.firstChild.querySelector("[data-title]").textContent, "2026-01-06 000001");
  box.firstChild.open = true;
  made.toggled(box.firstChild);
  made.toggled(box.firstChild);
  assert.deepEqual(filled, ["x-000040-note", "x-000001-note"], "its controls named for the entry, filled once");
  assert.ok(box.firstChild.querySelector("label").getAttribute("for") === "plan-x-000001-note");
  made.draw(some(39), true);
  assert.equal(box.children.length, 39, "an entry gone is removed");
  assert.ok(box.firstChild.querySelector(".plan-entry-body"));
  assert.equal(box.children[1].querySelector(".plan-entry-body"), null);
});

test("by month: the newest month open and filled, the others empty until opened; undated last", () => {
  const { box, made } = list({ newest: true, months: (m) => (m.key || "none") + ": " + m.entries.length, latest: (all) => all[0] });
  const all = some(60).concat(entries.list({ "checkin-nodate-mood": "3" }, "checkin"));
  made.draw(all, true);
  const months = box.children;
  assert.deepEqual(months.map((m) => m.querySelector("h3").textContent).slice(0, 3), ["2026-10: 6", "2026-09: 6", "2026-08: 6"]);
  assert.equal(months[months.length - 1].querySelector("h3").textContent, "none: 1");
  assert.deepEqual(months.map((m) => m.open), [true].concat(Array(months.length - 1).fill(false)));
  assert.equal(months[0].lastChild.children.length, 6);
  assert.equal(months[1].lastChild.children.length, 0, "a folded month holds nothing yet");
  assert.equal(months[0].lastChild.firstChild.querySelector("[data-title]").textContent, "2026-10-28 000060", "newest first");
  months[1].open = true;
  made.toggled(months[1]);
  assert.equal(months[1].lastChild.children.length, 6);
  const opened = made.open("nodate");
  assert.equal(opened.open && months[months.length - 1].open, true, "opening an entry opens its month");
  assert.ok(opened.querySelector(".plan-entry-body"));
});

test("for print: the entries kept are built, the others and their empty months marked unprinted", () => {
  const { box, made } = list({ newest: true, months: (m) => m.key, latest: (all) => all[0] });
  made.draw(some(60), true);
  made.buildAll((e) => e.day >= entries.dayOf("2026-09-01"));
  const printed = box.querySelectorAll(".plan-entry:not(.plan-unprinted)");
  assert.equal(printed.length, 12);
  assert.ok(printed.every((el) => el.querySelector(".plan-entry-body")));
  assert.deepEqual(box.children.filter((m) => !m.classList.contains("plan-unprinted")).map((m) => m.getAttribute("data-month")), ["2026-10", "2026-09"]);
});

test("a copy of a template's node: NEWID replaced in its ids, names, labels and descriptions", () => {
  const doc = makeWindow().document;
  const node = ui.rename(h(doc, "div", { id: "plan-x-NEWID" }, h(doc, "input", { name: "x-NEWID-a", "aria-describedby": "plan-x-NEWID-hint" })), "abc123");
  assert.equal(node.id, "plan-x-abc123");
  assert.equal(node.firstChild.getAttribute("aria-describedby"), "plan-x-abc123-hint");
  assert.equal(ui.el(doc, "p", { class: "c" }, "<b>text</b>").textContent, "<b>text</b>");
});
