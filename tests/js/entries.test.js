"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { entries } = require("../../templates/assets/javascripts/plan/entries.js");

/* The safety plan's call_words of a language's plan.yml, as the page hands them to the script. */
function callWords(file) {
  const text = fs.readFileSync(path.join(__dirname, "..", "..", "content", file), "utf8");
  return /^\s*call_words: \[(.*)\]\s*$/m.exec(text)[1].split(",").map((word) => word.trim().replace(/^"|"$/g, ""));
}
const EN = callWords("pages/plan.yml"), ES = callWords("es/pages/plan.yml");

const PLAN = {
  "session-bbbbbb-date": "2026-09-16", "session-bbbbbb-themes": "grief\r\nTrust",
  "session-aaaaaa-date": "2026-09-02", "session-aaaaaa-time": "09:30", "session-aaaaaa-themes": "Grief\nMy father\n\n  ",
  "session-cccccc-date": "2026-02-30", "session-cccccc-intention": "an impossible date: not shown, not lost",
  "session-dddddd-intention": "no date at all",
  "checkin-x1x1x1-date": "2026-09-03", "checkin-x1x1x1-mood": "3",
  "checkin-x2x2x2-date": "2026-09-20", "checkin-x2x2x2-mood": "7",
  "checkin-x0x0x0-date": "2026-09-01",
  "wellbeing-w1w1w1-date": "2026-09-20",
  "action": "a static field", "session-1-date": "2026-01-01"
};

test("an entry is there while it has a field; in date order, those without a real date last", () => {
  const list = entries.list(PLAN, "session");
  assert.deepEqual(list.map((e) => [e.id, e.day === null]), [["aaaaaa", false], ["bbbbbb", false], ["cccccc", true], ["dddddd", true]]);
  assert.equal(entries.dayOf("2026-02-30"), null);
  assert.equal(entries.dayOf("2026-2-3"), null);
  assert.equal(entries.dayOf("2024-02-29"), entries.dayOf("2024-03-01") - 1);
  assert.deepEqual({ ...list[0].parts }, { date: "2026-09-02", time: "09:30", themes: "Grief\nMy father\n\n  " });
  assert.deepEqual(entries.dated(list).map((e) => e.id), ["aaaaaa", "bbbbbb"]);
});

test("index: every entry's fields in one pass, in maps (no id or part is special)", () => {
  const index = entries.index({ "session-constr-themes": "x", "session-constr-journal-tostring": "y", "checkin-aaaaaa-mood": "3", action: "z" });
  assert.deepEqual([...index.session.keys()], ["constr"]);
  assert.equal(Object.getPrototypeOf(index.session.get("constr")), null);
  assert.deepEqual({ ...index.session.get("constr") }, { themes: "x", "journal-tostring": "y" });
  assert.deepEqual([...index.checkin.keys()], ["aaaaaa"]);
  assert.equal(index.wellbeing.size, 0);
});

test("months: the entries by month, newest first, those without a date at the end", () => {
  const groups = entries.months(entries.list(PLAN, "checkin").concat(entries.list({ "checkin-nodate-mood": "3" }, "checkin")));
  assert.deepEqual(groups.map((g) => [g.key, g.entries.map((e) => e.id)]), [["2026-09", ["x0x0x0", "x1x1x1", "x2x2x2"]], ["", ["nodate"]]]);
  const within = entries.within(entries.list(PLAN, "checkin"), entries.dayOf("2026-09-02"), entries.dayOf("2026-09-20"));
  assert.deepEqual(within.map((e) => e.id), ["x1x1x1", "x2x2x2"]);
  assert.deepEqual(entries.within(entries.list(PLAN, "checkin"), null, null).length, 3);
});

test("dates in the page's language, each kind of format made once", () => {
  const en = entries.names("en-US"), es = entries.names("es"), day = entries.dayOf("2026-12-01");
  assert.equal(en, entries.names("en-US"), "the same formats again");
  assert.deepEqual([en.long(day), en.short(day), en.month(day), en.monthShort(day), en.monthYear(day)],
                   ["December 1, 2026", "Dec 1", "December 2026", "Dec", "Dec 2026"]);
  assert.equal(es.long(day), "1 de diciembre de 2026");
  assert.equal(en.time("14:30").replace(/\u202f/g, " "), "2:30 PM");
  assert.equal(entries.monthKey(day), "2026-12");
  assert.equal(entries.isoDay(day), "2026-12-01");
});

test("two sessions on one day are ordered by time", () => {
  const plan = { "session-zzzzzz-date": "2026-09-02", "session-zzzzzz-time": "08:00",
                 "session-aaaaaa-date": "2026-09-02", "session-aaaaaa-time": "17:00" };
  assert.deepEqual(entries.list(plan, "session").map((e) => e.id), ["zzzzzz", "aaaaaa"]);
});

