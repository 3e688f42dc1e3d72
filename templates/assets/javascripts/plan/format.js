/* The saved plan {format, version, revision, saved, id, fields}: its checks and limits. Refusals
   throw PlanError(code, field, values), code a key of plan.yml's file_problems. Text is kept as typed. */
(function (PlanGuide) {
  "use strict";

  var FORMAT = "ketamine-integration-plan";
  var VERSION = 3;
  var MAX_BYTES = 2 * 1024 * 1024;
  var MAX_FIELDS = 20000;
  var MAX_TEXT = 20000;
  /* About eight years of use: more would not open in seconds, so it is refused at once. */
  var MAX_ENTRIES = { session: 400, checkin: 3000, wellbeing: 250 };
  var FIRST_YEAR = 1900, LAST_YEAR = 2200;
  var NAME = /^[a-z0-9]+(?:-[a-z0-9]+){0,20}$/;
  var PLAN_ID = /^[a-z0-9]{12}$/;
  var LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
  var ENTRY = /^(session|checkin|wellbeing)-([a-z0-9]{6})-([a-z0-9-]+)$/;
  var ENTRY_PARTS = {
    session: /^(?:date|time|feeling|intention|day-of|themes|journal-[a-z0-9-]+)$/,
    checkin: /^(?:date|mood|sleep|note|effect-[a-z0-9-]+)$/,
    wellbeing: /^(?:date|q[1-5])$/
  };
  /* The page's own fields, never shown: what calendar files held, and a plan from before version 3. */
  var OWN = { "calendar-sent": /^[a-z0-9:\- ]*$/, "calendar-earlier": null };

  function PlanError(code, field, values) {
    this.code = code;
    this.field = field;
    this.values = values || {};
  }

  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }

  /* Names a plan could have ("__proto__" is not one). */
  function checkName(name) {
    if (!NAME.test(name)) throw new PlanError("strange_name", name.slice(0, 60));
    return name;
  }

  function names(map) { return Object.keys(map).map(checkName); }

  /* Why "YYYY-MM-DD" is no real date from 1900 to 2200, or null. */
  function dateCode(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return "not_a_date";
    var day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (+m[1] < 1 || day.getUTCMonth() !== +m[2] - 1 || day.getUTCDate() !== +m[3]) return "not_a_date";
    return +m[1] < FIRST_YEAR || +m[1] > LAST_YEAR ? "date_out_of_range" : null;
  }
  function isDate(text) { return typeof text === "string" && dateCode(text) === null; }
  function isTime(text) { return /^(?:[01]\d|2[0-3]):[0-5]\d$/.test(text); }

  function score(high) { return function (text) { return /^(?:0|[1-9]\d?)$/.test(text) && +text <= high ? null : "not_a_score"; }; }
  function rule(test, code) { return function (value) { return test(value) ? null : code; }; }
  var ticked = rule(function (value) { return value === true; }, "not_a_tick"), timed = rule(isTime, "not_a_time");
  var TEN = [score(10), { low: 0, high: 10 }], FIVE = [score(5), { low: 0, high: 5 }];
  /* The other fields' checks: [name pattern, check (value -> problem code or null)]. */
  var VALUE_RULES = [
    [/-date$/, dateCode],
    [/-time$/, timed],
    [/^therapist-next$/, function (text) {
      var p = text.split("T");
      return p.length !== 2 || !isTime(p[1]) ? "not_a_date" : dateCode(p[0]);
    }],
    [/^reminder-session$/, rule(function (text) { return /^(?:0|[1-9]\d{0,4})$/.test(text) && +text <= 40320; }, "not_minutes")],
    [/^(?:summary-.+|calendar-earlier)$/, ticked],
    [/^calendar-sent$/, rule(function (text) { return typeof text === "string" && OWN["calendar-sent"].test(text); }, "not_text")]
  ];

  /* An entry part's [check, fill-ins], or null: found by its name, not by trying each pattern. */
  function partRule(kind, part) {
    if (part === "date") return [dateCode];
    if (part === "time") return [timed];
    if (kind === "session" ? part === "feeling" : kind === "checkin" && (part === "mood" || part === "sleep")) return TEN;
    if (kind === "wellbeing") return /^q[1-5]$/.test(part) ? FIVE : null;
    return kind === "checkin" && part.indexOf("effect-") === 0 ? [ticked] : null;
  }

  /* cyrb53: a text's 53-bit hash, the same on any device. */
  function hash(text, seed) {
    var h1 = 0xdeadbeef ^ seed, h2 = 0x41c6ce57 ^ seed;
    for (var i = 0; i < text.length; i++) {
      var ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }

  /* `length` letters and digits made from a text. */
  function hashId(text, length) {
    var out = "";
    for (var seed = 0; out.length < length; seed++) {
      for (var n = hash(text, seed), i = 0; i < 10; i++, n = Math.floor(n / 36)) out += LETTERS[n % 36];
    }
    return out.slice(0, length);
  }

  function randomId(length, random) {
    random = random || function () {
      return typeof crypto === "object" && crypto.getRandomValues ? crypto.getRandomValues(new Uint32Array(1))[0] / 4294967296 : Math.random();
    };
    for (var id = ""; id.length < length;) id += LETTERS[Math.floor(random() * LETTERS.length)];
    return id;
  }

  function newId(taken, random) {
    for (;;) {
      var id = randomId(6, random);
      if (!taken || !taken.has(id)) return id;
    }
  }

  function entryField(name) {
    var match = ENTRY.exec(name);
    if (!match || !ENTRY_PARTS[match[1]].test(match[3])) return null;
    return { kind: match[1], id: match[2], part: match[3] };
  }

  function canonical(fields) {
    return JSON.stringify(Object.keys(fields).sort().map(function (name) {
      var value = fields[name];
      return [name, typeof value === "string" || typeof value === "boolean" ? value : typeof value];
    }));
  }

  /* A checked, current copy of a document; options.report learns what a migration moved. A plan
     without an id gets one made from it: two devices holding it give it the same one. */
  function read(doc, options) {
    if (!isObject(doc)) throw new PlanError("not_a_plan");
    if (doc.format !== FORMAT) throw new PlanError("other_format");
    if (typeof doc.version !== "number" || doc.version % 1 !== 0 || doc.version < 1) throw new PlanError("no_version");
    if (doc.version > VERSION) throw new PlanError("newer_version");
    var report = (options && options.report) || {};
    var id = typeof doc.id === "string" && PLAN_ID.test(doc.id) ? doc.id : null;
    var before = [doc.version, doc.revision, doc.saved].join(" ");
    report.from = doc.version;
    while (doc.version < VERSION) doc = MIGRATIONS[doc.version](doc, report);
    var checked = checkFields(doc);
    checked.id = id || hashId(before + canonical(checked.fields), 12);
    report.newId = !id;
    return checked;
  }

  function parse(text, options) {
    var doc;
    try { doc = JSON.parse(text); } catch (e) { throw new PlanError("not_json"); }
    return read(doc, options);
  }

  function checkValue(name, value, entry) {
    var found = entry ? partRule(entry[1], entry[3]) : null;
    for (var i = 0; !entry && !found && i < VALUE_RULES.length; i++) if (VALUE_RULES[i][0].test(name)) found = [VALUE_RULES[i][1]];
    var code = found && found[0](value);
    if (code) throw new PlanError(code, name, found[1]);
  }

  function checkFields(doc) {
    if (!isObject(doc.fields)) throw new PlanError("no_fields");
    if (Object.keys(doc.fields).length > MAX_FIELDS) throw new PlanError("too_many_fields");
    var fields = Object.create(null);
    var ids = { session: new Set(), checkin: new Set(), wellbeing: new Set() };
    names(doc.fields).forEach(function (name) {
      var value = doc.fields[name];
      if (value === false || value === "") return;
      if (value !== true && typeof value !== "string") throw new PlanError("not_text", name);
      if (typeof value === "string" && value.length > MAX_TEXT && name !== "calendar-sent") throw new PlanError("too_long", name);
      var entry = ENTRY.exec(name);
      checkValue(name, value, entry);
      if (entry && ids[entry[1]].add(entry[2]).size > MAX_ENTRIES[entry[1]]) {
        throw new PlanError("too_many_" + entry[1], undefined, { limit: MAX_ENTRIES[entry[1]] });
      }
      fields[name] = value;
    });
    var revision = doc.revision === undefined ? 0 : doc.revision;
    if (typeof revision !== "number" || revision % 1 !== 0 || revision < 0) throw new PlanError("bad_revision");
    return { format: FORMAT, version: VERSION, revision: revision, saved: typeof doc.saved === "string" ? doc.saved : null, fields: fields };
  }

  /* The fields no part shows (statics: the Set of the page's own names); their words are listed. */
  function kept(fields, statics) {
    return Object.keys(fields).filter(function (name) {
      return !statics.has(name) && !entryField(name) && !Object.prototype.hasOwnProperty.call(OWN, name);
    });
  }

  function create(fields, revision, now, id) {
    return { format: FORMAT, version: VERSION, revision: revision, saved: (now || new Date()).toISOString(),
             id: id || randomId(12), fields: fields };
  }

  var MIGRATIONS = {};

  PlanGuide.format = {
    FORMAT: FORMAT, VERSION: VERSION, MAX_BYTES: MAX_BYTES, MAX_FIELDS: MAX_FIELDS, MAX_ENTRIES: MAX_ENTRIES,
    ENTRY: ENTRY, MIGRATIONS: MIGRATIONS, PlanError: PlanError, isObject: isObject, checkName: checkName, names: names,
    read: read, parse: parse, create: create, newId: newId, randomId: randomId, hashId: hashId, canonical: canonical,
    entryField: entryField, kept: kept, isDate: isDate, isTime: isTime
  };
}(typeof module === "object" && module.exports ? module.exports : (window.PlanGuide = window.PlanGuide || {})));
