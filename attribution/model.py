"""The data model: frozen records that every writer, reader and test shares.

Offsets are character offsets into the exact input string (Python ``str`` indices), so
``text[span.start:span.end] == span.text`` always holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

__all__ = ["ClaimKind", "Span", "Token", "Claim", "AnnotatedDocument"]


class ClaimKind(str, Enum):
    """How the article attributes the content: the construction, not the speaker's stance."""

    DIRECT = "direct"              # “…,” said X — content entirely in quotation marks
    INDIRECT = "indirect"          # X said (that) … / X claimed to … / X denied V-ing
    MIXED = "mixed"                # X said it was “highly likely” that …
    ACCORDING_TO = "according_to"  # according to X, …
    ADVERBIAL = "adverbial"        # … has reportedly / allegedly …
    PASSIVE = "passive"            # … were reported by X / it was reported that … / were suspected of …
    NOMINAL = "nominal"            # X's claim that … / reports of …
    EVIDENTIAL = "evidential"      # the reports could not be verified / did not provide evidence for …


@dataclass(frozen=True, order=True)
class Span:
    """A contiguous stretch of the input text."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text {self.text!r} does not fit offsets {self.start}..{self.end}")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span of ``text[start:end]``."""
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class Token:
    """One syntactic word of the UD parse; ``id`` and ``head`` count from 1 within the sentence (0: root).

    Words of one multi-word token ("don't" → do, n't) share its offsets.
    """

    sentence: int
    id: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """One attribution: who (source) says what (content) through which words (cue)."""

    id: str
    kind: ClaimKind
    cue: tuple[Span, ...]
    cue_lemma: str
    content: tuple[Span, ...]
    source: Span | None
    sentences: tuple[int, ...]
    confidence: float

    @property
    def start(self) -> int:
        """First character covered by any part of the claim."""
        return min(s.start for s in self.parts())

    def parts(self) -> tuple[Span, ...]:
        """Every span of the claim: source, cue and content."""
        return ((self.source,) if self.source else ()) + self.cue + self.content

    @property
    def cue_text(self) -> str:
        return " ".join(s.text for s in self.cue)

    @property
    def content_text(self) -> str:
        return " … ".join(s.text for s in self.content)


@dataclass(frozen=True)
class AnnotatedDocument:
    """A text with its sentences and the claims found in it."""

    id: str
    text: str
    sentences: tuple[Span, ...]
    claims: tuple[Claim, ...]
    word_count: int
    warnings: tuple[str, ...] = field(default=())
    tokens: tuple[Token, ...] = field(default=())
    models: str = ""  # what produced the claims, e.g. "stanza 1.15.0 en@3fa2…; attribution hybrid, tagger@9c1e…"
    file_desc: str = ""  # a TEI input's original <fileDesc>, kept in the TEI output
