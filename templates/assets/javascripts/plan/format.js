/* The saved plan {format, version, revision, saved, fields}: checks and migrations. A format
   change raises VERSION and adds a migration. Refusals throw PlanError(code, field), code a key of
   messages.file_problems in content/pages/plan.yml. Text is kept exactly as it was typed: it is
   only ever shown as text, so nothing in it is refused for looking like markup. */
(function (PlanGuide) {
  "use strict";

  var FORMAT = "ketamine-integration-plan";
  var VERSION = 3;
  var MAX_BYTES = 2 * 1024 * 1024;   // a year of daily check-ins is about 0.5 MB
  var MAX_FIELDS = 20000;
  var MAX_TEXT = 20000;
  var NAME = /^[a-z0-9]+(?:-[a-z0-9]+){0,20}$/;
  var ID_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
  /* A patient's repeated entry: a session, a daily check-in or a WHO-5. */
  var ENTRY = /^(session|checkin|wellbeing)-([a-z0-9]{6})-([a-z0-9-]+)$/;
  var ENTRY_PARTS = {
    session: /^(?:date|time|feeling|intention|day-of|themes|journal-[a-z0-9-]+)$/,
    checkin: /^(?:date|mood|sleep|note|effect-[a-z0-9-]+)$/,
    wellbeing: /^(?:date|q[1-5])$/
  };

  function PlanError(code, field, values) {
    this.code = code;
    this.field = field;
    this.values = values || {};
  }

  /* The names in a document's map, each one a plan could have (so "__proto__" never reaches an object). */
  function checkName(name) {
    if (!NAME.test(name)) throw new PlanError("strange_name", name.slice(0, 60));
    return name;
  }

  function names(map) { return Object.keys(map).map(checkName); }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isDate(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match || +match[1] < 1) return false;
    var day = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    return day.getUTCMonth() === +match[2] - 1 && day.getUTCDate() === +match[3];
  }

  function isTime(text) { return /^(?:[01]\d|2[0-3]):[0-5]\d$/.test(text); }

  /* The checks on a field's value, by its name: [name pattern, check, problem code, fill-ins]. */
  function score(high) { return function (text) { return /^(?:0|[1-9]\d?)$/.test(text) && +text <= high; }; }
  function ticked(value) { return value === true; }
  var VALUE_RULES = [
    [/-date$/, isDate, "not_a_date"],
    [/-time$/, isTime, "not_a_time"],
    [/^therapist-next$/, function (text) { var p = text.split("T"); return p.length === 2 && isDate(p[0]) && isTime(p[1]); }, "not_a_date"],
    [/^(?:session-[a-z0-9]{6}-feeling|checkin-[a-z0-9]{6}-(?:mood|sleep))$/, score(10), "not_a_score", { low: 0, high: 10 }],
    [/^wellbeing-[a-z0-9]{6}-q[1-5]$/, score(5), "not_a_score", { low: 0, high: 5 }],
    [/^reminder-session$/, function (text) { return /^(?:0|[1-9]\d{0,4})$/.test(text) && +text <= 40320; }, "not_minutes"],
    [/^(?:checkin-[a-z0-9]{6}-effect-.+|summary-.+)$/, ticked, "not_a_tick"]
  ];

  /* A new entry id, not one of `taken` (an object whose keys are ids). */
  function newId(taken, random) {
    random = random || function () {
      var cryptoSource = typeof crypto === "object" && crypto.getRandomValues ? crypto : null;
      return cryptoSource ? cryptoSource.getRandomValues(new Uint32Array(1))[0] / 4294967296 : Math.random();
    };
    for (;;) {
      var id = "";
      for (var i = 0; i < 6; i++) id += ID_LETTERS[Math.floor(random() * ID_LETTERS.length)];
      if (!taken || !Object.prototype.hasOwnProperty.call(taken, id)) return id;
    }
  }

  /* {kind, id, part} of an entry's field name, or null. */
  function entryField(name) {
    var match = ENTRY.exec(name);
    if (!match || !ENTRY_PARTS[match[1]].test(match[3])) return null;
    return { kind: match[1], id: match[2], part: match[3] };
  }

  /* Version n to n + 1. `options.random` makes new entry ids (tests pass their own). */
  var MIGRATIONS = {
    /* Version 1 kept session dates, answers and ticked boxes as lists. */
    1: function (doc) {
      var fields = {};
      if (doc.answers !== undefined && !isObject(doc.answers)) throw new PlanError("old_answers");
      if (doc.ticked !== undefined && !Array.isArray(doc.ticked)) throw new PlanError("old_ticked");
      if (doc.sessions !== undefined && !Array.isArray(doc.sessions)) throw new PlanError("old_sessions");
      names(doc.answers || {}).forEach(function (name) { fields[name] = doc.answers[name]; });
      (doc.ticked || []).forEach(function (name) {
        if (typeof name !== "string") throw new PlanError("old_ticked_name");
        fields[checkName(name)] = true;
      });
      (doc.sessions || []).forEach(function (date, i) { fields["session-" + (i + 1) + "-date"] = date; });
      return { format: FORMAT, version: 2, revision: 0, saved: doc.saved, fields: fields };
    },
    /* Version 2 had fixed session slots, session-N-date and session-N-intention. Each slot with
       anything in it becomes a timeline session with a new id; every word is carried over. */
    2: function (doc, options) {
      if (!isObject(doc.fields)) throw new PlanError("no_fields");
      var fields = {};
      var slots = {};
      names(doc.fields).forEach(function (name) {
        var match = /^session-(\d{1,2})-([a-z0-9-]+)$/.exec(name);
        var value = doc.fields[name];
        if (!match) { fields[name] = value; return; }
        if (typeof value !== "boolean" && typeof value !== "string") throw new PlanError("not_text", name);
        if (value === "" || value === false) return;
        if (match[2] === "date" && !isDate(value)) throw new PlanError("not_a_date", name);  // named as the patient saw it
        (slots[match[1]] = slots[match[1]] || {})[match[2]] = value;
      });
      var taken = {};
      Object.keys(slots).sort(function (a, b) { return a - b; }).forEach(function (slot) {
        var id = newId(taken, options && options.random);
        taken[id] = true;
        Object.keys(slots[slot]).forEach(function (part) { fields["session-" + id + "-" + part] = slots[slot][part]; });
      });
      return { format: FORMAT, version: 3, revision: doc.revision, saved: doc.saved, fields: fields };
    }
  };

  /* A checked, current-version copy of a document. */
  function read(doc, options) {
    if (!isObject(doc)) throw new PlanError("not_a_plan");
    if (doc.format !== FORMAT) throw new PlanError("other_format");
    if (typeof doc.version !== "number" || doc.version % 1 !== 0 || doc.version < 1) throw new PlanError("no_version");
    if (doc.version > VERSION) throw new PlanError("newer_version");
    while (doc.version < VERSION) doc = MIGRATIONS[doc.version](doc, options);
    return checkFields(doc);
  }

  function parse(text, options) {
    var doc;
    try { doc = JSON.parse(text); } catch (e) { throw new PlanError("not_json"); }
    return read(doc, options);
  }

  function checkValue(name, value) {
    for (var i = 0; i < VALUE_RULES.length; i++) {
      var rule = VALUE_RULES[i];
      if (rule[0].test(name) && !rule[1](value)) throw new PlanError(rule[2], name, rule[3]);
    }
  }

  function checkFields(doc) {
    if (!isObject(doc.fields)) throw new PlanError("no_fields");
    if (Object.keys(doc.fields).length > MAX_FIELDS) throw new PlanError("too_many_fields");
    var fields = {};
    names(doc.fields).forEach(function (name) {
      var value = doc.fields[name];
      if (value === false || value === "") return;  // an unticked box, an empty answer
      if (value !== true && typeof value !== "string") throw new PlanError("not_text", name);
      if (typeof value === "string" && value.length > MAX_TEXT) throw new PlanError("too_long", name);
      checkValue(name, value);
      fields[name] = value;
    });
    var revision = doc.revision === undefined ? 0 : doc.revision;
    if (typeof revision !== "number" || revision % 1 !== 0 || revision < 0) throw new PlanError("bad_revision");
    return { format: FORMAT, version: VERSION, revision: revision, saved: typeof doc.saved === "string" ? doc.saved : null, fields: fields };
  }

  /* The fields a page does not show: neither one of its own (`statics`, an object whose keys are
     its controls' names) nor part of an entry that has a date. They are kept, not dropped. */
  function unshown(fields, statics) {
    return Object.keys(fields).filter(function (name) {
      if (Object.prototype.hasOwnProperty.call(statics, name)) return false;
      var entry = entryField(name);
      return !entry || !fields[entry.kind + "-" + entry.id + "-date"];
    });
  }

  function create(fields, revision, now) {
    return { format: FORMAT, version: VERSION, revision: revision, saved: (now || new Date()).toISOString(), fields: fields };
  }

  PlanGuide.format = {
    FORMAT: FORMAT, VERSION: VERSION, MAX_BYTES: MAX_BYTES, MAX_FIELDS: MAX_FIELDS, MIGRATIONS: MIGRATIONS,
    PlanError: PlanError, read: read, parse: parse, create: create, newId: newId, entryField: entryField,
    unshown: unshown, isDate: isDate, isTime: isTime
  };
}(typeof module === "object" && module.exports ? module.exports : (window.PlanGuide = window.PlanGuide || {})));
