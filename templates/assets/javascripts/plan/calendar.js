/* The schedule as an RFC 5545 calendar file (.ics). Needs schedule.js. Timed events are in
   "floating" local time (no time zone), as the patient typed them; an event with no time is all-day. */
(function (PlanGuide) {
  "use strict";

  var isoDay = PlanGuide.schedule.isoDay;
  var PRODID = "-//Ketamine Integration Guide//Plan builder//EN";
  var UID_DOMAIN = "@ketamine-integration-plan";

  /* A TEXT value (RFC 5545 3.3.11); a line break, CR LF, LF or a lone CR, is written as \n. */
  function text(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
  }

  /* Over 75 octets: CRLF + space, never inside a character. */
  function fold(line) {
    var encoder = new TextEncoder();
    var out = [];
    var current = "";
    var octets = 0;
    Array.from(line).forEach(function (ch) {
      var size = encoder.encode(ch).length;
      if (octets + size > (out.length ? 74 : 75)) { out.push(current); current = ""; octets = 0; }
      current += ch;
      octets += size;
    });
    out.push(current);
    return out.join("\r\n ");
  }

  function compact(day) { return isoDay(day).replace(/-/g, ""); }

  /* A local date-time, minutes after `time` ("HH:MM") on `day`: YYYYMMDDTHHMMSS. */
  function localTime(day, time, minutes) {
    var p = time.split(":");
    var at = new Date(day * 86400000 + ((+p[0] * 60) + +p[1] + (minutes || 0)) * 60000);
    return at.toISOString().slice(0, 19).replace(/[-:]/g, "");
  }

  function eventLines(event, stamp) {
    var lines = ["BEGIN:VEVENT", "UID:" + event.uid + UID_DOMAIN, "DTSTAMP:" + stamp];
    var lastDay = event.daily ? event.start : event.end - 1;
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
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + text(event.title),
        "TRIGGER:" + (event.alarm ? "-PT" + event.alarm + "M" : "PT0M"), "END:VALARM");
    }
    lines.push("END:VEVENT");
    return lines;
  }

  /* plan: {name, events (schedule.events), now (a Date)}. */
  function ics(plan) {
    var stamp = plan.now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + PRODID, "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
      "X-WR-CALNAME:" + text(plan.name)];
    plan.events.forEach(function (event) { lines = lines.concat(eventLines(event, stamp)); });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  PlanGuide.calendar = { text: text, fold: fold, ics: ics };
}(typeof module === "object" && module.exports ? Object.assign(module.exports, require("./schedule.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
