/* The personal plan builder (loaded on the plan page only).

   The form is plain HTML generated from the guide's content; this script makes it save as the
   patient types, in this browser only (localStorage). Nothing is ever sent anywhere.

   Rules this file keeps:
   - User text is only ever put into .value or .textContent, never parsed as HTML.
   - The saved plan is a versioned document, {"format", "version", "revision", "saved", "fields"};
     export writes exactly that document and import reads it back. Every earlier version has a
     migration in MIGRATIONS, so a plan saved today opens in later versions.
   - If storage is blocked or full, the plan keeps working in memory and says so.
   - Two open tabs never silently overwrite each other: each save bumps "revision"; a tab that
     finds a newer revision merges it field by field and warns when both changed the same field.
   - No eval, no inline script or handlers: it runs under the site's Content-Security-Policy. */
(function () {
  "use strict";

  var FORMAT = "ketamine-integration-plan";
  var VERSION = 2;
  var STORAGE_KEY = FORMAT;
  var MAX_FILE_BYTES = 200 * 1024;
  var MAX_FIELDS = 1000;
  var MAX_TEXT = 2000;
  var NAME = /^[a-z0-9]+(?:-[a-z0-9]+){0,20}$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
  var MARKUP = /<[a-z!/?][^>]*>/i; // text that looks like an HTML tag: refused, never kept
  var SAVE_DELAY_MS = 300;

  var root = document.getElementById("plan");
  if (!root) return;
  var byId = function (id) { return document.getElementById(id); };
  var statusLine = byId("plan-status");
  var errorLine = byId("plan-error");
  var fileInput = byId("plan-import");

  // --- the document format -----------------------------------------------------------------

  function PlanError(message) { this.message = message; }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* One function per earlier version: it takes a document of that version and returns one of
     the next version. Version 1 kept the session dates as a list, the answers as text and the
     ticked boxes as a list of names. */
  var MIGRATIONS = {
    1: function (doc) {
      var fields = {};
      if (doc.answers !== undefined && !isObject(doc.answers)) throw new PlanError("its answers are not a list of fields.");
      if (doc.ticked !== undefined && !Array.isArray(doc.ticked)) throw new PlanError("its ticked boxes are not a list.");
      if (doc.sessions !== undefined && !Array.isArray(doc.sessions)) throw new PlanError("its session dates are not a list.");
      Object.keys(doc.answers || {}).forEach(function (name) { fields[name] = doc.answers[name]; });
      (doc.ticked || []).forEach(function (name) {
        if (typeof name !== "string") throw new PlanError("a ticked box has no name.");
        fields[name] = true;
      });
      (doc.sessions || []).forEach(function (date, i) { fields["session-" + (i + 1) + "-date"] = date; });
      return { format: FORMAT, version: 2, revision: 0, saved: doc.saved, fields: fields };
    }
  };

  /* A checked, current-version copy of a saved or imported document; throws PlanError. */
  function readDocument(doc) {
    if (!isObject(doc)) throw new PlanError("it is not a saved plan.");
    if (doc.format !== FORMAT) throw new PlanError("it is not a plan saved by this guide.");
    if (typeof doc.version !== "number" || doc.version % 1 !== 0 || doc.version < 1) {
      throw new PlanError("it has no valid version number.");
    }
    if (doc.version > VERSION) {
      throw new PlanError("it was saved by a newer version of this guide. Please open it with the newest version.");
    }
    while (doc.version < VERSION) doc = MIGRATIONS[doc.version](doc);
    return checkFields(doc);
  }

  function checkFields(doc) {
    if (!isObject(doc.fields)) throw new PlanError("it has no plan fields.");
    var names = Object.keys(doc.fields);
    if (names.length > MAX_FIELDS) throw new PlanError("it has too many fields.");
    var fields = {};
    names.forEach(function (name) {
      var value = doc.fields[name];
      if (!NAME.test(name)) throw new PlanError("it has a field with a strange name.");
      if (typeof value === "boolean") {
        if (value) fields[name] = true;
        return;
      }
      if (typeof value !== "string") throw new PlanError("the field " + name + " holds something other than text.");
      if (value.length > MAX_TEXT) throw new PlanError("the field " + name + " is too long.");
      if (MARKUP.test(value)) throw new PlanError("the field " + name + " holds web page code.");
      if (/-date$/.test(name) && value && !DATE.test(value)) throw new PlanError("the field " + name + " is not a date.");
      if (value) fields[name] = value;
    });
    var revision = doc.revision === undefined ? 0 : doc.revision;
    if (typeof revision !== "number" || revision % 1 !== 0 || revision < 0) throw new PlanError("it has a bad revision number.");
    return { format: FORMAT, version: VERSION, revision: revision, saved: typeof doc.saved === "string" ? doc.saved : null, fields: fields };
  }

  function newDocument(fields, revision) {
    return { format: FORMAT, version: VERSION, revision: revision, saved: new Date().toISOString(), fields: fields };
  }

  function copy(fields) { return Object.assign({}, fields); }

  // --- storage on this device ----------------------------------------------------------------

  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(STORAGE_KEY + "-test", "1");
    storage.removeItem(STORAGE_KEY + "-test");
  } catch (e) {
    storage = null;
  }

  /* {doc} for the stored plan (an empty one if none), or {problem} if it cannot be read. */
  function readStored() {
    var text;
    try { text = storage.getItem(STORAGE_KEY); } catch (e) { return { problem: "blocked" }; }
    if (text === null) return { doc: newDocument({}, 0) };
    try { return { doc: readDocument(JSON.parse(text)) }; } catch (e) { return { problem: "unreadable", reason: e.message }; }
  }

  // --- what this tab holds ------------------------------------------------------------------

  var fields = {};        // the plan as this tab shows it
  var baseRevision = 0;   // the stored revision this tab last loaded or saved
  var baseFields = {};    // the stored fields at that revision
  var pending = {};       // names changed in this tab and not yet saved
  var inMemoryOnly = storage === null;
  var saveTimer = null;

  function controls() {
    return Array.prototype.filter.call(root.querySelectorAll("input[name], textarea[name]"), function (el) { return el.type !== "file"; });
  }

  function readControl(el) { return el.type === "checkbox" ? el.checked : el.value; }

  function showFields() {
    controls().forEach(function (el) {
      var value = fields[el.name];
      if (el.type === "checkbox") {
        el.checked = value === true;
      } else {
        var text = typeof value === "string" ? value : "";
        if (el.value !== text) el.value = text;
        markInvalid(el, false);
        if (el.tagName === "TEXTAREA") fitHeight(el);
      }
    });
    showSchedule();
  }

  function fitHeight(textarea) {
    textarea.style.height = "auto";
    textarea.style.height = textarea.scrollHeight + 2 + "px";
  }

  function setStatus(text) { if (statusLine.textContent !== text) statusLine.textContent = text; }
  function setError(text) { errorLine.textContent = text; }

  function fieldLabel(name) {
    var el = byId("plan-" + name);
    if (!el) return name;
    var label = document.querySelector('label[for="plan-' + name + '"]');
    var legend = el.closest("fieldset") && el.closest("fieldset").querySelector("legend");
    return (legend ? legend.textContent + ": " : "") + (label ? label.textContent : name);
  }

  var MEMORY_NOTE = " Your plan works for this visit only. Use \u201cSave a copy to a file\u201d before you close this page.";

  function useMemoryOnly(why) {
    inMemoryOnly = true;
    setError(why + MEMORY_NOTE);
  }

  /* Save this tab's changes, merged with anything another tab saved since. */
  function save() {
    clearTimeout(saveTimer);
    var names = Object.keys(pending);
    if (!names.length) return;
    if (inMemoryOnly) {
      pending = {};
      setStatus("Not saved on this device. Your plan is kept for this visit only.");
      return;
    }
    var stored = readStored();
    if (stored.problem) {
      useMemoryOnly(stored.problem === "blocked"
        ? "Your browser has stopped this page from saving."
        : "A plan saved earlier in this browser could not be read (" + stored.reason + ") It has been left as it was, and this page will not save over it.");
      pending = {};
      return;
    }
    var current = stored.doc;
    var fromOtherTab = current.revision !== baseRevision;
    var merged = copy(current.fields);
    var clashes = [];
    names.forEach(function (name) {
      if (fromOtherTab && current.fields[name] !== baseFields[name] && current.fields[name] !== fields[name]) clashes.push(name);
      if (fields[name] === undefined) delete merged[name]; else merged[name] = fields[name];
    });
    var doc = newDocument(merged, current.revision + 1);
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify(doc));
    } catch (e) {
      useMemoryOnly("Your browser\u2019s storage is full or blocked, so your last changes could not be saved.");
      return;
    }
    pending = {};
    baseRevision = doc.revision;
    baseFields = copy(merged);
    if (fromOtherTab) {
      fields = copy(merged);
      showFields();
    }
    if (clashes.length) {
      setError("You changed this in another tab or window too: " + clashes.map(fieldLabel).join("; ") +
        ". This tab\u2019s words were kept. Please check that they are what you want.");
    }
    setStatus(fromOtherTab ? "Saved on this device, with the changes from your other tab." : "All changes saved on this device.");
  }

  function scheduleSave() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, SAVE_DELAY_MS);
  }

  /* Replace the whole plan (import, clear): no merge, the new plan is the plan. */
  function replacePlan(newFields, message) {
    clearTimeout(saveTimer);
    pending = {};
    fields = copy(newFields);
    showFields();
    setError("");
    if (!inMemoryOnly) {
      var stored = readStored();
      var revision = (stored.doc ? stored.doc.revision : baseRevision) + 1;
      try {
        if (Object.keys(fields).length) storage.setItem(STORAGE_KEY, JSON.stringify(newDocument(fields, revision)));
        else storage.removeItem(STORAGE_KEY);
        baseRevision = Object.keys(fields).length ? revision : 0;
        baseFields = copy(fields);
      } catch (e) {
        useMemoryOnly("Your browser\u2019s storage is full or blocked, so this plan could not be saved.");
      }
    }
    setStatus(message);
  }

  // --- typing -----------------------------------------------------------------------------

  function markInvalid(el, invalid) {
    var noteId = el.id + "-problem";
    var note = byId(noteId);
    var described = (el.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== noteId; });
    if (invalid) {
      if (!note) {
        note = document.createElement("span");
        note.id = noteId;
        note.className = "plan-problem";
        note.setAttribute("role", "alert");
        note.textContent = "This can\u2019t be saved: please take out the < and > signs around words.";
        el.parentNode.appendChild(note);
      }
      described.push(noteId);
      el.setAttribute("aria-invalid", "true");
    } else {
      if (note) note.remove();
      el.removeAttribute("aria-invalid");
    }
    if (described.length) el.setAttribute("aria-describedby", described.join(" "));
    else el.removeAttribute("aria-describedby");
  }

  function onEdit(event) {
    var el = event.target;
    if (!el.name || el.type === "file") return;
    var value = readControl(el);
    if (el.tagName === "TEXTAREA") fitHeight(el);
    if (typeof value === "string") {
      var bad = MARKUP.test(value);
      if (bad !== (el.getAttribute("aria-invalid") === "true")) markInvalid(el, bad);
      if (bad) return;
    }
    var kept = value === "" || value === false ? undefined : value;
    if (fields[el.name] === kept) return;
    if (kept === undefined) delete fields[el.name]; else fields[el.name] = kept;
    pending[el.name] = true;
    showSchedule();
    scheduleSave();
  }

  function onOtherTab(event) {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    if (inMemoryOnly) return;
    if (Object.keys(pending).length) { save(); return; }
    var stored = readStored();
    if (stored.problem) return;
    fields = copy(stored.doc.fields);
    baseRevision = stored.doc.revision;
    baseFields = copy(fields);
    showFields();
    setStatus(Object.keys(fields).length ? "Your plan was updated from another tab or window." : "Your plan was cleared in another tab or window.");
  }

  // --- the schedule -------------------------------------------------------------------------

  var DAY_MS = 86400000;
  function dayNumber(date) { var p = date.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]) / DAY_MS; }
  function isoDay(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }
  function shownDay(day) {
    return new Date(day * DAY_MS).toLocaleDateString(undefined, { timeZone: "UTC", weekday: "short", month: "short", day: "numeric", year: "numeric" });
  }

  function sessionDays(plan) {
    var sessions = [];
    Object.keys(plan).forEach(function (name) {
      var match = /^session-(\d+)-date$/.exec(name);
      if (match && DATE.test(plan[name]) && !isNaN(dayNumber(plan[name]))) {
        sessions.push({ number: +match[1], day: dayNumber(plan[name]), intention: plan["session-" + match[1] + "-intention"] || "" });
      }
    });
    return sessions.sort(function (a, b) { return a.day - b.day || a.number - b.number; });
  }

  function chosenPractices(plan) {
    return controls().filter(function (el) { return el.type === "checkbox" && /^practice-/.test(el.name) && plan[el.name] === true; })
      .map(function (el) {
        var name = el.closest("fieldset").querySelector("legend").textContent;
        var how = [plan[el.name + "-often"], plan[el.name + "-minutes"]].filter(Boolean).join(", ");
        return how ? name + " (" + how + ")" : name;
      });
  }

  /* What to do when: a list of {start, end (day after the last), title, detail, daily}. */
  function scheduleFor(plan) {
    var sessions = sessionDays(plan);
    var practices = chosenPractices(plan);
    var therapist = plan["therapist-name"] ? "See " + plan["therapist-name"] + ", your integration therapist." : "See your integration therapist, if you have one.";
    var events = [];
    sessions.forEach(function (s, i) {
      var next = sessions[i + 1] ? sessions[i + 1].day : null;
      var label = "Session " + s.number;
      var intention = s.intention ? " My intention: " + s.intention : "";
      events.push({ start: s.day - 1, end: s.day, title: "Before " + label.toLowerCase() + ": set your intention", detail: "Choose one focus or question to bring." + intention });
      events.push({ start: s.day, end: s.day + 1, title: label + ": rest today", detail: "Rest and let it settle. Do not drive until tomorrow. Have someone take you home." + intention });
      var afterEnd = Math.min(s.day + 4, next === null ? Infinity : next);
      if (afterEnd > s.day + 1) {
        events.push({ start: s.day + 1, end: afterEnd, title: "After " + label.toLowerCase() + ": journal and therapy", detail: "In the one to three days after a session: write in your journal. " + therapist });
      }
      var practiceEnd = next === null ? s.day + 18 : next - 1;
      if (practiceEnd > s.day + 4) {
        events.push({ start: s.day + 4, end: practiceEnd, daily: true, title: "Daily practice",
          detail: (practices.length ? "My practices: " + practices.join("; ") + "." : "A few quiet minutes of a practice you choose.") +
            (plan.action ? " My small step: " + plan.action : "") });
      }
    });
    return events.sort(function (a, b) { return a.start - b.start; });
  }

  function showSchedule() {
    var list = byId("plan-schedule");
    var events = scheduleFor(fields);
    list.textContent = "";
    events.forEach(function (event) {
      var item = document.createElement("li");
      var when = document.createElement("strong");
      when.textContent = event.end - event.start > 1
        ? shownDay(event.start) + " to " + shownDay(event.end - 1) + (event.daily ? ", every day" : "")
        : shownDay(event.start);
      item.appendChild(when);
      item.appendChild(document.createTextNode(": " + event.title + ". " + event.detail));
      list.appendChild(item);
    });
    list.hidden = !events.length;
    byId("plan-schedule-empty").hidden = events.length > 0;
  }

  // --- the calendar file (RFC 5545) ---------------------------------------------------------

  /* The guide's or the clinic's short name, from the brand data every page carries as JSON. */
  function brandName() {
    try {
      return JSON.parse(document.getElementById("guide-brand").textContent).short_name;
    } catch (error) {
      return "Ketamine integration guide";
    }
  }

  function icsText(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }

  /* Lines longer than 75 octets go on as "CRLF + space", never splitting a character. */
  function fold(line) {
    var encoder = new TextEncoder();
    var out = [];
    var current = "";
    var octets = 0;
    Array.from(line).forEach(function (ch) {
      var size = encoder.encode(ch).length;
      if (octets + size > (out.length ? 74 : 75)) { out.push(current); current = ""; octets = 0; }
      current += ch;
      octets += size;
    });
    out.push(current);
    return out.join("\r\n ");
  }

  function calendar(plan, now) {
    var stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var compact = function (day) { return isoDay(day).replace(/-/g, ""); };
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Ketamine Integration Guide//Plan builder//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
      "X-WR-CALNAME:" + icsText("My integration plan (" + brandName() + ")")];
    scheduleFor(plan).forEach(function (event, i) {
      lines.push("BEGIN:VEVENT", "UID:plan-" + compact(event.start) + "-" + i + "@ketamine-integration-plan",
        "DTSTAMP:" + stamp, "DTSTART;VALUE=DATE:" + compact(event.start));
      if (event.daily) lines.push("DTEND;VALUE=DATE:" + compact(event.start + 1), "RRULE:FREQ=DAILY;UNTIL=" + compact(event.end - 1));
      else lines.push("DTEND;VALUE=DATE:" + compact(event.end));
      lines.push("SUMMARY:" + icsText(event.title), "DESCRIPTION:" + icsText(event.detail), "TRANSP:TRANSPARENT", "END:VEVENT");
    });
    var next = plan["therapist-next"];
    if (next && DATETIME.test(next)) {
      var start = next.replace(/[-:]/g, "") + "00";
      var end = new Date(Date.parse(next + ":00Z") + 3600000).toISOString().slice(0, 16).replace(/[-:]/g, "") + "00";
      lines.push("BEGIN:VEVENT", "UID:plan-therapist-" + start + "@ketamine-integration-plan", "DTSTAMP:" + stamp,
        "DTSTART:" + start, "DTEND:" + end,
        "SUMMARY:" + icsText("Integration therapy" + (plan["therapist-name"] ? " with " + plan["therapist-name"] : "")),
        "END:VEVENT");
    }
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  // --- buttons ------------------------------------------------------------------------------

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

  function today() { return new Date().toISOString().slice(0, 10); }

  function exportPlan() {
    save();
    var name = "my-integration-plan-" + today() + ".json";
    download(JSON.stringify(newDocument(fields, baseRevision), null, 2) + "\n", "application/json", name);
    setStatus("A copy of your plan was saved to your downloads as " + name + ". Keep it somewhere private.");
  }

  function refuse(reason) {
    setError("This file could not be opened: " + reason + " Your plan has not changed.");
  }

  function importFile() {
    var file = fileInput.files && fileInput.files[0];
    fileInput.value = "";
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) { refuse("it is too large to be a saved plan."); return; }
    file.text().then(function (text) {
      var doc;
      try { doc = JSON.parse(text); } catch (e) { refuse("it is not a saved plan (it is not a JSON file)."); return; }
      try { doc = readDocument(doc); } catch (e) {
        if (e instanceof PlanError) { refuse(e.message); return; }
        throw e;
      }
      if (Object.keys(fields).length && !window.confirm("Replace the plan on this page with the one in this file?")) {
        setStatus("Nothing was changed.");
        return;
      }
      replacePlan(doc.fields, "Your saved plan was opened." + (inMemoryOnly ? "" : " It is now saved on this device."));
    }, function () { refuse("it could not be read."); });
  }

  function clearPlan() {
    if (!window.confirm("Clear your whole plan from this device? This cannot be undone. To keep a copy, first choose \u201cSave a copy to a file\u201d.")) return;
    replacePlan({}, "Your plan was cleared from this device.");
  }

  // --- start --------------------------------------------------------------------------------

  byId("plan-nojs").hidden = true;
  byId("plan-toolbar").hidden = false;
  if (inMemoryOnly) {
    useMemoryOnly("Your browser is not letting this page save anything.");
  } else {
    var stored = readStored();
    if (stored.problem) {
      useMemoryOnly("A plan saved earlier in this browser could not be read (" + stored.reason + ") It has been left as it was, and this page will not save over it.");
    } else {
      fields = copy(stored.doc.fields);
      baseRevision = stored.doc.revision;
      baseFields = copy(fields);
      if (Object.keys(fields).length) setStatus("Your plan was loaded from this device.");
    }
  }
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
  byId("plan-ics").addEventListener("click", function () {
    if (!sessionDays(fields).length && !fields["therapist-next"]) { setError("Add at least one session date first, so there is something to put in your calendar."); return; }
    setError("");
    download(calendar(fields, new Date()), "text/calendar;charset=utf-8", "my-integration-schedule.ics");
    setStatus("Your schedule was saved to your downloads as my-integration-schedule.ics. Open it to add it to your calendar.");
  });
  byId("plan-clear").addEventListener("click", clearPlan);
})();
