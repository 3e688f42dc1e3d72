/* Older plans to the current format, version n to n + 1. Every word kept; new ids made from the
   plan, not at random, so two devices holding it agree. report counts what moved. */
(function (PlanGuide) {
  "use strict";

  var format = PlanGuide.format, PlanError = format.PlanError;

  /* Version 1 kept session dates, answers and ticked boxes as lists. */
  format.MIGRATIONS[1] = function (doc) {
    var fields = Object.create(null);
    if (doc.answers !== undefined && !format.isObject(doc.answers)) throw new PlanError("old_answers");
    if (doc.ticked !== undefined && !Array.isArray(doc.ticked)) throw new PlanError("old_ticked");
    if (doc.sessions !== undefined && !Array.isArray(doc.sessions)) throw new PlanError("old_sessions");
    format.names(doc.answers || {}).forEach(function (name) { fields[name] = doc.answers[name]; });
    (doc.ticked || []).forEach(function (name) {
      if (typeof name !== "string") throw new PlanError("old_ticked_name");
      fields[format.checkName(name)] = true;
    });
    (doc.sessions || []).forEach(function (date, i) { if (date !== "") fields["session-" + (i + 1) + "-date"] = date; });
    return { format: doc.format, version: 2, revision: 0, saved: doc.saved, fields: fields };
  };

  /* Version 2 had session slots, session-N-date and -intention: each with words is a session,
     with or without a date. */
  format.MIGRATIONS[2] = function (doc, report) {
    if (!format.isObject(doc.fields)) throw new PlanError("no_fields");
    var fields = Object.create(null), slots = new Map(), taken = new Set();
    format.names(doc.fields).forEach(function (name) {
      var match = /^session-(\d{1,2})-([a-z0-9-]+)$/.exec(name), value = doc.fields[name];
      var entry = format.ENTRY.exec(name);
      if (entry) taken.add(entry[2]);
      if (!match) { fields[name] = value; return; }
      if (typeof value !== "boolean" && typeof value !== "string") throw new PlanError("not_text", name);
      if (value === "" || value === false) return;
      if (match[2] === "date" && !format.isDate(value)) throw new PlanError("not_a_date", name);  // named as the patient saw it
      if (!slots.has(+match[1])) slots.set(+match[1], Object.create(null));
      slots.get(+match[1])[match[2]] = value;
    });
    var seed = format.canonical(doc.fields), undated = 0;
    Array.from(slots.keys()).sort(function (a, b) { return a - b; }).forEach(function (slot, i) {
      var parts = slots.get(slot), id;  // first letter by slot, for the order of those without a date
      for (var n = 0; !id || taken.has(id); n++) id = (i < 36 ? "abcdefghijklmnopqrstuvwxyz0123456789"[i] : "") + format.hashId(seed + "#" + slot + "#" + n, i < 36 ? 5 : 6);
      taken.add(id);
      if (!parts.date) undated += 1;
      Object.keys(parts).forEach(function (part) { fields["session-" + id + "-" + part] = parts[part]; });
    });
    report.sessions = slots.size;
    report.undated = undated;
    if (slots.size > undated || fields["therapist-next"]) fields["calendar-earlier"] = true;
    return { format: doc.format, version: 3, revision: doc.revision, saved: doc.saved, fields: fields };
  };
}(typeof module === "object" && module.exports ? Object.assign(module.exports, require("./format.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
