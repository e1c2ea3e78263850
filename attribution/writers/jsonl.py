"""JSON Lines: one JSON object per claim, the same fields as the CSV."""
from __future__ import annotations

import json

from ..model import AnnotatedDocument
from .rows import claim_rows

SUFFIX = ".jsonl"


def render(doc: AnnotatedDocument) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in claim_rows(doc))
