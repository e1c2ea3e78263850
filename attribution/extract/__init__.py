"""From a parsed document to claims: find cues, apply one rule per construction, then resolve overlaps."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

from ..lexicon import Lexicon, load_lexicon
from ..model import Claim, ClaimKind, Span
from ..sentences import dateline_spans
from .draft import Draft
from .link import QUOTE_MARKS, link_quotes
from .methods import combine, complete
from .others import (according_claim, adverb_claim, colon_claim, dash_claim, headline_claim, mistagged_verb_claim,
                     noun_claim)
from .relatives import RELATIVES, with_relative_word
from .verbs import verb_claim
from .view import DocView

if TYPE_CHECKING:
    from ..learned.tagger import Tagger

__all__ = ["extract_claims", "extract_batch", "DocView", "METHODS"]

ADJECTIVAL = {"amod", "compound", "nmod", "obl", "nsubj", "obj", "det"}
TRIM_CHARS = " \t\r\n\f\v,;:—–-"  # ")" only when unbalanced, see subtract
COORDINATORS = {"and", "but"}
SOURCE_BREAKS = {",", "—", "–", "-", "--", ":"}
ANTECEDENT_WORDS = {"PROPN", "NOUN", "ADJ", "DET", "NUM", "PART"}  # a name and its premodifiers, "the city's mayor"
MENTAL_CLASSES = {"cognition", "intention", "perception"}
VERB_KINDS = {ClaimKind.INDIRECT, ClaimKind.DIRECT, ClaimKind.MIXED}


METHODS = ("hybrid", "learned", "rules")
MARKUP = re.compile(r"</?[A-Za-z][^<>\n]{0,300}>")


def extract_claims(view: DocView, lexicon: Lexicon | None = None, method: str = "hybrid",
                   tagger: Tagger | None = None) -> tuple[Claim, ...]:
    """Claims of one parsed document.

    ``hybrid`` (default): the rule claims, with the tagger's source (and its content where the two disagree or
    the tagger's goes on past the rule's) where it marked the same cue, plus the tagger's confident claims (mean
    cue-label probability ≥ ALONE_MIN) on cues the rules did not find (see :mod:`.methods`).
    ``learned``: the neural span tagger (trained on PolNeAR, reading the rules' claims among its features) decides
    sources, cues and contents — on a cue no rule found, only where confident (≥ ALONE_MIN) — and the rule claims
    of RULE_KINDS (evidential remarks, "reportedly", "according to", passives, nominal reports) are added on cues
    it did not mark; closest to PolNeAR's conventions.
    ``rules``: the transparent rules alone, which is also what runs when no tagger is installed.
    """
    return extract_batch([view], lexicon, method, tagger)[0]


def extract_batch(views: Sequence[DocView], lexicon: Lexicon | None = None, method: str = "hybrid",
                  tagger: Tagger | None = None) -> list[tuple[Claim, ...]]:
    """:func:`extract_claims` of several documents, with one tagger pass over all of them (the network reads many
    sentences at once several times faster than a few, docs/performance.md)."""
    lexicon = lexicon or load_lexicon()
    rules = [rule_drafts(view, lexicon) for view in views]
    if method == "rules" or tagger is None:
        drafts = rules
    else:
        from ..learned.decode import decode
        from ..learned.tagger import tag

        tagged = tag(views, tagger, rules, lexicon)
        drafts = [combine(method, found, [complete(d, found) for d in decode(view, *labels)], view)
                  for view, found, labels in zip(views, rules, tagged)]
    return [claims_of(view, found, lexicon) for view, found in zip(views, drafts)]


def claims_of(view: DocView, drafts: list[Draft], lexicon: Lexicon) -> tuple[Claim, ...]:
    """The claims left once markup, quoted speech and reported states of mind are set aside and overlaps pruned."""
    markup = markup_spans(view.text)
    drafts = [d for d in drafts if not in_markup(view, d, markup)]
    link_quotes(view, drafts, lexicon)
    kept = prune([d for d in drafts if not quoted_speech(view, d, drafts) and not reported_mind(view, d, drafts)])
    return finalize(view, [with_relative_word(view, without_dangling_relative(view, before_coordinated_cue(
        view, without_others_parts(view, without_appended_remark(
            view, without_outer_attribution(view, d, kept), kept, lexicon), kept), kept))) for d in kept])


def without_dangling_relative(view: DocView, draft: Draft) -> Draft:
    """A content does not end on the relative word of a clause left out: "tests were skipped last year[, which]"
    (the city denies)."""
    words = [k for k in sorted(draft.content_words(view)) if view.words[k].upos != "PUNCT"]
    if len(words) > 1 and view.words[words[-1]].lower in RELATIVES and view.words[words[-1] - 1].text == ",":
        return ending_before(view, draft, words[0], words[-1])
    return draft


def without_others_parts(view: DocView, draft: Draft, drafts: list[Draft]) -> Draft:
    """A content part that is all another claim's content, whose cue stands between this cue and the part, is that
    claim's: "Senate Republicans blocked [the bill], with McConnell saying [the measure …]" (the tagger may give
    both parts to the first cue)."""
    if len(draft.content) < 2:
        return draft
    cue = view.words[draft.cue[0]].start

    def others(a: int, b: int) -> bool:
        return any(d is not draft and d.cue and cue < view.words[d.cue[0]].start < a and any(
            c <= a and b <= e for c, e in d.content) for d in drafts)

    content = [(a, b) for a, b in draft.content if not others(a, b)]
    return replace(draft, content=content) if content else draft


def without_outer_attribution(view: DocView, draft: Draft, drafts: list[Draft]) -> Draft:
    """A content stops before the speaker and cue that close its sentence and report this claim in turn: "Egypt
    is expected to send envoys this week[, diplomats said]"."""
    words = sorted(draft.content_words(view))
    for d in drafts:
        block = sorted({*d.cue, *d.source})
        if d is draft or not d.cue or not words or not words[0] < block[0] <= block[-1] <= words[-1] \
                or draft.cue[0] not in d.content_words(view) \
                or any(view.words[k].upos != "PUNCT" for k in words if k > block[-1]):
            continue
        return ending_before(view, draft, words[0], block[0])
    return draft


