/* The plan in localStorage; two tabs merge field by field (each save bumps revision). Needs
   format.js and migrate.js. */
(function (PlanGuide) {
  "use strict";

  var format = PlanGuide.format;
  var KEY = format.FORMAT;
  var ASIDE = KEY + "-unreadable-";
  var REPLACED = KEY + "-replaced";

  /* {store, writable} (a full storage is still read), or null. */
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

  /* {doc, text, migrated (to save back), report}, or {problem, error, text}; last: this tab's
     last write {text, doc}, not read again. */
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

  function write(store, doc) {
    var text = JSON.stringify(doc);
    store.setItem(KEY, text);
    return text;
  }

  /* Moves an unreadable plan under a key of its own (or throws, moving nothing). */
  function keepAside(store, text, now) {
    var key = ASIDE + (now || new Date()).toISOString().replace(/[-:.]/g, "");
    store.setItem(key, text);
    if (store.getItem(key) !== text) throw new Error("the copy was not kept");
    store.removeItem(KEY);
    return key;
  }

  function keepReplaced(store, text) { store.setItem(REPLACED, text); }
  function replaced(store) {
    try { return store.getItem(REPLACED); } catch (e) { return null; }
  }

  /* Throws if the plan is still there. */
  function clear(store) {
    var keys = [KEY, REPLACED];
    for (var i = 0; i < store.length; i++) {
      var key = store.key(i);
      if (key && key.indexOf(ASIDE) === 0) keys.push(key);
    }
    keys.forEach(function (key) { store.removeItem(key); });
    if (keys.some(function (key) { return store.getItem(key) !== null; })) throw new Error("the plan is still stored");
  }

  /* This tab's changed fields over the stored ones; base: what this tab last saw. */
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
