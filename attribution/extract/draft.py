"""A claim under construction: word indices and character ranges, before overlaps are resolved."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import ClaimKind

if TYPE_CHECKING:
    from .view import DocView


@dataclass
class Draft:
    kind: ClaimKind
    cue: list[int]
    cue_lemma: str
    source: list[int]
    content: list[tuple[int, int]]
    confidence: float
    cue_class: str = "speech"
    notes: list[str] = field(default_factory=list)

    def content_words(self, view: DocView) -> set[int]:
        """The words the content's character ranges touch."""
        return {k for a, b in self.content for k in view.words_overlapping(a, b)}

    def char_ranges(self, view: DocView) -> list[tuple[int, int]]:
        """Every character range the draft occupies: its content and the words of its cue and source."""
        return self.content + [(view.words[i].start, view.words[i].end) for i in self.cue + self.source]
