/* The entries a patient adds (format v3): sessions, check-ins and WHO-5s, each a set of fields
   named <kind>-<id>-<part>, which exists while its -date is a real date. Pure: fields in, lists
   out; screens.js draws them. A day is a day number since 1970-01-01 UTC, as in schedule.js. */
(function (PlanGuide) {
  "use strict";

  var DAY_MS = 86400000;
  var ID_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
  var ENTRY = /^(session|checkin|wellbeing)-([a-z0-9]{6})-([a-z0-9-]+)$/;
  var WHO5_ITEMS = 5, WHO5_LOW = 13, WHO5_EVERY_DAYS = 14;

  /* A real calendar date "YYYY-MM-DD" as a day number, else null (2026-02-30 is null). */
  function dayOf(date) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || "");
    if (!m) return null;
    var time = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    return new Date(time).toISOString().slice(0, 10) === date ? time / DAY_MS : null;
  }

  /* Today in the patient's own time zone, as "YYYY-MM-DD". */
  function today(now) {
    var d = now || new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  /* Six random letters or digits no entry in fields uses yet. random() gives 0 <= x < 1. */
  function newId(fields, random) {
    for (;;) {
      var id = "";
      for (var i = 0; i < 6; i++) id += ID_LETTERS[Math.floor(random() * ID_LETTERS.length)];
      var taken = Object.keys(fields).some(function (name) { var m = ENTRY.exec(name); return m && m[2] === id; });
      if (!taken) return id;
    }
  }

  /* [{id, date, day, parts: {part: value}}] of one kind, in date order (then time, then id). */
  function list(fields, kind) {
    var byId = {};
    Object.keys(fields).forEach(function (name) {
      var m = ENTRY.exec(name);
      if (!m || m[1] !== kind) return;
      (byId[m[2]] = byId[m[2]] || {})[m[3]] = fields[name];
    });
    return Object.keys(byId).map(function (id) {
      var parts = byId[id];
      return { id: id, date: parts.date, day: dayOf(parts.date), parts: parts };
    }).filter(function (entry) { return entry.day !== null; }).sort(function (a, b) {
      return a.day - b.day || String(a.parts.time || "").localeCompare(String(b.parts.time || "")) || (a.id < b.id ? -1 : 1);
    });
  }

  /* Every field name of one entry: what removing it removes. */
  function namesOf(fields, kind, id) {
    var prefix = kind + "-" + id + "-";
    return Object.keys(fields).filter(function (name) { return name.indexOf(prefix) === 0; });
  }

  /* Each theme tagged on the sessions (one per line), with the session numbers it came up in, in
     the order first tagged; the same theme in other capitals is one theme, shown as first typed. */
  function themes(sessions) {
    var found = [], byKey = {};
    sessions.forEach(function (session, index) {
      String(session.parts.themes || "").split(/\r\n|\r|\n/).forEach(function (line) {
        var theme = line.trim(), key = theme.toLocaleLowerCase();
        if (!theme) return;
        if (!byKey[key]) { byKey[key] = { theme: theme, sessions: [] }; found.push(byKey[key]); }
        var numbers = byKey[key].sessions;
        if (numbers[numbers.length - 1] !== index + 1) numbers.push(index + 1);
      });
    });
    return found;
  }

  /* The check-ins after each session: from its day until the day before the next session. */
  function checkinsAfter(sessions, checkins) {
    return sessions.map(function (session, index) {
      var next = sessions[index + 1];
      return checkins.filter(function (c) { return c.day >= session.day && (!next || c.day < next.day); });
    });
  }

  /* A score 0..top as a number, or null when not a whole number in range. */
  function score(value, top) {
    return /^\d{1,2}$/.test(value || "") && +value <= top ? +value : null;
  }

  /* The WHO-5 raw score (0 to 25) when all five items are answered, else null; low: below 13. */
  function who5(entry) {
    var total = 0;
    for (var i = 1; i <= WHO5_ITEMS; i++) {
      var value = score(entry.parts["q" + i], 5);
      if (value === null) return null;
      total += value;
    }
    return { score: total, low: total < WHO5_LOW };
  }

  /* Whether to ask for a WHO-5: none yet, or the last one 14 days or more before today. */
  function who5Due(wellbeings, todayDay) {
    if (!wellbeings.length) return true;
    return todayDay - wellbeings[wellbeings.length - 1].day >= WHO5_EVERY_DAYS;
  }

  /* The phone numbers in a text, each as typed and as a tel: address (digits, a leading + kept):
     runs of digits with spaces, dots, dashes or brackets, 3 digits or more (988, 911); dates are not. */
  function phoneNumbers(text) {
    var found = [], seen = {};
    var runs = String(text || "").match(/\+?\(?\d[\d\s().-]*\d|\b\d{3}\b/g) || [];
    runs.forEach(function (run) {
      var typed = run.trim().replace(/[\s(.-]+$/, "");
      var digits = typed.replace(/\D/g, "");
      if (digits.length < 3 || digits.length > 15 || /^\d{4}-\d{2}-\d{2}$/.test(typed) || seen[digits]) return;
      seen[digits] = true;
      found.push({ text: typed, href: "tel:" + (typed.charAt(0) === "+" ? "+" : "") + digits });
    });
    return found;
  }

  PlanGuide.entries = {
    ENTRY: ENTRY, dayOf: dayOf, today: today, newId: newId, list: list, namesOf: namesOf, themes: themes,
    checkinsAfter: checkinsAfter, score: score, who5: who5, who5Due: who5Due, phoneNumbers: phoneNumbers
  };
}(typeof module === "object" && module.exports ? module.exports : (window.PlanGuide = window.PlanGuide || {})));