def without_appended_remark(view: DocView, draft: Draft, drafts: list[Draft], lexicon: Lexicon) -> Draft:
    """A content stops before an apposition that names it as a claim for another speaker to take up: "it had
    killed a commander[, a claim the militant group did not immediately confirm]"."""
    words = sorted(draft.content_words(view))
    for d in drafts:
        theirs = sorted(d.content_words(view))
        if d is draft or not theirs or not words or not words[0] < theirs[0] <= words[-1] \
                or view.words[theirs[0] - 1].text != "," or not set(d.cue) <= set(words):
            continue
        head = next((k for k in theirs if view.words[k].head not in theirs), theirs[0])
        noun = view.words[head]
        if noun.upos == "NOUN" and lexicon.lookup(noun.lemma, noun.text, "NOUN") is not None:
            return ending_before(view, draft, words[0], theirs[0])
    return draft


def before_coordinated_cue(view: DocView, draft: Draft, drafts: list[Draft]) -> Draft:
    """A content ends before "and" and another claim's cue verb ("said A and vowed B"), or before a comma and its
    participle ("rejected A, arguing B"): PolNeAR gives B to the second attribution (docs/evaluation.md, step 22);
    not where a quotation continues past the participle, which is then an aside (:func:`.link.aside`)."""
    words = sorted(draft.content_words(view))
    starts = {min(d.cue) for d in drafts if d is not draft and d.cue}
    cut = next((k for k in sorted(starts) if words and words[0] < k <= words[-1] and (
                view.words[k - 1].lower in COORDINATORS or view.words[k - 1].text == ","
                and view.words[k].lower.endswith("ing")) and view.words[k].upos == "VERB"
                and view.quote_at(view.words[k].start) is None
                and not continues_past(view, draft, view.words[k].start)), None)
    return draft if cut is None else ending_before(view, draft, words[0], cut - 1)


