"""Reading PolNeAR-style BRAT standoff: Source / Cue / Content text-bound spans linked by Attribution events."""
from __future__ import annotations

from pathlib import Path

from .evaluation import Attribution
from .model import Span

__all__ = ["read_attributions", "first_annotation", "gold_attributions"]


def first_annotation(attributions_dir: Path, name: str) -> Path | None:
    """The annotation of article ``name`` by the first annotator in sorted order (PolNeAR convention)."""
    found = sorted(attributions_dir.glob(f"{name}_*.ann"))
    return found[0] if found else None


def gold_attributions(attributions_dir: Path, name: str, text: str) -> list[Attribution]:
    """The gold attributions of article ``name`` (first annotator), or none when it has no annotation."""
    ann = first_annotation(attributions_dir, name)
    return read_attributions(ann.read_text(encoding="utf-8"), text) if ann else []


def read_attributions(ann_text: str, text: str) -> list[Attribution]:
    """The attributions of one annotation file. A role may be repeated as ``Content2`` (brat's numbering of a
    second argument of the same role): its spans join the role's, in order."""
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[dict[str, str]] = []
    for line in ann_text.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _label, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = tuple(Span.of(text, int(a), int(b))
                                     for a, b in (part.split() for part in offsets.split(";")))
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(arg.split(":", 1) for arg in fields[1].split()))

    def part(event: dict[str, str], role: str) -> tuple[Span, ...]:
        parts = (s for k, t in event.items() if k.rstrip("0123456789") == role for s in spans.get(t, ()))
        return tuple(sorted(parts, key=lambda s: s.start))
    return [Attribution(part(e, "Source"), part(e, "Cue"), part(e, "Content")) for e in events]
