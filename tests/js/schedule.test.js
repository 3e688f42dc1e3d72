"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { schedule, entries } = require("../../templates/assets/javascripts/plan/schedule.js");
const WORDS = require("./words.js");

const TODAY = entries.dayOf("2026-11-20");
const PLAN_ID = "k3x9q2abcdef";
const PRACTICES = [{ field: "practice-journaling", name: "Keeping a journal" }, { field: "practice-movement", name: "Mindful movement" }];

/* Events as [first day, last day, title, daily?] in ISO dates, for readable comparisons. */
function days(plan, words = WORDS) {
  return schedule.events(plan, PRACTICES, words, TODAY, PLAN_ID).map((e) => [entries.isoDay(e.start), entries.isoDay(e.end - 1), e.title, !!e.daily]);
}

test("fill puts values in once, leaves unknown fill-ins, and takes $ and braces in values literally", () => {
  assert.equal(schedule.fill("See {name}, {name}.", { name: "Dr. Rivera" }), "See Dr. Rivera, Dr. Rivera.");
  assert.equal(schedule.fill("Hi {nobody}", { name: "x" }), "Hi {nobody}");
  assert.equal(schedule.fill("{a}{b}", { a: "{b}", b: "B" }), "{b}B");
  assert.equal(schedule.fill("Cost: {a}", { a: "$& $1 $$" }), "Cost: $& $1 $$");
  assert.equal(schedule.fill("{n}", { n: 3 }), "3");
});

test("sessions: entries with a real date, numbered in date and time order, with their times and intentions", () => {
  /* one without a date has no day in the schedule (the page shows it as "date not set") */
  const plan = { "session-bbbbb2-date": "2026-12-01", "session-aaaaa1-date": "2026-12-08", "session-ccccc3-date": "next tuesday",
                 "session-ddddd4-date": "", "session-aaaaa1-intention": "Be kind", "session-aaaaa1-note": "x",
                 "session-eeeee5-date": "2026-12-01", "session-eeeee5-time": "09:00", "session-bbbbb2-time": "14:30",
                 "session-1-date": "2026-11-01", "checkin-fffff6-date": "2026-11-02", "session-ggggg7-date": "2026-02-30" };
  assert.deepEqual(schedule.sessions(plan).map((s) => [s.number, s.id, entries.isoDay(s.day), s.time, s.intention]),
                   [[1, "eeeee5", "2026-12-01", "09:00", ""], [2, "bbbbb2", "2026-12-01", "14:30", ""], [3, "aaaaa1", "2026-12-08", "", "Be kind"]]);
  assert.deepEqual(schedule.sessions({}), []);
});

