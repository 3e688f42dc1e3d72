"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { calendar, schedule } = require("../../templates/assets/javascripts/plan/calendar.js");
const WORDS = require("./words.js");

const NOW = new Date(Date.UTC(2026, 10, 20, 8, 5, 9, 123));
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

function file(plan) {
  return calendar.ics({ name: "Plan (Clinic)", events: schedule.events(plan, [], WORDS), appointment: schedule.appointment(plan, WORDS), now: NOW });
}

test("text values escape backslashes, semicolons, commas and line breaks", () => {
  assert.equal(calendar.text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
  assert.equal(calendar.text("plain words"), "plain words");
  const tricky = "Be kinder, even on hard days; \"really\" \\ & <3\nsecond line";
  assert.equal(unescape(calendar.text(tricky)), tricky);
});

test("long lines fold at 75 octets and unfold to the same line, never splitting a character", () => {
  for (const line of ["DESCRIPTION:" + "a".repeat(200), "SUMMARY:" + "é".repeat(100), "X:" + "😀".repeat(60) + "b".repeat(7)]) {
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

test("every line ends in CRLF and the file is one calendar", () => {
  const ics = file({ "session-1-date": "2026-12-01" });
  assert.ok(ics.endsWith("END:VCALENDAR\r\n") && ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  assert.equal(ics.split("\n").length - 1, ics.split("\r\n").length - 1, "no bare LF");
  assert.ok(!/\r(?!\n)/.test(ics), "no bare CR");
  assert.equal(ics.split("\r\nBEGIN:VEVENT\r\n").length - 1, 4, "four events for one session");
});

test("each event: its UID, stamp, dates, and the words escaped", () => {
  const plan = { "session-1-date": "2026-12-01", "session-2-date": "2026-12-08", "session-1-intention": "Calm, slow; kind\nand \\ brave",
                 "therapist-next": "2026-12-03T23:30", "therapist-name": "Dr. Rivera, PhD" };
  const lines = contentLines(file(plan));
  const value = (name) => lines.filter(([key]) => key === name).map(([, v]) => v);
  assert.deepEqual(value("UID"), [
    "plan-20261130-0@ketamine-integration-plan", "plan-20261201-1@ketamine-integration-plan",
    "plan-20261202-2@ketamine-integration-plan", "plan-20261205-3@ketamine-integration-plan",
    "plan-20261207-4@ketamine-integration-plan", "plan-20261208-5@ketamine-integration-plan",
    "plan-20261209-6@ketamine-integration-plan", "plan-20261212-7@ketamine-integration-plan",
    "plan-therapist-20261203T233000@ketamine-integration-plan"
  ]);
  assert.deepEqual([...new Set(value("DTSTAMP"))], ["20261120T080509Z"]);
  assert.deepEqual(value("DTSTART;VALUE=DATE").slice(0, 4), ["20261130", "20261201", "20261202", "20261205"]);
  assert.deepEqual(value("DTEND;VALUE=DATE").slice(0, 4), ["20261201", "20261202", "20261205", "20261206"]);
  assert.deepEqual(value("RRULE"), ["FREQ=DAILY;UNTIL=20261206", "FREQ=DAILY;UNTIL=20261225"]);
  assert.deepEqual(value("DTSTART"), ["20261203T233000"]);
  assert.deepEqual(value("DTEND"), ["20261204T003000"], "an hour later, past midnight");
  assert.equal(value("X-WR-CALNAME")[0], "Plan (Clinic)");
  assert.equal(value("SUMMARY").at(-1), "Therapy with Dr. Rivera\\, PhD");
  const sessionDay = value("DESCRIPTION")[1];
  assert.equal(sessionDay, "Rest\\; no driving. Intention: Calm\\, slow\\; kind\\nand \\\\ brave");
  assert.equal(unescape(sessionDay), "Rest; no driving. Intention: Calm, slow; kind\nand \\ brave");
});

test("the calendar's name is escaped too, and a long description folds", () => {
  const ics = calendar.ics({ name: "Plan (A, B; C)", now: NOW, appointment: null,
                             events: [{ start: 20600, end: 20601, title: "T", detail: "word ".repeat(40).trim() }] });
  assert.ok(ics.includes("X-WR-CALNAME:Plan (A\\, B\\; C)\r\n"));
  assert.ok(ics.split("\r\n").every((line) => octets(line) <= 75));
  const description = contentLines(ics).find(([key]) => key === "DESCRIPTION")[1];
  assert.equal(description, "word ".repeat(40).trim());
});
