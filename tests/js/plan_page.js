/* A plan page for the screen scripts' tests, in the fake DOM (dom.js): the ids, templates and
   controls of templates/components/plan_builder.md.j2 that the scripts use, a few of each kind,
   and a way to start the screens over a set of fields as page.js does. */
"use strict";

const { makeWindow, h } = require("./dom.js");
const WORDS = require("./page_words.js");

const SCORES = (top) => [""].concat(Array.from({ length: top + 1 }, (_, i) => String(i)));

function page(options = {}) {
  const win = makeWindow({ lang: options.lang || "en", ...(options.window || {}) });
  const doc = win.document;
  const e = (tag, attrs, ...children) => h(doc, tag, attrs, ...children);
  const field = (name, label, kind = "text") => e("div", { class: "plan-field" }, e("label", { for: "plan-" + name }, label),
    kind === "textarea" ? e("textarea", { id: "plan-" + name, name }) : e("input", { type: kind, id: "plan-" + name, name }));
  const score = (name, label, top = 10) => e("div", { class: "plan-field plan-score" }, e("label", { for: "plan-" + name }, label),
    e("select", { id: "plan-" + name, name }, SCORES(top).map((v) => e("option", { value: v }, v))));
  const check = (name, label) => e("div", { class: "plan-check" }, e("input", { type: "checkbox", id: "plan-" + name, name }), e("label", { for: "plan-" + name }, label));
  const ranges = (id, chosen) => e("select", { id }, ["month", "quarter", "year", "all"].map((k) => e("option", { value: k, selected: k === chosen }, "Range " + k)));
  const end = () => e("p", { class: "plan-step-end", hidden: true }, e("a", { "data-step-previous": "" }), e("a", { "data-step-next": "" }));
  const entry = (kind, heading, ...body) => e("template", { id: `plan-${kind}-template` },
    e("details", { class: `plan-entry plan-${kind}`, id: `plan-${kind}-NEWID`, "data-id": "NEWID" },
      e("summary", {}, e(heading, { class: "plan-entry-title", "data-title": "" })),
      e("div", { class: "plan-entry-body" }, ...body, e("p", {}, e("button", { type: "button", "data-remove": "" }, "Remove")))));

  const root = e("div", { class: "plan", id: "plan" },
    e("script", { type: "application/json", id: "plan-text" }, JSON.stringify(WORDS)),
    e("script", { type: "application/json", id: "guide-brand" }, JSON.stringify({ short_name: "Guide" })),
    e("p", { id: "plan-nojs" }, "No script"),
    e("p", { class: "plan-top" }, e("a", { href: "#plan-help" }, "Help")),
    e("div", { id: "plan-toolbar", hidden: true },
      ["print", "export", "open", "ics", "clear"].map((b) => e("button", { type: "button", id: "plan-" + b }, b)),
      e("input", { type: "file", id: "plan-import", hidden: true }),
      e("button", { type: "button", id: "plan-restore", hidden: true }, "Bring back"),
      e("div", { id: "plan-print-options", hidden: true }, ranges("plan-print-period", "all"), e("button", { type: "button", id: "plan-print-go" }, "Print"))),
    e("nav", { id: "plan-steps", hidden: true }, e("p", { id: "plan-progress" }),
      e("ol", {}, ["sessions", "checkins", "practices", "safety", "summary"].map((p) => e("li", {}, e("a", { href: "#plan-step-" + p }, p))))),
    e("section", { class: "plan-section", id: "plan-evening", "data-plan-screen": "" }, e("h2", {}, "Evening"),
      field("evening-ride", "Ride"),
      e("p", { id: "plan-evening-none" }, e("button", { type: "button", id: "plan-evening-add" }, "Add today")),
      e("div", { id: "plan-evening-prompts", hidden: true }, e("p", { id: "plan-evening-into" }),
        e("div", { class: "plan-field" }, e("label", { for: "plan-evening-noticed" }, "Noticed"), e("textarea", { id: "plan-evening-noticed", "data-journal": "noticed" })))),
    e("section", { class: "plan-section", id: "plan-step-sessions", "data-plan-screen": "" }, e("h2", {}, "Sessions"),
      e("div", { id: "plan-sessions", "data-kind": "session", "data-template": "plan-session-template" }),
      e("button", { type: "button", id: "plan-add-session", "data-add": "session" }, "Add a session"),
      entry("session", "h3", field("session-NEWID-date", "Date", "date"), field("session-NEWID-time", "Time", "time"),
        field("session-NEWID-intention", "Intention", "textarea"), field("session-NEWID-themes", "Themes", "textarea"),
        field("session-NEWID-journal-noticed", "Noticed", "textarea"),
        e("div", { "data-checkins-box": "" }, e("ul", { "data-checkins": "" }))),
      e("p", { id: "plan-themes-empty" }, "No themes"), e("ul", { id: "plan-themes" }),
      e("p", { id: "plan-schedule-empty", hidden: true }), e("ol", { id: "plan-schedule", hidden: true }),
      e("details", { id: "plan-schedule-past", hidden: true }, e("summary"), e("ol")),
      e("div", { class: "plan-field" }, e("label", { for: "plan-reminder-session" }, "Remind"),
        e("select", { id: "plan-reminder-session", name: "reminder-session" }, e("option", { value: "" }, "None"), e("option", { value: "60" }, "1 h"))),
      end()),
    e("section", { class: "plan-section", id: "plan-step-checkins", "data-plan-screen": "" }, e("h2", {}, "Check-ins"),
      e("button", { type: "button", id: "plan-add-checkin", "data-add": "checkin" }, "Check in"),
      e("div", { id: "plan-checkins", "data-kind": "checkin", "data-template": "plan-checkin-template" }),
      entry("checkin", "h4", field("checkin-NEWID-date", "Date", "date"), score("checkin-NEWID-mood", "Mood"), score("checkin-NEWID-sleep", "Sleep"),
        e("fieldset", {}, e("legend", {}, "Effects"), check("checkin-NEWID-effect-headache", "Headache"), check("checkin-NEWID-effect-urine", "Urine")),
        e("div", { "data-red-flag-slot": "" }), field("checkin-NEWID-note", "Note", "textarea")),
      e("template", { id: "plan-red-flags" },
        e("div", { "data-red-flag": "body", "data-effects": "urine" }, e("p", {}, "Call the clinic today."), e("ul", { "data-typed-clinic": "" })),
        e("div", { "data-red-flag": "mood" }, e("p", {}, "Reach out now."), e("a", { href: "tel:988" }, "988")),
        e("div", { "data-red-flag": "wellbeing" }, e("p", {}, "Call the clinic soon."), e("a", { href: "tel:911" }, "Ring 911"))),
      e("p", { id: "plan-wellbeing-due", hidden: true }, "Due"),
      e("button", { type: "button", id: "plan-add-wellbeing", "data-add": "wellbeing" }, "WHO-5"),
      e("div", { id: "plan-wellbeings", "data-kind": "wellbeing", "data-template": "plan-wellbeing-template" }),
      entry("wellbeing", "h4", field("wellbeing-NEWID-date", "Date", "date"), [1, 2, 3, 4, 5].map((q) => score(`wellbeing-NEWID-q${q}`, "Q" + q, 5)),
        e("p", { "data-score": "" }), e("div", { "data-red-flag-slot": "" }), e("p", { "data-urgent": "", hidden: true }, "Urgent"), e("p", { "data-low": "", hidden: true }, "Low")),
      e("p", { id: "plan-chart-empty" }, "No chart"),
      e("p", { id: "plan-chart-controls", hidden: true }, ranges("plan-chart-range", "quarter")),
      e("figure", { id: "plan-chart", hidden: true }),
      e("button", { type: "button", id: "plan-chart-table-toggle", "aria-expanded": "false" }, "Table"),
      e("div", { id: "plan-chart-table", class: "plan-chart-table plan-sr-only" },
        e("p", {}, e("button", { type: "button", id: "plan-chart-earlier" }, "<"), e("button", { type: "button", id: "plan-chart-later" }, ">")),
        e("div", { class: "plan-chart-rows" })),
      end()),
    e("section", { class: "plan-section", id: "plan-step-practices", "data-plan-screen": "" }, e("h2", {}, "Practices"),
      e("fieldset", { class: "plan-practice" }, e("legend", {}, "Keeping a journal"), check("practice-journaling", "I will"),
        e("div", { "data-shown-by": "practice-journaling" }, field("practice-journaling-often", "How often"))), end()),
    e("section", { class: "plan-section plan-crisis", id: "plan-step-safety", "data-plan-screen": "" }, e("h2", {}, "Safety"),
      field("support-1-name", "Name"),
      e("div", { class: "plan-phones", "data-name-from": "support-1-name", "data-on-card": "" }, field("support-1-contact", "Reach")),
      e("div", { id: "plan-safety-card" }, e("div", { class: "plan-phones" }, field("safety-people", "People", "textarea")),
        e("div", { class: "plan-phones" }, field("crisis-person", "First person")),
        e("div", { id: "plan-card-people", hidden: true }, e("ul", {}))),
      e("button", { type: "button", id: "plan-print-safety" }, "Print card"), end()),
    e("section", { class: "plan-section", id: "plan-step-summary", "data-plan-screen": "" }, e("h2", {}, "Summary"),
      e("fieldset", {}, e("legend", {}, "My small step"), field("action", "What", "textarea"), field("action-when", "When"),
        field("therapist-next", "Next appointment", "datetime-local")),
      e("fieldset", {}, e("legend", {}, "Summary"), check("summary-themes", "Themes"), check("summary-checkins", "Chart"),
        check("summary-step", "Step"), ranges("plan-summary-period", "quarter"), e("button", { type: "button", id: "plan-print-summary" }, "Print")),
      e("section", { id: "plan-kept", hidden: true }, e("ul", { id: "plan-kept-list" })), end()),
    e("div", { id: "plan-summary-print", hidden: true }),
    e("div", { class: "plan-messages" }, e("p", { id: "plan-status" }), e("p", { id: "plan-error" }),
      e("p", { id: "plan-rescue", hidden: true }, e("button", { type: "button", id: "plan-save-copy", hidden: true }, "Save a copy"),
        e("button", { type: "button", id: "plan-save-unreadable", hidden: true }, "Save old")),
      e("p", { id: "plan-undo", hidden: true }, e("span", { id: "plan-undo-text" }), e("button", { type: "button", id: "plan-undo-button" }, "Undo"))));
  doc.body.appendChild(root);
  return { win, doc, root };
}

