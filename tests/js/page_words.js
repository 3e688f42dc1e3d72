/* The words of the plan page for the screen scripts' tests, shaped like content/pages/plan.yml's
   messages, schedule and screens but worded for the tests, so a test shows the words come from the
   content. Only what the scripts read. */
"use strict";

const schedule = require("./words.js");

module.exports = {
  schedule: { ...schedule, earlier: { title: "Remove old ones", detail: "Delete the older reminders." }, cancelled: "Gone" },
  messages: {
    loaded: "Loaded.", saved: "All saved.", saving: "Saving.", saved_with_other_tab: "Saved with the other tab.", not_saved: "Not saved.",
    save_failed: "The last change failed to save.", part_failed: "A part failed.", updated_in_other_tab: "Updated elsewhere.",
    cleared_in_other_tab: "Cleared elsewhere.", changed_in_both_tabs: "Both tabs: {fields}.", no_storage: "No storage.",
    storage_blocked: "Blocked.", storage_full: "Full.", storage_full_on_load: "Full on load.", storage_full_on_replace: "Full on replace.",
    stored_unreadable: "Unreadable ({reason})", stored_unreadable_not_kept: "Unreadable, left ({reason})", unreadable_file: "old-{date}.json",
    memory_only: "This visit only.", export_file: "plan-{date}.json", exported: "Exported {file}.", refused: "Refused: {reason}",
    confirm_replace: "Replace?", nothing_changed: "Nothing changed.", opened: "Opened.", opened_for_this_visit: "Opened for now.",
    confirm_clear: "Clear?", cleared: "Cleared.", not_cleared: "Not cleared.", calendar_needs_a_date: "Add a date.",
    calendar_file: "plan.ics", calendar_saved: "Calendar {file}.", calendar_earlier: "Remove the old reminders.",
    kept_fields: "Kept under {heading} in {part}.", migrated: "Updated.", migrated_sessions: "Sessions moved: {count}.",
    migrated_undated: "Without a date: {count}.", replaced_kept: "Old plan kept.", replaced_kept_for_visit: "Old plan kept for now.",
    restored: "Old plan back.", removed: "Removed {entry}.", undone: "Back again.", date_out_of_range: "1900 to 2200 only.",
    entry_kinds: { session: "Session", checkin: "Check-in", wellbeing: "WHO-5" },
    file_problems: { could_not_read: "unreadable.", not_a_date: "{name} is no date.", too_many_session: "over {limit} sessions." }
  },
  screens: {
    steps: { progress: "{started}/{total} started", previous: "Back", next: "On", small_step: "Step and summary" },
    sessions: { title: "Sessions", session: "S{number} on {date}", no_date: "S{number}, no date", no_checkins: "None yet.", past: "Past ({count})",
                today: "Now" },
    checkins: { mood: "Mood", sleep: "Sleep", line: "{date}: {mood}/{sleep}", no_date: "Check-in, no date", month: "{month}: {count}",
                no_date_month: "No date" },
    wellbeing: { title: "WHO-5s", entry: "WHO-5 of {date}", no_date: "WHO-5, no date", score: "{score}/25 ({percent}/100)" },
    chart: { label: "The chart", session: "Session {number}", sessions: "A session", date: "Day",
             wellbeing: "WHO-5", weekly: "Weekly means.", monthly: "Monthly means.", table_month: "In {month}",
             show_table: "Table", hide_table: "No table" },
    safety: { call: "Ring {number}", call_person: "Ring {name}: {number}" },
    evening: { writes_into: "Into {session}.", clinic: "My clinic" },
    summary: { heading: "Summary", themes: "Themes", checkins: "Chart", step: "Step", nothing: "Nothing.", period: "{period}: {first}-{last}",
               theme: "{theme} ({count}/{total})", more_themes: "+{count} more", name: "For {name}", printed: "Printed {date}",
               earlier: "(+{count} before)", effects: "Effects", effect: "{effect} {count}/{total}", no_effects: "No effects in {total}.",
               who5_score: "{date} {score}", who5_low: "{date} {score} LOW", who5_low_note: "LOW: under 13.",
               axis_scores: "Mood, sleep", axis_who5: "WHO-5 score", axis_dates: "Days {first}-{last}" },
    kept: { title: "Other words", ticked: "A tick" }
  }
};
