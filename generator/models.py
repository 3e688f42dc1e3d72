"""Typed models of the guide's content: the schema every YAML file is checked against.

Each content file has one root model (``ROOT_MODELS``). Everything a clinic may later override,
add or remove carries a stable ``id``. Models forbid unknown fields so that a typo is an error,
not silently ignored text. The same models export the JSON Schema that editors use.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator, model_validator

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$"),
    Field(description="A stable identifier: lower-case letters, digits and single hyphens."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    Field(description="Markdown. Link to another page of the guide with [words](page:page-id)."),
]
Doi = Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")]
HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[^\s/$.?#][^\s]*$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- references -------------------------------------------------------------------------------


class Reference(Strict):
    """A published source that backs a claim. It needs a DOI or an https URL, or both."""

    id: Id
    authors: Text = Field(description="As cited, e.g. 'Bathje GJ, Majeski E, Kudowor M'.")
    year: int = Field(ge=1900, le=2100)
    title: Text
    source: Text = Field(description="Journal, publisher or organisation.")
    doi: Doi | None = Field(None, description="A DOI such as 10.3389/fpsyg.2022.824077 (no https://doi.org/ prefix).")
    url: HttpsUrl | None = Field(None, description="A full https:// address.")

    @model_validator(mode="after")
    def _needs_doi_or_url(self) -> "Reference":
        if self.doi is None and self.url is None:
            raise ValueError("a reference needs a doi or a url (or both)")
        return self

    @property
    def link(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else str(self.url)


class ReferencesFile(Strict):
    references: list[Reference] = Field(min_length=1)


# --- notices and site-wide settings ----------------------------------------------------------


class Notice(Strict):
    """A reusable box of text, such as the crisis-help or not-medical-advice notice."""

    id: Id
    style: Literal["info", "warning", "danger", "tip"] = "info"
    title: Text
    body: Markdown


class NoticesFile(Strict):
    notices: list[Notice] = Field(min_length=1)


class CrisisLine(Strict):
    id: Id
    name: Text = Field(description="The service's name, e.g. '988 Suicide & Crisis Lifeline'.")
    how: Text = Field(description="How to reach it, in words: 'Call or text 988'.")
    href: Annotated[
        str,
        StringConstraints(pattern=r"^(tel:\+?[0-9]+|sms:\+?[0-9]+|https://\S+)$"),
        Field(description="A tel:, sms: or https:// link that opens the service."),
    ]
    hours: Text | None = None


class Crisis(Strict):
    heading: Text
    intro: Markdown
    emergency: Text = Field(description="What to do in immediate danger, e.g. 'Call 911'.")
    lines: list[CrisisLine] = Field(min_length=1)


class Site(Strict):
    name: Text = Field(description="The guide's short name, shown in the header.")
    title: Text = Field(description="The guide's full title, shown on the home page.")
    description: Text = Field(description="One sentence for search engines and link previews.")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")] = "en"
    copyright: Text
    crisis_page: Id = Field(description="The id of the page that lists crisis help.")
    crisis: Crisis


# --- practices (the forms of integration) ----------------------------------------------------


class Minutes(Strict):
    low: int = Field(ge=1, le=600)
    high: int = Field(ge=1, le=600)

    @model_validator(mode="after")
    def _ordered(self) -> "Minutes":
        if self.high < self.low:
            raise ValueError("high must be at least low")
        return self


class ItemList(Strict):
    """A titled list inside a practice, e.g. journaling prompts."""

    id: Id
    heading: Text
    items: list[Text] = Field(min_length=1)


class Modality(Strict):
    id: Id
    name: Text
    summary: Text


class Practice(Strict):
    id: Id
    name: Text
    summary: Text = Field(description="One or two sentences: what it is, in plain words.")
    body: Markdown
    how_often: Text | None = Field(None, description="e.g. 'Daily' or 'One to three days after each session'.")
    minutes: Minutes | None = Field(None, description="How long each time, in minutes.")
    lists: list[ItemList] = []
    modalities: list[Modality] = []
    references: list[Id] = []


class PracticesFile(Strict):
    practices: list[Practice] = Field(min_length=1)


# --- phases and their checklists -------------------------------------------------------------


class ChecklistItem(Strict):
    id: Id
    text: Text
    detail: Markdown | None = None
    references: list[Id] = []


class Phase(Strict):
    id: Id
    name: Text
    when: Text = Field(description="When this phase is, in words.")
    intro: Markdown
    items: list[ChecklistItem] = Field(min_length=1)


class PhasesFile(Strict):
    phases: list[Phase] = Field(min_length=1)


# --- finding a therapist ---------------------------------------------------------------------


class TherapistFile(Strict):
    criteria: list[ChecklistItem] = Field(min_length=1)
    questions: list[ChecklistItem] = Field(min_length=1)


# --- pages -----------------------------------------------------------------------------------


class TextBlock(Strict):
    type: Literal["text"]
    heading: Text | None = None
    body: Markdown


class ListBlock(Strict):
    type: Literal["list"]
    heading: Text | None = None
    intro: Markdown | None = None
    items: list[Markdown] = Field(min_length=1)
    numbered: bool = False


class CalloutBlock(Strict):
    type: Literal["callout"]
    style: Literal["info", "tip", "warning", "danger"] = "info"
    title: Text
    body: Markdown


class NoticeBlock(Strict):
    type: Literal["notice"]
    notice: Id


class PracticesBlock(Strict):
    """Practice cards; all practices in their order when ``practices`` is left out."""

    type: Literal["practices"]
    heading: Text | None = None
    practices: list[Id] | None = None


class PhasesBlock(Strict):
    """Phase checklists; all phases in their order when ``phases`` is left out."""

    type: Literal["phases"]
    heading: Text | None = None
    phases: list[Id] | None = None


class TherapistCriteriaBlock(Strict):
    type: Literal["therapist_criteria"]
    heading: Text | None = None
    intro: Markdown | None = None


class TherapistQuestionsBlock(Strict):
    type: Literal["therapist_questions"]
    heading: Text | None = None
    intro: Markdown | None = None


class CrisisLinesBlock(Strict):
    type: Literal["crisis_lines"]


class PrintBlock(Strict):
    """Links to the handout (the whole guide as a PDF, A4 and US Letter) and to the worksheets."""

    type: Literal["print"]
    heading: Text | None = None
    intro: Markdown | None = None


# The plan builder's words: everything its script shows comes from here, through a JSON data block
# in the page. "{name}" in a text is a fill-in the script supplies; each text lists the ones it can
# use (in its description and the schema), and any other is an error rather than a stray brace.

_FILL_IN = re.compile(r"\{([^{}]*)\}")


def _words(description: str, *fill_ins: str):
    if fill_ins:
        description += " Fill-ins: " + ", ".join(f"{{{name}}}" for name in fill_ins) + "."
    return Field(description=description, json_schema_extra={"fill_ins": list(fill_ins)})


class _Words(Strict):
    @field_validator("*")
    @classmethod
    def _known_fill_ins(cls, value, info: ValidationInfo):
        if isinstance(value, str):
            allowed = (cls.model_fields[info.field_name].json_schema_extra or {}).get("fill_ins", [])
            unknown = [name for name in _FILL_IN.findall(value) if name not in allowed]
            if unknown:
                can = ", ".join(f"{{{name}}}" for name in allowed) or "none"
                raise ValueError(f"{{{unknown[0]}}} is not filled in here (this text's fill-ins: {can})")
        return value


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
    strange_name: Text = _words("A field's name is not one a plan uses.")
    not_text: Text = _words("A field holds something other than text or a tick.", "name")
    too_long: Text = _words("A field's text is too long.", "name")
    markup: Text = _words("A field holds HTML.", "name")
    not_a_date: Text = _words("A date field holds something other than a date.", "name")
    bad_revision: Text = _words("The file's revision number is not a whole number.")


class PlanMessages(_Words):
    """What the plan says as it saves, opens, exports and clears; and the names of its files."""

    loaded: Text = _words("Status: the plan saved on this device was loaded.")
    saved: Text = _words("Status: every change is saved.")
    saved_with_other_tab: Text = _words("Status: saved, merged with changes from another tab.")
    not_saved: Text = _words("Status: nothing can be saved on this device.")
    updated_in_other_tab: Text = _words("Status: another tab changed the plan, and this tab shows it.")
    cleared_in_other_tab: Text = _words("Status: another tab cleared the plan.")
    changed_in_both_tabs: Text = _words("Error: two tabs changed the same fields; {fields} names them.", "fields")
    no_storage: Text = _words("Error on opening: the browser lets the page save nothing.")
    storage_blocked: Text = _words("Error: the browser stopped a save.")
    storage_full: Text = _words("Error: the last changes could not be saved.")
    storage_full_on_replace: Text = _words("Error: an opened or cleared plan could not be saved.")
    stored_unreadable: Text = _words("Error: the plan saved in the browser cannot be read (one of file_problems).", "reason")
    memory_only: Text = _words("Added after each of the errors above: the plan lasts for this visit only.")
    markup: Text = _words("Shown under a field whose text looks like HTML, which is never saved.")
    export_file: FileName = _words("The name of the exported plan file.", "date")
    exported: Text = _words("Status: the plan was saved to a file.", "file")
    refused: Text = _words("Error: a file could not be opened (one of file_problems).", "reason")
    confirm_replace: Text = _words("Question before an opened file replaces a plan.")
    nothing_changed: Text = _words("Status: the patient said no to replacing the plan.")
    opened: Text = _words("Status: a file was opened and saved on this device.")
    opened_for_this_visit: Text = _words("Status: a file was opened, but cannot be saved on this device.")
    confirm_clear: Text = _words("Question before the plan is cleared.")
    cleared: Text = _words("Status: the plan was cleared.")
    calendar_needs_a_date: Text = _words("Error: the calendar button was pressed with no date in the plan.")
    calendar_file: FileName = _words("The name of the calendar file.")
    calendar_saved: Text = _words("Status: the calendar file was saved.", "file")
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
    dates: Text = _words("An event of several days, as the page shows it.", "first", "last")
    daily_dates: Text = _words("A daily event, as the page shows it.", "first", "last")
    calendar_name: Text = _words("The calendar's name; {guide} is the guide's or the clinic's short name.", "guide")
    appointment: Text = _words("The next therapy appointment's title, when the plan names no therapist.")
    appointment_with: Text = _words("The next therapy appointment's title.", "name")


class PlanBuilderBlock(Strict):
    """The personal plan builder: a form drawn from the practices, phases, therapist criteria and
    crisis lines, saved on the patient's device only."""

    type: Literal["plan_builder"]
    sessions: int = Field(6, ge=1, le=12, description="How many sessions the plan has room for.")
    support_people: int = Field(3, ge=1, le=6, description="How many support people the plan has room for.")
    messages: PlanMessages = Field(description="Every message the plan's script shows, and its files' names.")
    schedule: PlanSchedule


