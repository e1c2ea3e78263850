"""From tagged words to claim drafts: each cue span is an attribution; sources and contents join the cue
that the parse and the text make most likely."""
from __future__ import annotations

from dataclasses import replace

from ..extract.draft import Draft
from ..extract.spans import chars, subject_host
from ..extract.view import DocView
from ..lexicon import load_lexicon
from ..model import ClaimKind
from .labels import spans_of

ADVERB_CUES = {"reportedly", "allegedly", "purportedly", "supposedly", "reputedly", "apparently"}


Range = tuple[int, int]  # first and last word of a tagged span


def decode(view: DocView, labels: list[str], confidence: list[float]) -> list[Draft]:
    """Drafts from labels; each draft's confidence is the mean marginal probability of its cue words."""
    spans = [s for start, stop in view.sentence_ranges for s in spans_of(labels, range(start, stop))]
    cues = [(a, b) for role, a, b in spans if role == "Cue"]
    if not cues:
        return []
    sources: dict[Range, list[Range]] = {c: [] for c in cues}
    governed: dict[Range, list[Range]] = {c: [] for c in cues}
    loose: dict[Range, list[Range]] = {c: [] for c in cues}
    for role, a, b in spans:
        if role == "Cue":
            continue
        cue = governing_cue(view, cues, a, b)
        if cue is not None:
            (sources if role == "Source" else governed)[cue].append((a, b))
        elif (cue := nearest_cue(view, cues, a, b, role)) is not None:
            (sources if role == "Source" else loose)[cue].append((a, b))
    drafts = []
    for cue in cues:
        cue_words = list(range(cue[0], cue[1] + 1))
        src = min(sources[cue], key=lambda s: distance(s, cue)) if sources[cue] else None
        source = without_lone_comma(view, list(range(src[0], src[1] + 1))) if src else []
        nearest_first = sorted(loose[cue], key=lambda s: distance(s, cue))
        content = content_of(view, cue_words + source, governed[cue], nearest_first)
        drafts.append(Draft(kind_for(view, cue_words), cue_words, cue_lemma(view, cue_words), source,
                            [chars(view, list(range(a, b + 1))) for a, b in join(view, content)],
                            sum(confidence[k] for k in cue_words) / len(cue_words), cue_class(view, cue_words)))
    return [with_shared_source(view, d, drafts) for d in drafts]


def without_lone_comma(view: DocView, source: list[int]) -> list[int]:
    """The source without a final comma that closes no apposition: "[The Journal], citing …". PolNeAR's sources end
    on a comma after an apposition ("Murphy, the head of Right to Rise USA,"), and 3 times in 19,561 otherwise."""
    commas = [k for k in source if view.words[k].text == ","]
    return source[:-1] if len(source) > 1 and commas == [source[-1]] else source


def with_shared_source(view: DocView, draft: Draft, drafts: list[Draft]) -> Draft:
    """A cue without a tagged source that shares the subject of the cue it hangs from ("he said …, citing …",
    "said … and added …") takes that cue's source: the tagger marks the speaker once, next to one of the two cues,
    where PolNeAR gives it to both (docs/evaluation.md, step 32)."""
    if draft.source:
        return draft
    root = next((k for k in draft.cue if view.words[k].head not in draft.cue), draft.cue[0])
    host = subject_host(view, root)
    match = next((d for d in drafts if d is not draft and host in d.cue and d.source), None)
    return replace(draft, source=match.source) if match else draft


def content_of(view: DocView, claim_words: list[int], governed: list[Range], loose: list[Range]) -> list[Range]:
    """The content spans of one cue: those the parse links to it, then the loose ones, nearest first — the nearest
    where the parse linked none, the others only where punctuation alone parts them from the claim (a quotation
    running on over sentences). A loose span further off is most often the content of a cue the tagger missed
    (docs/evaluation.md, step 18)."""
    content, taken = list(governed), set(claim_words).union(*(range(a, b + 1) for a, b in governed))
    pending, grew = list(loose), True
    while pending and grew:
        grew = False
        for span in list(pending):
            if not content or punctuation_between(view, taken, span):
                content.append(span)
                pending.remove(span)
                taken.update(range(span[0], span[1] + 1))
                grew = True
    return content


