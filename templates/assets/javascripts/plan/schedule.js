/* The schedule from a plan's sessions, therapist appointment and check-in reminder, in the words
   and day offsets of plan.yml's `schedule:`; the page lists it and calendar.js writes the same
   events to a file. A day is a day number since 1970-01-01 UTC, so no time zone moves a date; a
   time is "HH:MM" local time. Needs format.js. */
(function (PlanGuide) {
  "use strict";

  var format = PlanGuide.format;
  var DAY_MS = 86400000;
  var CHECKIN_MIN_DAYS = 28;  // a check-in reminder runs to the schedule's end, and for 4 weeks at least

  /* {name} -> values.name, in one pass: a patient's "{x}" is never filled in. */
  function fill(text, values) {
    return String(text).replace(/\{([a-z_]+)\}/g, function (all, name) {
      return values && values[name] !== undefined ? String(values[name]) : all;
    });
  }

  function dayNumber(date) { var p = date.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]) / DAY_MS; }
  function isoDay(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }
  /* A day and a time as the page's language writes them (lang: its <html lang>, e.g. "es"). */
  function shownDay(day, lang) {
    return new Date(day * DAY_MS).toLocaleDateString(lang, { timeZone: "UTC", weekday: "short", month: "short", day: "numeric", year: "numeric" });
  }
  function shownTime(time, lang) {
    var p = time.split(":");
    return new Date(Date.UTC(1970, 0, 1, +p[0], +p[1])).toLocaleTimeString(lang, { timeZone: "UTC", hour: "numeric", minute: "2-digit" });
  }

  /* [{id, number, day, time, intention}] in date (and time) order; number counts from 1. */
  function sessions(plan) {
    var found = [];
    Object.keys(plan).forEach(function (name) {
      var entry = format.entryField(name);
      if (!entry || entry.kind !== "session" || entry.part !== "date" || !format.isDate(plan[name])) return;
      var prefix = "session-" + entry.id + "-";
      var time = plan[prefix + "time"];
      found.push({ id: entry.id, day: dayNumber(plan[name]), time: format.isTime(time || "") ? time : "", intention: plan[prefix + "intention"] || "" });
    });
    found.sort(function (a, b) { return a.day - b.day || (a.time < b.time ? -1 : a.time > b.time ? 1 : 0) || (a.id < b.id ? -1 : 1); });
    found.forEach(function (s, i) { s.number = i + 1; });
    return found;
  }

  /* practices: [{field, name}] in page order. */
  function chosen(plan, practices) {
    return practices.filter(function (p) { return plan[p.field] === true; }).map(function (p) {
      var how = [plan[p.field + "-often"], plan[p.field + "-minutes"]].filter(Boolean).join(", ");
      return how ? p.name + " (" + how + ")" : p.name;
    });
  }

  function withExtra(text, extra) { return extra ? text + " " + extra : text; }

  /* The minutes before a session its alarm rings, or null for none. */
  function sessionAlarm(plan) {
    var minutes = plan["reminder-session"];
    return typeof minutes === "string" && /^\d+$/.test(minutes) ? +minutes : null;
  }

  /* The events of the sessions: [{uid, start, end (exclusive), title, detail, daily, time, minutes, alarm}].
     A uid is made from the session's id, so a calendar updates an event it already has. */
  function sessionEvents(plan, practices, words) {
    var all = sessions(plan);
    var mine = chosen(plan, practices);
    var therapist = plan["therapist-name"] ? fill(words.therapist, { name: plan["therapist-name"] }) : words.no_therapist;
    var step = plan.action ? fill(words.small_step, { action: plan.action }) : "";
    var before = words.before, after = words.after, practice = words.practice;
    var alarm = sessionAlarm(plan);
    var found = [];
    all.forEach(function (s, i) {
      var next = all[i + 1] ? all[i + 1].day : null;
      var number = { number: s.number };
      var intention = s.intention ? fill(words.intention, { intention: s.intention }) : "";
      found.push({ uid: s.id + "-before", start: s.day - before.days_before, end: s.day - before.days_before + 1,
        title: fill(before.title, number), detail: withExtra(before.detail, intention) });
      found.push({ uid: s.id + "-day", start: s.day, end: s.day + 1, time: s.time, minutes: words.session_day.minutes, alarm: alarm,
        title: fill(words.session_day.title, number), detail: withExtra(words.session_day.detail, intention) });
      var afterEnd = Math.min(s.day + after.last_day + 1, next === null ? Infinity : next);
      if (afterEnd > s.day + after.first_day) {
        found.push({ uid: s.id + "-after", start: s.day + after.first_day, end: afterEnd, title: fill(after.title, number),
          detail: fill(after.detail, { therapist: therapist }) });
      }
      var practiceEnd = next === null ? s.day + practice.last_day + 1 : next - before.days_before;
      if (practiceEnd > s.day + practice.first_day) {
        found.push({ uid: s.id + "-practice", start: s.day + practice.first_day, end: practiceEnd, daily: true, title: practice.title,
          detail: withExtra(mine.length ? fill(practice.detail, { practices: mine.join("; ") }) : practice.detail_no_practices, step) });
      }
    });
    return found;
  }

  /* The next therapist appointment (therapist-next, "YYYY-MM-DDTHH:MM", the v2 page's name), an hour long. */
  function appointment(plan, words) {
    var start = (plan["therapist-next"] || "").split("T");
    if (start.length !== 2 || !format.isDate(start[0]) || !format.isTime(start[1])) return null;
    var name = plan["therapist-name"];
    return { uid: "therapist-next", start: dayNumber(start[0]), end: dayNumber(start[0]) + 1, time: start[1], minutes: 60,
      title: name ? fill(words.appointment_with, { name: name }) : words.appointment, detail: "" };
  }

  /* The daily check-in reminder at reminder-checkin-time, from today to the schedule's end. */
  function checkinReminder(plan, words, today, lastDay) {
    var time = plan["reminder-checkin-time"];
    if (!time || !format.isTime(time)) return null;
    return { uid: "checkin-reminder", start: today, end: Math.max(lastDay, today + CHECKIN_MIN_DAYS), daily: true, time: time,
      minutes: 15, alarm: 0, title: words.checkin.title, detail: words.checkin.detail };
  }

  /* Every event, in order: the sessions', the appointment, the check-in reminder. today: a day number. */
  function events(plan, practices, words, today) {
    var found = sessionEvents(plan, practices, words);
    var next = appointment(plan, words);
    if (next) found.push(next);
    var lastDay = found.reduce(function (last, e) { return Math.max(last, e.end); }, 0);
    var reminder = checkinReminder(plan, words, today, lastDay);
    if (reminder) found.push(reminder);
    return found.sort(function (a, b) { return a.start - b.start || ((a.time || "") < (b.time || "") ? -1 : (a.time || "") > (b.time || "") ? 1 : 0); });
  }

  /* When an event is, in the content's words, its dates and times written the way `lang` writes them. */
  function when(event, words, lang) {
    var single = event.end - event.start <= 1;
    var first = shownDay(event.start, lang), last = shownDay(event.end - 1, lang);
    if (event.time) {
      var time = shownTime(event.time, lang);
      if (single) return fill(words.at_time, { day: first, time: time });
      return fill(words.daily_at, { first: first, last: last, time: time });
    }
    if (single) return first;
    return fill(event.daily ? words.daily_dates : words.dates, { first: first, last: last });
  }

  PlanGuide.schedule = {
    fill: fill, dayNumber: dayNumber, isoDay: isoDay, sessions: sessions, events: events, when: when
  };
}(typeof module === "object" && module.exports ? Object.assign(module.exports, require("./format.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
