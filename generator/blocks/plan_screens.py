"""The words of the plan's screens (plan.yml's ``screens``), and what the screens read from the
worksheets: the post-session journal's prompts, the side-effect tracker's items and its "call if"
note, the safety plan's steps. Each is read from the worksheet, never copied, so a change to a
worksheet (or a clinic's overlay of it) shows in the plan with no other change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import Field

from ..schema.base import Id, Strict, Text
from .plan_words import Words, words

if TYPE_CHECKING:
    from ..guide.guide import Guide

JOURNAL, TRACKER, SAFETY = "post-session-journal", "side-effect-tracker", "safety-plan"


class StepsWords(Words):
    label: Text = words("The name of the list of sections, for screen readers.")
    progress: Text = words("How many sections have something in them.", "started", "total")
    previous: Text = words("The button to the section before.")
    next: Text = words("The button to the next section.")
    need_help: Text = words("The link, always on top, to the crisis lines.")
    evening: Text = words("The link, on top, to the screen for the evening after a session.")
    practices: Text = words("The heading of the part with the practices and the session checklists.")
    people: Text = words("The heading of the part with support people and the therapist.")
    small_step: Text = words("The heading of the part with the small step and the therapist summary.")


class ReminderOption(Words):
    minutes: int = Field(ge=1, le=10080, description="How many minutes before the session.")
    label: Text = words("How the choice reads.")


class SessionWords(Words):
    title: Text = words("The sessions section's heading.")
    intro: Text = words("Under the heading.")
    add: Text = words("The button that adds a session.")
    session: Text = words("A session's heading.", "number", "date")
    no_date: Text = words("A session's heading while it has no date (one from an earlier version may have none).", "number")
    date: Text = words("The session's date.")
    time: Text = words("The session's time.")
    before: Text = words("The part before the session.")
    intention: Text = words("The intention's label.")
    feeling: Text = words("How I feel before, 0 to 10.")
    day_of: Text = words("The part for the day of the session.")
    day_of_label: Text = words("The label of the few words about the day.")
    after: Text = words("The part for the days after (the journal's prompts follow).")
    themes: Text = words("The label of the theme tags.")
    themes_hint: Text = words("Under the theme tags.")
    checkins: Text = words("The list of this session's check-ins.")
    no_checkins: Text = words("While this session has no check-in.")
    remove: Text = words("The button that removes a session.")
    across: Text = words("The heading of the themes across sessions.")
    across_empty: Text = words("While no session has a theme.")
    schedule: Text = words("The schedule's heading.")
    reminder: Text = words("The label of the calendar alarm before each session.")
    reminder_options: list[ReminderOption] = Field(min_length=1, description="The alarms to choose from.")
    reminder_none: Text = words("The choice of no alarm.")
    reminder_checkin: Text = words("The label of the time of a daily check-in reminder.")
    past: Text = words("Over the schedule's past events, folded.", "count")
    today: Text = words("Marks the schedule's events that take in today.")
    on_paper: Text = words("Under a part drawn from a worksheet: {worksheet} is the worksheet's title, a link to it.", "worksheet")


class CheckinWords(Words):
    title: Text = words("The check-ins section's heading.")
    intro: Text = words("Under the heading.")
    add: Text = words("The button that adds today's check-in.")
    checkin: Text = words("A check-in's heading.", "date")
    no_date: Text = words("A check-in's heading while it has no date.")
    month: Text = words("The heading of a month of check-ins; {month} is the month and year.", "month", "count")
    no_date_month: Text = words("The {month} of the check-ins without a date.")
    date: Text = words("The check-in's date.")
    mood: Text = words("Mood, 0 to 10.")
    sleep: Text = words("Sleep quality, 0 to 10.")
    effects: Text = words("The heading over the side effects.")
    note: Text = words("A note.")
    remove: Text = words("The button that removes a check-in.")
    help: Text = words("The link to the page about when to get help.")
    line: Text = words("One check-in in a session's list.", "date", "mood", "sleep")
    low: Text = words("The meaning of 0 on a 0 to 10 score.")
    high: Text = words("The meaning of 10 on a 0 to 10 score.")
    red_flag_effects: list[Id] = Field(min_length=1, description="The keys of the side effects (the tracker's columns) "
                                                                  "that are red flags: ticking one shows red_flag_body.")
    red_flag_body: Text = words("Beside a check-in with a red-flag side effect ticked, over the clinic's number, "
                                "the urgent route and the emergency number.")
    red_flag_mood: Text = words("Beside a check-in with a mood of 0 or 1, over the crisis lines and the emergency number.")
    red_flag_wellbeing: Text = words("Beside a WHO-5 of 7 or less, over the clinic's number, the crisis lines and "
                                     "the emergency number.")


class WellbeingWords(Words):
    """The WHO-5: its instruction, items and answers are its published wording, kept exactly."""

    title: Text = words("The WHO-5's heading.")
    intro: Text = words("What it is and how often.")
    due: Text = words("Shown when the last one is 14 days old or more, or there is none.")
    add: Text = words("The button that adds one dated today.")
    entry: Text = words("One WHO-5's heading.", "date")
    no_date: Text = words("A WHO-5's heading while it has no date.")
    date: Text = words("Its date.")
    instruction: Text = words("The WHO-5's instruction, as published.")
    items: list[Text] = Field(min_length=5, max_length=5, description="The five statements, as published.")
    answers: list[Text] = Field(min_length=6, max_length=6, description="The answers from 5 (all of the time) "
                                                                          "down to 0 (at no time), as published.")
    score: Text = words("The raw score, and beside it the percentage (raw × 4).", "score", "percent")
    low: Text = words("Under a raw score below 13: a sign to talk with the care team, not a diagnosis.")
    no_suicide_question: Text = words("With the low message: the WHO-5 does not ask about thoughts of suicide, "
                                      "and where to go if there are any (the crisis page's link follows).")
    contact_clinic: Text = words("Under a raw score of 7 or less, or a drop of 10 or more since the last one: "
                                 "contact the clinic soon.")
    terms: Text = words("Who made the WHO-5 and its terms of use.")
    remove: Text = words("The button that removes one.")
    references: list[Id] = Field(min_length=1, description="The references in references.yml it rests on.")


class RangeWords(Words):
    """The ranges of the chart, and the periods of the summary and of printing."""

    month: Text = words("The last 30 days.")
    quarter: Text = words("The last 3 months.")
    year: Text = words("The last year.")
    all: Text = words("Everything.")


class ChartWords(Words):
    title: Text = words("The chart's heading.")
    intro: Text = words("Under the heading.")
    empty: Text = words("While there is nothing to draw.")
    label: Text = words("What the chart is, for screen readers.")
    show_table: Text = words("The button that shows the table.")
    hide_table: Text = words("The button that hides it.")
    date: Text = words("The table's date column.")
    wellbeing: Text = words("The WHO-5 line and column.")
    session: Text = words("A session in the table and the themes.", "number")
    sessions: Text = words("The key to the sessions' marks.")
    range: Text = words("The label of the choice of range.")
    ranges: RangeWords
    weekly: Text = words("Under the chart when a point is a week's mean.")
    monthly: Text = words("Under the chart when a point is a month's mean.")
    table_month: Text = words("The table's caption; {month} is the month and year.", "month")
    earlier_month: Text = words("The button to the table's month before.")
    later_month: Text = words("The button to the table's month after.")


class SafetyWords(Words):
    title: Text = words("The safety plan's heading.")
    intro: Text = words("Under the heading.")
    danger: Text = words("First under the heading, with the emergency number as a tap-to-call link.", "number")
    call: Text = words("A tap-to-call link made from a phone number the patient typed with no name.", "number")
    call_person: Text = words("A tap-to-call link made from a phone number the patient typed, and whose it is "
                              "(a person's name, or the words typed before the number).", "name", "number")
    call_words: list[Text] = Field(min_length=1, description=(
        "Words a patient may type next to a number that say how to reach someone, not who (call, text, at, or...), "
        "one word each: left out of the name a call link shows, so \"Call 988\" never reads \"Call Call at 988\"."))
    card_owner_hint: Text = words("Under the optional name and date of the safety card: they print on it, and may stay empty.")
    people: Text = words("On the safety card: the heading of the numbers from My people (and a clinic number typed).")
    print: Text = words("The button that prints the safety plan as a card.")
    crisis: Text = words("The heading of the crisis lines in force.")


class EveningWords(Words):
    title: Text = words("The heading of the screen for the evening after a session.")
    rest: Text = words("Rest first.")
    ride: Text = words("The label: who is taking me home.")
    clinic: Text = words("The heading over the clinic's number.")
    clinic_field: Text = words("With no clinic edition: the label of the clinic's number, which the patient types.")
    prompts: Text = words("Over the three short prompts.")
    no_session: Text = words("Over the prompts while there is no session yet.")
    add_today: Text = words("The button that adds a session dated today.")
    writes_into: Text = words("Over the prompts: the session dated today they write into (its heading, "
                              "sessions.session).", "session")
    back: Text = words("The link back to the plan.")


class SummaryWords(Words):
    title: Text = words("The therapist summary's section heading.")
    intro: Text = words("Under the heading.")
    choose: Text = words("Over the parts to print.")
    themes: Text = words("The part: themes across sessions.")
    checkins: Text = words("The part: the check-in trend.")
    step: Text = words("The part: my current small step.")
    print: Text = words("The button that prints the summary.")
    period_label: Text = words("The label of the choice of the period it covers.")
    period: Text = words("Under its heading: {period} (one of chart.ranges) from {first} to {last}.", "period", "first", "last")
    theme: Text = words("A theme, and in how many of the period's sessions it came up.", "theme", "count", "total")
    more_themes: Text = words("After the most common themes: how many more there are.", "count")
    heading: Text = words("The printed summary's heading.")
    name_hint: Text = words("Under the optional name field (the form's name label): where it prints, and that it may stay empty.")
    name: Text = words("Under the printed heading, when the patient typed a name.", "name")
    printed: Text = words("Under the printed heading: the day it was printed.", "date")
    earlier: Text = words("After the latest session dates or WHO-5 scores: how many earlier ones are not shown.", "count")
    effects: Text = words("The heading of the side effects noted in the period's check-ins.")
    effect: Text = words("A side effect (the tracker's heading), in how many of the period's check-ins.", "effect", "count", "total")
    no_effects: Text = words("When no check-in in the period noted a side effect.", "total")
    who5_score: Text = words("A WHO-5's day and raw score.", "date", "score")
    who5_low: Text = words("A WHO-5's day and raw score below 13, marked low.", "date", "score")
    who5_low_note: Text = words("After the scores when one is low: what low means.")
    axis_scores: Text = words("The chart's left axis title: mood and sleep, 0 to 10.")
    axis_who5: Text = words("The chart's right axis title: the WHO-5, 0 to 25.")
    axis_dates: Text = words("The chart's date axis title, with the first and last day and their year.", "first", "last")
    nothing: Text = words("A chosen part with nothing in it yet.")


class FormWords(Words):
    """The plan's own labels and buttons (the practices, phases and criteria bring their own words)."""

    no_script: Text = words("Shown when the page's script does not run: the plan on paper shows instead.")
    print: Text = words("The button that prints the plan.")
    export: Text = words("The button that saves a copy to a file.")
    open: Text = words("The button that opens a saved copy.")
    calendar: Text = words("The button that saves the schedule for a calendar.")
    print_period: Text = words("The label of the choice of what to print (one of chart.ranges).")
    print_go: Text = words("The button that prints, once the period is chosen.")
    clear: Text = words("The button that clears the plan.")
    more: Text = words("The control that shows the plan's rarer buttons (open a copy, calendar, clear).")
    pick: Text = words("The box to tick for a practice the patient will do.")
    not_chosen: Text = words("The first choice of a score's list, while no score is chosen.")
    how_often: Text = words("How often, for a practice picked.")
    how_long: Text = words("How long each time, for a practice picked.")
    suggests: Text = words("The guide's suggestion under how often and how long.", "what")
    minutes: Text = words("A number of minutes.", "low")
    minutes_span: Text = words("A span of minutes.", "low", "high")
    checklist: Text = words("The heading of the session checklists.")
    people_intro: Text = words("Under the people part's heading.")
    person: Text = words("One support person's box.", "number")
    name: Text = words("A name.")
    reach: Text = words("How to reach a person.")
    therapist: Text = words("The therapist's box.")
    next_appointment: Text = words("The next therapy appointment.")
    checked: Text = words("What the patient checked about the therapist.")
    crisis_contact: Text = words("The box of the patient's own crisis contact.")
    crisis_person: Text = words("The first person to reach out to.")
    small_step: Text = words("The small step's box.")
    step_what: Text = words("What the small step is.")
    step_hint: Text = words("Help under it.")
    step_when: Text = words("When the patient will do it.")