/* The screens started over `fields` (a plain object), as page.js starts them: {win, doc, root,
   fields, screens, edits (each edit() call), errors (what was reported)}. */
function started(fields = {}, options = {}) {
  const { screens } = require("../../templates/assets/javascripts/plan/screens.js");
  const made = page(options);
  const state = Object.assign(Object.create(null), fields);
  const out = { ...made, fields: state, edits: [], errors: [], said: [] };
  out.screens = screens.start(made.root, WORDS, {
    fields: () => out.fields,
    edit: (changes) => {
      out.edits.push(changes);
      Object.keys(changes).forEach((name) => {
        if (changes[name] === undefined) delete out.fields[name]; else out.fields[name] = changes[name];
        out.screens.changed(name);
      });
    },
    report: (error) => out.errors.push(error),
    planId: () => "abcdefghijkl",
    say: (text) => out.said.push(text),
    error: (text) => out.said.push("error: " + text)
  });
  out.screens.redraw(true);
  return out;
}

/* Types into a control as a patient does: its value, then an input event (a change for boxes). */
function type(control, value, Event = require("./dom.js").Event) {
  if (control.type === "checkbox") control.checked = value; else control.value = value;
  control.dispatchEvent(new Event(control.type === "checkbox" || control.tagName === "SELECT" ? "change" : "input", { bubbles: true }));
}

