/* The plan page, loaded last: keeps the fields and saves them in this browser. A keystroke keeps
   the field and puts the save off; views redraw after it. No failing part stops the saving, and
   "saved" is said only once it is. Words: #plan-text; a patient's text only in .value, .textContent. */
(function () {
  "use strict";

  var root = document.getElementById("plan");
  var guide = window.PlanGuide;
  if (!root || !guide) return;
  var format = guide.format, storage = guide.storage, fill = guide.schedule.fill;
  var byId = function (id) { return document.getElementById(id); };
  var words = JSON.parse(byId("plan-text").textContent);
  var say = words.messages;
  var SAVE_DELAY_MS = 300;
  var opened = storage.open(window);

  var state = {
    fields: Object.create(null),
    base: { revision: 0, fields: Object.create(null) }, // as last loaded or saved
    pending: new Set(),
    store: opened && opened.store,                      // null: memory only
    id: null,
    last: null,                                         // {text, doc} this tab last wrote
    saveTimer: null
  };

  function copy(fields) { return Object.assign(Object.create(null), fields); }
  function setStatus(text) { if (byId("plan-status").textContent !== text) byId("plan-status").textContent = text; }
  function setError(text) { byId("plan-error").textContent = text; }

  function report(error) {
    if (window.console) window.console.error(error);
    if (!byId("plan-error").textContent) setError(say.part_failed);
  }

  var screens = null;
  try {
    screens = guide.screens.start(root, words, { fields: function () { return state.fields; }, edit: edit, report: report,
      planId: function () { return state.id; }, say: setStatus, error: setError });
  } catch (error) {
    report(error);
  }

  function tell(how, argument) {
    if (!screens) return;
    try { screens[how](argument); } catch (error) { report(error); }
  }

  function changed(name, el) {
    state.pending.add(name);
    if (state.store) setStatus(say.saving);
    scheduleSave();
    if (screens) { try { screens.changed(name, el); } catch (error) { report(error); } }
  }

  /* The screens' changes, saved as the patient's own. */
  function edit(changes) {
    Object.keys(changes).forEach(function (name) {
      if (changes[name] === undefined) delete state.fields[name]; else state.fields[name] = changes[name];
      changed(name);
    });
  }

  function onEdit(event) {
    var el = event.target;
    if (!el.name || el.type === "file" || !root.contains(el)) return;
    var value = el.type === "checkbox" ? el.checked : el.value;
    var kept = value === "" || value === false ? undefined : value;
    if (state.fields[el.name] === kept) return;
    if (kept === undefined) delete state.fields[el.name]; else state.fields[el.name] = kept;
    changed(el.name, el);
  }

  function fieldLabel(name) {
    var entry = format.entryField(name), slot = /^session-(\d{1,2})-([a-z0-9-]+)$/.exec(name);
    if (entry || slot) {
      var kind = entry ? entry.kind : "session", part = entry ? entry.part : slot[2];
      var label = byId("plan-" + kind + "-template").content.querySelector('label[for="plan-' + kind + "-NEWID-" + part + '"]');
      var whose = slot ? fill(words.screens.chart.session, { number: slot[1] }) : say.entry_kinds[kind];
      return whose + ": " + (label ? label.textContent : part);
    }
    var el = byId("plan-" + name);
    if (!el) return name;
    var own = document.querySelector('label[for="plan-' + name + '"]'), legend = el.closest("fieldset") && el.closest("fieldset").querySelector("legend");
    return (legend ? legend.textContent + ": " : "") + (own ? own.textContent : name);
  }

  function reason(error) {
    var values = Object.assign({ name: error.field && fieldLabel(error.field) }, error.values);
    return fill(say.file_problems[error.code] || say.file_problems.could_not_read, values);
  }

  function offerCopy(shown) {
    byId("plan-save-copy").hidden = !shown;
    byId("plan-rescue").hidden = byId("plan-save-copy").hidden && byId("plan-save-unreadable").hidden;
  }

  function useMemoryOnly(why) {
    state.store = null;
    setError(why + " " + say.memory_only);
    offerCopy(true);
  }

  function storedUnreadable(stored) {
    return stored.problem === "blocked" ? say.storage_blocked : fill(say.stored_unreadable_not_kept, { reason: reason(stored.error) });
  }

  /* Merged with what another tab saved meanwhile. */
  function write() {
    var names = Array.from(state.pending);
    if (!state.store) { state.pending.clear(); setStatus(say.not_saved); return; }
    var stored = storage.read(state.store, state.last);
    if (stored.problem) { useMemoryOnly(storedUnreadable(stored)); state.pending.clear(); return; }
    var merged = storage.merge(stored.doc, state.base, state.fields, names);
    var id = stored.text === null ? state.id : stored.doc.id;
    var doc = format.create(merged.fields, stored.doc.revision + 1, undefined, id);
    try {
      state.last = { text: storage.write(state.store, doc), doc: doc };
    } catch (e) {
      setError(say.storage_full);  // kept pending
      setStatus(say.not_saved);
      offerCopy(true);
      return;
    }
    if (!byId("plan-save-copy").hidden) { setError(""); offerCopy(false); }
    state.id = id;
    state.pending.clear();
    state.base = { revision: doc.revision, fields: merged.fields };  // never changed: not copied
    if (merged.fromOtherTab) { state.fields = copy(merged.fields); tell("redraw"); }
    if (merged.clashes.length) setError(fill(say.changed_in_both_tabs, { fields: merged.clashes.map(fieldLabel).join("; ") }));
    setStatus(merged.fromOtherTab ? say.saved_with_other_tab : say.saved);
  }

  function save() {
    clearTimeout(state.saveTimer);
    if (state.pending.size) {
      try {
        write();
      } catch (error) {
        if (window.console) window.console.error(error);
        setError(say.save_failed);
        setStatus(say.not_saved);
        offerCopy(true);
      }
    }
    if (screens) screens.soon();
  }

  function scheduleSave() {
    clearTimeout(state.saveTimer);
    state.saveTimer = setTimeout(save, SAVE_DELAY_MS);
  }

  /* Another plan, shown and saved (unless unsaved), no merge; whether it is saved. */
  function replacePlan(fields, id, unsaved) {
    clearTimeout(state.saveTimer);
    state.pending.clear();
    state.fields = copy(fields);
    state.id = id || format.randomId(12);
    tell("redraw");
    if (unsaved) return false;
    setError(state.store ? "" : say.memory_only);
    offerCopy(!state.store);
    if (!state.store) return false;
    var stored = storage.read(state.store);
    var revision = (stored.doc ? stored.doc.revision : state.base.revision) + 1;
    try {
      var doc = format.create(copy(state.fields), revision, undefined, state.id);
      state.last = { text: storage.write(state.store, doc), doc: doc };
      state.base = { revision: revision, fields: doc.fields };
    } catch (e) {
      Object.keys(state.fields).forEach(function (name) { state.pending.add(name); });
      setError(say.storage_full_on_replace);
      offerCopy(true);
      return false;
    }
    return true;
  }

  function moved(report) {
    if (!(report.from < format.VERSION)) return "";
    var out = [" " + say.migrated];
    if (report.sessions) out.push(fill(say.migrated_sessions, { count: report.sessions }));
    if (report.undated) out.push(fill(say.migrated_undated, { count: report.undated }));
    return out.join(" ");
  }

  function onOtherTab(event) {
    if (event.key === storage.REPLACED) { byId("plan-restore").hidden = !storage.replaced(state.store); return; }
    if ((event.key !== storage.KEY && event.key !== null) || !state.store) return;
    if (state.pending.size) { save(); return; }
    var stored = storage.read(state.store);
    if (stored.problem) return;
    state.fields = copy(stored.doc.fields);
    state.id = stored.doc.id;
    state.base = { revision: stored.doc.revision, fields: stored.doc.fields };
    tell("redraw");
    setStatus(Object.keys(state.fields).length ? say.updated_in_other_tab : say.cleared_in_other_tab);
  }

  function load() {
    if (!state.store) { useMemoryOnly(say.no_storage); return; }
    var stored = storage.read(state.store);
    if (stored.problem === "unreadable") { guide.files.rescueUnreadable(stored); return; }
    if (stored.problem) { useMemoryOnly(storedUnreadable(stored)); return; }
    state.fields = copy(stored.doc.fields);
    state.id = stored.doc.id;
    state.base = { revision: stored.doc.revision, fields: stored.doc.fields };
    if (Object.keys(state.fields).length) setStatus(moved(stored.report).trim() || say.loaded);
    byId("plan-restore").hidden = !storage.replaced(state.store);
    if (stored.migrated && opened.writable) {  // its new ids kept
      var doc = format.create(copy(state.fields), stored.doc.revision + 1, undefined, state.id);
      try {
        state.last = { text: storage.write(state.store, doc), doc: doc };
        state.base.revision = doc.revision;
      } catch (e) {
        setError(say.storage_full);
        offerCopy(true);
      }
    }
    if (!opened.writable) { setError(say.storage_full_on_load + " " + say.memory_only); offerCopy(true); }
  }

  /* Listening first: whatever fails below, typing is saved. */
  root.addEventListener("input", onEdit);
  root.addEventListener("change", onEdit);
  window.addEventListener("storage", onOtherTab);
  window.addEventListener("pagehide", save);
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") save(); });
  byId("plan-nojs").hidden = true;
  guide.files.start({ state: state, words: words, byId: byId, setStatus: setStatus, setError: setError, save: save, edit: edit, reason: reason,
    offerCopy: offerCopy, useMemoryOnly: useMemoryOnly, replacePlan: replacePlan, moved: moved, copy: copy,
    statics: screens ? screens.statics : new Set(), practices: screens ? screens.practices : [], forget: function () { tell("forget"); } });
  state.id = format.randomId(12);
  /* Then a task each (measured as "plan-open"): the plan read, the first date written (it loads
     the language's data), the part shown drawn. Till then .plan--loading hides all but the help. */
  var steps = [load, function () { if (Object.keys(state.fields).length) guide.entries.names(document.documentElement.lang).long(0); }, function () {
    root.classList.remove("plan--loading");
    tell("redraw", true);
    byId("plan-toolbar").hidden = false;
    performance.mark("plan-ready");
  }];
  setTimeout(function next() {
    var started = performance.now();
    try { steps.shift()(); } catch (error) { report(error); }
    try { performance.measure("plan-open", { start: started }); } catch (error) { /* an older browser */ }
    if (steps.length) setTimeout(next, 0);
  }, 0);
})();