def ending_before(view: DocView, draft: Draft, first: int, k: int) -> Draft:
    """The draft with its content cut before word ``k`` and the punctuation before it."""
    end = k
    while end - 1 > first and view.words[end - 1].upos == "PUNCT":
        end -= 1
    stop = view.words[end - 1].end
    content = [(a, min(b, stop)) for a, b in draft.content if a < stop]
    return replace(draft, content=content) if content else draft


def continues_past(view: DocView, draft: Draft, start: int) -> bool:
    """Is ``start`` between two quoted parts of the draft's content?"""
    return any(b <= start for _, b in draft.content) and all(
        view.text[a] in QUOTE_MARKS for a, _ in draft.content) and any(a > start for a, _ in draft.content)


def markup_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of markup tags left in the text (`<tweet author="…">`): names and attributes, not prose."""
    return [m.span() for m in MARKUP.finditer(text)] if "<" in text else []


def in_markup(view: DocView, draft: Draft, markup: list[tuple[int, int]]) -> bool:
    start = view.words[draft.cue[0]].start
    return any(a <= start < b for a, b in markup)


def reported_mind(view: DocView, draft: Draft, drafts: list[Draft]) -> bool:
    """Is this a state of mind inside another claim's content (said he *thinks* …, said they *want* …)? It is part
    of what that speaker says, not a claim of its own (on PolNeAR train 92 of 1,139 are annotated). A passive
    ("forces were suspected of …") stays: it reports what unnamed others think."""
    start = view.words[draft.cue[0]].start
    return draft.cue_class in MENTAL_CLASSES and draft.kind is not ClaimKind.PASSIVE and any(
        other is not draft and any(a <= start < b for a, b in other.content) for other in drafts)


def quoted_speech(view: DocView, draft: Draft, drafts: list[Draft]) -> bool:
    """Is the cue inside a quotation that another claim reports (“I think …,” she said)? Those words are the
    quoted speaker's content, not a new attribution by the article (PolNeAR annotates none: 12 of 2,621 on
    train)."""
    quote = view.quote_at(view.words[draft.cue[0]].start)
    return quote is not None and view.text[quote.start] in QUOTE_MARKS and any(
        other is not draft and any(a < quote.end and quote.start < b for a, b in other.content) for other in drafts)


def rule_drafts(view: DocView, lexicon: Lexicon) -> list[Draft]:
    drafts: list[Draft] = []
    for w in view.words:
        draft = None
        if w.upos == "VERB" and w.deprel not in ADJECTIVAL:
            entry = lexicon.lookup(w.lemma, w.text, "VERB")
            draft = verb_claim(view, w.i, entry) if entry else None
        elif w.upos in ("NOUN", "PROPN"):
            entry = lexicon.lookup(w.lemma, w.text, "NOUN")
            draft = noun_claim(view, w.i, entry, lexicon) if entry else None
            verb_entry = lexicon.lookup(w.lemma, w.text, "VERB")
            if draft is None and verb_entry:
                draft = mistagged_verb_claim(view, w.i, verb_entry)
        elif w.upos == "ADV" or lexicon.lookup(w.lower, w.text, "ADV"):  # "reportedly" is often mis-tagged
            entry = lexicon.lookup(w.lower, w.text, "ADV")
            draft = adverb_claim(view, w.i, entry) if entry else None
        if w.lower == "according" and w.i + 1 < len(view.words) and view.words[w.i + 1].lower == "to":
            draft = according_claim(view, w.i)
        if draft:
            drafts.append(draft)
    for s in range(len(view.sentence_ranges)):
        start, stop = view.sentence_ranges[s]
        if not any(start <= d.cue[0] < stop for d in drafts):
            draft = colon_claim(view, s, lexicon) or headline_claim(view, s, lexicon)
            if draft:
                drafts.append(draft)
    drafts += [d for d in (dash_claim(view, q) for q in view.quotes) if d is not None]
    return drafts


def prune(drafts: list[Draft]) -> list[Draft]:
    """Drop drafts whose cue lies inside another draft's longer cue, and duplicates of the same cue."""
    kept: dict[tuple[int, ...], Draft] = {}
    cues = [set(d.cue) for d in drafts]
    for d, cue in zip(drafts, cues):
        if any(cue < other for other in cues) or not d.content:
            continue
        kept.setdefault(tuple(d.cue), d)
    return list(kept.values())