module.exports = { page, started, type, WORDS };

/* A stand-in for localStorage: `full` makes setItem throw (as a full storage does). */
function fakeStore(items = {}, { full = false } = {}) {
  const map = new Map(Object.entries(items));
  return {
    items: map, full,
    get length() { return map.size; },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (key) => (map.has(key) ? map.get(key) : null),
    setItem(key, value) { if (this.full) throw new Error("QuotaExceededError"); map.set(key, String(value)); },
    removeItem: (key) => { map.delete(key); }
  };
}

/* The whole page as a browser runs it: the scripts' exports as window.PlanGuide, page.js run in
   a context whose window is the fake one. {win, doc, root, store, downloads, flush()}; flush runs
   every timer and idle callback (the save, the redraws) until none is left. */
function loaded({ store = fakeStore(), patch, lang } = {}) {
  const fs = require("node:fs"), path = require("node:path"), vm = require("node:vm");
  const scripts = path.join(__dirname, "..", "..", "templates", "assets", "javascripts", "plan");
  const made = page({ lang, window: { localStorage: store } });
  const { win, doc } = made;
  Object.keys(require.cache).filter((file) => file.startsWith(scripts)).forEach((file) => { delete require.cache[file]; });  // each page its own scripts
  const guide = Object.assign({}, require(path.join(scripts, "files.js")), require(path.join(scripts, "screens.js")));
  if (patch) patch(guide);
  win.PlanGuide = guide;
  const downloads = [];
  const context = {
    window: win, document: doc, setTimeout: win.setTimeout, clearTimeout: () => {}, console: { error: () => {} },
    performance: { mark: (name) => { win.marked = name; }, measure: () => {}, now: () => 0 },
    URL: { createObjectURL: (blob) => { downloads.push(blob); return "blob:" + downloads.length; }, revokeObjectURL: () => {} },
    Blob: function (parts, options) { this.text = parts.join(""); this.type = options.type; }
  };
  win.URL = context.URL;
  win.performance = context.performance;
  win.Blob = context.Blob;
  doc.body.addEventListener("click", (event) => { if (event.target.tagName === "A") downloads[downloads.length - 1].name = event.target.download; });
  vm.runInNewContext(fs.readFileSync(path.join(scripts, "page.js"), "utf8"), context);
  const out = { ...made, store, downloads, flush() { let n = 0; while (win.queue.length && n++ < 1000) win.flush(); return out; } };
  return out.flush();
}

module.exports.fakeStore = fakeStore;
module.exports.loaded = loaded;