class ClinicTherapyBlock(Strict):
    """The clinic's integration-therapy offer and referrals (from its brand.yml); empty without a clinic."""

    type: Literal["clinic_therapy"]
    heading: Text | None = None


Block = Annotated[
    Union[
        TextBlock,
        ListBlock,
        CalloutBlock,
        NoticeBlock,
        PracticesBlock,
        PhasesBlock,
        TherapistCriteriaBlock,
        TherapistQuestionsBlock,
        CrisisLinesBlock,
        PrintBlock,
        PlanBuilderBlock,
        ClinicTherapyBlock,
    ],
    Field(discriminator="type"),
]


class Page(Strict):
    id: Id = Field(description="Also the page's address: /<id>/ ('index' is the home page).")
    title: Text
    nav_title: Text | None = Field(None, description="A shorter title for the menu.")
    order: int = Field(description="Position in the menu; lower comes first.")
    description: Text = Field(description="One sentence that sums up the page.")
    last_reviewed: dt.date
    next_review_due: dt.date
    notices: list[Id] = Field([], description="Notices shown at the top of the page, by id.")
    blocks: list[Block] = Field(min_length=1)
    references: list[Id] = []

    @model_validator(mode="after")
    def _review_order(self) -> "Page":
        if self.next_review_due <= self.last_reviewed:
            raise ValueError("next_review_due must be after last_reviewed")
        return self


