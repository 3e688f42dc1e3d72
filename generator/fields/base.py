"""What every worksheet field type provides. A field type is one module in this package: its
model (a subclass of ``SheetField`` with a ``type`` literal), and beside it, in the project,
``templates/fields/<type>.md.j2`` (how it is drawn for a pen) and an example in
``tests/fixtures/fields/<type>.yml``. The worksheet schema, rendering, readability, the checks
and the tests all ask the field itself, so adding a type touches nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field, StringConstraints

from ..schema.base import Id, Strict, Text

if TYPE_CHECKING:
    from ..guide.guide import Guide

Path_ = tuple[str | int, ...]

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


class SheetField(Strict):
    """A field of a worksheet. Subclasses declare ``type: Literal["<name>"]`` and their fields."""

    id: Id = Field(description="Stable within the worksheet, so a clinic can replace or remove this field.")

    @classmethod
    def type_name(cls) -> str:
        return cls.model_fields["type"].annotation.__args__[0]

    @property
    def template(self) -> str:
        """The template that draws this field: ``templates/fields/<type>.md.j2``."""
        return f"fields/{self.type}.md.j2"

    def shown(self, guide: "Guide") -> list[Any]:
        """What the field lists (checklist items, table row labels), its own or reused from the guide."""
        return []

    def printed_texts(self, guide: "Guide") -> Iterable[str]:
        """Every piece of text a patient reads on the printed sheet (labels too): nothing may be lost."""
        return [t for t in (getattr(self, "prompt", None), getattr(self, "hint", None)) if t]

    def prose(self, guide: "Guide") -> Iterable[str]:
        """The Markdown read as sentences, for the readability check."""
        return self.printed_texts(guide)

    def check(self, guide: "Guide") -> Iterable[tuple[Path_, str]]:
        """Problems only the guide as a whole can show (a reused list that does not exist), as
        (path inside the field, message)."""
        return ()


class PromptedField(SheetField):
    """A field with a prompt above the space to write in."""

    prompt: Prompt
    hint: Hint | None = None


def guide_list(guide: "Guide", source: str) -> list | None:
    """The items an ``items_from``/``rows_from`` value names, or None if it names nothing."""
    kind, _, name = source.partition(":")
    if kind == "therapist":
        return list(getattr(guide.therapist, name))
    return next((list(p.items) for p in guide.phases if p.id == name), None)


def check_source(guide: "Guide", key: str, source: str | None, only: list[str] = ()) -> Iterable[tuple[Path_, str]]:
    if source is None:
        return
    items = guide_list(guide, source)
    if items is None:
        phase_ids = ", ".join(sorted(p.id for p in guide.phases))
        yield (key,), f"no phase has the id {source.partition(':')[2]!r}; expected one of: {phase_ids}"
        return
    known = [item.id for item in items]
    for k, item_id in enumerate(only):
        if item_id not in known:
            yield ("only", k), f"{source} has no item {item_id!r}; expected one of: {', '.join(known)}"


