"""Words as categorical features for the neural span tagger: the word, its parse neighbourhood, quotations, the
cue lexicon and what the rules found. Pure functions of a :class:`DocView`; vocabularies come with the model.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Iterable

from ..extract.draft import Draft
from ..extract.view import DocView
from ..lexicon import Lexicon, load_lexicon

QUOTE_MARKS = set('"“”„«»')


AS_TRAINED = {"label": "objcomp"}  # frames added to the lexicon after the shipped tagger was trained, as it saw them


def cue_info(view: DocView, lexicon: Lexicon) -> list[str]:
    """The lexicon class:frame of each word ('' when it is no cue word)."""
    out = []
    for w in view.words:
        pos = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADV": "ADV"}.get(w.upos)
        entry = lexicon.lookup(w.lemma, w.text, pos) if pos else None
        if entry is None and pos != "VERB":
            entry = lexicon.lookup(w.lemma, w.text, "VERB")
        out.append(f"{entry.cls}:{AS_TRAINED.get(entry.frame, entry.frame)}" if entry else "")
    return out


def cue_ancestor(view: DocView, i: int, cues: list[str]) -> tuple[str, int]:
    """The dependency relation under which word ``i`` hangs from the nearest cue-word ancestor, and its hops."""
    rel, hops, node = view.words[i].rel, 0, view.words[i].head
    while node is not None and hops < 6:
        hops += 1
        if cues[node]:
            return rel, hops
        rel, node = view.words[node].rel, view.words[node].head
    return "", 0


def bucket(distance: int) -> str:
    """Word distances in a few bands, so that far and very far look alike."""
    return str(distance) if distance <= 3 else "4-6" if distance <= 6 else "7-12" if distance <= 12 else "far"


UNKNOWN = "<unk>"
FIELDS = ("word", "lemma", "suffix", "shape", "upos", "deprel", "head_upos", "head_lemma", "head_deprel",
          "cue", "head_cue", "cue_anc", "quote", "head_dir", "left_cue", "right_cue", "edge", "rule")
SHARED = {"head_lemma": "lemma", "head_upos": "upos", "head_deprel": "deprel", "head_cue": "cue"}
OPEN_FIELDS = {"word", "lemma", "suffix"}  # rare values become UNKNOWN


@lru_cache(maxsize=1 << 16)
def shape(text: str) -> str:
    """A word's coarse shape: digits, punctuation, quotation mark, all capitals, capitalised or lower case
    (cached: words recur)."""
    if any(c.isdigit() for c in text):
        return "d"
    if not any(c.isalpha() for c in text):
        return "p" if text not in QUOTE_MARKS else "q"
    return "X" if text.isupper() and len(text) > 1 else "Xx" if text[:1].isupper() else "x"


def rule_roles(view: DocView, drafts: Iterable[Draft]) -> list[str]:
    """BIO roles of the words in the rules' drafts (cue before source before content where they overlap)."""
    roles = ["O"] * len(view.words)
    drafts = list(drafts)
    for role in ("Content", "Source", "Cue"):
        for d in drafts:
            if role == "Cue":
                words = d.cue
            elif role == "Source":
                words = d.source
            else:
                words = [k for a, b in d.content for k in view.words_overlapping(a, b)]
            for n, k in enumerate(sorted(words)):
                roles[k] = ("B-" if n == 0 else "I-") + role
    return roles


def word_fields(view: DocView, drafts: Iterable[Draft], lexicon: Lexicon | None = None) -> list[tuple[str, ...]]:
    """One tuple of feature values (in FIELDS order) per word of the document."""
    lexicon = lexicon or load_lexicon()
    cues = cue_info(view, lexicon)
    roles = rule_roles(view, drafts)
    cue_words = [k for k, c in enumerate(cues) if c]
    rows: list[tuple[str, ...]] = []
    for start, stop in view.sentence_ranges:
        here = [k for k in cue_words if start <= k < stop]
        for k in range(start, stop):
            w = view.words[k]
            head = view.words[w.head] if w.head is not None else None
            rel, hops = cue_ancestor(view, k, cues)
            left = [c for c in here if c < k]
            right = [c for c in here if c > k]
            direction = "root" if w.head is None else ("<" if w.head < k else ">") + bucket(abs(w.head - k))
            rows.append((w.lower, w.lemma.lower(), w.lower[-3:], shape(w.text), w.upos, w.deprel,
                         head.upos if head else "ROOT", head.lemma.lower() if head else "ROOT",
                         head.deprel if head else "ROOT", cues[k] or "-",
                         cues[w.head] or "-" if w.head is not None else "ROOT",
                         f"{rel}:{min(hops, 3)}", f"{int(view.in_quote(k))}{int(w.text in QUOTE_MARKS)}",
                         direction, bucket(k - left[-1]) if left else "none", bucket(right[0] - k) if right else "none",
                         "first" if k == start else "last" if k == stop - 1 else "mid", roles[k]))
    return rows


def build_vocabularies(documents: Iterable[list[tuple[str, ...]]], min_count: int = 2) -> dict[str, list[str]]:
    """Value lists per vocabulary (shared ones once); index 0 is padding, 1 is UNKNOWN."""
    counts: dict[str, Counter] = {f: Counter() for f in FIELDS if f not in SHARED}
    for rows in documents:
        for row in rows:
            for name, value in zip(FIELDS, row):
                counts[SHARED.get(name, name)][value] += 1
    return {name: ["<pad>", UNKNOWN] + sorted(v for v, n in c.items() if n >= (min_count if name in OPEN_FIELDS else 1))
            for name, c in counts.items()}


def windows(sentence_starts: list[int], length: int, size: int = 160) -> list[tuple[int, int]]:
    """Runs of whole sentences of at most ``size`` words (a longer sentence alone): the units the tagger reads.
    Short windows keep the recurrent network fast on a CPU and train it on the same units it later tags."""
    out: list[tuple[int, int]] = []
    start = 0
    for here, after in zip(sentence_starts, [*sentence_starts[1:], length]):
        if after - start > size and here > start:
            out.append((start, here))
            start = here
    if start < length:
        out.append((start, length))
    return out


def field_lookups(vocabularies: dict[str, list[str]]) -> tuple[dict[str, int], ...]:
    """Value -> index per field (FIELDS order), built once per model."""
    index = {name: {v: i for i, v in enumerate(values)} for name, values in vocabularies.items()}
    return tuple(index[SHARED.get(f, f)] for f in FIELDS)


def encode(rows: list[tuple[str, ...]], lookups: tuple[dict[str, int], ...]) -> list[list[int]]:
    """Rows of feature values as rows of vocabulary indices; unseen values become UNKNOWN."""
    return [[lookup.get(value, 1) for lookup, value in zip(lookups, row)] for row in rows]