def punctuation_between(view: DocView, taken: set[int], span: Range) -> bool:
    """Is only punctuation between ``span`` and the nearest taken word on either side?"""
    before = max((k for k in taken if k < span[0]), default=None)
    after = min((k for k in taken if k > span[1]), default=None)
    return before is not None and punctuation_only(view, before + 1, span[0]) or \
        after is not None and punctuation_only(view, span[1] + 1, after)


def punctuation_only(view: DocView, start: int, stop: int) -> bool:
    """Are the words from ``start`` up to ``stop`` (excluded) all punctuation (or none)?"""
    return all(view.words[k].upos == "PUNCT" for k in range(start, stop))


def join(view: DocView, parts: list[Range]) -> list[Range]:
    """Content fragments separated only by punctuation in one sentence become one span."""
    out: list[Range] = []
    for a, b in sorted(parts):
        if out and view.words[out[-1][1]].sent == view.words[a].sent and punctuation_only(view, out[-1][1] + 1, a):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def distance(span: Range, cue: Range) -> int:
    return max(cue[0] - span[1], span[0] - cue[1], 0)


def governing_cue(view: DocView, cues: list[Range], a: int, b: int) -> Range | None:
    """The cue in the same sentence that one of the span's words depends on."""
    sent = view.words[a].sent
    heads = {view.words[k].head for k in range(a, b + 1)}
    for cue in cues:
        if any(cue[0] <= h <= cue[1] for h in heads if h is not None) and view.words[cue[0]].sent == sent:
            return cue
    return None


def nearest_cue(view: DocView, cues: list[Range], a: int, b: int, role: str) -> Range | None:
    """Without a syntactic link: the nearest cue in the sentence, else (contents only: quotations continued or
    introduced) the nearest cue within one sentence of the same paragraph (a new paragraph is a new turn: across
    one, nearness attached the wrong content more often than the right, docs/evaluation.md step 18)."""
    sent = view.words[a].sent
    same = [c for c in cues if view.words[c[0]].sent == sent]
    if same:
        return min(same, key=lambda c: distance((a, b), c))
    if role == "Content":
        paragraph = view.paragraph_of_char(view.words[a].start)
        near = [c for c in cues if abs(view.words[c[0]].sent - sent) <= 1
                and view.paragraph_of_char(view.words[c[0]].start) == paragraph]
        if near:
            return min(near, key=lambda c: (abs(view.words[c[0]].sent - sent), view.words[c[0]].sent > sent))
    return None


def cue_lemma(view: DocView, cue: list[int]) -> str:
    """The lemma of the cue's last verb or noun; in a title-case headline, where the tagger reads every word as a
    proper noun ("Asia Worries About …"), of its last proper noun."""
    heads = [k for k in cue if view.words[k].upos in ("VERB", "NOUN")] or \
        [k for k in cue if view.words[k].upos == "PROPN"] or cue
    return view.words[heads[-1]].lemma.lower() if cue else ""


def cue_class(view: DocView, cue: list[int]) -> str:
    """The lexicon class of the cue's head word (a cue the lexicon lacks counts as speech)."""
    lexicon = load_lexicon()
    for k in reversed(cue):
        w = view.words[k]
        entry = lexicon.lookup(w.lemma, w.text, "NOUN" if w.upos in ("NOUN", "PROPN") else w.upos)
        if entry:
            return entry.cls
    return "speech"


def kind_for(view: DocView, cue: list[int]) -> ClaimKind:
    words = [view.words[k] for k in cue]
    text = " ".join(w.lower for w in words)
    if text.startswith("according"):
        return ClaimKind.ACCORDING_TO
    if len(words) == 1 and words[0].lower in ADVERB_CUES:
        return ClaimKind.ADVERBIAL
    if any(w.deprel == "aux:pass" for w in words) or any(w.feat("Voice") == "Pass" and
                                                           any(x.lemma == "be" for x in words) for w in words):
        return ClaimKind.PASSIVE
    if all(w.upos not in ("VERB", "AUX") for w in words) and any(w.upos == "NOUN" for w in words):
        return ClaimKind.NOMINAL
    return ClaimKind.INDIRECT  # refined to direct / mixed from the content when claims are finalised
