"""Clusters: the mentions believed to name one speaker, and what a source phrase's head says of its type."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..extract.view import DocView, Word
from ..lexicon import naive_stems
from ..model import SourceType, Span
from .lexicons import LabelLexicons

NOMINALS = {"NOUN", "PROPN", "PRON"}  # a pronoun source with none of these besides is the pronoun alone ("who in 2010")
INDEFINITE = {"a", "an", "one", "another", "some", "any"}
QUANTIFIERS = {"the", "a", "an", "many", "some", "several", "most", "few", "other", "all", "both", "two", "three"}


@dataclass
class Cluster:
    """Mentions believed to name one speaker, before it becomes an :class:`Entity`."""

    type: SourceType
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    key: str | None = None  # the country a government cluster stands for
    quoted: bool = False   # has at least one source mention
    honorifics: set[str] = field(default_factory=set)  # forms of address before its names ("dr", "rep")

    @property
    def surname(self) -> str:
        return self.names[0].split()[-1].lower() if self.names else ""

    def name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n))) if self.names else ""


def new_cluster(clusters: list[Cluster], kind: SourceType, name: str) -> Cluster:
    cluster = Cluster(kind, names=[name])
    clusters.append(cluster)
    return cluster


def keyed_cluster(clusters: list[Cluster], kind: SourceType, name: str, key: str | None = None) -> Cluster:
    """The description cluster with this text (descriptions repeat verbatim: "officials" … "officials")."""
    for c in clusters:
        if c.type is kind and c.names and c.names[0].lower() == name.lower() and c.key == key:
            return c
    cluster = Cluster(kind, names=[] if key else [name], key=key)
    clusters.append(cluster)
    return cluster


def cluster_at(at: list[tuple[int, Cluster]], start: int) -> Cluster | None:
    return next((c for s, c in at if s == start), None)


def strip_determiner(text: str) -> str:
    """A description as an entity name: without its article or quantifier, and without what follows a comma
    ("officials at Homeland Security Investigations[, a division of …]")."""
    text = re.split(r"\s*\(|,\s+(?=(?:a|an|the|who|which|now)\b)", text, maxsplit=1)[0] or text
    words = text.split()
    if words and words[-1][-1:] in ("’", "'") and words[-1][:-1].endswith("s"):
        words[-1] = words[-1][:-1]  # "the judges’ statement": the judges
    while len(words) > 1 and words[0].lower() in QUANTIFIERS:
        words = words[1:]
        if len(words) > 1 and words[0].lower() == "of":  # "Many of Europe's …", "All of the GOP candidates"
            words = words[1:]
    return " ".join(words)


def source_noun(w: Word, lex: LabelLexicons) -> str | None:
    """The title or source-head noun a word is, tried on naive stems ("aides" the tagger took for a verb)."""
    return next((s for form in (w.lemma.lower(), w.lower) for s in naive_stems(form) if s in lex.source_nouns), None)


def head_of(view: DocView, words: list[int]) -> int:
    inside = set(words)
    heads = [k for k in words if view.words[k].head not in inside
             and view.words[k].upos not in ("PUNCT", "DET", "ADP", "INTJ", "CCONJ", "SCONJ", "AUX")]
    proper = [k for k in heads if view.words[k].upos == "PROPN"]
    nominal = [k for k in heads if view.words[k].upos in NOMINALS]  # "who [in 2010]": a span of two roots
    return (proper or nominal or heads or words)[-1]


def plural(w: Word) -> bool:
    """Is this source noun plural, also where the tagger took it for a verb ("economists consider")?"""
    return w.feat("Number") == "Plur" or w.upos not in NOMINALS and w.lower.endswith("s")


def indefinite(view: DocView, head: int) -> bool:
    """Does the phrase introduce someone unnamed ("a top GOP strategist", "one Republican pollster", "another
    diplomat"), not point to someone known ("the senator")?"""
    return any(view.words[k].lower in INDEFINITE for k in view.kids(head, "det", "nummod"))


def named_with_preposition(view: DocView, words: list[int]) -> bool:
    """Is the phrase a name with a capitalised preposition inside ("Doctors Without Borders", "Mothers Against
    Drunk Driving"), in a sentence that is not in title case?"""
    tokens = [view.words[k] for k in words if view.words[k].upos != "PUNCT"]
    sentence = view.sentence_of(words[0]) if words else range(0)
    return len(tokens) >= 3 and all(w.text[:1].isupper() for w in tokens) and any(
        w.upos == "ADP" for w in tokens[1:-1]) and any(
        view.words[k].text.islower() and len(view.words[k].text) > 3 for k in sentence if k not in words)


def head_type(view: DocView, words: list[int], head: int, lex: LabelLexicons) -> SourceType:
    w = view.words[head]
    if named_with_preposition(view, words):
        return SourceType.ORGANIZATION  # "Doctors Without Borders": a name whose first word is a plural noun
    lemma = source_noun(w, lex) or w.lemma.lower()
    heads = lex.types.get("head", {})
    if lemma in heads:  # "the agency" is a government's unless a media word modifies it ("news agency")
        modifiers = [heads.get(view.words[k].lemma.lower()) for k in view.kids(head, "compound", "amod")]
        return SourceType.MEDIA if SourceType.MEDIA in modifiers else heads[lemma]
    if lemma in lex.types.get("title", {}):  # "the senator"; but people left unnamed are anonymous
        return SourceType.ANONYMOUS if plural(w) or indefinite(view, head) else SourceType.PERSON
    if lex.place(w.text):
        return SourceType.GOVERNMENT
    return SourceType.ANONYMOUS
