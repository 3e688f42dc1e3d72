/* The plan in localStorage, and the two-tab merge: each save bumps revision; a tab that finds a
   newer one merges field by field. A plan replaced by an opened file is kept under a key of its
   own until the next one is. Needs format.js and migrate.js. */
(function (PlanGuide) {
  "use strict";

  var format = PlanGuide.format;
  var KEY = format.FORMAT;
  var ASIDE = KEY + "-unreadable-";
  var REPLACED = KEY + "-replaced";

  /* {store, writable}: localStorage if it can be read, and whether it took a test write just now
     (a full storage can still be read: a plan saved in it must be shown). null if it cannot be read. */
  function open(win) {
    var store;
    try {
      store = win.localStorage;
      store.getItem(KEY);
    } catch (e) {
      return null;
    }
    try {
      store.setItem(KEY + "-test", "1");
      store.removeItem(KEY + "-test");
      return { store: store, writable: true };
    } catch (e) {
      return { store: store, writable: false };
    }
  }

  /* {doc, text, migrated, report} (a new empty doc if none), {problem: "blocked"} or
     {problem: "unreadable", error, text}. migrated: saved by an earlier version, or without an id;
     save it back soon. last: {text, doc} of this tab's last write, which is not read again. */
  function read(store, last) {
    var saved;
    try { saved = store.getItem(KEY); } catch (e) { return { problem: "blocked" }; }
    if (saved === null) return { doc: format.create(Object.create(null), 0), text: null, migrated: false, report: {} };
    if (last && saved === last.text) return { doc: last.doc, text: saved, migrated: false, report: {} };
    try {
      var raw, report = {};
      try { raw = JSON.parse(saved); } catch (e) { throw new format.PlanError("not_json"); }
      var doc = format.read(raw, { report: report });
      return { doc: doc, text: saved, migrated: raw.version !== format.VERSION || report.newId, report: report };
    } catch (e) {
      return { problem: "unreadable", text: saved, error: e instanceof format.PlanError ? e : new format.PlanError("could_not_read") };
    }
  }

  /* Writes a document; returns its text. */
  function write(store, doc) {
    var text = JSON.stringify(doc);
    store.setItem(KEY, text);
    return text;
  }

  /* Moves a saved plan that cannot be read under a key of its own, so the page can save anew
     without losing it; returns that key. Throws (and moves nothing) if the copy cannot be made. */
  function keepAside(store, text, now) {
    var key = ASIDE + (now || new Date()).toISOString().replace(/[-:.]/g, "");
    store.setItem(key, text);
    if (store.getItem(key) !== text) throw new Error("the copy was not kept");
    store.removeItem(KEY);
    return key;
  }

  /* Keeps the text of a plan an opened file replaces (throws if it cannot), or reads it back (null). */
  function keepReplaced(store, text) { store.setItem(REPLACED, text); }
  function replaced(store) {
    try { return store.getItem(REPLACED); } catch (e) { return null; }
  }

  /* Removes the plan and every copy kept aside; throws if the plan is still there afterwards. */
  function clear(store) {
    var keys = [KEY, REPLACED];
    for (var i = 0; i < store.length; i++) {
      var key = store.key(i);
      if (key && key.indexOf(ASIDE) === 0) keys.push(key);
    }
    keys.forEach(function (key) { store.removeItem(key); });
    if (keys.some(function (key) { return store.getItem(key) !== null; })) throw new Error("the plan is still stored");
  }

  /* This tab's `changed` fields over `stored`; base: {revision, fields} this tab last saw. */
  function merge(stored, base, fields, changed) {
    var fromOtherTab = stored.revision !== base.revision;
    var merged = Object.assign(Object.create(null), stored.fields);
    var clashes = [];
    changed.forEach(function (name) {
      if (fromOtherTab && stored.fields[name] !== base.fields[name] && stored.fields[name] !== fields[name]) clashes.push(name);
      if (fields[name] === undefined) delete merged[name]; else merged[name] = fields[name];
    });
    return { fields: merged, clashes: clashes, fromOtherTab: fromOtherTab };
  }

  PlanGuide.storage = {
    KEY: KEY, ASIDE: ASIDE, REPLACED: REPLACED, open: open, read: read, write: write, keepAside: keepAside,
    keepReplaced: keepReplaced, replaced: replaced, clear: clear, merge: merge
  };
}(typeof module === "object" && module.exports ? Object.assign(module.exports, require("./migrate.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
