"""Evidential status: how far the article stands behind each claim, and the basis that justifies it.

Every status but ``reported`` needs a basis (words of the text or other claims); when several apply the first in
``PRECEDENCE`` wins: disputed > confirmed > corroborated > unverified > alleged > reported.
"""
from __future__ import annotations

from ..extract.view import DocView
from ..model import PRECEDENCE, Basis, Claim, ClaimKind, ClaimLink, Evidential, LinkType, Span, Stance
from .content import content_keys, find_markers, words_of
from .lexicons import LabelLexicons
from .links import Facts, about

__all__ = ["evidential_of"]

RESTATED = 0.6        # an unattributed sentence sharing this much of a content (and MIN_RESTATED keys) states it
MIN_RESTATED = 4


def evidential_of(view: DocView, f: Facts, facts: dict[str, Facts], links: list[ClaimLink],
                  unattributed: list[tuple[Span, frozenset[str]]], lex: LabelLexicons) -> tuple[Evidential, Basis]:
    claim = f.claim
    found: dict[Evidential, Basis] = {}

    def note(status: Evidential, spans: tuple[Span, ...] = (), claims: tuple[str, ...] = ()) -> None:
        old = found.get(status, Basis())
        found[status] = Basis(tuple(dict.fromkeys(old.spans + spans)), tuple(dict.fromkeys(old.claims + claims)))

    for link in links:
        other = link.target if link.source == claim.id else link.source if link.target == claim.id else None
        if other is None:
            continue
        if link.type in (LinkType.DENIES, LinkType.DISPUTES):
            note(Evidential.DISPUTED, claims=(other,))
        elif link.type is LinkType.CORROBORATES:
            confirming = facts[other]
            if confirming.stance is Stance.CONFIRM and about(f, confirming):
                note(Evidential.CONFIRMED, claims=(other,))
            else:
                note(Evidential.CORROBORATED, claims=(other,))
        elif link.type is LinkType.EVALUATES and link.target == claim.id:
            note(Evidential.UNVERIFIED, spans=link.basis, claims=(other,))
    if f.stance is Stance.CONFIRM and claim.kind is not ClaimKind.EVIDENTIAL:
        note(Evidential.CONFIRMED, spans=claim.cue)
    if factive(view, claim, lex):
        note(Evidential.CONFIRMED, spans=claim.cue)  # "investigators have discovered that …" presupposes it true
    fact = fact_that(view, claim)
    if fact is not None:
        note(Evidential.CONFIRMED, spans=(fact,))  # "brought up the fact that …": the article presupposes it
    for span, keys in unattributed:
        if len(keys & f.keys) >= MIN_RESTATED and len(keys & f.keys) / len(f.keys | keys) >= RESTATED:
            note(Evidential.CONFIRMED, spans=(span,))
    sentence = sentence_words(view, claim)
    outside = [k for k in sentence if not any(s.start <= view.words[k].start < s.end for s in claim.content)]
    for idx, _ in find_markers(view, outside, "unverified", lex):
        note(Evidential.UNVERIFIED, spans=(word_span(view, idx),))
    distancing = f.stance is Stance.CLAIM or f.stance is Stance.ACCUSE and lex.stance_of_lemma(
        claim.cue_lemma) is Stance.CLAIM  # "insisted", also where what is insisted on is a charge ("insisted the
    # audit was a whitewash": accuse)
    if distancing or claim.kind is ClaimKind.PASSIVE and not claim.source and (
            f.stance is Stance.ACCUSE or lex.marker("hearsay", claim.cue_lemma.lower())):
        note(Evidential.ALLEGED, spans=claim.cue)  # "insisted", "was accused of", "is said to" (by no one named)
    cue = set(words_of(view, claim.cue))
    for kind, status in (("distance", Evidential.ALLEGED), ("falsity", Evidential.DISPUTED)):
        for idx, _ in find_markers(view, outside, kind, lex):
            if cue & set(idx) or view.words[idx[0]].upos in ("ADV", "ADJ") and governed_by(view, idx[0], cue):
                note(status, spans=(word_span(view, idx),))  # "allegedly told", "unconfirmed reports", "falsely said"
    for status in PRECEDENCE:
        if status in found:
            return status, found[status]
    return Evidential.REPORTED, Basis()


def factive(view: DocView, claim: Claim, lex: LabelLexicons) -> bool:
    """A factive cue, asserted: not negated, not an infinitive ("is struggling to demonstrate")."""
    cue = words_of(view, claim.cue)
    return bool(lex.marker("factive", claim.cue_lemma.lower())) and not find_markers(view, cue, "negation", lex) \
        and not any(view.words[k].lower == "to" or view.words[k].deprel == "xcomp" for k in cue)


def fact_that(view: DocView, claim: Claim) -> Span | None:
    """The words "the fact" when the content is their "that" clause (Kiparsky & Kiparsky 1970: a factive noun)."""
    first = min((k for s in claim.content for k in view.words_between(s.start, s.end)), default=None)
    if first is None:
        return None
    that = first if view.words[first].lower == "that" else first - 1
    noun = that - 1
    if noun < 0 or view.words[that].lower != "that" or view.words[noun].lemma.lower() != "fact":
        return None
    return word_span(view, [noun])


def governed_by(view: DocView, k: int, heads: set[int]) -> bool:
    """Is word ``k`` in the subtree of one of ``heads``? A "reportedly" elsewhere in the sentence qualifies another
    clause ("X reportedly resigned, though his spokesman said …")."""
    seen: set[int] = set()
    node: int | None = k
    while node is not None and node not in seen:
        if node in heads:
            return True
        seen.add(node)
        node = view.words[node].head
    return False


def sentence_words(view: DocView, claim: Claim) -> list[int]:
    return [k for s in claim.sentences[:1] for k in range(*view.sentence_ranges[s])]


def word_span(view: DocView, idx: list[int]) -> Span:
    return Span.of(view.text, view.words[idx[0]].start, view.words[idx[-1]].end)


def unattributed_sentences(view: DocView, claims: tuple[Claim, ...],
                           lex: LabelLexicons) -> list[tuple[Span, frozenset[str]]]:
    """Sentences in the article's own voice (no claim touches them), with their content keys."""
    touched = {s for c in claims for s in c.sentences}
    out = []
    for s, (a, b) in enumerate(view.sentence_ranges):
        if s in touched or b <= a:
            continue
        keys = frozenset(content_keys(view, list(range(a, b)), lex))
        out.append((Span.of(view.text, view.words[a].start, view.words[b - 1].end), keys))
    return out