ROOT_MODELS: dict[str, type[Strict]] = {
    "site": Site,
    "references": ReferencesFile,
    "notices": NoticesFile,
    "practices": PracticesFile,
    "phases": PhasesFile,
    "therapist": TherapistFile,
    "page": Page,
}
"""The kinds of content file: ``content/<kind>.yml``, and ``content/pages/*.yml`` for pages."""


# --- worksheets ------------------------------------------------------------------------------
# One file per worksheet in content/worksheets/<id>.yml. A worksheet is a list of fields; each
# field's ``type`` says how it is drawn for a pen (ruled lines, an open box, a checklist, ...).
# The tag is ``type``, as for page blocks, so errors are reported the same way for both.

Prompt = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1),
                   Field(description="The question or instruction printed above the space to write in.")]
Hint = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1),
                 Field(description="A short line of help under the prompt, in smaller type.")]
ItemSource = Annotated[
    str,
    StringConstraints(pattern=r"^(phase:[a-z0-9]+(?:-[a-z0-9]+)*|therapist:(criteria|questions))$"),
    Field(description="Reuse a list from the guide: 'phase:<phase-id>' (that phase's checklist), "
                      "'therapist:criteria' or 'therapist:questions'."),
]


class WorksheetItem(Strict):
    id: Id
    text: Text


