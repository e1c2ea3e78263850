"""Quotation spans found in raw text, before any parsing.

News text mixes straight and curly marks, sometimes wrongly curled ("This is …,” he said), and a
quotation that runs over several paragraphs leaves each paragraph but the last unclosed. Marks are
therefore classified by their surroundings first and by their shape second. Typewriter marks made of two
apostrophes (''This,'' he said: New York Times archive text) are found by :func:`apostrophe_marks`; the
annotator reads them as straight double marks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quote", "apostrophe_marks", "find_quotes", "paragraph_spans"]

DOUBLE = '"“”„«»‟″'
OPENING_SHAPES = "“„«‟"
CLOSING_SHAPES = "”»″"
OPEN_CONTEXT = " \t\n\r([{—–-/:;,"
APOSTROPHE_PAIR = re.compile(r"(?<!')''(?!')")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\r\s*\r|(?<=[.?!:”\"’])\s*\n")


@dataclass(frozen=True)
class Quote:
    """A quotation from its opening mark to its closing mark inclusive."""

    start: int
    end: int
    closed: bool


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph; a paragraph ends at a blank line or at a line break after final punctuation."""
    spans, start = [], 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in (trim(text, s, e) for s, e in spans) if e > s]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_opening(text: str, i: int, width: int = 1) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if before in OPEN_CONTEXT or before in OPENING_SHAPES:
        return not after.isspace() or text[i] in OPENING_SHAPES
    if after.isspace() or after in ".,;:!?)]—–-’'" or i + width == len(text):
        return False
    return text[i] in OPENING_SHAPES or text[i] in "\"'" and not before.isalnum()


def apostrophe_marks(text: str) -> list[tuple[int, bool]]:
    """(position, opening?) of every pair of apostrophes used as a double quotation mark."""
    return [(m.start(), is_opening(text, m.start(), 2)) for m in APOSTROPHE_PAIR.finditer(text)]


def find_quotes(text: str) -> list[Quote]:
    """Double-quoted spans, plus single-quoted ones outside them (‘scare quotes’), in text order."""
    quotes: list[Quote] = []
    for p_start, p_end in paragraph_spans(text):
        opened: int | None = None
        for i in range(p_start, p_end):
            if text[i] not in DOUBLE:
                continue
            if is_opening(text, i):
                if opened is None:
                    opened = i
            elif opened is not None:
                quotes.append(Quote(opened, i + 1, True))
                opened = None
        if opened is not None and p_end - opened > 1:
            quotes.append(Quote(opened, p_end, False))
    return sorted(quotes + single_quotes(text, quotes), key=lambda q: q.start)


SINGLE_OPEN = re.compile(r"(?<![\w’'])[‘'](?=\w)")


def single_quotes(text: str, doubles: list[Quote]) -> list[Quote]:
    found: list[Quote] = []
    for m in SINGLE_OPEN.finditer(text):
        start = m.start()
        if any(q.start <= start < q.end for q in doubles + found):
            continue
        close = re.compile(r"[’'](?![\w])").search(text, start + 1, min(len(text), start + 300))
        if close and "\n" not in text[start:close.start()]:
            found.append(Quote(start, close.end(), True))
    return found
