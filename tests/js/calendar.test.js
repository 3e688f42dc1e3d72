"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { calendar, schedule, entries } = require("../../templates/assets/javascripts/plan/calendar.js");
const WORDS = require("./words.js");

const NOW = new Date(Date.UTC(2026, 10, 20, 8, 5, 9, 123));
const TODAY = entries.dayOf("2026-11-20");
const octets = (text) => Buffer.byteLength(text, "utf8");

/* The file's content lines, unfolded (RFC 5545 3.1), each as [name with parameters, value]. */
function contentLines(ics) {
  return ics.replace(/\r\n$/, "").replace(/\r\n[ \t]/g, "").split("\r\n").map((line) => {
    const colon = line.indexOf(":");
    return [line.slice(0, colon), line.slice(colon + 1)];
  });
}

/* A TEXT value read back as a calendar program reads it. */
function unescape(value) {
  return value.replace(/\\([\\;,nN])/g, (_, ch) => (ch === "n" || ch === "N" ? "\n" : ch));
}

const PLAN_ID = "k3x9q2abcdef";

/* The calendar file of a plan; sent: what the last file held (calendar-sent). */
function made(plan, sent, now = NOW) {
  return calendar.ics({ name: "Plan (Clinic)", events: schedule.events(plan, [], WORDS, TODAY, PLAN_ID), now, sent, cancelled: "Gone" });
}
function file(plan) { return made(plan).text; }

/* The calendar's events, each as {name: [values]} of its own lines (its alarm's lines under ALARM). */
function events(ics) {
  const found = [];
  let event = null, alarm = null;
  for (const [key, value] of contentLines(ics)) {
    if (key === "BEGIN" && value === "VEVENT") { event = {}; continue; }
    if (key === "BEGIN" && value === "VALARM") { alarm = {}; continue; }
    if (key === "END" && value === "VALARM") { event.ALARM = alarm; alarm = null; continue; }
    if (key === "END" && value === "VEVENT") { found.push(event); event = null; continue; }
    const into = alarm || event;
    if (into) (into[key] = into[key] || []).push(value);
  }
  return found;
}

