/* The plan page: saves the form as the patient types, in this browser only. Loaded last. Its
   words are plan.yml's, from #plan-text; user text goes only into .value or .textContent. */
(function () {
  "use strict";

  var root = document.getElementById("plan");
  var guide = window.PlanGuide;
  if (!root || !guide) return;
  var format = guide.format, schedule = guide.schedule, calendar = guide.calendar, storage = guide.storage;
  var fill = schedule.fill;
  var byId = function (id) { return document.getElementById(id); };
  var words = JSON.parse(byId("plan-text").textContent);
  var say = words.messages;
  var statusLine = byId("plan-status");
  var errorLine = byId("plan-error");
  var fileInput = byId("plan-import");
  var SAVE_DELAY_MS = 300;
  var opened = storage.open(window);

  var state = {
    fields: {},                        // as shown
    base: { revision: 0, fields: {} }, // as last loaded or saved
    pending: {},                       // changed, not yet saved (kept while the storage is full)
    store: opened && opened.store,     // null: memory only
    unreadable: null,                  // the text of a saved plan that could not be read
    saveTimer: null
  };
  var screens = guide.screens ? guide.screens.start(root, words, edit) : null;  // screens.js

  function copy(fields) { return Object.assign({}, fields); }

  function controls() {
    return Array.prototype.filter.call(root.querySelectorAll("input[name], textarea[name], select[name]"), function (el) { return el.type !== "file"; });
  }

  function readControl(el) { return el.type === "checkbox" ? el.checked : el.value; }

  function showFields() {
    if (screens) screens.render(state.fields);
    controls().forEach(function (el) {
      var value = state.fields[el.name];
      if (el.type === "checkbox") {
        el.checked = value === true;
      } else {
        var text = typeof value === "string" ? value : "";
        if (el.value !== text) el.value = text;
        if (el.tagName === "TEXTAREA") fitHeight(el);
      }
    });
    showSchedule();
    markForPrint();
    if (screens) screens.update(state.fields);
  }

  /* The screens' changes (an entry added or removed): saved as the patient's own edits. */
  function edit(changes) {
    Object.keys(changes).forEach(function (name) {
      if (changes[name] === undefined) delete state.fields[name]; else state.fields[name] = changes[name];
      state.pending[name] = true;
    });
    showFields();
    scheduleSave();
  }

  /* What prints (plan.css): an empty plan prints as the plan on paper; a plan with anything in it
     prints only what was written, each text in full (a copy beside its field, as text) and no
     empty field, box or section. The crisis section always prints. */
  function writtenText(el) {
    var value = el.value;
    if (el.tagName === "SELECT") return value ? el.options[el.selectedIndex].text : "";
    if (!value || (el.type !== "date" && el.type !== "datetime-local")) return value;
    var when = new Date(el.type === "date" ? value + "T00:00:00" : value);
    if (isNaN(when.getTime())) return value;
    var options = { year: "numeric", month: "long", day: "numeric" };
    if (el.type === "datetime-local") { options.hour = "numeric"; options.minute = "2-digit"; }
    return when.toLocaleString(document.documentElement.lang || undefined, options);
  }

  function markForPrint() {
    var filled = false;
    controls().forEach(function (el) {
      var has = el.type === "checkbox" ? el.checked : el.value !== "";
      filled = filled || has;
      var holder = el.closest(".plan-field, .plan-check");
      if (holder) holder.classList.toggle("plan-unfilled", !has);
      if (el.type === "checkbox") return;
      var copy = el.parentNode.querySelector(".plan-written");
      if (!copy) {
        copy = document.createElement("span");
        copy.className = "plan-written";
        copy.setAttribute("aria-hidden", "true");
        el.parentNode.insertBefore(copy, el.nextSibling);
      }
      copy.textContent = writtenText(el);
    });
    Array.prototype.forEach.call(root.querySelectorAll("fieldset, .plan-section"), function (box) {
      if (box.classList.contains("plan-crisis")) return;
      var empty = !box.querySelector(".plan-field:not(.plan-unfilled), .plan-check:not(.plan-unfilled)");
      if (box.id === "plan-schedule" || box.querySelector("#plan-schedule")) empty = empty && byId("plan-schedule").hidden;
      box.classList.toggle("plan-unfilled", empty);
    });
    root.classList.toggle("plan--filled", filled);
  }

  function fitHeight(textarea) {
    textarea.style.height = "auto";
    textarea.style.height = textarea.scrollHeight + 2 + "px";
  }

  function setStatus(text) { if (statusLine.textContent !== text) statusLine.textContent = text; }
  function setError(text) { errorLine.textContent = text; }

  function reason(error) {
    var values = Object.assign({ name: error.field && fieldLabel(error.field) }, error.values);
    return fill(say.file_problems[error.code] || say.file_problems.could_not_read, values);
  }

  function fieldLabel(name) {
    var el = byId("plan-" + name);
    if (!el) return name;
    var label = document.querySelector('label[for="plan-' + name + '"]');
    var legend = el.closest("fieldset") && el.closest("fieldset").querySelector("legend");
    return (legend ? legend.textContent + ": " : "") + (label ? label.textContent : name);
  }

  function useMemoryOnly(why) {
    state.store = null;
    setError(why + " " + say.memory_only);
    offerCopy(true);
  }

  /* The button by the messages that saves the plan to a file, while it is not saved on the device. */
  function offerCopy(shown) {
    byId("plan-save-copy").hidden = !shown;
    byId("plan-rescue").hidden = byId("plan-save-copy").hidden && byId("plan-save-unreadable").hidden;
  }

  /* A saved plan that cannot be read is moved aside (and offered as a file), so the page can save
     anew; if it cannot be moved, it is left as it was and the page saves nothing. */
  function rescueUnreadable(stored) {
    state.unreadable = stored.text;
    byId("plan-save-unreadable").hidden = false;
    byId("plan-rescue").hidden = false;
    try {
      storage.keepAside(state.store, stored.text);
    } catch (e) {
      useMemoryOnly(fill(say.stored_unreadable_not_kept, { reason: reason(stored.error) }));
      return;
    }
    setError(fill(say.stored_unreadable, { reason: reason(stored.error) }));
  }

  function storedUnreadable(stored) {
    return stored.problem === "blocked" ? say.storage_blocked : fill(say.stored_unreadable_not_kept, { reason: reason(stored.error) });
  }

  function save() {
    clearTimeout(state.saveTimer);
    var names = Object.keys(state.pending);
    if (!names.length) return;
    if (!state.store) {
      state.pending = {};
      setStatus(say.not_saved);
      return;
    }
    var stored = storage.read(state.store);
    if (stored.problem) {
      useMemoryOnly(storedUnreadable(stored));
      state.pending = {};
      return;
    }
    var merged = storage.merge(stored.doc, state.base, state.fields, names);
    var doc = format.create(merged.fields, stored.doc.revision + 1);
    try {
      storage.write(state.store, doc);
    } catch (e) {
      setError(say.storage_full);  // kept pending: the next change tries again
      setStatus(say.not_saved);
      offerCopy(true);
      return;
    }
    if (!byId("plan-save-copy").hidden) { setError(""); offerCopy(false); }
    state.pending = {};
    state.base = { revision: doc.revision, fields: copy(merged.fields) };
    if (merged.fromOtherTab) {
      state.fields = copy(merged.fields);
      showFields();
    }
    if (merged.clashes.length) setError(fill(say.changed_in_both_tabs, { fields: merged.clashes.map(fieldLabel).join("; ") }));
    setStatus(merged.fromOtherTab ? say.saved_with_other_tab : say.saved);
  }

  function scheduleSave() {
    clearTimeout(state.saveTimer);
    state.saveTimer = setTimeout(save, SAVE_DELAY_MS);
  }

  /* An opened file's plan replaces this one (no merge); says whether it is saved on the device. */
  function replacePlan(newFields) {
    clearTimeout(state.saveTimer);
    state.pending = {};
    state.fields = copy(newFields);
    showFields();
    setError(state.store ? "" : say.memory_only);
    offerCopy(!state.store);
    if (!state.store) return false;
    var stored = storage.read(state.store);
    var revision = (stored.doc ? stored.doc.revision : state.base.revision) + 1;
    try {
      storage.write(state.store, format.create(state.fields, revision));
    } catch (e) {
      Object.keys(state.fields).forEach(function (name) { state.pending[name] = true; });
      setError(say.storage_full_on_replace);
      offerCopy(true);
      return false;
    }
    state.base = { revision: revision, fields: copy(state.fields) };
    return true;
  }

  function onEdit(event) {
    var el = event.target;
    if (!el.name || el.type === "file") return;
    var value = readControl(el);
    if (el.tagName === "TEXTAREA") fitHeight(el);
    var kept = value === "" || value === false ? undefined : value;
    if (state.fields[el.name] === kept) return;
    if (kept === undefined) delete state.fields[el.name]; else state.fields[el.name] = kept;
    state.pending[el.name] = true;
    showSchedule();
    markForPrint();
    if (screens) screens.update(state.fields);
    scheduleSave();
  }

  function onOtherTab(event) {
    if (event.key !== storage.KEY && event.key !== null) return;
    if (!state.store) return;
    if (Object.keys(state.pending).length) { save(); return; }
    var stored = storage.read(state.store);
    if (stored.problem) return;
    state.fields = copy(stored.doc.fields);
    state.base = { revision: stored.doc.revision, fields: copy(state.fields) };
    showFields();
    setStatus(Object.keys(state.fields).length ? say.updated_in_other_tab : say.cleared_in_other_tab);
  }

  function practices() {
    return controls().filter(function (el) { return el.type === "checkbox" && /^practice-/.test(el.name); }).map(function (el) {
      return { field: el.name, name: el.closest("fieldset").querySelector("legend").textContent };
    });
  }

  function today() {
    var now = new Date();
    return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86400000;
  }

  function scheduleEvents() { return schedule.events(state.fields, practices(), words.schedule, today()); }

  function showSchedule() {
    var list = byId("plan-schedule");
    var events = scheduleEvents();
    list.textContent = "";
    events.forEach(function (event) {
      var item = document.createElement("li");
      var when = document.createElement("strong");
      when.textContent = schedule.when(event, words.schedule, document.documentElement.lang || undefined);
      item.appendChild(when);
      item.appendChild(document.createTextNode(": " + event.title + ". " + event.detail));
      list.appendChild(item);
    });
    list.hidden = !events.length;
    byId("plan-schedule-empty").hidden = events.length > 0;
  }

  function brandName() {
    try {
      return JSON.parse(byId("guide-brand").textContent).short_name;
    } catch (error) {
      return "";
    }
  }

  function fileDate() { return new Date().toISOString().slice(0, 10); }

  function download(text, type, filename) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function exportPlan() {
    save();
    var name = fill(say.export_file, { date: fileDate() });
    download(JSON.stringify(format.create(state.fields, state.base.revision), null, 2) + "\n", "application/json", name);
    setStatus(fill(say.exported, { file: name }));
  }

  function refuse(why) { setError(fill(say.refused, { reason: why })); }

  function importFile() {
    var file = fileInput.files && fileInput.files[0];
    fileInput.value = "";
    if (!file) return;
    if (file.size > format.MAX_BYTES) { refuse(say.file_problems.too_large); return; }
    file.text().then(function (text) {
      var doc;
      try { doc = format.parse(text); } catch (e) {
        if (e instanceof format.PlanError) { refuse(reason(e)); return; }
        throw e;
      }
      if (Object.keys(state.fields).length && !window.confirm(say.confirm_replace)) {
        setStatus(say.nothing_changed);
        return;
      }
      var saved = replacePlan(doc.fields);
      var unshown = format.unshown(doc.fields, staticNames);
      setStatus((saved ? say.opened : say.opened_for_this_visit) +
        (unshown.length ? " " + fill(say.unshown_fields, { fields: unshown.join(", ") }) : ""));
    }, function () { refuse(say.file_problems.could_not_read); });
  }

  /* Clears the form only once the device no longer holds the plan; else says why not. */
  function clearPlan() {
    if (!window.confirm(say.confirm_clear)) return;
    clearTimeout(state.saveTimer);
    if (state.store) {
      try {
        storage.clear(state.store);
      } catch (e) {
        setError(say.not_cleared);
        return;
      }
    }
    state.pending = {};
    state.fields = {};
    state.base = { revision: 0, fields: {} };
    state.unreadable = null;
    byId("plan-save-unreadable").hidden = true;
    showFields();
    if (state.store) { setError(""); offerCopy(false); }
    setStatus(say.cleared);
  }

  function saveCalendar() {
    var events = scheduleEvents();
    if (!events.length) { setError(say.calendar_needs_a_date); return; }
    setError("");
    download(calendar.ics({ name: fill(words.schedule.calendar_name, { guide: brandName() }), events: events, now: new Date() }),
      "text/calendar;charset=utf-8", say.calendar_file);
    setStatus(fill(say.calendar_saved, { file: say.calendar_file }));
  }

  /* The page's own fields (those of entries are not among them): what an opened file may hold. */
  var staticNames = {};
  controls().forEach(function (el) { if (!format.entryField(el.name)) staticNames[el.name] = true; });

  function load() {
    if (!state.store) { useMemoryOnly(say.no_storage); return; }
    var stored = storage.read(state.store);
    if (stored.problem === "unreadable") { rescueUnreadable(stored); return; }
    if (stored.problem) { useMemoryOnly(storedUnreadable(stored)); return; }
    state.fields = copy(stored.doc.fields);
    state.base = { revision: stored.doc.revision, fields: copy(state.fields) };
    if (Object.keys(state.fields).length) setStatus(say.loaded);
    if (stored.migrated && opened.writable) {  // written back at once, before another read gives new ids
      var doc = format.create(state.fields, stored.doc.revision + 1);
      try {
        storage.write(state.store, doc);
        state.base.revision = doc.revision;
      } catch (e) {
        setError(say.storage_full);
        offerCopy(true);
      }
    }
    if (!opened.writable) { setError(say.storage_full_on_load + " " + say.memory_only); offerCopy(true); }
  }

  byId("plan-nojs").hidden = true;
  byId("plan-toolbar").hidden = false;
  load();
  showFields();
  root.addEventListener("input", onEdit);
  root.addEventListener("change", onEdit);
  window.addEventListener("storage", onOtherTab);
  window.addEventListener("pagehide", save);
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") save(); });
  byId("plan-print").addEventListener("click", function () { save(); window.print(); });
  byId("plan-export").addEventListener("click", exportPlan);
  byId("plan-open").addEventListener("click", function () { fileInput.click(); });
  fileInput.addEventListener("change", importFile);
  byId("plan-ics").addEventListener("click", saveCalendar);
  byId("plan-clear").addEventListener("click", clearPlan);
  byId("plan-save-copy").addEventListener("click", exportPlan);
  byId("plan-save-unreadable").addEventListener("click", function () {
    download(state.unreadable, "application/json", fill(say.unreadable_file, { date: fileDate() }));
  });
})();
