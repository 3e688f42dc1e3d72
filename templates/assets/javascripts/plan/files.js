/* The toolbar's files: a copy saved or opened (the plan replaced kept, to bring back), the
   calendar, clearing, an unreadable plan's rescue. plan: what page.js shares. */
(function (PlanGuide) {
  "use strict";

  var format = PlanGuide.format, storage = PlanGuide.storage, schedule = PlanGuide.schedule, calendar = PlanGuide.calendar;
  var entries = PlanGuide.entries, fill = schedule.fill;
  var plan = null, doc = null, win = null;

  function download(text, type, filename) {
    var url = win.URL.createObjectURL(new win.Blob([text], { type: type }));
    var link = doc.createElement("a");
    link.href = url;
    link.download = filename;
    doc.body.appendChild(link);
    link.click();
    link.remove();
    win.setTimeout(function () { win.URL.revokeObjectURL(url); }, 10000);
  }

  function fileDate() { return new Date().toISOString().slice(0, 10); }
  function document_() { var s = plan.state; return format.create(plan.copy(s.fields), s.base.revision, undefined, s.id); }

  function exportPlan() {
    plan.save();
    var say = plan.words.messages, name = fill(say.export_file, { date: fileDate() });
    download(JSON.stringify(document_(), null, 2) + "\n", "application/json", name);
    plan.setStatus(fill(say.exported, { file: name }));
  }

  function keptWords(fields) {
    var w = plan.words.screens;
    return format.kept(fields, plan.statics).length ? " " + fill(plan.words.messages.kept_fields, { heading: w.kept.title, part: w.steps.small_step }) : "";
  }

  function importFile() {
    var input = plan.byId("plan-import"), file = input.files && input.files[0], say = plan.words.messages;
    input.value = "";
    if (!file) return;
    var refuse = function (why) { plan.setError(fill(say.refused, { reason: why })); };
    if (file.size > format.MAX_BYTES) { refuse(say.file_problems.too_large); return; }
    file.text().then(function (text) {
      var doc, report = {};
      try {
        doc = format.parse(text, { report: report });
      } catch (e) {
        refuse(e instanceof format.PlanError ? plan.reason(e) : say.file_problems.could_not_read);
        return;
      }
      var had = Object.keys(plan.state.fields).length > 0;
      if (had && !win.confirm(say.confirm_replace)) { plan.setStatus(say.nothing_changed); return; }
      var kept = had ? keepReplaced(JSON.stringify(document_())) : "";
      var saved = plan.replacePlan(doc.fields, doc.id);
      plan.forget();
      plan.setStatus((saved ? say.opened : say.opened_for_this_visit) + plan.moved(report) + keptWords(doc.fields) + kept);
    }, function () { refuse(say.file_problems.could_not_read); });
  }

  var replacedText = null;
  function keepReplaced(text) {
    var say = plan.words.messages;
    replacedText = text;
    plan.byId("plan-restore").hidden = false;
    try {
      if (plan.state.store) { storage.keepReplaced(plan.state.store, text); return " " + say.replaced_kept; }
    } catch (e) { /* for this visit */ }
    return " " + say.replaced_kept_for_visit;
  }

  function restore() {
    var text = replacedText || (plan.state.store && storage.replaced(plan.state.store));
    if (!text) return;
    var doc;
    try { doc = format.parse(text); } catch (e) { plan.setError(plan.reason(e)); return; }
    var kept = keepReplaced(JSON.stringify(document_()));
    plan.replacePlan(doc.fields, doc.id);
    plan.forget();
    plan.setStatus(plan.words.messages.restored + kept);
  }

  /* The form is cleared only once the device no longer holds the plan. */
  function clearPlan() {
    var say = plan.words.messages;
    if (!win.confirm(say.confirm_clear)) return;
    win.clearTimeout(plan.state.saveTimer);
    if (plan.state.store) {
      try {
        storage.clear(plan.state.store);
      } catch (e) {
        plan.setError(say.not_cleared);
        return;
      }
    }
    replacedText = null;
    plan.byId("plan-restore").hidden = true;
    plan.byId("plan-save-unreadable").hidden = true;
    plan.state.base = { revision: 0, fields: Object.create(null) };
    plan.state.last = null;
    plan.replacePlan(Object.create(null), null, true);
    plan.forget();
    if (plan.state.store) { plan.setError(""); plan.offerCopy(false); }
    plan.setStatus(say.cleared);
  }

  /* A plan from before version 3 says once, in the file, to remove an older file's reminders. */
  function saveCalendar() {
    var s = plan.state, words = plan.words, say = words.messages;
    var events = schedule.events(s.fields, plan.practices, words.schedule, entries.today(), s.id);
    if (!events.length) { plan.setError(say.calendar_needs_a_date); return; }
    plan.setError("");
    var earlier = s.fields["calendar-earlier"] === true, today = entries.today();
    var made = calendar.ics({ name: fill(words.schedule.calendar_name, { guide: brandName() }), events: events, now: new Date(),
      sent: s.fields["calendar-sent"], cancelled: words.schedule.cancelled,
      notice: earlier ? { uid: "earlier-" + s.id, start: today, end: today + 1, title: words.schedule.earlier.title, detail: words.schedule.earlier.detail } : null });
    download(made.text, "text/calendar;charset=utf-8", say.calendar_file);
    var changes = Object.create(null);
    changes["calendar-sent"] = made.sent;
    if (earlier) changes["calendar-earlier"] = undefined;
    plan.edit(changes);
    plan.save();
    plan.setStatus(fill(say.calendar_saved, { file: say.calendar_file }) + (earlier ? " " + say.calendar_earlier : ""));
  }

  function brandName() {
    try { return JSON.parse(doc.getElementById("guide-brand").textContent).short_name; } catch (error) { return ""; }
  }

  /* An unreadable plan moved aside (and offered as a file), or left as it was, saving nothing. */
  var unreadable = null;
  function rescueUnreadable(stored) {
    var say = plan.words.messages;
    unreadable = stored.text;
    plan.byId("plan-save-unreadable").hidden = false;
    plan.byId("plan-rescue").hidden = false;
    try {
      storage.keepAside(plan.state.store, stored.text);
    } catch (e) {
      plan.useMemoryOnly(fill(say.stored_unreadable_not_kept, { reason: plan.reason(stored.error) }));
      return;
    }
    plan.setError(fill(say.stored_unreadable, { reason: plan.reason(stored.error) }));
  }

  function start(shared) {
    plan = shared;
    doc = plan.byId("plan").ownerDocument;
    win = doc.defaultView;
    var on = function (id, fn) { plan.byId(id).addEventListener("click", fn); };
    on("plan-export", exportPlan);
    on("plan-save-copy", exportPlan);
    on("plan-open", function () { plan.byId("plan-import").click(); });
    plan.byId("plan-import").addEventListener("change", importFile);
    on("plan-ics", saveCalendar);
    on("plan-clear", clearPlan);
    on("plan-restore", restore);
    on("plan-save-unreadable", function () { download(unreadable, "application/json", fill(plan.words.messages.unreadable_file, { date: fileDate() })); });
  }

  PlanGuide.files = { start: start, rescueUnreadable: rescueUnreadable };
}(typeof module === "object" && module.exports ? Object.assign(module.exports, require("./calendar.js"), require("./storage.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
