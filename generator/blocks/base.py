"""What every page block type provides. A block type is one module in this package: its model
(a subclass of ``PageBlock`` with a ``type`` literal), and beside it, in the project,
``templates/blocks/<type>.md.j2`` (how it is drawn) and ``tests/fixtures/blocks/<type>.yml``
(an example page that uses it). Nothing else needs to change to add one: the page schema,
rendering, readability, the cross-reference checks and the tests all ask the block itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from pydantic import Field

from ..schema.base import Strict

if TYPE_CHECKING:
    from ..guide.guide import Guide
    from ..schema.items import ChecklistItem

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Use:
    """One mention of another item by id: what kind of item, its id, and where (inside the block)."""

    kind: str  # "notice", "practice", "phase", "reference" or "page"
    id: str
    at: Path_


class PageBlock(Strict):
    """A block of a page. Subclasses declare ``type: Literal["<name>"]`` and their fields."""

    template_folder: ClassVar[str] = "blocks"

    in_handout: bool = Field(True, description="false leaves this block out of the printed handout: for words "
                                               "about the screen, such as saving in the browser or a button.")

    @classmethod
    def type_name(cls) -> str:
        return cls.model_fields["type"].annotation.__args__[0]

    @property
    def template(self) -> str:
        """The template that draws this block: ``templates/blocks/<type>.md.j2``."""
        return f"{self.template_folder}/{self.type}.md.j2"

    def prose(self, guide: "Guide") -> Iterable[str]:
        """The Markdown a reader reads as sentences (for the readability check); labels excluded."""
        return ()

    def uses(self) -> Iterable[Use]:
        """Every id of another item this block names, for the cross-reference check."""
        return ()

    def cited(self, guide: "Guide") -> Iterable[str]:
        """Reference ids of the items this block shows, listed among the page's sources."""
        return ()


def item_texts(items: Iterable["ChecklistItem"]) -> Iterator[str]:
    """The text and detail of each checklist item."""
    for item in items:
        yield item.text
        if item.detail:
            yield item.detail


def item_references(items: Iterable["ChecklistItem"]) -> Iterator[str]:
    for item in items:
        yield from item.references
