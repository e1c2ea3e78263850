"""Hand-made parses for tests of the parts that read one (no pipeline, no parser errors to work around)."""
from __future__ import annotations

from attribution.extract.view import DocView, Word
from attribution.quotes import find_quotes


def parsed(text: str, rows: list[tuple], quotes: bool = False) -> DocView:
    """A view from (word, UPOS, head, relation, sentence[, lemma[, feats]]) rows; offsets found in ``text`` in
    order; the lemma defaults to the lower-cased word. With ``quotes``, the text's quotations as the pipeline
    finds them."""
    words, at = [], 0
    for i, (t, upos, head, rel, sent, *rest) in enumerate(rows):
        lemma, feats = (rest + [t.lower(), ""][len(rest):])[:2]
        at = text.index(t, at)
        words.append(Word(i, sent, t, lemma, upos, feats, head, rel, at, at + len(t)))
        at += len(t)
    ranges = [(min(w.i for w in words if w.sent == k), max(w.i for w in words if w.sent == k) + 1)
              for k in sorted({w.sent for w in words})]
    return DocView(text, words, ranges, find_quotes(text) if quotes else [])
