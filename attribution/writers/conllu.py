"""CoNLL-U: the UD parse, with each word's attribution roles in MISC (``Attr=c3:content,c5:source``).

Readable by the ``conllu`` package and UD tools; multi-word tokens get their range line.
"""
from __future__ import annotations

from itertools import groupby

from ..model import AnnotatedDocument, Token

SUFFIX = ".conllu"


def roles(doc: AnnotatedDocument) -> dict[tuple[int, int], list[str]]:
    """Claim roles of each word, keyed by (sentence, word id)."""
    parts = [(c.id, role, s) for c in doc.claims for role, spans in
             (("source", (c.source,) if c.source else ()), ("cue", c.cue), ("content", c.content)) for s in spans]
    out: dict[tuple[int, int], list[str]] = {}
    for t in doc.tokens:
        found = [f"{cid}:{role}" for cid, role, s in parts if s.start < t.end and t.start < s.end]
        if found:
            out[(t.sentence, t.id)] = list(dict.fromkeys(found))
    return out


def misc(doc: AnnotatedDocument, t: Token, nxt: Token | None, labels: dict) -> str:
    items = []
    if (t.sentence, t.id) in labels:
        items.append("Attr=" + ",".join(labels[(t.sentence, t.id)]))
    if nxt is not None and nxt.start == t.end and (nxt.start, nxt.end) != (t.start, t.end):
        items.append("SpaceAfter=No")
    items.append(f"TokenRange={t.start}:{t.end}")
    return "|".join(items)


def clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("\r", " ") or "_"


def render(doc: AnnotatedDocument) -> str:
    labels = roles(doc)
    lines = [f"# newdoc id = {doc.id}"]
    for s_idx, run in groupby(doc.tokens, key=lambda t: t.sentence):
        words = list(run)
        span = doc.sentences[s_idx] if s_idx < len(doc.sentences) else None
        lines += [f"# sent_id = {doc.id}-{s_idx + 1}", f"# text = {clean(span.text) if span else ''}"]
        for k, t in enumerate(words):
            nxt = words[k + 1] if k + 1 < len(words) else None
            group = [w for w in words if (w.start, w.end) == (t.start, t.end)]
            if len(group) > 1 and group[0] is t:
                lines.append(f"{t.id}-{group[-1].id}\t{clean(doc.text[t.start:t.end])}" + "\t_" * 8)
            after = next((w for w in words[k + 1:] if (w.start, w.end) != (t.start, t.end)), None)
            lines.append("\t".join([str(t.id), clean(t.form), clean(t.lemma), t.upos, clean(t.xpos), clean(t.feats),
                                    str(t.head), t.deprel, "_", misc(doc, t, after if group[-1] is t else nxt, labels)]))
        lines.append("")
    return "\n".join(lines) + "\n"