test("removing an entry names every field it has, and no other", () => {
  assert.deepEqual(entries.namesOf(PLAN, "session", "aaaaaa").sort(),
    ["session-aaaaaa-date", "session-aaaaaa-themes", "session-aaaaaa-time"]);
});

test("themes across sessions: one per line, the same whatever the capitals, with their sessions", () => {
  assert.deepEqual(entries.themes(entries.dated(entries.list(PLAN, "session"))), [
    { theme: "Grief", sessions: [1, 2] }, { theme: "My father", sessions: [1] }, { theme: "Trust", sessions: [2] }
  ]);
});

test("themes that are names a script holds dear, in any capitals, are themes like any other", () => {
  const tricky = ["constructor", "__proto__", "toString", "hasOwnProperty", "CONSTRUCTOR", "__PROTO__", "valueOf", "prototype"];
  const sessions = [{ parts: { themes: tricky.join("\n") } }, { parts: { themes: "HasOwnProperty\nToString" } }];
  assert.deepEqual(entries.themes(sessions), [
    { theme: "constructor", sessions: [1] }, { theme: "__proto__", sessions: [1] }, { theme: "toString", sessions: [1, 2] },
    { theme: "hasOwnProperty", sessions: [1, 2] }, { theme: "valueOf", sessions: [1] }, { theme: "prototype", sessions: [1] }
  ]);
});

test("each session's check-ins run from its day until the day before the next session", () => {
  const after = entries.checkinsAfter(entries.list(PLAN, "session"), entries.list(PLAN, "checkin"));
  assert.deepEqual(after.map((list) => list.map((c) => c.id)), [["x1x1x1"], ["x2x2x2"], [], []], "none for a session without a date");
});

test("scores are whole numbers in range, or nothing", () => {
  assert.equal(entries.score("7", 10), 7);
  assert.equal(entries.score("0", 5), 0);
  for (const bad of ["11", "-1", "3.5", "", undefined, "6 ", "x"]) assert.equal(entries.score(bad, 10), null, bad);
  assert.equal(entries.score("6", 5), null);
});

test("the WHO-5 raw score needs all five answers; below 13 is low", () => {
  const who5 = (answers) => entries.who5({ parts: Object.fromEntries(answers.map((a, i) => ["q" + (i + 1), a])) });
  assert.deepEqual(who5(["2", "3", "2", "1", "3"]), { score: 11, percent: 44, low: true, veryLow: false });
  assert.deepEqual(who5(["3", "3", "2", "2", "3"]), { score: 13, percent: 52, low: false, veryLow: false });
  assert.deepEqual(who5(["5", "5", "5", "5", "5"]), { score: 25, percent: 100, low: false, veryLow: false });
  assert.equal(who5(["5", "5", "5", "5"]), null);
  assert.equal(who5(["5", "5", "5", "5", "6"]), null);
});

test("a WHO-5 of 7 or less, or 10 or more below the one before it, is urgent", () => {
  const at = (date, answers) => ({ day: entries.dayOf(date), parts: Object.fromEntries(answers.map((a, i) => ["q" + (i + 1), a])) });
  const first = at("2026-09-01", ["5", "5", "4", "4", "4"]), half = at("2026-09-15", ["3", "3", "3", "2", "2"]);
  const seven = at("2026-09-29", ["2", "2", "1", "1", "1"]), eight = at("2026-09-29", ["2", "2", "2", "1", "1"]);
  const unanswered = at("2026-09-10", ["5", "5"]);
  assert.equal(entries.who5(first, [first]).urgent, false, "the first one, 22");
  assert.equal(entries.who5(half, [half, unanswered, first]).urgent, false, "13 after 22: a drop of 9");
  const twelve = at("2026-09-15", ["3", "3", "3", "2", "1"]);
  assert.equal(entries.who5(twelve, [twelve, unanswered, first]).urgent, true, "12 after 22: a drop of 10");
  assert.equal(entries.who5(seven, [seven]).urgent, true, "7 or less");
  assert.equal(entries.who5(eight, [eight]).urgent, false, "8, with none before");
  assert.equal(entries.who5(eight, [first, eight]).urgent, true, "8 after 22: a drop of 14");
  assert.equal(entries.who5(eight, [half, first, eight]).urgent, false, "8 after 13: the last one counts, a drop of 5");
  assert.equal(entries.who5({ day: null, parts: half.parts }, [first]).urgent, false, "no date: no drop to measure");
});

test("the WHO-5 is due with none yet, or 14 days or more after the last", () => {
  const list = entries.list(PLAN, "wellbeing");
  const day = entries.dayOf("2026-09-20");
  assert.equal(entries.who5Due([], day), true);
  assert.equal(entries.who5Due(list, day + 13), false);
  assert.equal(entries.who5Due(list, day + 14), true);
});