test("text values escape backslashes, semicolons, commas and line breaks", () => {
  assert.equal(calendar.text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
  assert.equal(calendar.text("a bare\rreturn"), "a bare\\nreturn", "a lone CR is a line break too, never a raw line");
  assert.equal(calendar.text("plain words"), "plain words");
  const tricky = "Be kinder, even on hard days; \"really\" \\ & <3\nsecond line";
  assert.equal(unescape(calendar.text(tricky)), tricky);
});

test("long lines fold at 75 octets and unfold to the same line, never splitting a character", () => {
  for (const line of ["DESCRIPTION:" + "a".repeat(200), "SUMMARY:" + "é".repeat(100), "X:" + "😀".repeat(60) + "b".repeat(7),
                      "X:" + "a".repeat(72) + "€€€"]) {
    const folded = calendar.fold(line);
    const parts = folded.split("\r\n");
    assert.ok(parts.length > 1, line.slice(0, 20));
    parts.forEach((part, i) => {
      assert.ok(octets(part) <= 75, `${i}: ${octets(part)} octets`);
      if (i > 0) assert.equal(part[0], " ");
    });
    assert.ok(!folded.includes("\uFFFD"));
    assert.equal(folded.replace(/\r\n /g, ""), line);
  }
  assert.equal(calendar.fold("SUMMARY:short"), "SUMMARY:short");
  assert.equal(calendar.fold("x".repeat(75)), "x".repeat(75));
  assert.equal(calendar.fold("x".repeat(76)), "x".repeat(75) + "\r\n x");
});

test("every line ends in CRLF and the file is one calendar, whatever line breaks the patient typed", () => {
  const ics = file({ "session-aaaaa1-date": "2026-12-01", "session-aaaaa1-intention": "one\rtwo\r\nthree\nfour" });
  assert.ok(ics.endsWith("END:VCALENDAR\r\n") && ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  assert.equal(ics.split("\n").length - 1, ics.split("\r\n").length - 1, "no bare LF");
  assert.ok(!/\r(?!\n)/.test(ics), "no bare CR");
  assert.equal(events(ics).length, 4, "four events for one session");
  assert.equal(unescape(events(ics)[1].DESCRIPTION[0]), "Rest; no driving. Intention: one\ntwo\nthree\nfour");
});

test("each event: its UID, stamp, dates, and the words escaped", () => {
  const plan = { "session-aaaaa1-date": "2026-12-01", "session-bbbbb2-date": "2026-12-08", "session-aaaaa1-intention": "Calm, slow; kind\nand \\ brave",
                 "therapist-next": "2026-12-03T23:30", "therapist-name": "Dr. Rivera, PhD" };
  const lines = contentLines(file(plan));
  const value = (name) => lines.filter(([key]) => key === name).map(([, v]) => v);
  assert.deepEqual(value("UID"), [
    "aaaaa1-before@ketamine-integration-plan", "aaaaa1-day@ketamine-integration-plan", "aaaaa1-after@ketamine-integration-plan",
    "therapist-next-k3x9q2abcdef@ketamine-integration-plan", "aaaaa1-practice@ketamine-integration-plan",
    "bbbbb2-before@ketamine-integration-plan", "bbbbb2-day@ketamine-integration-plan", "bbbbb2-after@ketamine-integration-plan",
    "bbbbb2-practice@ketamine-integration-plan"
  ]);
  assert.deepEqual([...new Set(value("DTSTAMP"))], ["20261120T080509Z"]);
  assert.deepEqual(value("DTSTART;VALUE=DATE").slice(0, 4), ["20261130", "20261201", "20261202", "20261205"]);
  assert.deepEqual(value("DTEND;VALUE=DATE").slice(0, 4), ["20261201", "20261202", "20261205", "20261206"]);
  assert.deepEqual(value("RRULE"), ["FREQ=DAILY;UNTIL=20261206", "FREQ=DAILY;UNTIL=20261225"]);
  assert.deepEqual(value("DTSTART"), ["20261203T233000"], "floating local time");
  assert.deepEqual(value("DTEND"), ["20261204T003000"], "an hour later, past midnight");
  assert.equal(value("X-WR-CALNAME")[0], "Plan (Clinic)");
  assert.equal(value("SUMMARY")[3], "Therapy with Dr. Rivera\\, PhD");
  const sessionDay = value("DESCRIPTION")[1];
  assert.equal(sessionDay, "Rest\\; no driving. Intention: Calm\\, slow\\; kind\\nand \\\\ brave");
  assert.equal(unescape(sessionDay), "Rest; no driving. Intention: Calm, slow; kind\nand \\ brave");
});

test("a re-export keeps each event's UID when sessions are added or moved", () => {
  const uids = (plan) => events(file(plan)).map((e) => e.UID[0]);
  const first = uids({ "session-aaaaa1-date": "2026-12-08" });
  const later = uids({ "session-aaaaa1-date": "2026-12-09", "session-zzzzz9-date": "2026-12-01" });
  assert.deepEqual(first, ["aaaaa1-before", "aaaaa1-day", "aaaaa1-after", "aaaaa1-practice"].map((u) => u + "@ketamine-integration-plan"));
  assert.ok(first.every((uid) => later.includes(uid)), `${first} in ${later}`);
});

test("a session with a time: a timed event with its alarm; with no time: all day", () => {
  const timed = events(file({ "session-aaaaa1-date": "2026-12-01", "session-aaaaa1-time": "09:30", "reminder-session": "60" }))[1];
  assert.deepEqual([timed.DTSTART, timed.DTEND], [["20261201T093000"], ["20261201T113000"]]);
  assert.deepEqual(timed.ALARM, { ACTION: ["DISPLAY"], DESCRIPTION: ["Session 1 day"], TRIGGER: ["-PT60M"] });
  const allDay = events(file({ "session-aaaaa1-date": "2026-12-01", "reminder-session": "1440" }))[1];
  assert.deepEqual([allDay["DTSTART;VALUE=DATE"], allDay["DTEND;VALUE=DATE"], allDay.DTSTART], [["20261201"], ["20261202"], undefined]);
  assert.deepEqual(allDay.ALARM.TRIGGER, ["-PT960M"], "the day before at 8 in the morning, not at midnight");
  const hourBefore = events(file({ "session-aaaaa1-date": "2026-12-01", "reminder-session": "180" }))[1];
  assert.deepEqual(hourBefore.ALARM.TRIGGER, ["PT480M"], "under a day before, with no time: 8 in the morning of the day, not 21:00 the evening before");
  const none = events(file({ "session-aaaaa1-date": "2026-12-01", "session-aaaaa1-time": "09:30" }))[1];
  assert.equal(none.ALARM, undefined, "no alarm unless the patient asked for one");
  assert.equal(events(file({ "session-aaaaa1-date": "2026-12-01", "reminder-session": "60" })).filter((e) => e.ALARM).length, 1,
               "the alarm is on the session, not on the days around it");
});

test("the daily check-in reminder: a daily timed event with an alarm at its time", () => {
  const [reminder] = events(file({ "reminder-checkin-time": "20:00" }));
  assert.deepEqual(reminder.UID, ["checkin-reminder-k3x9q2abcdef@ketamine-integration-plan"], "unique to the plan");
  assert.deepEqual([reminder.DTSTART, reminder.DTEND, reminder.RRULE],
                   [["20261120T200000"], ["20261120T201500"], ["FREQ=DAILY;UNTIL=20261217T200000"]]);
  assert.deepEqual(reminder.ALARM.TRIGGER, ["PT0M"]);
  assert.deepEqual(reminder.SUMMARY, ["Check in"]);
});

test("the calendar's name is escaped too, and a long description folds", () => {
  const ics = calendar.ics({ name: "Plan (A, B; C)", now: NOW,
                             events: [{ uid: "x", start: 20600, end: 20601, title: "T", detail: "word ".repeat(40).trim() }] }).text;
  assert.ok(ics.includes("X-WR-CALNAME:Plan (A\\, B\\; C)\r\n"));
  assert.ok(ics.split("\r\n").every((line) => octets(line) <= 75));
  const description = contentLines(ics).find(([key]) => key === "DESCRIPTION")[1];
  assert.equal(description, "word ".repeat(40).trim());
});

test("two files of an unchanged plan: the same UIDs and SEQUENCEs; a changed session's events, a higher SEQUENCE", () => {
  const plan = { "session-aaaaa1-date": "2026-12-01", "session-bbbbb2-date": "2026-12-08", "reminder-checkin-time": "20:00" };
  const first = made(plan);
  const again = made(plan, first.sent, new Date(NOW.getTime() + 3600000));
  const seq = (ics) => Object.fromEntries(events(ics).map((e) => [e.UID[0].split("@")[0], +e.SEQUENCE[0]]));
  assert.deepEqual(events(again.text).map((e) => e.UID[0]), events(first.text).map((e) => e.UID[0]));
  assert.deepEqual(seq(again.text), seq(first.text));
  assert.ok(Object.values(seq(first.text)).every((n) => n === 0));
  assert.equal(again.sent, first.sent);
  const moved = made({ ...plan, "session-bbbbb2-date": "2026-12-09" }, again.sent);
  const after = seq(moved.text);
  assert.deepEqual([after["bbbbb2-day"], after["bbbbb2-before"], after["aaaaa1-day"]], [1, 1, 0], "only what changed goes up");
  assert.equal(after["aaaaa1-practice"], 1, "session 1's daily practice now ends a day later: changed too");
  assert.equal(seq(made({ ...plan, "session-bbbbb2-date": "2026-12-09" }, moved.sent).text)["bbbbb2-day"], 1, "and stays so");
});

test("an event sent before and removed since is sent as cancelled, keeping its UID", () => {
  const plan = { "session-aaaaa1-date": "2026-12-01", "session-bbbbb2-date": "2026-12-08" };
  const first = made(plan);
  const removed = made({ "session-aaaaa1-date": "2026-12-01" }, first.sent);
  const gone = events(removed.text).filter((e) => e.STATUS);
  assert.deepEqual(gone.map((e) => [e.UID[0].split("@")[0], e.STATUS[0], e.SEQUENCE[0], e.SUMMARY[0]]), [
    ["bbbbb2-before", "CANCELLED", "1", "Gone"], ["bbbbb2-day", "CANCELLED", "1", "Gone"], ["bbbbb2-after", "CANCELLED", "1", "Gone"],
    ["bbbbb2-practice", "CANCELLED", "1", "Gone"]]);
  assert.deepEqual(gone[1]["DTSTART;VALUE=DATE"], ["20261208"]);
  const back = made(plan, removed.sent);
  assert.equal(events(back.text).find((e) => e.UID[0].startsWith("bbbbb2-day")).SEQUENCE[0], "2", "put back: newer than its cancellation");
  assert.deepEqual(calendar.readSent(first.sent).get("aaaaa1-day").sequence, 0);
  assert.equal(calendar.readSent("nonsense :: 1:2:3:4:5 a:b:c:d").size, 1, "a damaged record is read as far as it goes");
});

test("a notice event (for a plan from before version 3) is one more event, on its day", () => {
  const ics = calendar.ics({ name: "P", now: NOW, events: [], notice: { uid: "earlier-" + PLAN_ID, start: TODAY, end: TODAY + 1, title: "Remove old ones", detail: "Old." } });
  const [notice] = events(ics.text);
  assert.deepEqual([notice.UID[0], notice.SUMMARY[0], notice["DTSTART;VALUE=DATE"][0]], ["earlier-k3x9q2abcdef@ketamine-integration-plan", "Remove old ones", "20261120"]);
});
