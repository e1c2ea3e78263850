"""A plain-text table, one claim per line: source | cue | content. For reading at the terminal."""
from __future__ import annotations

from ..model import AnnotatedDocument

SUFFIX = ".txt"


def one_line(text: str) -> str:
    return " ".join(text.split())


def render(doc: AnnotatedDocument) -> str:
    lines = [f"# {doc.id}: {len(doc.claims)} claims"]
    for claim in doc.claims:
        source = one_line(claim.source.text) if claim.source else "—"
        lines.append(f"{claim.id}\t{claim.kind.value}\t{source} | {one_line(claim.cue_text)} | "
                     f"{one_line(claim.content_text)}")
    return "\n".join(lines) + "\n"
