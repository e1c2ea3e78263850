"""A flat, index-based view of a parsed Stanza document that the extraction rules work on."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import NamedTuple

from ..quotes import Quote, paragraph_spans

__all__ = ["Word", "DocView"]


class WordFields(NamedTuple):
    i: int
    sent: int
    text: str
    lemma: str
    upos: str
    feats: str
    head: int | None
    deprel: str
    start: int
    end: int
    lower: str
    rel: str


class Word(WordFields):
    """One syntactic word; ``i`` and ``head`` index ``DocView.words``; ``head`` is None for roots. ``lower`` is the
    lower-cased text and ``rel`` the deprel without subtype (``nsubj:pass`` → ``nsubj``), computed once: the rules
    and the tagger ask for them millions of times."""

    __slots__ = ()

    def __new__(cls, i: int, sent: int, text: str, lemma: str, upos: str, feats: str, head: int | None,  # noqa: D102
                deprel: str, start: int, end: int) -> "Word":
        return super().__new__(cls, i, sent, text, lemma, upos, feats, head, deprel, start, end, text.lower(),
                               deprel.split(":")[0])

    def feat(self, name: str) -> str | None:
        for pair in self.feats.split("|"):
            key, _, value = pair.partition("=")
            if key == name:
                return value
        return None


class DocView:
    """Words, sentence ranges, dependency children, quotations and paragraphs of one document."""

    def __init__(self, text: str, words: list[Word], sentence_ranges: list[tuple[int, int]], quotes: list[Quote]):
        self.text = text
        self.words = words
        self.sentence_ranges = sentence_ranges
        self.quotes = quotes
        self.children: list[list[int]] = [[] for _ in words]
        for w in words:
            if w.head is not None:
                self.children[w.head].append(w.i)

    @classmethod
    def from_stanza(cls, doc, quotes: list[Quote]) -> "DocView":  # noqa: ANN001 - stanza Document
        words: list[Word] = []
        ranges = []
        for s_idx, sentence in enumerate(doc.sentences):
            base = len(words)
            for token in sentence.tokens:
                for word in token.words:
                    start = word.start_char if word.start_char is not None else token.start_char
                    end = word.end_char if word.end_char is not None else token.end_char
                    head = base + word.head - 1 if word.head else None
                    words.append(Word(len(words), s_idx, word.text, word.lemma or word.text, word.upos or "X",
                                      word.feats or "", head, word.deprel or "dep", start, end))
            ranges.append((base, len(words)))
        return cls(doc.text, words, ranges, quotes)

    def blocks(self, size: int) -> list[tuple[int, "DocView"]]:
        """The document as views of about ``size`` sentences each, cut where a paragraph begins, with the index
        of each block's first sentence. Word indices restart in each block; character offsets stay global."""
        if len(self.sentence_ranges) <= size:
            return [(0, self)]
        cuts, first = [0], 0
        paragraph_starts = {a for a, _ in self.paragraphs}
        for s in range(1, len(self.sentence_ranges)):
            start_char = self.words[self.sentence_ranges[s][0]].start
            at_paragraph = any(start_char - k in paragraph_starts for k in range(0, 3))
            if s - first >= size and (at_paragraph or s - first >= 2 * size):
                cuts.append(s)
                first = s
        cuts.append(len(self.sentence_ranges))
        return [(a, self.block(a, b)) for a, b in zip(cuts, cuts[1:]) if b > a]

    def block(self, first: int, stop: int) -> "DocView":
        lo, hi = self.sentence_ranges[first][0], self.sentence_ranges[stop - 1][1]
        words = [Word(w.i - lo, w.sent - first, w.text, w.lemma, w.upos, w.feats,
                      None if w.head is None else w.head - lo, w.deprel, w.start, w.end) for w in self.words[lo:hi]]
        start, end = (words[0].start, words[-1].end) if words else (0, 0)
        quotes = [q for q in self.quotes if start <= q.start < end]
        return DocView(self.text, words, [(a - lo, b - lo) for a, b in self.sentence_ranges[first:stop]], quotes)

    # -- structure -------------------------------------------------------------------------------
    def kids(self, i: int, *rels: str) -> list[int]:
        """Children of ``i``, restricted to the given deprels (full or base) when any are given."""
        return [c for c in self.children[i] if not rels or self.words[c].deprel in rels or self.words[c].rel in rels]

    def subtree(self, i: int, exclude: frozenset[int] = frozenset()) -> list[int]:
        out, stack = [], [i]
        while stack:
            n = stack.pop()
            if n in exclude:
                continue
            out.append(n)
            stack.extend(self.children[n])
        return sorted(out)

    def sentence_of(self, i: int) -> range:
        start, end = self.sentence_ranges[self.words[i].sent]
        return range(start, end)

    # -- quotations and paragraphs ---------------------------------------------------------------
    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Character offset where each sentence begins."""
        return [self.words[a].start for a, _ in self.sentence_ranges]

    @cached_property
    def _word_starts(self) -> list[int]:
        return [w.start for w in self.words]

    def quote_at(self, char: int) -> Quote | None:
        """The quotation covering character ``char``, if any (quotations do not nest)."""
        k = bisect_right(self._quote_starts, char) - 1
        for q in self.quotes[max(0, k - 1):k + 1]:
            if q.start <= char < q.end:
                return q
        return None

    def in_quote(self, i: int) -> bool:
        return self.quote_at(self.words[i].start) is not None

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        return paragraph_spans(self.text)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [s for s, _ in self.paragraphs]

    def paragraph_of_char(self, char: int) -> int:
        return max(0, bisect_right(self._paragraph_starts, char) - 1)

    def words_overlapping(self, start_char: int, end_char: int) -> list[int]:
        """Words that share at least one character with [start_char, end_char)."""
        k = bisect_left(self._word_starts, start_char)
        while k > 0 and self.words[k - 1].end > start_char:
            k -= 1
        out = []
        while k < len(self.words) and self.words[k].start < end_char:
            if self.words[k].end > start_char:
                out.append(k)
            k += 1
        return out

    def words_between(self, start_char: int, end_char: int) -> list[int]:
        first = bisect_left(self._word_starts, start_char)
        return [w.i for w in self.words[first:bisect_left(self._word_starts, end_char)] if w.end <= end_char]
