"""A claim under construction: word indices and character ranges, before overlaps are resolved."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ClaimKind


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
