"""Reading the hand-written seed gold (format in tests/gold/README.md) into evaluation records."""
from __future__ import annotations

from pathlib import Path

from attribution.evaluation import Attribution
from attribution.model import Span

GOLD_DIR = Path(__file__).parent / "gold"


def nearest(text: str, needle: str, near: int) -> Span:
    starts, i = [], text.find(needle)
    while i >= 0:
        starts.append(i)
        i = text.find(needle, i + 1)
    if not starts:
        raise ValueError(f"gold text not in article: {needle!r}")
    best = min(starts, key=lambda s: abs(s - near))
    return Span.of(text, best, best + len(needle))


def load_gold(name: str, text: str) -> list[Attribution]:
    rows = (GOLD_DIR / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
    out = []
    for line in rows[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        anchor, source, cue, content = line.split("\t")
        assert text.count(anchor) == 1, f"anchor not unique: {anchor!r}"
        at = text.index(anchor)
        cue_span = nearest(text[at:at + len(anchor)], cue, 0)
        cue_span = Span.of(text, at + cue_span.start, at + cue_span.end)
        parts = tuple(nearest(text, part, cue_span.start) for part in content.split(" | "))
        src = () if source == "-" else (nearest(text, source, cue_span.start),)
        out.append(Attribution(src, (cue_span,), parts))
    return out
