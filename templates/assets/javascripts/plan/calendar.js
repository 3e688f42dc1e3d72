/* The schedule as an RFC 5545 calendar file (.ics). Needs schedule.js. */
(function (PlanGuide) {
  "use strict";

  var isoDay = PlanGuide.schedule.isoDay;
  var PRODID = "-//Ketamine Integration Guide//Plan builder//EN";
  var UID_DOMAIN = "@ketamine-integration-plan";

  function text(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
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

  /* plan: {name, events, appointment, now (a Date)}. */
  function ics(plan) {
    var stamp = plan.now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + PRODID, "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
      "X-WR-CALNAME:" + text(plan.name)];
    plan.events.forEach(function (event, i) {
      lines.push("BEGIN:VEVENT", "UID:plan-" + compact(event.start) + "-" + i + UID_DOMAIN,
        "DTSTAMP:" + stamp, "DTSTART;VALUE=DATE:" + compact(event.start));
      if (event.daily) lines.push("DTEND;VALUE=DATE:" + compact(event.start + 1), "RRULE:FREQ=DAILY;UNTIL=" + compact(event.end - 1));
      else lines.push("DTEND;VALUE=DATE:" + compact(event.end));
      lines.push("SUMMARY:" + text(event.title), "DESCRIPTION:" + text(event.detail), "TRANSP:TRANSPARENT", "END:VEVENT");
    });
    var next = plan.appointment;
    if (next) {
      var start = next.start.replace(/[-:]/g, "") + "00";
      var end = new Date(Date.parse(next.start + ":00Z") + 3600000).toISOString().slice(0, 16).replace(/[-:]/g, "") + "00";
      lines.push("BEGIN:VEVENT", "UID:plan-therapist-" + start + UID_DOMAIN, "DTSTAMP:" + stamp,
        "DTSTART:" + start, "DTEND:" + end, "SUMMARY:" + text(next.title), "END:VEVENT");
    }
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  PlanGuide.calendar = { text: text, fold: fold, ics: ics };
}(typeof module === "object" && module.exports ? Object.assign(module.exports, require("./schedule.js"))
  : (window.PlanGuide = window.PlanGuide || {})));
