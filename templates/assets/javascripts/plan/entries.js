/* Days, and the entries (sessions, check-ins, WHO-5s: fields <kind>-<id>-<part>), there while
   they have a field, with a date or without. A day: days since 1970-01-01 UTC, no time zone. */
(function (PlanGuide) {
  "use strict";

  var DAY_MS = 86400000;
  var ENTRY = PlanGuide.format.ENTRY;
  var WHO5_ITEMS = 5, WHO5_LOW = 13, WHO5_EVERY_DAYS = 14;
  var WHO5_VERY_LOW = 7, WHO5_BIG_DROP = 10;  // raw points: a score this low, or a drop this large, says contact the clinic soon
  var STYLES = {
    long: { year: "numeric", month: "long", day: "numeric" },
    short: { month: "short", day: "numeric" },
    shortYear: { year: "numeric", month: "short", day: "numeric" },
    weekday: { weekday: "short", year: "numeric", month: "short", day: "numeric" },
    month: { year: "numeric", month: "long" },
    monthShort: { month: "short" },
    monthYear: { year: "numeric", month: "short" },
    time: { hour: "numeric", minute: "2-digit" }
  };
  var made = new Map();

  function dayOf(date) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || "");
    if (!m) return null;
    var time = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    return new Date(time).toISOString().slice(0, 10) === date ? time / DAY_MS : null;
  }
  function isoDay(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }
  function today(now) {
    var d = now || new Date();
    return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS;
  }
  function monthKey(day) { return isoDay(day).slice(0, 7); }

  /* Day (and "HH:MM") writers in a language, each format made once: making one costs more than
     a thousand uses. */
  function names(lang) {
    var key = lang || "";
    if (made.has(key)) return made.get(key);
    var out = {};
    Object.keys(STYLES).forEach(function (style) {
      var formatter = null;
      out[style] = function (value) {
        formatter = formatter || new Intl.DateTimeFormat(lang || undefined, Object.assign({ timeZone: "UTC" }, STYLES[style]));
        if (style !== "time") return formatter.format(new Date(value * DAY_MS));
        var p = value.split(":");
        return formatter.format(new Date(Date.UTC(1970, 0, 1, +p[0], +p[1])));
      };
    });
    made.set(key, out);
    return out;
  }

  /* {session, checkin, wellbeing}: Maps id -> parts. */
  function index(fields) {
    var found = { session: new Map(), checkin: new Map(), wellbeing: new Map() };
    Object.keys(fields).forEach(function (name) {
      var m = ENTRY.exec(name);
      if (!m) return;
      var parts = found[m[1]].get(m[2]);
      if (!parts) found[m[1]].set(m[2], (parts = Object.create(null)));
      parts[m[3]] = fields[name];
    });
    return found;
  }

  /* [{id, kind, day, parts}] by date, time and id; those without a date last. */
  function list(fields, kind, idx) {
    var found = [];
    (idx || index(fields))[kind].forEach(function (parts, id) {
      found.push({ id: id, kind: kind, day: dayOf(parts.date), parts: parts });
    });
    return found.sort(function (a, b) {
      if ((a.day === null) !== (b.day === null)) return a.day === null ? 1 : -1;
      return (a.day - b.day) || String(a.parts.time || "").localeCompare(String(b.parts.time || "")) || (a.id < b.id ? -1 : 1);
    });
  }

  function dated(entries) { return entries.filter(function (e) { return e.day !== null; }); }

  function within(entries, first, last) {
    return entries.filter(function (entry) { return entry.day !== null && (first === null || entry.day >= first) && (last === null || entry.day <= last); });
  }

  /* [{key ("YYYY-MM", "": no date), day, entries}], newest first. */
  function months(entries) {
    var groups = new Map();
    entries.forEach(function (e) {
      var key = e.day === null ? "" : monthKey(e.day);
      if (!groups.has(key)) groups.set(key, { key: key, day: e.day === null ? null : dayOf(key + "-01"), entries: [] });
      groups.get(key).entries.push(e);
    });
    return Array.from(groups.values()).sort(function (a, b) { return a.key === "" ? 1 : b.key === "" ? -1 : b.day - a.day; });
  }

  function namesOf(fields, kind, id) {
    var prefix = kind + "-" + id + "-";
    return Object.keys(fields).filter(function (name) { return name.indexOf(prefix) === 0; });
  }

  /* The themes (a line each) with their sessions' numbers; in any capitals one theme. */
  function themes(sessions) {
    var found = [], byKey = new Map();
    sessions.forEach(function (session, index) {
      String(session.parts.themes || "").split(/\r\n|\r|\n/).forEach(function (line) {
        var theme = line.trim(), key = theme.toLocaleLowerCase();
        if (!theme) return;
        if (!byKey.has(key)) { byKey.set(key, { theme: theme, sessions: [] }); found.push(byKey.get(key)); }
        var numbers = byKey.get(key).sessions;
        if (numbers[numbers.length - 1] !== index + 1) numbers.push(index + 1);
      });
    });
    return found;
  }

  /* Each session's check-ins: from its day to the next session's. */
  function checkinsAfter(sessions, checkins) {
    var j = 0;
    checkins = dated(checkins);
    return sessions.map(function (session, index) {
      var next = sessions[index + 1], found = [];
      if (session.day === null) return found;
      while (j < checkins.length && checkins[j].day < session.day) j++;
      for (var k = j; k < checkins.length && (!next || next.day === null || checkins[k].day < next.day); k++) found.push(checkins[k]);
      return found;
    });
  }

  function score(value, top) { return /^\d{1,2}$/.test(value || "") && +value <= top ? +value : null; }

  /* The WHO-5 raw score once all five are answered, and its percentage (raw × 4). With the
     patient's WHO-5s, "urgent" too: 7 or less, or 10 or more below the last one before it. */
  function who5(entry, wellbeings) {
    var total = 0;
    for (var i = 1; i <= WHO5_ITEMS; i++) {
      var value = score(entry.parts["q" + i], 5);
      if (value === null) return null;
      total += value;
    }
    var result = { score: total, percent: total * 4, low: total < WHO5_LOW, veryLow: total <= WHO5_VERY_LOW };
    if (wellbeings) {
      var last = null, lastDay = -Infinity;
      if (entry.day !== null) {
        dated(wellbeings).forEach(function (e) {
          var earlier = e.day < entry.day && e.day > lastDay && who5(e);
          if (earlier) { last = earlier; lastDay = e.day; }
        });
      }
      result.urgent = result.veryLow || (!!last && last.score - total >= WHO5_BIG_DROP);
    }
    return result;
  }

  function who5Due(wellbeings, todayDay) {
    var all = dated(wellbeings);
    return !all.length || todayDay - all[all.length - 1].day >= WHO5_EVERY_DAYS;
  }

  /* Who a number in a text is for: the last few words before it on its line (since the number
     before it), past the last word of `skip` (lower case: "call", "at"... which say how, not who);
     with none, or a short joining word, the name of the number before it on the line. */
  var NAME_WORDS = 3, EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  function nameBefore(segment, skip) {
    var runs = [[]];
    segment.split(/\s+/).forEach(function (word) {
      if (!word.replace(EDGE, "")) return;
      if (skip.has(word.replace(EDGE, "").toLocaleLowerCase())) runs.push([]); else runs[runs.length - 1].push(word);
    });
    var words = runs.filter(function (run) { return run.length; }).pop() || [];
    return /\p{L}/u.test(words.join("")) ? words.slice(-NAME_WORDS).join(" ").replace(EDGE, "") : "";
  }

  /* The tel: address of a number as typed ("+44 20 7946 0958"): its digits, a leading + kept. The
     one place the plan's script makes one, as generator/guide/phone_links.py makes the page's. */
  function telHref(typed) {
    return "tel:" + (String(typed).trim().charAt(0) === "+" ? "+" : "") + String(typed).replace(/\D/g, "");
  }

  /* The phone numbers in a text (3 digits or more; not dates), as typed, as tel: addresses, and
     the name typed with each ("" if none); `callWords`: the words of nameBefore's `skip`. */
  function phoneNumbers(text, callWords) {
    var skip = new Set((callWords || []).map(function (word) { return word.toLocaleLowerCase(); }));
    var found = [], seen = new Set(), runs = /\+?\(?\d(?:[\d().-]|[^\S\r\n])*\d|\b\d{3}\b/g, run, from = 0, lastName = "";
    text = String(text || "");
    while ((run = runs.exec(text))) {
      var typed = run[0].replace(/[\s(.-]+$/, ""), digits = typed.replace(/\D/g, "");
      var before = text.slice(from, run.index), newline = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r"));
      if (newline >= 0) { before = before.slice(newline + 1); lastName = ""; }
      var name = nameBefore(before, skip);
      if (!name || (lastName && /^\p{L}{1,2}$/u.test(name))) name = lastName;  // "Sam 555 0100 or 555 0101": Sam's too
      from = run.index + run[0].length;
      lastName = name;
      if (digits.length < 3 || digits.length > 15 || /^\d{4}-\d{2}-\d{2}$/.test(typed) || seen.has(digits)) continue;
      seen.add(digits);
      found.push({ text: typed, href: telHref(typed), name: name });
    }
    return found;
  }

  PlanGuide.entries = {
    ENTRY: ENTRY, dayOf: dayOf, isoDay: isoDay, today: today, monthKey: monthKey, names: names,
    index: index, list: list, dated: dated, within: within, months: months, namesOf: namesOf, themes: themes,
    checkinsAfter: checkinsAfter, score: score, who5: who5, who5Due: who5Due, phoneNumbers: phoneNumbers,
    telHref: telHref
  };
}(typeof module === "object" && module.exports ? Object.assign(module.exports, require("./format.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