def finalize(view: DocView, drafts: list[Draft]) -> tuple[Claim, ...]:
    text = view.text
    datelines = dateline_spans(text)
    built = []
    for d in drafts:
        if datelines:
            d = replace(d, source=[k for k in d.source if not any(
                a <= view.words[k].start < b for a, b in datelines)])
        parts = set(d.cue) | set(d.source) | d.content_words(view)
        cue = word_span(view, with_particles(view, d, parts))
        source = word_span(view, source_proper(view, d, parts)) if d.source else None
        taken = [(cue.start, cue.end)] + ([(source.start, source.end)] if source else [])
        if source and overlaps(source, cue):
            source = None
            taken = [(cue.start, cue.end)]
        ranges = merge([widen_to_quotes(view, a, b, cue) for a, b in d.content])
        content = tuple(to_words(view, s, taken) for a, b in ranges for s in subtract(text, a, b, taken + datelines))
        if not content:
            continue
        kind = verb_kind(text, content) if d.kind in VERB_KINDS else d.kind
        pieces = [cue, *content] + ([source] if source else [])
        sentences = tuple(sorted({k for p in pieces for k in sentences_of(view, p)}))
        built.append((cue.start, kind, cue, d, content, source, sentences))
    built.sort(key=lambda b: (b[0], b[2].end))
    return tuple(Claim(f"c{n}", kind, (cue,), d.cue_lemma, content, source, sentences, round(d.confidence, 2),
                       d.cue_class)
                 for n, (_, kind, cue, d, content, source, sentences) in enumerate(built, 1))


def glued(view: DocView, k: int) -> bool:
    """A hyphen inside a word ("ex-wife", "52-count"), not a dash between phrases."""
    return 0 < k < len(view.words) - 1 and view.words[k - 1].end == view.words[k].start \
        and view.words[k].end == view.words[k + 1].start


def source_proper(view: DocView, draft: Draft, parts: set[int]) -> list[int]:
    """The source words without what precedes a comma or dash before its head ("Most recently, | Trump",
    "WASHINGTON — | Sen. Chuck Grassley"), and with the comma that closes a parenthetical apposition or relative
    clause ("Jeff Weaver, Sanders’ campaign manager,"), as PolNeAR's guidelines mark sources (train: 285 closing
    commas in, 30 out)."""
    words = sorted(draft.source)
    inside = set(words)
    head = next((k for k in words if view.words[k].head not in inside), words[0])
    cut = [k for k in words if k < head and view.words[k].text in SOURCE_BREAKS and not glued(view, k)]
    if cut:
        words = [k for k in words if k > cut[-1]]
    words = antecedent_before(view, words[0], set(draft.source)) + words
    after = words[-1] + 1
    if after < len(view.words) and view.words[after].text == "," and after not in parts \
            and view.words[after].sent == view.words[words[-1]].sent and any(
                view.words[k].text == "," and k + 1 in inside and view.words[k + 1].rel != "conj"
                and view.words[k + 1].lower not in ("and", "or") for k in words):
        words.append(after)
    return words


def antecedent_before(view: DocView, first: int, source: set[int]) -> list[int]:
    """The name a source's opening relative clause is about, which the tagger or parser left out: "[Dr. Connie
    Mariano,] who as a Navy captain was the White House physician …, said"."""
    if view.words[first].lower not in ("who", "which") or first < 2 or view.words[first - 1].text != "," \
            or not any(view.words[k].upos in ("VERB", "AUX") for k in source if k > first):
        return []  # a cue inside the relative clause has the relative word alone as its source, as PolNeAR marks it
        # ("Curiel, [who through his office] declined to comment")
    start = view.sentence_of(first).start
    k = first - 2
    while k >= start and view.words[k].upos in ANTECEDENT_WORDS:
        k -= 1
    run = list(range(k + 1, first))
    nominal = any(view.words[j].upos in ("NOUN", "PROPN") for j in run)
    return run if nominal and (k < start or view.words[k].text in SOURCE_BREAKS) and len(run) <= 9 else []


