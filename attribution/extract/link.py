"""Quotations that no cue took: continuations of an earlier direct quote, or speech introduced by a colon."""
from __future__ import annotations

from ..lexicon import Lexicon
from ..model import ClaimKind
from .draft import Draft
from .spans import phrase, subject, verb_group
from .view import DocView

QUOTE_MARKS = set('"“”„«»')
FILLER = set(" \t\r\n\xa0.,;:!?")
MAX_LINE_BREAKS = 4  # a continuation may follow in the next paragraph, not further
TITLE_WORDS = 4      # a quotation this short after the cue names or scare-quotes something ("This Week")


def link_quotes(view: DocView, drafts: list[Draft], lexicon: Lexicon) -> None:
    """Attach every unclaimed double-quoted passage to the claim it continues, or to a colon cue before it."""
    for q in view.quotes:
        if view.text[q.start] not in QUOTE_MARKS or covered(view, drafts, q.start, q.end):
            continue
        words = view.words_between(q.start, q.end)
        if len(words) < 3:
            continue
        draft = continued(view, drafts, q.start)
        if draft is not None:
            draft.content.append((q.start, q.end))
            continue
        draft = colon_intro(view, words[0], lexicon)
        if draft is not None:
            draft.content.append((q.start, q.end))
            drafts.append(draft)


def covered(view: DocView, drafts: list[Draft], start: int, end: int) -> bool:
    """Does a claim already take part of [start, end)? Speech reported inside the quotation does not count."""
    return any(not inside(view, d, start, end) and (
        any(a < end and start < b for a, b in d.content)
        or any(view.words[i].start < end and start < view.words[i].end for i in d.cue + d.source)) for d in drafts)


def inside(view: DocView, draft: Draft, start: int, end: int) -> bool:
    return all(start <= a and b <= end for a, b in draft.content) and all(
        start <= view.words[i].start and view.words[i].end <= end for i in draft.cue + draft.source)


def part_end(view: DocView, draft: Draft) -> int:
    return max([b for _, b in draft.content] + [view.words[i].end for i in draft.cue + draft.source])


def continued(view: DocView, drafts: list[Draft], start: int) -> Draft | None:
    """The direct-quote claim that ends just before ``start`` with only punctuation and blanks between, or with the
    rest of its sentence, which may hold an aside of the speaker's (“…,” Trump said, mocking concerns …)."""
    before = sorted((d for d in drafts if part_end(view, d) <= start), key=lambda d: part_end(view, d))
    while len(before) > 1 and aside(view, before[-1], before[-2]):
        before.pop()
    if not before:
        return None
    last = before[-1]
    quoted = any(view.text[a] in QUOTE_MARKS for a, _ in last.content)
    end = part_end(view, last)
    gap = view.text[end:start]
    if quoted and gap.count("\n") <= MAX_LINE_BREAKS and (
            all(ch in FILLER for ch in gap) or rest_of_sentence(view, end, start)):
        return last
    return None


def aside(view: DocView, draft: Draft, host: Draft) -> bool:
    """Is the draft's cue a participle hanging from the host's cue ("noted, referring to …"), or from the quotation
    the parser hung that cue from?"""
    if not draft.cue or not host.cue:
        return False
    cue, host_cue = view.words[draft.cue[0]], view.words[host.cue[0]]
    return cue.upos == "VERB" and cue.lower.endswith("ing") and cue.sent == host_cue.sent and (
        cue.head in host.cue or cue.head is not None and cue.head == host_cue.head)


def rest_of_sentence(view: DocView, end: int, start: int) -> bool:
    """Is the gap the unquoted remainder of the claim's last sentence, the quotation opening the next one?
    (“…,” Trump said at a rally in Evansville. “…”)"""
    gap, last, first = view.words_between(end, start), view.words_overlapping(end - 1, end), \
        view.words_overlapping(start, start + 1)
    if not (gap and last and first):
        return False
    sentence = view.words[last[-1]].sent
    titles = [(q.start, q.end) for q in view.quotes if end <= q.start and q.end <= start
              and len(view.words_between(q.start, q.end)) <= TITLE_WORDS + 2]  # on ABC's “This Week”
    return view.words[first[0]].sent == sentence + 1 and all(
        view.words[k].sent == sentence and (view.words[k].text not in QUOTE_MARKS
                                           or any(a <= view.words[k].start < b for a, b in titles)) for k in gap)


def colon_intro(view: DocView, first_word: int, lexicon: Lexicon) -> Draft | None:
    """“Caddell continued:” followed by a quotation in the next sentence or paragraph."""
    k = first_word - 1
    while k >= 0 and view.words[k].text in QUOTE_MARKS:
        k -= 1
    if k < 0 or view.words[k].text != ":":
        return None
    for v in reversed(view.sentence_of(k)):
        w = view.words[v]
        entry = lexicon.lookup(w.lemma, w.text, "VERB") if w.upos == "VERB" else None
        if entry and entry.reports:
            cue = verb_group(view, v)
            if cue[-1] + 1 == k:
                cue.append(k)
            subj = subject(view, v)
            source = phrase(view, subj, set(cue)) if subj is not None else []
            return Draft(ClaimKind.DIRECT, cue, entry.lemma, source, [], 0.8, entry.cls)
    return None
