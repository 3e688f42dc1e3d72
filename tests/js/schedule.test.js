"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { schedule } = require("../../templates/assets/javascripts/plan/schedule.js");
const WORDS = require("./words.js");

const PRACTICES = [{ field: "practice-journaling", name: "Keeping a journal" }, { field: "practice-movement", name: "Mindful movement" }];

/* Events as [first day, last day, title, daily?] in ISO dates, for readable comparisons. */
function days(plan, words = WORDS) {
  return schedule.events(plan, PRACTICES, words).map((e) => [schedule.isoDay(e.start), schedule.isoDay(e.end - 1), e.title, !!e.daily]);
}

test("fill puts values in once, leaves unknown fill-ins, and takes $ and braces in values literally", () => {
  assert.equal(schedule.fill("See {name}, {name}.", { name: "Dr. Rivera" }), "See Dr. Rivera, Dr. Rivera.");
  assert.equal(schedule.fill("Hi {nobody}", { name: "x" }), "Hi {nobody}");
  assert.equal(schedule.fill("{a}{b}", { a: "{b}", b: "B" }), "{b}B");
  assert.equal(schedule.fill("Cost: {a}", { a: "$& $1 $$" }), "Cost: $& $1 $$");
  assert.equal(schedule.fill("{n}", { n: 3 }), "3");
});

test("sessions: valid dates only, in date order, with their intentions", () => {
  const plan = { "session-2-date": "2026-12-01", "session-1-date": "2026-12-08", "session-3-date": "next tuesday",
                 "session-4-date": "", "session-1-intention": "Be kind", "session-1-note": "x" };
  assert.deepEqual(schedule.sessions(plan).map((s) => [s.number, schedule.isoDay(s.day), s.intention]),
                   [[2, "2026-12-01", ""], [1, "2026-12-08", "Be kind"]]);
  assert.deepEqual(schedule.sessions({}), []);
});

test("two sessions a week apart: the day before, the day, three days after, then daily practice", () => {
  assert.deepEqual(days({ "session-1-date": "2026-12-01", "session-2-date": "2026-12-08" }), [
    ["2026-11-30", "2026-11-30", "Eve of session 1", false],
    ["2026-12-01", "2026-12-01", "Session 1 day", false],
    ["2026-12-02", "2026-12-04", "After session 1", false],
    ["2026-12-05", "2026-12-06", "Practice", true], // stops before the eve of session 2
    ["2026-12-07", "2026-12-07", "Eve of session 2", false],
    ["2026-12-08", "2026-12-08", "Session 2 day", false],
    ["2026-12-09", "2026-12-11", "After session 2", false],
    ["2026-12-12", "2026-12-25", "Practice", true] // after the last session: to day 17
  ]);
});

test("sessions close together: the days after end at the next session, no practice between", () => {
  assert.deepEqual(days({ "session-1-date": "2026-12-30", "session-2-date": "2027-01-01" }).slice(0, 4), [
    ["2026-12-29", "2026-12-29", "Eve of session 1", false],
    ["2026-12-30", "2026-12-30", "Session 1 day", false],
    ["2026-12-31", "2026-12-31", "After session 1", false],
    ["2026-12-31", "2026-12-31", "Eve of session 2", false]
  ]);
  assert.equal(days({ "session-1-date": "2026-12-01", "session-2-date": "2026-12-02" }).filter((e) => e[2].startsWith("After")).length, 1);
});

test("the day offsets come from the content", () => {
  const words = { ...WORDS, before: { ...WORDS.before, days_before: 2 }, after: { ...WORDS.after, first_day: 2, last_day: 2 },
                  practice: { ...WORDS.practice, first_day: 3, last_day: 5 } };
  assert.deepEqual(days({ "session-1-date": "2024-02-28" }, words), [
    ["2024-02-26", "2024-02-26", "Eve of session 1", false],
    ["2024-02-28", "2024-02-28", "Session 1 day", false],
    ["2024-03-01", "2024-03-01", "After session 1", false], // a leap year: Feb 29 is day 1
    ["2024-03-02", "2024-03-04", "Practice", true]
  ]);
  const twoSessions = days({ "session-1-date": "2024-02-28", "session-2-date": "2024-03-08" }, words);
  assert.deepEqual(twoSessions.filter((e) => e[3]), [
    ["2024-03-02", "2024-03-05", "Practice", true], // stops before session 2's eve, two days before it
    ["2024-03-11", "2024-03-13", "Practice", true]
  ]);
  assert.deepEqual(twoSessions[4], ["2024-03-06", "2024-03-06", "Eve of session 2", false]);
});

test("the events' words: intention, therapist, chosen practices and the small step", () => {
  const plan = { "session-1-date": "2026-12-01", "session-1-intention": "Be kinder; \"really\"", "therapist-name": "Dr. Rivera",
                 "practice-journaling": true, "practice-journaling-often": "Daily", "practice-journaling-minutes": "20 minutes",
                 "practice-movement": true, action: "A short walk" };
  const [eve, day, after, practice] = schedule.events(plan, PRACTICES, WORDS);
  assert.equal(eve.detail, "Pick a focus. Intention: Be kinder; \"really\"");
  assert.equal(day.detail, "Rest; no driving. Intention: Be kinder; \"really\"");
  assert.equal(after.detail, "Journal. See Dr. Rivera.");
  assert.equal(practice.detail, "Mine: Keeping a journal (Daily, 20 minutes); Mindful movement. Step: A short walk");
  const bare = schedule.events({ "session-1-date": "2026-12-01", "practice-movement": false }, PRACTICES, WORDS);
  assert.deepEqual(bare.map((e) => e.detail), ["Pick a focus.", "Rest; no driving.", "Journal. See a therapist.", "Any practice."]);
});

test("the next appointment, only with a valid date and time", () => {
  assert.deepEqual(schedule.appointment({ "therapist-next": "2026-12-03T14:30", "therapist-name": "Dr. Rivera" }, WORDS),
                   { start: "2026-12-03T14:30", title: "Therapy with Dr. Rivera" });
  assert.deepEqual(schedule.appointment({ "therapist-next": "2026-12-03T14:30" }, WORDS), { start: "2026-12-03T14:30", title: "Therapy" });
  assert.equal(schedule.appointment({ "therapist-next": "2026-12-03" }, WORDS), null);
  assert.equal(schedule.appointment({}, WORDS), null);
});

test("when an event is, in the content's words", () => {
  const [eve, , after, practice] = schedule.events({ "session-1-date": "2026-12-01" }, PRACTICES, WORDS);
  const shown = (iso) => new Date(iso + "T00:00:00Z").toLocaleDateString(undefined,
    { timeZone: "UTC", weekday: "short", month: "short", day: "numeric", year: "numeric" });
  assert.equal(schedule.when(eve, WORDS), shown("2026-11-30"));
  assert.equal(schedule.when(after, WORDS), `${shown("2026-12-02")} until ${shown("2026-12-04")}`);
  assert.equal(schedule.when(practice, WORDS), `${shown("2026-12-05")} until ${shown("2026-12-18")}, daily`);
});