class KeptWords(Words):
    """The words no part of the plan has a place for (from an earlier version or a file), listed."""

    title: Text = words("Their heading.")
    intro: Text = words("Where they came from: kept as they are.")
    ticked: Text = words("One that is a ticked box, not words.")


class PaperWords(Words):
    """The plan on paper's own words (the printed handout, and the plan page's print while empty);
    its other labels are the form's, sessions.schedule and the practices, phases and criteria."""

    intro: Text = words("At the top: fill it in with a pen.")
    sessions: Text = words("The heading of the sessions.")
    sessions_intro: Text = words("What an intention is.")
    session: Text = words("One session's box.", "number")
    date: Text = words("A session's date.")
    intention: Text = words("A session's intention.")
    practices: Text = words("The heading of the practices.")
    practices_intro: Text = words("How to fill in the practices.")
    people: Text = words("The heading of the support people.")
    next_appointment: Text = words("The therapist's next appointment.")
    small_step: Text = words("The heading of the small step.")
    crisis: Text = words("The heading of the crisis lines.")
    crisis_person: Text = words("The first person to reach out to in a crisis, and their number.")


class PlanScreens(Strict):
    """The words of the plan's screens; the practices, phases, criteria and worksheets bring their own."""

    form: FormWords
    steps: StepsWords
    sessions: SessionWords
    checkins: CheckinWords
    wellbeing: WellbeingWords
    chart: ChartWords
    safety: SafetyWords
    evening: EveningWords
    summary: SummaryWords
    kept: KeptWords
    paper: PaperWords


