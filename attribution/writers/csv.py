"""CSV: one row per claim with a header; offsets index the original text (content parts as start-end;…)."""
from __future__ import annotations

import csv
import io

from ..model import AnnotatedDocument
from .rows import COLUMNS, claim_rows

SUFFIX = ".csv"


def render(doc: AnnotatedDocument) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(claim_rows(doc))
    return buffer.getvalue()