test("phone numbers typed in a text become tel: addresses, each with the name typed before it; dates and short numbers do not", () => {
  assert.deepEqual(entries.phoneNumbers("Sam (555) 010-0199, or 555.010.0100\nAunt: +44 20 7946 0958. Call 988."), [
    { text: "(555) 010-0199", href: "tel:5550100199", name: "Sam" },
    { text: "555.010.0100", href: "tel:5550100100", name: "Sam" },
    { text: "+44 20 7946 0958", href: "tel:+442079460958", name: "Aunt" },
    { text: "988", href: "tel:988", name: "Call" }
  ], "with no call words, the words typed before a number, whatever they are");
  assert.deepEqual(entries.phoneNumbers("Maria 555 201 3344, Joe 555 111 2222\n555 201 0000"), [
    { text: "555 201 3344", href: "tel:5552013344", name: "Maria" },
    { text: "555 111 2222", href: "tel:5551112222", name: "Joe" },
    { text: "555 201 0000", href: "tel:5552010000", name: "" }
  ]);
  assert.equal(entries.phoneNumbers("When I can't cope, my sister Ana: 555 201 3344")[0].name, "my sister Ana", "the last three words");
  assert.equal(entries.phoneNumbers("<b>Ana</b> 555 201 3344")[0].name, "b>Ana</b", "what was typed, as text");
  assert.deepEqual(entries.phoneNumbers("Sam 555\n0100"), [{ text: "555", href: "tel:555", name: "Sam" }, { text: "0100", href: "tel:0100", name: "" }],
                   "a number ends at its line");
  assert.deepEqual(entries.phoneNumbers("On 2026-09-02 I felt 5 of 10 <b>ok</b>"), []);
  assert.deepEqual(entries.phoneNumbers(""), []);
  assert.deepEqual(entries.phoneNumbers("988 and 988 again"), [{ text: "988", href: "tel:988", name: "" }]);
});

test("a call link's name leaves out the words that say how to call, in English and Spanish, whatever the phrasing", () => {
  const names = (text, words) => entries.phoneNumbers(text, words).map((n) => [n.text, n.name]);
  assert.deepEqual(names("Call 988", EN), [["988", ""]], "no name: the link says Call 988, not Call Call at 988");
  assert.deepEqual(names("call or text 988", EN), [["988", ""]]);
  assert.deepEqual(names("Maria 555 201 3344", EN), [["555 201 3344", "Maria"]]);
  assert.deepEqual(names("Call Maria 555 201 3344", EN), [["555 201 3344", "Maria"]]);
  assert.deepEqual(names("Call Maria at 555 201 3344", EN), [["555 201 3344", "Maria"]]);
  assert.deepEqual(names("Maria: call 555 201 3344", EN), [["555 201 3344", "Maria"]]);
  assert.deepEqual(names("Maria, cell 555 201 3344 or text 555 201 0000", EN),
                   [["555 201 3344", "Maria"], ["555 201 0000", "Maria"]], "the second number is Maria's too");
  assert.deepEqual(names("If I can't sleep I call my sister Ana at 555 201 3344", EN), [["555 201 3344", "my sister Ana"]]);
  assert.deepEqual(names("Text 741741", EN), [["741741", ""]]);
  assert.deepEqual(names("Llamar al 988", ES), [["988", ""]], "sin nombre: Llamar al 988, not Llamar a Llamar al al 988");
  assert.deepEqual(names("Llamar a María al 555 201 3344", ES), [["555 201 3344", "María"]]);
  assert.deepEqual(names("María 555 201 3344", ES), [["555 201 3344", "María"]]);
  assert.deepEqual(names("Mi hermana Ana, celular: 555 201 3344", ES), [["555 201 3344", "Mi hermana Ana"]]);
  assert.deepEqual(names("LLAME O ESCRIBA AL 988", ES), [["988", ""]], "in any capitals");
  assert.deepEqual(names("Tía Rosa: llamar o mandar mensaje al 555 201 3344", ES), [["555 201 3344", "Tía Rosa"]]);
  assert.deepEqual(names("Mom: call or send a text to 555 201 3344", EN), [["555 201 3344", "Mom"]]);
});

test("today is the patient's own calendar day", () => {
  assert.equal(entries.isoDay(entries.today(new Date(2026, 0, 5, 23, 59))), "2026-01-05");
});

test("a number as typed is dialled by its digits, a leading + kept, as the pages' links are", () => {
  assert.equal(entries.telHref("+44 (20) 7946-0000"), "tel:+442079460000");
  assert.equal(entries.telHref(" +1 988"), "tel:+1988");
  assert.equal(entries.telHref("020 7946 0000"), "tel:02079460000");
});
