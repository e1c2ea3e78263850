"""One flat record per claim, shared by the CSV and JSONL writers (spreadsheets, pandas)."""
from __future__ import annotations

from typing import Any

from ..model import AnnotatedDocument, Span

COLUMNS = ("doc_id", "claim_id", "kind", "source", "source_start", "source_end", "speaker", "source_type", "role",
           "cue", "cue_lemma", "cue_class", "cue_start", "cue_end", "content", "content_start", "content_end",
           "content_parts", "stance", "evidential", "evidential_basis", "factuality", "links", "sentences",
           "confidence")


def offsets(spans: tuple[Span, ...]) -> str:
    return ";".join(f"{s.start}-{s.end}" for s in spans)


def claim_rows(doc: AnnotatedDocument) -> list[dict[str, Any]]:
    rows = []
    entities = {e.id: e for e in doc.entities}
    for c in doc.claims:
        speaker = entities.get(c.entity or "")
        links = [f"{k.type.value}:{k.target}" for k in doc.links if k.source == c.id]
        rows.append({
            "doc_id": doc.id, "claim_id": c.id, "kind": c.kind.value,
            "source": c.source.text if c.source else "", "source_start": c.source.start if c.source else None,
            "source_end": c.source.end if c.source else None,
            "speaker": speaker.name if speaker else "", "source_type": c.source_type.value,
            "role": speaker.role or "" if speaker else "",
            "cue": c.cue_text, "cue_lemma": c.cue_lemma, "cue_class": c.cue_class, "cue_start": c.cue[0].start,
            "cue_end": c.cue[-1].end,
            "content": c.content_text, "content_start": c.content[0].start, "content_end": c.content[-1].end,
            "content_parts": offsets(c.content), "stance": c.stance.value, "evidential": c.evidential.value,
            "evidential_basis": ";".join([*(f"{s.start}-{s.end}" for s in c.basis.spans), *c.basis.claims]),
            "factuality": c.factuality.value, "links": ";".join(links), "sentences": ";".join(map(str, c.sentences)),
            "confidence": c.confidence,
        })
    return rows
