"""JSON: the document text, its sentences and every claim with exact character offsets."""
from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..model import (AnnotatedDocument, Basis, Claim, ClaimKind, ClaimLink, Entity, Evidential, Factuality, LinkType,
                     SourceType, Span, Stance, Token)

SUFFIX = ".json"
FORMAT_VERSION = "2"


CONTEXT = 32


def span_dict(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def anchored(span: Span, text: str) -> dict[str, Any]:
    """A span with W3C Web Annotation selectors, so annotation tools can anchor it."""
    return span_dict(span) | {"selector": [
        {"type": "TextPositionSelector", "start": span.start, "end": span.end},
        {"type": "TextQuoteSelector", "exact": span.text, "prefix": text[max(0, span.start - CONTEXT):span.start],
         "suffix": text[span.end:span.end + CONTEXT]}]}


def claim_dict(claim: Claim, text: str) -> dict[str, Any]:
    return {
        "id": claim.id,
        "kind": claim.kind.value,
        "source": anchored(claim.source, text) if claim.source else None,
        "cue": [anchored(s, text) for s in claim.cue],
        "cue_lemma": claim.cue_lemma,
        "content": [anchored(s, text) for s in claim.content],
        "sentences": list(claim.sentences),
        "confidence": claim.confidence,
        "cue_class": claim.cue_class,
        "entity": claim.entity,
        "source_type": claim.source_type.value,
        "stance": claim.stance.value,
        "evidential": {"status": claim.evidential.value, "basis": {
            "spans": [anchored(s, text) for s in claim.basis.spans], "claims": list(claim.basis.claims)}},
        "factuality": claim.factuality.value,
    }


def entity_dict(entity: Entity) -> dict[str, Any]:
    return {"id": entity.id, "name": entity.name, "type": entity.type.value, "role": entity.role,
            "mentions": [span_dict(m) for m in entity.mentions]}


def link_dict(link: ClaimLink) -> dict[str, Any]:
    return {"type": link.type.value, "source": link.source, "target": link.target,
            "basis": [span_dict(s) for s in link.basis]}


TOKEN_FIELDS = ("sentence", "id", "form", "lemma", "upos", "xpos", "feats", "head", "deprel", "start", "end")


def token_list(token: Token) -> list[Any]:
    """A token as a compact array, in the order of TOKEN_FIELDS (declared in the schema)."""
    return [getattr(token, name) for name in TOKEN_FIELDS]


def document_dict(doc: AnnotatedDocument) -> dict[str, Any]:
    return {
        "format": f"attribution-json/{FORMAT_VERSION}",
        "generator": f"attribution {__version__}",
        "models": doc.models,
        "id": doc.id,
        "text": doc.text,
        "word_count": doc.word_count,
        "sentences": [span_dict(s) for s in doc.sentences],
        "tokens": [token_list(t) for t in doc.tokens],
        "entities": [entity_dict(e) for e in doc.entities],
        "claims": [claim_dict(c, doc.text) for c in doc.claims],
        "links": [link_dict(k) for k in doc.links],
        "warnings": list(doc.warnings),
    }


def render(doc: AnnotatedDocument) -> str:
    return json.dumps(document_dict(doc), ensure_ascii=False, indent=1) + "\n"


def span_from(data: dict[str, Any]) -> Span:
    return Span(data["start"], data["end"], data["text"])


def parse(data: str) -> AnnotatedDocument:
    """The document that :func:`render` wrote (selectors are derived data and are not read back)."""
    raw = json.loads(data)
    claims = tuple(claim_from(c) for c in raw["claims"])
    entities = tuple(Entity(e["id"], e["name"], SourceType(e["type"]), e["role"],
                            tuple(span_from(m) for m in e["mentions"])) for e in raw["entities"])
    links = tuple(ClaimLink(LinkType(k["type"]), k["source"], k["target"], tuple(span_from(s) for s in k["basis"]))
                  for k in raw["links"])
    return AnnotatedDocument(raw["id"], raw["text"], tuple(span_from(s) for s in raw["sentences"]), claims,
                             raw["word_count"], tuple(raw.get("warnings", ())),
                             tuple(Token(*row) for row in raw.get("tokens", ())), raw.get("models", ""),
                             entities=entities, links=links)


def claim_from(c: dict[str, Any]) -> Claim:
    basis = c["evidential"]["basis"]
    return Claim(c["id"], ClaimKind(c["kind"]), tuple(span_from(s) for s in c["cue"]), c["cue_lemma"],
                 tuple(span_from(s) for s in c["content"]), span_from(c["source"]) if c["source"] else None,
                 tuple(c["sentences"]), c["confidence"], c["cue_class"], c["entity"], SourceType(c["source_type"]),
                 Stance(c["stance"]), Evidential(c["evidential"]["status"]),
                 Basis(tuple(span_from(s) for s in basis["spans"]), tuple(basis["claims"])),
                 Factuality(c["factuality"]))
