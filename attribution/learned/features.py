"""Token features for the span tagger: the word, its parse neighbourhood, quotations and the cue lexicon.

Pure functions of a :class:`DocView`; one list of feature strings per word, grouped by sentence.
"""
from __future__ import annotations

from ..extract.view import DocView
from ..lexicon import Lexicon, load_lexicon

QUOTE_MARKS = set('"“”„«»')


def cue_info(view: DocView, lexicon: Lexicon) -> list[str]:
    """The lexicon class:frame of each word ('' when it is no cue word)."""
    out = []
    for w in view.words:
        pos = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADV": "ADV"}.get(w.upos)
        entry = lexicon.lookup(w.lemma, w.text, pos) if pos else None
        if entry is None and pos != "VERB":
            entry = lexicon.lookup(w.lemma, w.text, "VERB")
        out.append(f"{entry.cls}:{entry.frame}" if entry else "")
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


def sentence_features(view: DocView, lexicon: Lexicon | None = None) -> list[list[list[str]]]:
    lexicon = lexicon or load_lexicon()
    cues = cue_info(view, lexicon)
    in_quote = [view.in_quote(w.i) for w in view.words]
    base: list[list[str]] = []
    for w in view.words:
        lower = w.lower
        head = view.words[w.head] if w.head is not None else None
        rel, hops = cue_ancestor(view, w.i, cues)
        f = [f"w={lower}", f"l={w.lemma.lower()}", f"p={w.upos}", f"d={w.deprel}", f"s3={lower[-3:]}",
             f"cue={cues[w.i]}", f"q={int(in_quote[w.i])}", f"qm={int(w.text in QUOTE_MARKS)}",
             f"hp={head.upos if head else 'ROOT'}", f"hl={head.lemma.lower() if head else 'ROOT'}",
             f"hcue={cues[w.head] if head else 'ROOT'}", f"anc={rel}:{min(hops, 3)}",
             f"t={'T' if w.text[:1].isupper() else 'l'}"]
        if head is not None and cues[w.head]:
            f.append(f"hcue_rel={cues[w.head]}|{w.deprel}")
        if cues[w.i]:
            kids = sorted({view.words[c].rel for c in view.children[w.i]})
            f += [f"kid={k}" for k in kids]
        base.append(f)
    out = []
    for start, stop in view.sentence_ranges:
        sentence_cues = [k for k in range(start, stop) if cues[k]]
        rows = []
        for k in range(start, stop):
            f = list(base[k])
            left = [c for c in sentence_cues if c < k]
            right = [c for c in sentence_cues if c > k]
            f.append(f"lc={bucket(k - left[-1]) if left else 'none'}")
            f.append(f"rc={bucket(right[0] - k) if right else 'none'}")
            for off in (-2, -1, 1, 2):
                j = k + off
                if start <= j < stop:
                    nb = view.words[j]
                    f += [f"{off}w={nb.lower}", f"{off}p={nb.upos}", f"{off}cue={cues[j]}", f"{off}q={int(in_quote[j])}"]
                else:
                    f.append(f"{off}=EDGE")
            rows.append(f)
        out.append(rows)
    return out


def bucket(distance: int) -> str:
    return str(distance) if distance <= 3 else "4-6" if distance <= 6 else "7-12" if distance <= 12 else "far"
