from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from ..schema.base import Text
from .base import PageBlock, Use
from . import plan_screens
from .plan_screens import JOURNAL, SAFETY, TRACKER, PlanScreens
from .plan_words import Words as _Words, words as _words, words_in


FileName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_{}.-]+$")]


class PlanFileProblems(_Words):
    """Why a plan could not be opened: the {reason} in messages.refused and stored_unreadable."""

    too_large: Text = _words("The file is larger than any saved plan.")
    could_not_read: Text = _words("The browser could not read the file.")
    not_json: Text = _words("The file is not JSON.")
    not_a_plan: Text = _words("The file is JSON, but not a saved plan.")
    other_format: Text = _words("The file is from another program.")
    no_version: Text = _words("The file has no version number.")
    newer_version: Text = _words("The file was saved by a newer version of the guide.")
    old_answers: Text = _words("A version 1 file whose answers are not a mapping.")
    old_ticked: Text = _words("A version 1 file whose ticked boxes are not a list.")
    old_ticked_name: Text = _words("A version 1 file with a ticked box that has no name.")
    old_sessions: Text = _words("A version 1 file whose session dates are not a list.")
    no_fields: Text = _words("The file has no plan fields.")
    too_many_fields: Text = _words("The file has more fields than any plan.")
    strange_name: Text = _words("A field's name could not be a plan's (capitals, spaces, signs).", "name")
    not_text: Text = _words("A field holds something other than text or a tick.", "name")
    too_long: Text = _words("A field's text is too long.", "name")
    not_a_date: Text = _words("A date field holds something other than a real calendar date.", "name")
    not_a_time: Text = _words("A time field holds something other than a time of day, 00:00 to 23:59.", "name")
    not_a_score: Text = _words("A score holds something other than a whole number in its range.", "name", "low", "high")
    not_minutes: Text = _words("The session reminder holds something other than a number of minutes.", "name")
    not_a_tick: Text = _words("A box to tick holds something other than a tick.", "name")
    bad_revision: Text = _words("The file's revision number is not a whole number.")
    date_out_of_range: Text = _words("A date field holds a date before 1900 or after 2200.", "name")
    too_many_session: Text = _words("The file has more sessions than the page opens quickly; {limit} is the most.", "limit")
    too_many_checkin: Text = _words("The file has more check-ins than the page opens quickly; {limit} is the most.", "limit")
    too_many_wellbeing: Text = _words("The file has more WHO-5s than the page opens quickly; {limit} is the most.", "limit")


class EntryKinds(_Words):
    """An entry's kind, where a message names one of its fields: "<kind>: <the field's label>"."""

    session: Text = _words("A session.")
    checkin: Text = _words("A check-in.")
    wellbeing: Text = _words("A WHO-5.")