@dataclass(frozen=True)
class Prompt:
    id: str
    text: str
    kind: str  # "text" (lines or a box) or "scale" (0 to 10)
    hint: str | None = None


def journal_prompts(guide: "Guide") -> list[Prompt]:
    """The journal's prompts a patient writes or scores (not its date: the session has one)."""
    found = []
    for field in guide.worksheet(JOURNAL).fields:
        if field.type in ("lines", "box"):
            found.append(Prompt(field.id, field.prompt, "text", field.hint))
        elif field.type == "scale":
            found.append(Prompt(field.id, field.prompt, "scale", f"0: {field.low_label}. 10: {field.high_label}."))
    return found


def side_effects(guide: "Guide") -> list[tuple[str, str]]:
    """(key, heading) of each column to tick in the tracker's tables."""
    return [(key, column.heading) for field in guide.worksheet(TRACKER).fields if field.type == "table"
            for key, column in zip(field.column_keys, field.columns) if column.tick]


def call_if(guide: "Guide"):
    """The tracker's first note (its "call your clinic if"), or None."""
    return next((f for f in guide.worksheet(TRACKER).fields if f.type == "note"), None)


def red_flag_effects(screens: PlanScreens, guide: "Guide") -> list[str]:
    """The red-flag side effects the plan knows of: those of checkins.red_flag_effects the tracker has."""
    keys = {key for key, _ in side_effects(guide)}
    return [key for key in screens.checkins.red_flag_effects if key in keys]


def safety_steps(guide: "Guide") -> list[Prompt]:
    """The safety plan's steps, each one text (its crisis lines are the ones in force, shown as links)."""
    return [Prompt(f.id, f.prompt, "text", f.hint) for f in guide.worksheet(SAFETY).fields
            if f.type != "crisis_lines" and getattr(f, "prompt", None)]
