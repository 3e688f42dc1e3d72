/* Schedule words for the unit tests, shaped like content/pages/plan.yml's `schedule:` with the
   same day offsets but words of their own, so a test shows the wording comes from the content. */
"use strict";

module.exports = {
  before: { days_before: 1, title: "Eve of session {number}", detail: "Pick a focus." },
  session_day: { minutes: 120, alarm_hour: 8, title: "Session {number} day", detail: "Rest; no driving." },
  after: { first_day: 1, last_day: 3, title: "After session {number}", detail: "Journal. {therapist}" },
  practice: { first_day: 4, last_day: 17, title: "Practice", detail: "Mine: {practices}.", detail_no_practices: "Any practice." },
  intention: "Intention: {intention}",
  small_step: "Step: {action}",
  therapist: "See {name}.",
  no_therapist: "See a therapist.",
  checkin: { title: "Check in", detail: "Mood, sleep, effects." },
  at_time: "{day}, {time}",
  dates: "{first} until {last}",
  daily_dates: "{first} until {last}, daily",
  daily_at: "{first} until {last}, daily, {time}",
  calendar_name: "Plan ({guide})",
  appointment: "Therapy",
  appointment_with: "Therapy with {name}"
};
