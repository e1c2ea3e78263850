"""Reading the hand-written seed gold (format in tests/gold/README.md) into evaluation records."""
from __future__ import annotations

from pathlib import Path

from attribution.evaluation import Attribution
from attribution.labeleval import LABELS, GoldLink, LabelledAttribution
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


def rows(name: str) -> list[list[str]]:
    lines = (GOLD_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:] if line.strip() and not line.startswith("#")]


def anchor_at(text: str, anchor: str) -> int:
    assert text.count(anchor) == 1, f"anchor not unique: {anchor!r}"
    return text.index(anchor)


def load_labelled(name: str, text: str) -> list[LabelledAttribution]:
    """Gold attributions with their labels (columns after the fourth, see README.md)."""
    return [LabelledAttribution(a, dict(zip(LABELS, row[4:]))) for a, row in zip(load_gold(name, text),
                                                                               rows(f"{name}.tsv"))]


def load_links(name: str, text: str) -> list[GoldLink]:
    """Gold claim links; each end is named by the anchor of its attribution's row."""
    anchors = [anchor_at(text, row[0]) for row in rows(f"{name}.tsv")]
    index = {a: i for i, a in enumerate(anchors)}
    return [GoldLink(index[anchor_at(text, a)], kind, index[anchor_at(text, b)])
            for a, kind, b in rows(f"{name}.links.tsv")]


def load_gold(name: str, text: str) -> list[Attribution]:
    out = []
    for row in rows(f"{name}.tsv"):
        anchor, source, cue, content = row[:4]
        at = anchor_at(text, anchor)
        cue_span = nearest(text[at:at + len(anchor)], cue, 0)
        cue_span = Span.of(text, at + cue_span.start, at + cue_span.end)
        parts = tuple(nearest(text, part, cue_span.start) for part in content.split(" | "))
        src = () if source == "-" else (nearest(text, source, cue_span.start),)
        out.append(Attribution(src, (cue_span,), parts))
    return out
