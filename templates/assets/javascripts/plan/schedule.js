/* The schedule from a plan's session dates, in the words and day offsets of plan.yml's
   `schedule:`. A day is a day number since 1970-01-01 UTC, so no time zone moves a date. */
(function (PlanGuide) {
  "use strict";

  var DAY_MS = 86400000;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

  /* {name} -> values.name, in one pass: a patient's "{x}" is never filled in. */
  function fill(text, values) {
    return String(text).replace(/\{([a-z_]+)\}/g, function (all, name) {
      return values && values[name] !== undefined ? String(values[name]) : all;
    });
  }

  function dayNumber(date) { var p = date.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]) / DAY_MS; }
  function isoDay(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }
  function shownDay(day) {
    return new Date(day * DAY_MS).toLocaleDateString(undefined, { timeZone: "UTC", weekday: "short", month: "short", day: "numeric", year: "numeric" });
  }

  /* [{number, day, intention}] in date order. */
  function sessions(plan) {
    var found = [];
    Object.keys(plan).forEach(function (name) {
      var match = /^session-(\d+)-date$/.exec(name);
      if (match && DATE.test(plan[name]) && !isNaN(dayNumber(plan[name]))) {
        found.push({ number: +match[1], day: dayNumber(plan[name]), intention: plan["session-" + match[1] + "-intention"] || "" });
      }
    });
    return found.sort(function (a, b) { return a.day - b.day || a.number - b.number; });
  }

  /* practices: [{field, name}] in page order. */
  function chosen(plan, practices) {
    return practices.filter(function (p) { return plan[p.field] === true; }).map(function (p) {
      var how = [plan[p.field + "-often"], plan[p.field + "-minutes"]].filter(Boolean).join(", ");
      return how ? p.name + " (" + how + ")" : p.name;
    });
  }

  function withExtra(text, extra) { return extra ? text + " " + extra : text; }

  /* [{start, end (exclusive), title, detail, daily}] by start. */
  function events(plan, practices, words) {
    var all = sessions(plan);
    var mine = chosen(plan, practices);
    var therapist = plan["therapist-name"] ? fill(words.therapist, { name: plan["therapist-name"] }) : words.no_therapist;
    var step = plan.action ? fill(words.small_step, { action: plan.action }) : "";
    var before = words.before, after = words.after, practice = words.practice;
    var found = [];
    all.forEach(function (s, i) {
      var next = all[i + 1] ? all[i + 1].day : null;
      var number = { number: s.number };
      var intention = s.intention ? fill(words.intention, { intention: s.intention }) : "";
      found.push({ start: s.day - before.days_before, end: s.day - before.days_before + 1, title: fill(before.title, number),
        detail: withExtra(before.detail, intention) });
      found.push({ start: s.day, end: s.day + 1, title: fill(words.session_day.title, number),
        detail: withExtra(words.session_day.detail, intention) });
      var afterEnd = Math.min(s.day + after.last_day + 1, next === null ? Infinity : next);
      if (afterEnd > s.day + after.first_day) {
        found.push({ start: s.day + after.first_day, end: afterEnd, title: fill(after.title, number),
          detail: fill(after.detail, { therapist: therapist }) });
      }
      var practiceEnd = next === null ? s.day + practice.last_day + 1 : next - before.days_before;
      if (practiceEnd > s.day + practice.first_day) {
        found.push({ start: s.day + practice.first_day, end: practiceEnd, daily: true, title: practice.title,
          detail: withExtra(mine.length ? fill(practice.detail, { practices: mine.join("; ") }) : practice.detail_no_practices, step) });
      }
    });
    return found.sort(function (a, b) { return a.start - b.start; });
  }

  /* {start: "YYYY-MM-DDTHH:MM", title} or null. */
  function appointment(plan, words) {
    var start = plan["therapist-next"];
    if (!start || !DATETIME.test(start)) return null;
    var name = plan["therapist-name"];
    return { start: start, title: name ? fill(words.appointment_with, { name: name }) : words.appointment };
  }

  function when(event, words) {
    if (event.end - event.start <= 1) return shownDay(event.start);
    return fill(event.daily ? words.daily_dates : words.dates, { first: shownDay(event.start), last: shownDay(event.end - 1) });
  }

  PlanGuide.schedule = {
    fill: fill, dayNumber: dayNumber, isoDay: isoDay, sessions: sessions, events: events, appointment: appointment, when: when
  };
}(typeof module === "object" && module.exports ? module.exports : (window.PlanGuide = window.PlanGuide || {})));
