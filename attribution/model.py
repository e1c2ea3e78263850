"""The data model: frozen records that every writer, reader and test shares.

Offsets are character offsets into the exact input string (Python ``str`` indices), so
``text[span.start:span.end] == span.text`` always holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

__all__ = ["ClaimKind", "SourceType", "Stance", "Evidential", "Factuality", "LinkType", "Span", "Token", "Basis",
           "Entity", "ClaimLink", "Claim", "AnnotatedDocument"]


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


class SourceType(str, Enum):
    """What kind of speaker a source is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"    # states, capitals and seats of power speaking for governments
    MEDIA = "media"
    ANONYMOUS = "anonymous"      # "officials", "a government source in Berlin"
    UNSPECIFIED = "unspecified"  # no source at all: "reportedly", "it is claimed"


class Stance(str, Enum):
    """What the speaker does with the content: the speech act, not only the verb."""

    ASSERT = "assert"
    CLAIM = "claim"        # the reporter's verb keeps distance: claim, allege, insist
    ACCUSE = "accuse"
    DENY = "deny"
    DISMISS = "dismiss"
    CONFIRM = "confirm"
    HEDGE = "hedge"
    PREDICT = "predict"
    DEMAND = "demand"      # a directive, not a truth claim
    QUESTION = "question"


class Evidential(str, Enum):
    """How far the article stands behind the content; PRECEDENCE decides when several apply."""

    REPORTED = "reported"
    ALLEGED = "alleged"
    UNVERIFIED = "unverified"
    DISPUTED = "disputed"
    CORROBORATED = "corroborated"
    CONFIRMED = "confirmed"


PRECEDENCE = (Evidential.DISPUTED, Evidential.CONFIRMED, Evidential.CORROBORATED, Evidential.UNVERIFIED,
              Evidential.ALLEGED, Evidential.REPORTED)


class Factuality(str, Enum):
    """FactBank values: certain / probable / possible, positive / negative, or underspecified."""

    CT_POS = "CT+"
    PR_POS = "PR+"
    PS_POS = "PS+"
    CT_NEG = "CT-"
    PR_NEG = "PR-"
    PS_NEG = "PS-"
    UU = "Uu"


class LinkType(str, Enum):
    """How one claim answers another (read: source claim LINK target claim)."""

    DENIES = "denies"              # refers to the other claim and rejects it ("dismissed those claims")
    DISPUTES = "disputes"          # says the opposite of what the other claim says
    REITERATES = "reiterates"      # the same speaker says it again
    CORROBORATES = "corroborates"  # an independent source says the same
    RESPONDS_TO = "responds_to"    # the party the other claim is about answers it
    EVALUATES = "evaluates"        # an evidential remark about the other claim ("could not be verified")


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
class Basis:
    """What justifies a label: words of the text and/or other claims (by id)."""

    spans: tuple[Span, ...] = ()
    claims: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.spans or self.claims)


@dataclass(frozen=True)
class Entity:
    """One speaker of a document with all the places it is mentioned; ``name`` is its fullest proper name."""

    id: str
    name: str
    type: SourceType
    role: str | None
    mentions: tuple[Span, ...]


@dataclass(frozen=True)
class ClaimLink:
    """``source`` (a claim id) ``type`` ``target`` (a claim id), with the words that signal it."""

    type: LinkType
    source: str
    target: str
    basis: tuple[Span, ...] = ()


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
    cue_class: str = "speech"
    entity: str | None = None
    source_type: SourceType = SourceType.UNSPECIFIED
    stance: Stance = Stance.ASSERT
    evidential: Evidential = Evidential.REPORTED
    basis: Basis = Basis()
    factuality: Factuality = Factuality.UU

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
    models: str = ""  # what made the claims: "stanza 1.15.0 en@3fa2…; attribution hybrid, tagger@…, lexicons@…"
    source_header: str = ""  # a TEI input's original <teiHeader>, kept in the TEI output
    entities: tuple[Entity, ...] = field(default=())
    links: tuple[ClaimLink, ...] = field(default=())
