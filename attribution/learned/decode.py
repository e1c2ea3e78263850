"""From tagged words to claim drafts: each cue span is an attribution; sources and contents join the cue
that the parse and the text make most likely."""
from __future__ import annotations

from ..extract.draft import Draft
from ..extract.spans import chars
from ..extract.view import DocView
from ..lexicon import load_lexicon
from ..model import ClaimKind
from .labels import spans_of

ADVERB_CUES = {"reportedly", "allegedly", "purportedly", "supposedly", "reputedly", "apparently"}


def decode(view: DocView, labels: list[str], confidence: list[float]) -> list[Draft]:
    """Drafts from labels; each draft's confidence is the mean marginal probability of its cue words."""
    spans = [s for start, stop in view.sentence_ranges for s in spans_of(labels, range(start, stop))]
    cues = [(a, b) for role, a, b in spans if role == "Cue"]
    if not cues:
        return []
    sources: dict[tuple[int, int], list[tuple[int, int]]] = {c: [] for c in cues}
    contents: dict[tuple[int, int], list[tuple[int, int]]] = {c: [] for c in cues}
    for role, a, b in spans:
        if role == "Cue":
            continue
        cue = best_cue(view, cues, a, b, role)
        if cue is not None:
            (sources if role == "Source" else contents)[cue].append((a, b))
    drafts = []
    for cue in cues:
        cue_words = list(range(cue[0], cue[1] + 1))
        src = min(sources[cue], key=lambda s: distance(s, cue)) if sources[cue] else None
        drafts.append(Draft(kind_for(view, cue_words), cue_words, cue_lemma(view, cue_words),
                            list(range(src[0], src[1] + 1)) if src else [],
                            [chars(view, list(range(a, b + 1))) for a, b in join(view, contents[cue])],
                            sum(confidence[k] for k in cue_words) / len(cue_words), cue_class(view, cue_words)))
    return drafts


def join(view: DocView, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Content fragments separated only by punctuation in one sentence become one span."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(parts):
        if out and view.words[out[-1][1]].sent == view.words[a].sent and all(
                view.words[k].upos == "PUNCT" for k in range(out[-1][1] + 1, a)):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def distance(span: tuple[int, int], cue: tuple[int, int]) -> int:
    return max(cue[0] - span[1], span[0] - cue[1], 0)


def best_cue(view: DocView, cues: list[tuple[int, int]], a: int, b: int, role: str) -> tuple[int, int] | None:
    """The cue this source/content belongs to: a syntactic link first, else the nearest cue in the sentence,
    else (contents only: quotations continued or introduced) the nearest cue within one sentence."""
    sent = view.words[a].sent
    heads = {view.words[k].head for k in range(a, b + 1)}
    for cue in cues:
        if any(cue[0] <= h <= cue[1] for h in heads if h is not None) and view.words[cue[0]].sent == sent:
            return cue
    same = [c for c in cues if view.words[c[0]].sent == sent]
    if same:
        return min(same, key=lambda c: distance((a, b), c))
    if role == "Content":
        near = [c for c in cues if abs(view.words[c[0]].sent - sent) <= 1]
        if near:
            return min(near, key=lambda c: (abs(view.words[c[0]].sent - sent), view.words[c[0]].sent > sent))
    return None


def cue_lemma(view: DocView, cue: list[int]) -> str:
    heads = [k for k in cue if view.words[k].upos in ("VERB", "NOUN")] or cue
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
