/* The schedule as an RFC 5545 file, times "floating" as typed. A calendar updates an event by
   its UID: one changed since the last file gets a higher SEQUENCE, one removed is sent cancelled.
   calendar-sent keeps "uid:hash:sequence:day[:x]" for each. Needs schedule.js. */
(function (PlanGuide) {
  "use strict";

  var entries = PlanGuide.entries, format = PlanGuide.format;
  var PRODID = "-//Ketamine Integration Guide//Plan builder//EN";
  var UID_DOMAIN = "@ketamine-integration-plan";

  /* A TEXT value (RFC 5545 3.3.11); CR LF, LF or a lone CR as \n. */
  function text(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
  }

  /* Over 75 octets: CRLF + space, never inside a character. */
  function fold(line) {
    if (line.length <= 25) return line;
    var encoder = new TextEncoder(), out = [], current = "", octets = 0;
    Array.from(line).forEach(function (ch) {
      var size = encoder.encode(ch).length;
      if (octets + size > (out.length ? 74 : 75)) { out.push(current); current = ""; octets = 0; }
      current += ch;
      octets += size;
    });
    out.push(current);
    return out.join("\r\n ");
  }

  function compact(day) { return entries.isoDay(day).replace(/-/g, ""); }

  function localTime(day, time, minutes) {
    var p = time.split(":");
    return new Date(day * 86400000 + ((+p[0] * 60) + +p[1] + (minutes || 0)) * 60000).toISOString().slice(0, 19).replace(/[-:]/g, "");
  }

  /* Without a time: at alarmHour on the day (under a day before), or whole days before. */
  function trigger(event) {
    if (event.time) return event.alarm ? "-PT" + event.alarm + "M" : "PT0M";
    var minutes = (event.alarmHour || 8) * 60 - Math.floor(event.alarm / 1440) * 1440;
    return minutes < 0 ? "-PT" + -minutes + "M" : "PT" + minutes + "M";
  }

  /* All but UID, DTSTAMP and SEQUENCE. */
  function body(event) {
    var lines = [], lastDay = event.daily ? event.start : event.end - 1;
    if (event.time) {
      lines.push("DTSTART:" + localTime(event.start, event.time), "DTEND:" + localTime(lastDay, event.time, event.minutes));
      if (event.daily) lines.push("RRULE:FREQ=DAILY;UNTIL=" + localTime(event.end - 1, event.time));
    } else {
      lines.push("DTSTART;VALUE=DATE:" + compact(event.start), "DTEND;VALUE=DATE:" + compact(lastDay + 1));
      if (event.daily) lines.push("RRULE:FREQ=DAILY;UNTIL=" + compact(event.end - 1));
    }
    lines.push("SUMMARY:" + text(event.title));
    if (event.detail) lines.push("DESCRIPTION:" + text(event.detail));
    lines.push(event.time ? "TRANSP:OPAQUE" : "TRANSP:TRANSPARENT");
    if (typeof event.alarm === "number") {
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + text(event.title), "TRIGGER:" + trigger(event), "END:VALARM");
    }
    return lines;
  }

  function readSent(record) {
    var sent = new Map();
    String(record || "").split(" ").forEach(function (item) {
      var p = item.split(":");
      if (p.length >= 4 && /^\d+$/.test(p[2]) && /^-?\d+$/.test(p[3])) sent.set(p[0], { hash: p[1], sequence: +p[2], day: +p[3], cancelled: p[4] === "x" });
    });
    return sent;
  }

  function writeSent(sent) {
    var out = [];
    sent.forEach(function (e, uid) { out.push([uid, e.hash, e.sequence, e.day].concat(e.cancelled ? ["x"] : []).join(":")); });
    return out.join(" ");
  }

  /* plan: {name, events, now, sent, notice (one more event), cancelled (a title)} -> {text, sent}. */
  function ics(plan) {
    var stamp = plan.now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + PRODID, "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
      "X-WR-CALNAME:" + text(plan.name)];
    var before = readSent(plan.sent), after = new Map();
    function add(uid, eventLines, day, cancelled) {
      var hash = format.hashId(eventLines.join("\n"), 6), old = before.get(uid);
      var sequence = !old ? 0 : old.hash === hash ? old.sequence : old.sequence + 1;
      after.set(uid, { hash: hash, sequence: sequence, day: day, cancelled: cancelled });
      lines = lines.concat(["BEGIN:VEVENT", "UID:" + uid + UID_DOMAIN, "DTSTAMP:" + stamp, "SEQUENCE:" + sequence], eventLines, ["END:VEVENT"]);
    }
    plan.events.concat(plan.notice ? [plan.notice] : []).forEach(function (event) { add(event.uid, body(event), event.start, false); });
    before.forEach(function (old, uid) {
      if (after.has(uid)) return;
      add(uid, ["DTSTART;VALUE=DATE:" + compact(old.day), "SUMMARY:" + text(plan.cancelled || ""), "STATUS:CANCELLED"], old.day, true);
    });
    lines.push("END:VCALENDAR");
    return { text: lines.map(fold).join("\r\n") + "\r\n", sent: writeSent(after) };
  }

  PlanGuide.calendar = { text: text, fold: fold, ics: ics, readSent: readSent };
}(typeof module === "object" && module.exports ? Object.assign(module.exports, require("./schedule.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