test("two sessions a week apart: the day before, the day, three days after, then daily practice", () => {
  assert.deepEqual(days({ "session-aaaaa1-date": "2026-12-01", "session-bbbbb2-date": "2026-12-08" }), [
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
  assert.deepEqual(days({ "session-aaaaa1-date": "2026-12-30", "session-bbbbb2-date": "2027-01-01" }).slice(0, 4), [
    ["2026-12-29", "2026-12-29", "Eve of session 1", false],
    ["2026-12-30", "2026-12-30", "Session 1 day", false],
    ["2026-12-31", "2026-12-31", "After session 1", false],
    ["2026-12-31", "2026-12-31", "Eve of session 2", false]
  ]);
  assert.equal(days({ "session-aaaaa1-date": "2026-12-01", "session-bbbbb2-date": "2026-12-02" }).filter((e) => e[2].startsWith("After")).length, 1);
});

test("the day offsets come from the content", () => {
  const words = { ...WORDS, before: { ...WORDS.before, days_before: 2 }, after: { ...WORDS.after, first_day: 2, last_day: 2 },
                  practice: { ...WORDS.practice, first_day: 3, last_day: 5 } };
  assert.deepEqual(days({ "session-aaaaa1-date": "2024-02-28" }, words), [
    ["2024-02-26", "2024-02-26", "Eve of session 1", false],
    ["2024-02-28", "2024-02-28", "Session 1 day", false],
    ["2024-03-01", "2024-03-01", "After session 1", false], // a leap year: Feb 29 is day 1
    ["2024-03-02", "2024-03-04", "Practice", true]
  ]);
  const twoSessions = days({ "session-aaaaa1-date": "2024-02-28", "session-bbbbb2-date": "2024-03-08" }, words);
  assert.deepEqual(twoSessions.filter((e) => e[3]), [
    ["2024-03-02", "2024-03-05", "Practice", true], // stops before session 2's eve, two days before it
    ["2024-03-11", "2024-03-13", "Practice", true]
  ]);
  assert.deepEqual(twoSessions[4], ["2024-03-06", "2024-03-06", "Eve of session 2", false]);
});

test("the events' words: intention, therapist, chosen practices and the small step", () => {
  const plan = { "session-aaaaa1-date": "2026-12-01", "session-aaaaa1-intention": "Be kinder; \"really\"", "therapist-name": "Dr. Rivera",
                 "practice-journaling": true, "practice-journaling-often": "Daily", "practice-journaling-minutes": "20 minutes",
                 "practice-movement": true, action: "A short walk" };
  const [eve, day, after, practice] = schedule.events(plan, PRACTICES, WORDS, TODAY, PLAN_ID);
  assert.equal(eve.detail, "Pick a focus. Intention: Be kinder; \"really\"");
  assert.equal(day.detail, "Rest; no driving. Intention: Be kinder; \"really\"");
  assert.equal(after.detail, "Journal. See Dr. Rivera.");
  assert.equal(practice.detail, "Mine: Keeping a journal (Daily, 20 minutes); Mindful movement. Step: A short walk");
  const bare = schedule.events({ "session-aaaaa1-date": "2026-12-01", "practice-movement": false }, PRACTICES, WORDS, TODAY, PLAN_ID);
  assert.deepEqual(bare.map((e) => e.detail), ["Pick a focus.", "Rest; no driving.", "Journal. See a therapist.", "Any practice."]);
});

test("the therapist appointment is an event of its own, an hour at its time, with a valid date and time only", () => {
  const events = schedule.events({ "therapist-next": "2026-12-03T14:30", "therapist-name": "Dr. Rivera" }, PRACTICES, WORDS, TODAY, PLAN_ID);
  assert.deepEqual(events, [{ uid: "therapist-next-" + PLAN_ID, start: entries.dayOf("2026-12-03"), end: entries.dayOf("2026-12-04"),
                              time: "14:30", minutes: 60, title: "Therapy with Dr. Rivera", detail: "" }]);
  assert.equal(schedule.events({ "therapist-next": "2026-12-03T14:30" }, PRACTICES, WORDS, TODAY, PLAN_ID)[0].title, "Therapy");
  for (const bad of ["2026-12-03", "2026-02-30T10:00", "2026-12-03T25:00", ""]) {
    assert.deepEqual(schedule.events({ "therapist-next": bad }, PRACTICES, WORDS, TODAY, PLAN_ID), [], bad);
  }
  const withSession = schedule.events({ "therapist-next": "2026-12-03T14:30", "session-aaaaa1-date": "2026-12-01" }, PRACTICES, WORDS, TODAY, PLAN_ID);
  assert.deepEqual(withSession.map((e) => e.uid), ["aaaaa1-before", "aaaaa1-day", "aaaaa1-after", "therapist-next-" + PLAN_ID, "aaaaa1-practice"]);
  assert.equal(schedule.events({ "therapist-next": "2026-12-03T14:30" }, PRACTICES, WORDS, TODAY, "otherplan123")[0].uid, "therapist-next-otherplan123",
               "each plan's appointment has a uid of its own");
});

test("a session with a time is a timed event, with the alarm the patient chose; uids come from the session's id", () => {
  const plan = { "session-aaaaa1-date": "2026-12-01", "session-aaaaa1-time": "09:30", "reminder-session": "1440" };
  const events = schedule.events(plan, PRACTICES, WORDS, TODAY, PLAN_ID);
  assert.deepEqual(events.map((e) => [e.uid, e.time, e.alarm]),
                   [["aaaaa1-before", undefined, undefined], ["aaaaa1-day", "09:30", 1440], ["aaaaa1-after", undefined, undefined],
                    ["aaaaa1-practice", undefined, undefined]]);
  assert.equal(events[1].minutes, 120);
  const noAlarm = schedule.events({ ...plan, "reminder-session": "" }, PRACTICES, WORDS, TODAY, PLAN_ID);
  assert.equal(noAlarm[1].alarm, null);
  const allDay = schedule.events({ "session-aaaaa1-date": "2026-12-01" }, PRACTICES, WORDS, TODAY, PLAN_ID)[1];
  assert.equal(allDay.time, "");
  assert.equal(allDay.alarmHour, 8, "a reminder of a session without a time rings at the content's hour");
});

test("the daily check-in reminder: from today, at its time, to the schedule's end or for four weeks", () => {
  const alone = schedule.events({ "reminder-checkin-time": "20:00" }, PRACTICES, WORDS, TODAY, PLAN_ID);
  assert.deepEqual(alone, [{ uid: "checkin-reminder-" + PLAN_ID, start: TODAY, end: TODAY + 28, daily: true, time: "20:00", minutes: 15, alarm: 0,
                             title: "Check in", detail: "Mood, sleep, effects." }]);
  const withSession = schedule.events({ "reminder-checkin-time": "20:00", "session-aaaaa1-date": "2026-12-30" }, PRACTICES, WORDS, TODAY, PLAN_ID);
  const reminder = withSession.find((e) => e.uid === "checkin-reminder-" + PLAN_ID);
  assert.equal(entries.isoDay(reminder.end - 1), "2027-01-16", "to the last day of practice after the last session");
  assert.deepEqual(schedule.events({ "reminder-checkin-time": "8pm" }, PRACTICES, WORDS, TODAY, PLAN_ID), []);
});

test("when an event is, in the content's words, its dates as the page's language writes them", () => {
  const [eve, , after, practice] = schedule.events({ "session-aaaaa1-date": "2026-12-01" }, PRACTICES, WORDS, TODAY, PLAN_ID);
  assert.equal(schedule.when(eve, WORDS, "en-US"), "Mon, Nov 30, 2026");
  assert.equal(schedule.when(after, WORDS, "en-US"), "Wed, Dec 2, 2026 until Fri, Dec 4, 2026");
  assert.equal(schedule.when(practice, WORDS, "en-US"), "Sat, Dec 5, 2026 until Fri, Dec 18, 2026, daily");
  assert.equal(schedule.when(after, WORDS, "es"), "mié, 2 dic 2026 until vie, 4 dic 2026", "on a Spanish page, Spanish dates");
});

test("when a timed event is: its day and time, in the content's words and the page's language", () => {
  const plan = { "session-aaaaa1-date": "2026-12-01", "session-aaaaa1-time": "09:30", "reminder-checkin-time": "20:00" };
  const events = schedule.events(plan, PRACTICES, WORDS, TODAY, PLAN_ID);
  const day = events.find((e) => e.uid === "aaaaa1-day");
  const plainSpaces = (text) => text.replace(/\u202f/g, " ");  // ICU versions differ in the space before AM
  assert.equal(plainSpaces(schedule.when(day, WORDS, "en-US")), "Tue, Dec 1, 2026, 9:30 AM");
  assert.equal(schedule.when(day, WORDS, "es"), "mar, 1 dic 2026, 9:30");
  const reminder = events.find((e) => e.uid === "checkin-reminder-" + PLAN_ID);
  assert.equal(schedule.when(reminder, WORDS, "es"), "vie, 20 nov 2026 until vie, 18 dic 2026, daily, 20:00");
});

test("split: what is coming (or going on today), and the past, most recent first", () => {
  const all = schedule.events({ "session-aaaaa1-date": "2026-11-10", "session-bbbbb2-date": "2026-11-24" }, PRACTICES, WORDS, TODAY, PLAN_ID);
  const { coming, past } = schedule.split(all, TODAY);
  assert.deepEqual(coming.map((e) => e.title), ["Practice", "Eve of session 2", "Session 2 day", "After session 2", "Practice"],
                   "the practice going on today, then what is to come");
  assert.deepEqual(past.map((e) => e.title), ["After session 1", "Session 1 day", "Eve of session 1"]);
  assert.ok(coming.concat(past).length === all.length);
  const today = schedule.split(all, entries.dayOf("2026-11-23"));
  assert.equal(today.coming[0].title, "Eve of session 2", "an event on today is coming, not past");
  assert.equal(today.past[0].title, "Practice");
});