class _Field(Strict):
    id: Id = Field(description="Stable within the worksheet, so a clinic can replace or remove this field.")
    prompt: Prompt
    hint: Hint | None = None


class LinesField(_Field):
    """Ruled lines to write on (at least 8 mm apart when printed)."""

    type: Literal["lines"]
    count: int = Field(ge=1, le=20, description="How many ruled lines, 1 to 20.")


class BoxField(_Field):
    """An open, framed space to draw or write in."""

    type: Literal["box"]
    height_mm: int = Field(ge=15, le=220, description="The box's printed height in millimetres, 15 to 220.")


class ChecklistField(_Field):
    """Empty squares to tick: its own items, or a list reused from the guide (optionally only some)."""

    type: Literal["checklist"]
    items: list[WorksheetItem] = []
    items_from: ItemSource | None = None
    only: list[Id] = Field([], description="With items_from: show only these item ids, in this order.")

    @model_validator(mode="after")
    def _one_source(self) -> "ChecklistField":
        if bool(self.items) == bool(self.items_from):
            raise ValueError("a checklist needs either items or items_from (one of the two)")
        if self.only and not self.items_from:
            raise ValueError("only can be used with items_from")
        return self


class ScaleField(_Field):
    """A 0 to 10 scale of numbered boxes to circle one, with words at each end."""

    type: Literal["scale"]
    low_label: Text = Field(description="What 0 means, e.g. 'Very low'.")
    high_label: Text = Field(description="What 10 means, e.g. 'Very good'.")


class DateField(_Field):
    """A short line for a date (or a date and time)."""

    type: Literal["date"]


class TableColumn(Strict):
    heading: Text
    tick: bool = Field(False, description="true: each cell holds an empty square to tick.")
    narrow: bool = Field(False, description="true: a narrow column, e.g. for a tick, a number or a date.")


class TableField(_Field):
    """A small table: a row label down the left, columns to write or tick in."""

    type: Literal["table"]
    row_heading: Text | None = Field(None, description="The heading over the row labels.")
    columns: list[TableColumn] = Field(min_length=1, max_length=6)
    rows: list[Text] = Field([], description="The row labels, one per row.")
    rows_from: ItemSource | None = None
    blank_rows: int = Field(0, ge=0, le=15, description="Extra rows with no label, to fill in.")
    row_height_mm: int = Field(9, ge=8, le=60, description="Each row's printed height in millimetres (8 or more).")

    @model_validator(mode="after")
    def _has_rows(self) -> "TableField":
        if not (self.rows or self.rows_from or self.blank_rows):
            raise ValueError("a table needs rows, rows_from or blank_rows")
        return self


class NoteField(Strict):
    """A short printed note with no space to write, e.g. 'Rest first.'"""

    type: Literal["note"]
    id: Id
    title: Text | None = None
    body: Markdown


WorksheetField = Annotated[
    Union[LinesField, BoxField, ChecklistField, ScaleField, DateField, TableField, NoteField],
    Field(discriminator="type"),
]


class Worksheet(Strict):
    id: Id = Field(description="Also the file name and the address: /worksheets/<id>/.")
    title: Text
    order: int = Field(description="Position in the list of worksheets; lower comes first.")
    description: Text = Field(description="One sentence for the list of worksheets.")
    when: Text | None = Field(None, description="When to fill it in, e.g. 'One to three days after a session'.")
    intro: Markdown | None = Field(None, description="One or two short sentences printed under the title.")
    last_reviewed: dt.date
    next_review_due: dt.date
    fields: list[WorksheetField] = Field(min_length=1)
    references: list[Id] = []

    @model_validator(mode="after")
    def _review_order(self) -> "Worksheet":
        if self.next_review_due <= self.last_reviewed:
            raise ValueError("next_review_due must be after last_reviewed")
        return self


ROOT_MODELS["worksheet"] = Worksheet
