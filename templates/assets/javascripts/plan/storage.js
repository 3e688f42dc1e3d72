/* The plan in localStorage, and the two-tab merge: each save bumps revision; a tab that finds a
   newer one merges field by field. Needs format.js. */
(function (PlanGuide) {
  "use strict";

  var format = PlanGuide.format;
  var KEY = format.FORMAT;

  /* localStorage if writable, else null. */
  function open(win) {
    try {
      var store = win.localStorage;
      store.setItem(KEY + "-test", "1");
      store.removeItem(KEY + "-test");
      return store;
    } catch (e) {
      return null;
    }
  }

  /* {doc} (empty if none), {problem: "blocked"} or {problem: "unreadable", error}. */
  function read(store) {
    var saved;
    try { saved = store.getItem(KEY); } catch (e) { return { problem: "blocked" }; }
    if (saved === null) return { doc: format.create({}, 0) };
    try {
      return { doc: format.parse(saved) };
    } catch (e) {
      return { problem: "unreadable", error: e instanceof format.PlanError ? e : new format.PlanError("could_not_read") };
    }
  }

  function write(store, doc) { store.setItem(KEY, JSON.stringify(doc)); }

  function remove(store) { store.removeItem(KEY); }

  /* This tab's `changed` fields over `stored`; base: {revision, fields} this tab last saw. */
  function merge(stored, base, fields, changed) {
    var fromOtherTab = stored.revision !== base.revision;
    var merged = Object.assign({}, stored.fields);
    var clashes = [];
    changed.forEach(function (name) {
      if (fromOtherTab && stored.fields[name] !== base.fields[name] && stored.fields[name] !== fields[name]) clashes.push(name);
      if (fields[name] === undefined) delete merged[name]; else merged[name] = fields[name];
    });
    return { fields: merged, clashes: clashes, fromOtherTab: fromOtherTab };
  }

  PlanGuide.storage = { KEY: KEY, open: open, read: read, write: write, remove: remove, merge: merge };
}(typeof module === "object" && module.exports ? Object.assign(module.exports, require("./format.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