class PlanMessages(_Words):
    """What the plan says as it saves, opens, exports and clears; and the names of its files."""

    loaded: Text = _words("Status: the plan saved on this device was loaded.")
    saved: Text = _words("Status: every change is saved.")
    saving: Text = _words("Status: a change waits its turn to be saved (a moment after the last keystroke).")
    save_failed: Text = _words("Error: a fault on the page stopped a save (the plan stays on the page).")
    part_failed: Text = _words("Error: a part of the page could not be drawn; the plan is still saved as the patient types.")
    saved_with_other_tab: Text = _words("Status: saved, merged with changes from another tab.")
    not_saved: Text = _words("Status: nothing can be saved on this device.")
    updated_in_other_tab: Text = _words("Status: another tab changed the plan, and this tab shows it.")
    cleared_in_other_tab: Text = _words("Status: another tab cleared the plan.")
    changed_in_both_tabs: Text = _words("Error: two tabs changed the same fields; {fields} names them.", "fields")
    no_storage: Text = _words("Error on opening: the browser lets the page save nothing.")
    storage_blocked: Text = _words("Error: the browser stopped a save.")
    storage_full: Text = _words("Error: the last changes could not be saved (the plan stays on the page).")
    storage_full_on_load: Text = _words("Error on opening: the saved plan was read, but nothing new can be saved.")
    storage_full_on_replace: Text = _words("Error: an opened or cleared plan could not be saved.")
    stored_unreadable: Text = _words("Error: the plan saved in the browser cannot be read (one of file_problems); it was "
                                     "kept aside, and the page saves anew.", "reason")
    stored_unreadable_not_kept: Text = _words("Error: as stored_unreadable, but it could not be kept aside, so the page "
                                              "leaves it as it was and saves nothing.", "reason")
    unreadable_button: Text = _words("The button that saves a plan that could not be read to a file.")
    unreadable_file: FileName = _words("The name of that file.", "date")
    save_copy_button: Text = _words("The button shown with the messages when the plan cannot be saved on the device.")
    memory_only: Text = _words("Added after each of the errors above: the plan lasts for this visit only.")
    export_file: FileName = _words("The name of the exported plan file.", "date")
    exported: Text = _words("Status: the plan was saved to a file.", "file")
    refused: Text = _words("Error: a file could not be opened (one of file_problems).", "reason")
    confirm_replace: Text = _words("Question before an opened file replaces a plan.")
    nothing_changed: Text = _words("Status: the patient said no to replacing the plan.")
    opened: Text = _words("Status: a file was opened and saved on this device.")
    opened_for_this_visit: Text = _words("Status: a file was opened, but cannot be saved on this device.")
    confirm_clear: Text = _words("Question before the plan is cleared.")
    cleared: Text = _words("Status: the plan was cleared.")
    not_cleared: Text = _words("Error: the browser stopped the plan from being cleared; it is still saved.")
    kept_fields: Text = _words("Added after opening a file with words no part of the page has a place for: kept, and "
                               "listed under {heading} in the part {part}.", "heading", "part")
    migrated: Text = _words("Status (in place of loaded) or added after opened: a plan saved by an earlier version "
                                  "was updated, and nothing was lost.")
    migrated_sessions: Text = _words("Added after migrated: how many session slots became sessions on the timeline.", "count")
    migrated_undated: Text = _words("Added after migrated_sessions: how many of them have no date (marked so).", "count")
    replaced_kept: Text = _words("Added after opening a file over a plan: the plan replaced is kept, and how to get it back.")
    replaced_kept_for_visit: Text = _words("As replaced_kept, when the device could not keep it: it can be brought back "
                                           "until the page is left.")
    restore_button: Text = _words("The button that brings back the plan an opened file replaced.")
    restored: Text = _words("Status: the plan an opened file replaced is back.")
    removed: Text = _words("Beside the Undo button, after an entry was removed; {entry} is its heading.", "entry")
    undo_button: Text = _words("The button that puts a removed entry back.")
    undone: Text = _words("Status: a removed entry is back.")
    date_out_of_range: Text = _words("Error: a date before 1900 or after 2200 was typed, and not saved.")
    entry_kinds: EntryKinds
    calendar_needs_a_date: Text = _words("Error: the calendar button was pressed with no date in the plan.")
    calendar_file: FileName = _words("The name of the calendar file.")
    calendar_saved: Text = _words("Status: the calendar file was saved.", "file")
    calendar_earlier: Text = _words("Added after calendar_saved, once, for a plan from an earlier version: the file says "
                                    "to remove the reminders an earlier one put in the calendar.")
    file_problems: PlanFileProblems


class _Days(_Words):
    first_day: int = Field(ge=1, le=60, description="The first day, counted from the session: 1 is the day after.")
    last_day: int = Field(ge=1, le=60, description="The last day, counted from the session.")

    @model_validator(mode="after")
    def _ordered(self) -> "_Days":
        if self.last_day < self.first_day:
            raise ValueError("last_day must be at least first_day")
        return self


class ScheduleBefore(_Words):
    days_before: int = Field(ge=1, le=14, description="How many days before each session (1: the day before). "
                                                      "Daily practice stops before this day.")
    title: Text = _words("The event's title.", "number")
    detail: Text = _words("What to do.")


class ScheduleDay(_Words):
    minutes: int = Field(120, ge=15, le=720, description="How long a session's event lasts when the patient gave its time.")
    alarm_hour: int = Field(8, ge=0, le=23, description="On a session without a time, the hour its reminder rings: on the "
                                                        "day itself for a reminder under a day before, else that many days before.")
    title: Text = _words("The event's title.", "number")
    detail: Text = _words("What to do on the day of the session.")


class ScheduleAfter(_Days):
    title: Text = _words("The event's title; it ends early if the next session comes first.", "number")
    detail: Text = _words("What to do; {therapist} is schedule.therapist or schedule.no_therapist.", "therapist")


class SchedulePractice(_Days):
    last_day: int = Field(ge=1, le=60, description="After the last session, the last day of daily practice, counted "
                                                   "from the session; between sessions it lasts until before the next.")
    title: Text = _words("The daily event's title.")
    detail: Text = _words("With practices chosen in the plan.", "practices")
    detail_no_practices: Text = _words("With no practice chosen.")


