"""BRAT standoff in PolNeAR's convention: Source / Cue / Content entities, an Attribution trigger on the cue,
and one ``E`` line per claim. Spans that cross a line break are split into fragments, as BRAT requires."""
from __future__ import annotations

from ..model import AnnotatedDocument, Span

SUFFIX = ".ann"


def fragments(text: str, spans: tuple[Span, ...]) -> list[tuple[int, int]]:
    out = []
    for span in spans:
        start = span.start
        for i in range(span.start, span.end + 1):
            if i == span.end or text[i] in "\r\n":
                piece = text[start:i]
                lead, trail = len(piece) - len(piece.lstrip()), len(piece) - len(piece.rstrip())
                if piece.strip():
                    out.append((start + lead, i - trail))
                start = i + 1
    return out


def entity(n: int, label: str, text: str, spans: tuple[Span, ...]) -> str:
    pieces = fragments(text, spans)
    offsets = ";".join(f"{a} {b}" for a, b in pieces)
    return f"T{n}\t{label} {offsets}\t{' '.join(text[a:b] for a, b in pieces)}"


def render(doc: AnnotatedDocument) -> str:
    lines, n = [], 0
    for e, claim in enumerate(doc.claims, 1):
        ids = {}
        for role, spans in (("Source", (claim.source,) if claim.source else ()), ("Cue", claim.cue),
                            ("Content", claim.content), ("Attribution", claim.cue)):
            if spans:
                n += 1
                ids[role] = f"T{n}"
                lines.append(entity(n, role, doc.text, spans))
        args = " ".join(f"{role}:{ids[role]}" for role in ("Source", "Cue", "Content") if role in ids)
        lines.append(f"E{e}\tAttribution:{ids['Attribution']} {args}")
    return "\n".join(lines) + ("\n" if lines else "")


def outputs(doc: AnnotatedDocument) -> dict[str, str]:
    """The annotation and, beside it, the text it points into (BRAT reads them as a pair)."""
    return {SUFFIX: render(doc), ".txt": doc.text}
