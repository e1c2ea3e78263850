"""One flat record per claim, shared by the CSV and JSONL writers (spreadsheets, pandas)."""
from __future__ import annotations

from typing import Any

from ..model import AnnotatedDocument, Span

COLUMNS = ("doc_id", "claim_id", "kind", "source", "source_start", "source_end", "cue", "cue_lemma", "cue_start",
           "cue_end", "content", "content_start", "content_end", "content_parts", "sentences", "confidence")


def offsets(spans: tuple[Span, ...]) -> str:
    return ";".join(f"{s.start}-{s.end}" for s in spans)


def claim_rows(doc: AnnotatedDocument) -> list[dict[str, Any]]:
    rows = []
    for c in doc.claims:
        rows.append({
            "doc_id": doc.id, "claim_id": c.id, "kind": c.kind.value,
            "source": c.source.text if c.source else "", "source_start": c.source.start if c.source else None,
            "source_end": c.source.end if c.source else None,
            "cue": c.cue_text, "cue_lemma": c.cue_lemma, "cue_start": c.cue[0].start, "cue_end": c.cue[-1].end,
            "content": c.content_text, "content_start": c.content[0].start, "content_end": c.content[-1].end,
            "content_parts": offsets(c.content), "sentences": ";".join(map(str, c.sentences)),
            "confidence": c.confidence,
        })
    return rows