class ScheduleCheckin(_Words):
    title: Text = _words("The daily check-in reminder's title (with an alarm at the time the patient chose).")
    detail: Text = _words("What the reminder asks.")


class ScheduleEarlier(_Words):
    title: Text = _words("The title of a one-day event, in the first calendar file of a plan from an earlier version.")
    detail: Text = _words("What it asks: remove the reminders an earlier file put in the calendar.")


class PlanSchedule(_Words):
    """The schedule drawn from the session dates, on the page and in the calendar file."""

    intro: Text = _words("Printed above the schedule.")
    empty: Text = _words("Shown while the plan has no session date.")
    before: ScheduleBefore
    session_day: ScheduleDay
    after: ScheduleAfter
    practice: SchedulePractice
    intention: Text = _words("Added to the day-before and session-day events when the session has an intention.", "intention")
    small_step: Text = _words("Added to daily practice when the plan has a small step.", "action")
    therapist: Text = _words("The therapist in after.detail, when the plan names one.", "name")
    no_therapist: Text = _words("The therapist in after.detail, when the plan names none.")
    checkin: ScheduleCheckin
    at_time: Text = _words("An event at a time of day, as the page shows it.", "day", "time")
    dates: Text = _words("An event of several days, as the page shows it.", "first", "last")
    daily_dates: Text = _words("A daily event, as the page shows it.", "first", "last")
    daily_at: Text = _words("A daily event at a time of day, as the page shows it.", "first", "last", "time")
    calendar_name: Text = _words("The calendar's name; {guide} is the guide's or the clinic's short name.", "guide")
    appointment: Text = _words("The next therapy appointment's title, when the plan names no therapist.")
    appointment_with: Text = _words("The next therapy appointment's title.", "name")
    earlier: ScheduleEarlier
    cancelled: Text = _words("The title of an event sent before and removed from the plan since (sent as cancelled).")


class PlanBuilderBlock(PageBlock):
    """The personal plan builder: a form drawn from the practices, phases, therapist criteria and
    crisis lines, saved on the patient's device only."""

    type: Literal["plan_builder"]
    sessions: int = Field(6, ge=1, le=12, description="How many sessions the plan on paper has room for "
                                                  "(on the screen, the patient adds sessions as they come).")
    support_people: int = Field(3, ge=1, le=6, description="How many support people the plan has room for.")
    messages: PlanMessages = Field(description="Every message the plan's script shows, and its files' names.")
    schedule: PlanSchedule
    screens: PlanScreens = Field(description="The words of the plan's screens: steps, sessions, check-ins, "
                                             "the WHO-5, the chart, the safety plan, the evening after a "
                                             "session, the therapist summary.")

    def prose(self, guide):
        """Its messages, schedule and screens texts (not its file names, nor the WHO-5's published
        wording), a {fill-in} read as 'it'. The form's other labels are the practices, phases,
        criteria and worksheets, measured on their own pages."""
        return [*words_in(self.messages), *words_in(self.schedule),
                *words_in(self.screens, skip=frozenset({"instruction", "items", "answers", "red_flag_effects"}))]

    def uses(self):
        for number, ref in enumerate(self.screens.wellbeing.references):
            yield Use("reference", ref, ("screens", "wellbeing", "references", number))

    def cited(self, guide):
        """The WHO-5's sources, and those of the worksheets the plan draws from."""
        sheets = [s for s in guide.worksheets if s.id in (JOURNAL, TRACKER, SAFETY)]
        return [*self.screens.wellbeing.references, *(ref for sheet in sheets for ref in sheet.references)]

    # What the screens read from the worksheets (plan_screens.py), for the template.
    def journal(self, guide):
        return guide.worksheet(JOURNAL)

    def journal_prompts(self, guide):
        return plan_screens.journal_prompts(guide)

    def side_effects(self, guide):
        return plan_screens.side_effects(guide)

    def call_if(self, guide):
        return plan_screens.call_if(guide)

    def safety_steps(self, guide):
        return plan_screens.safety_steps(guide)

    def red_flag_effects(self, guide):
        return plan_screens.red_flag_effects(self.screens, guide)

    def crisis_page(self, guide):
        """The crisis page (site.yml's ``crisis_page``), where a low WHO-5 points; None if an edition has none."""
        return next((p for p in guide.pages if p.id == guide.site.crisis_page), None)