def with_particles(view: DocView, draft: Draft, parts: set[int]) -> list[int]:
    """The cue words with an infinitive's "to" before them and a verb's "about" after them ("to endorse",
    "joked about"), as PolNeAR marks cues; on train each was right 71 : 12 and 30 : 13 times against the bare
    verb. ``parts``: the words of the draft's cue, source and content, which are never added."""
    cue, first, last = list(draft.cue), min(draft.cue), max(draft.cue)
    before, after = first - 1, last + 1
    if before >= 0 and view.words[before].lower == "to" and view.words[before].head == first and before not in parts:
        cue.insert(0, before)
    if after < len(view.words) and view.words[after].lower == "about" and view.words[last].upos == "VERB" \
            and view.words[after].sent == view.words[last].sent and after not in parts:
        cue.append(after)
    return cue


def to_words(view: DocView, span: Span, taken: list[tuple[int, int]]) -> Span:
    """The span widened to whole words ("U.S" → "U.S."), so that every part can point at tokens; where widening
    would reach into the cue or source, narrowed to the words it covers entirely instead."""
    words = view.words_overlapping(span.start, span.end)
    if not words:
        return span
    a, b = min(span.start, view.words[words[0]].start), max(span.end, view.words[words[-1]].end)
    if any(ta < b and a < tb for ta, tb in taken):
        inner = [k for k in words if span.start <= view.words[k].start and view.words[k].end <= span.end]
        if not inner:
            return span
        a, b = view.words[inner[0]].start, view.words[inner[-1]].end
    return Span.of(view.text, a, b)


def sentences_of(view: DocView, span: Span) -> range:
    starts = view.sentence_starts
    return range(max(0, bisect_right(starts, span.start) - 1), max(1, bisect_right(starts, span.end - 1)))


def widen_to_quotes(view: DocView, a: int, b: int, cue: Span) -> tuple[int, int]:
    """Content that begins or ends inside a quotation takes the whole quotation (not one the cue sits in)."""
    for q in view.quotes:
        if q.start <= cue.start < q.end or view.text[q.start] in "‘'":
            continue
        if q.start < a < q.end or q.start <= a < q.end and b < q.end:
            a, b = q.start, max(b, q.end)
        if q.start < b < q.end and q.start >= a:
            b = q.end
    return a, b


def word_span(view: DocView, idx: list[int]) -> Span:
    return Span.of(view.text, view.words[min(idx)].start, view.words[max(idx)].end)


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def subtract(text: str, a: int, b: int, taken: list[tuple[int, int]]) -> list[Span]:
    """Pieces of [a, b) not covered by ``taken``, trimmed of blanks and clause punctuation at their edges."""
    pieces = [(a, b)]
    for ta, tb in taken:
        pieces = [p for pa, pb in pieces for p in ((pa, min(pb, ta)), (max(pa, tb), pb)) if p[0] < p[1]]
    out = []
    for pa, pb in pieces:
        while pa < pb and text[pa] in TRIM_CHARS:
            pa += 1
        while pb > pa and (text[pb - 1] in TRIM_CHARS or text[pb - 1] == "." and not inside_quote(text, pa, pb)
                           or text[pb - 1] == ")" and text[pa:pb].count("(") < text[pa:pb].count(")")):
            pb -= 1
        if pb > pa and any(ch.isalnum() for ch in text[pa:pb]):
            out.append(Span.of(text, pa, pb))
    return out


def inside_quote(text: str, a: int, b: int) -> bool:
    """Does [a, b) end inside a quotation it opened (so a final full stop belongs to the quote)?"""
    return sum(text[a:b].count(m) for m in "“\"") % 2 == 1 or text[a:b].count("“") > text[a:b].count("”")


def verb_kind(text: str, content: tuple[Span, ...]) -> ClaimKind:
    if all(s.text[0] in QUOTE_MARKS and s.text[-1] in QUOTE_MARKS for s in content):
        return ClaimKind.DIRECT
    if any(ch in QUOTE_MARKS or ch in "‘" for s in content for ch in s.text):
        return ClaimKind.MIXED
    return ClaimKind.INDIRECT
