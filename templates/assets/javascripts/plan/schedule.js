/* The schedule of the sessions, appointment and check-in reminder, in plan.yml's words and day
   offsets, for the page and calendar.js. A uid lasts as its event does: made from the session's
   id, or the plan's (unique to each plan). Needs entries.js. */
(function (PlanGuide) {
  "use strict";

  var format = PlanGuide.format, entries = PlanGuide.entries;
  var CHECKIN_MIN_DAYS = 28;

  /* {name} -> values.name, in one pass: a patient's "{x}" is never filled in. */
  function fill(text, values) {
    return String(text).replace(/\{([a-z_]+)\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) && values[name] !== undefined ? String(values[name]) : all;
    });
  }

  function sessions(plan, list) {
    return entries.dated(list || entries.list(plan, "session")).map(function (s, i) {
      var time = s.parts.time;
      return { id: s.id, number: i + 1, day: s.day, time: format.isTime(time || "") ? time : "", intention: s.parts.intention || "" };
    });
  }

  function chosen(plan, practices) {
    return practices.filter(function (p) { return plan[p.field] === true; }).map(function (p) {
      var how = [plan[p.field + "-often"], plan[p.field + "-minutes"]].filter(Boolean).join(", ");
      return how ? p.name + " (" + how + ")" : p.name;
    });
  }

  /* detail: text and extra, the event's own words (its intention, the small step), kept apart in
     .base and .extra too, so that the page can say the sentences every session shares once. */
  function withExtra(event, text, extra) {
    event.base = text;
    event.extra = extra || "";
    event.detail = extra ? text + " " + extra : text;
    return event;
  }

  /* [{uid, start, end (exclusive), title, detail, daily, time, minutes, alarm, alarmHour}]. */
  function sessionEvents(plan, all, practices, words) {
    var mine = chosen(plan, practices);
    var therapist = plan["therapist-name"] ? fill(words.therapist, { name: plan["therapist-name"] }) : words.no_therapist;
    var step = plan.action ? fill(words.small_step, { action: plan.action }) : "";
    var before = words.before, after = words.after, practice = words.practice, day = words.session_day;
    var minutes = plan["reminder-session"], alarm = /^\d+$/.test(minutes || "") ? +minutes : null;
    var found = [];
    all.forEach(function (s, i) {
      var next = all[i + 1] ? all[i + 1].day : null;
      var number = { number: s.number };
      var intention = s.intention ? fill(words.intention, { intention: s.intention }) : "";
      found.push(withExtra({ uid: s.id + "-before", start: s.day - before.days_before, end: s.day - before.days_before + 1,
        title: fill(before.title, number) }, before.detail, intention));
      found.push(withExtra({ uid: s.id + "-day", start: s.day, end: s.day + 1, time: s.time, minutes: day.minutes, alarm: alarm,
        alarmHour: day.alarm_hour, title: fill(day.title, number) }, day.detail, intention));
      var afterEnd = Math.min(s.day + after.last_day + 1, next === null ? Infinity : next);
      if (afterEnd > s.day + after.first_day) {
        found.push({ uid: s.id + "-after", start: s.day + after.first_day, end: afterEnd, title: fill(after.title, number),
          detail: fill(after.detail, { therapist: therapist }) });
      }
      var practiceEnd = next === null ? s.day + practice.last_day + 1 : next - before.days_before;
      if (practiceEnd > s.day + practice.first_day) {
        found.push(withExtra({ uid: s.id + "-practice", start: s.day + practice.first_day, end: practiceEnd, daily: true, title: practice.title },
          mine.length ? fill(practice.detail, { practices: mine.join("; ") }) : practice.detail_no_practices, step));
      }
    });
    return found;
  }

  function appointment(plan, words, planId) {
    var start = (plan["therapist-next"] || "").split("T");
    if (start.length !== 2 || !format.isDate(start[0]) || !format.isTime(start[1])) return null;
    var name = plan["therapist-name"], day = entries.dayOf(start[0]);
    return { uid: "therapist-next-" + planId, start: day, end: day + 1, time: start[1], minutes: 60,
      title: name ? fill(words.appointment_with, { name: name }) : words.appointment, detail: "" };
  }

  /* At reminder-checkin-time, daily from today to the schedule's end (4 weeks at least). */
  function checkinReminder(plan, words, today, lastDay, planId) {
    var time = plan["reminder-checkin-time"];
    if (!time || !format.isTime(time)) return null;
    return { uid: "checkin-reminder-" + planId, start: today, end: Math.max(lastDay, today + CHECKIN_MIN_DAYS), daily: true,
      time: time, minutes: 15, alarm: 0, title: words.checkin.title, detail: words.checkin.detail };
  }

  /* Every event, in order; list: entries.list(plan, "session"), if made. */
  function events(plan, practices, words, today, planId, list) {
    var found = sessionEvents(plan, sessions(plan, list), practices, words);
    var next = appointment(plan, words, planId);
    if (next) found.push(next);
    var lastDay = found.reduce(function (last, e) { return Math.max(last, e.end); }, 0);
    var reminder = checkinReminder(plan, words, today, lastDay, planId);
    if (reminder) found.push(reminder);
    return found.sort(function (a, b) { return a.start - b.start || ((a.time || "") < (b.time || "") ? -1 : (a.time || "") > (b.time || "") ? 1 : 0); });
  }

  function split(all, today) {
    return {
      coming: all.filter(function (e) { return e.end > today; }),
      past: all.filter(function (e) { return e.end <= today; }).reverse()
    };
  }

  function when(event, words, lang) {
    var shown = entries.names(lang);
    var single = event.end - event.start <= 1;
    var first = shown.weekday(event.start), last = shown.weekday(event.end - 1);
    if (event.time) {
      var time = shown.time(event.time);
      if (single) return fill(words.at_time, { day: first, time: time });
      return fill(words.daily_at, { first: first, last: last, time: time });
    }
    if (single) return first;
    return fill(event.daily ? words.daily_dates : words.dates, { first: first, last: last });
  }

  PlanGuide.schedule = { fill: fill, sessions: sessions, events: events, split: split, when: when };
}(typeof module === "object" && module.exports ? Object.assign(module.exports, require("./entries.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
