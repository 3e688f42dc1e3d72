/* The saved plan {format, version, revision, saved, fields}: checks and migrations. A format
   change raises VERSION and adds a migration. Refusals throw PlanError(code), code a key of
   messages.file_problems in content/pages/plan.yml. */
(function (PlanGuide) {
  "use strict";

  var FORMAT = "ketamine-integration-plan";
  var VERSION = 2;
  var MAX_BYTES = 200 * 1024;
  var MAX_FIELDS = 1000;
  var MAX_TEXT = 2000;
  var NAME = /^[a-z0-9]+(?:-[a-z0-9]+){0,20}$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var MARKUP = /<[a-z!/?][^>]*>/i;

  function PlanError(code, field) {
    this.code = code;
    this.field = field;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* Version n to n + 1. Version 1 kept session dates, answers and ticked boxes as lists. */
  var MIGRATIONS = {
    1: function (doc) {
      var fields = {};
      if (doc.answers !== undefined && !isObject(doc.answers)) throw new PlanError("old_answers");
      if (doc.ticked !== undefined && !Array.isArray(doc.ticked)) throw new PlanError("old_ticked");
      if (doc.sessions !== undefined && !Array.isArray(doc.sessions)) throw new PlanError("old_sessions");
      Object.keys(doc.answers || {}).forEach(function (name) { fields[name] = doc.answers[name]; });
      (doc.ticked || []).forEach(function (name) {
        if (typeof name !== "string") throw new PlanError("old_ticked_name");
        fields[name] = true;
      });
      (doc.sessions || []).forEach(function (date, i) { fields["session-" + (i + 1) + "-date"] = date; });
      return { format: FORMAT, version: 2, revision: 0, saved: doc.saved, fields: fields };
    }
  };

  /* A checked, current-version copy of a document. */
  function read(doc) {
    if (!isObject(doc)) throw new PlanError("not_a_plan");
    if (doc.format !== FORMAT) throw new PlanError("other_format");
    if (typeof doc.version !== "number" || doc.version % 1 !== 0 || doc.version < 1) throw new PlanError("no_version");
    if (doc.version > VERSION) throw new PlanError("newer_version");
    while (doc.version < VERSION) doc = MIGRATIONS[doc.version](doc);
    return checkFields(doc);
  }

  function parse(text) {
    var doc;
    try { doc = JSON.parse(text); } catch (e) { throw new PlanError("not_json"); }
    return read(doc);
  }

  function checkFields(doc) {
    if (!isObject(doc.fields)) throw new PlanError("no_fields");
    var names = Object.keys(doc.fields);
    if (names.length > MAX_FIELDS) throw new PlanError("too_many_fields");
    var fields = {};
    names.forEach(function (name) {
      var value = doc.fields[name];
      if (!NAME.test(name)) throw new PlanError("strange_name");
      if (typeof value === "boolean") {
        if (value) fields[name] = true;
        return;
      }
      if (typeof value !== "string") throw new PlanError("not_text", name);
      if (value.length > MAX_TEXT) throw new PlanError("too_long", name);
      if (MARKUP.test(value)) throw new PlanError("markup", name);
      if (/-date$/.test(name) && value && !DATE.test(value)) throw new PlanError("not_a_date", name);
      if (value) fields[name] = value;
    });
    var revision = doc.revision === undefined ? 0 : doc.revision;
    if (typeof revision !== "number" || revision % 1 !== 0 || revision < 0) throw new PlanError("bad_revision");
    return { format: FORMAT, version: VERSION, revision: revision, saved: typeof doc.saved === "string" ? doc.saved : null, fields: fields };
  }

  function create(fields, revision, now) {
    return { format: FORMAT, version: VERSION, revision: revision, saved: (now || new Date()).toISOString(), fields: fields };
  }

  PlanGuide.format = {
    FORMAT: FORMAT, VERSION: VERSION, MAX_BYTES: MAX_BYTES, MIGRATIONS: MIGRATIONS, PlanError: PlanError,
    read: read, parse: parse, create: create,
    looksLikeMarkup: function (text) { return MARKUP.test(text); }
  };
}(typeof module === "object" && module.exports ? module.exports : (window.PlanGuide = window.PlanGuide || {})));
