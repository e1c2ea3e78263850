"""Parsing back the TEI the tool wrote (``attribution.read_tei`` validates first): the exact text (kept between the tokens), tokens with their parse, the
speaker entities, and every claim with its labels, basis and links. Validated first (the project's schema chain),
parsed without DTDs, entities or network.

What TEI does not carry comes back empty: XPOS tags ("_"). Characters XML cannot carry were written as U+FFFD and
stay so.
"""
from __future__ import annotations

import re

from lxml import etree

from .model import (AnnotatedDocument, Basis, Claim, ClaimKind, ClaimLink, Entity, Evidential, Factuality, LinkType,
                    SourceType, Span, Stance, Token)
from .teinames import category_value
from .validate import SAFE_PARSER_OPTIONS

__all__ = ["parse_tei"]

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TOKEN_ID = re.compile(r"\.s(\d+)\.w(\d+)$")


def parse_tei(data: str) -> AnnotatedDocument:
    root = etree.fromstring(data.encode("utf-8"), etree.XMLParser(**SAFE_PARSER_OPTIONS))
    text, tokens, offsets = rebuild_text(root)
    spans = {s.get(XML_ID): s for s in root.iterfind(f".//{TEI}standOff/{TEI}spanGrp/{TEI}span")}

    def pieces(pointers: str) -> tuple[Span, ...]:
        ranges = sorted(offsets[p[1:]] for p in pointers.split())
        merged: list[list[int]] = []
        for index, start, end in ranges:
            if merged and index == merged[-1][0] + 1:
                merged[-1][0], merged[-1][2] = index, max(merged[-1][2], end)
            elif not merged or index != merged[-1][0]:
                merged.append([index, start, end])
        return tuple(Span.of(text, start, end) for _, start, end in merged)

    base = root.get(XML_ID)

    def one(pointers: str) -> Span:
        found = pieces(pointers)
        return Span.of(text, found[0].start, found[-1].end)

    def local(pointer: str) -> str:
        return pointer[len(base) + 2:]  # "#DOC.c3" → "c3"

    claims = []
    for link in root.iterfind(f".//{TEI}linkGrp[@type='attribution']/{TEI}link"):
        parts = {spans[p[1:]].get("type"): spans[p[1:]] for p in link.get("target").split()}
        labels = dict(category_value(p) for p in link.get("ana").split())
        source = parts.get("source")
        sentences = sorted({tokens[offsets[p[1:]][0]].sentence for part in parts.values()
                            for p in part.get("target").split()})
        claims.append(Claim(
            local("#" + link.get(XML_ID)), ClaimKind(labels["kind"]), pieces(parts["cue"].get("target")),
            parts["cue"].get("subtype", "").replace("_", " "), pieces(parts["content"].get("target")),
            one(source.get("target")) if source is not None else None, tuple(sentences), float(link.get("cert")),
            labels["cue"], local(source.get("corresp")) if source is not None and source.get("corresp") else None,
            SourceType(labels["stype"]), Stance(labels["stance"]), Evidential(labels["evid"]),
            basis_of(root, f"#{base}.{local('#' + link.get(XML_ID))}", one, local), Factuality(labels["fact"])))
    by_id = {c.id: c for c in claims}
    links = tuple(ClaimLink(LinkType(k.get("type")), local(k.get("target").split()[0]), local(k.get("target").split()[1]),
                            by_id[local(k.get("target").split()[0])].cue)
                  for k in root.iterfind(f".//{TEI}linkGrp[@type='claims']/{TEI}link"))
    return AnnotatedDocument(
        base, text, sentence_spans(text, tokens), tuple(claims), sum(1 for t in tokens if t.upos != "PUNCT"),
        tuple(p.text or "" for p in root.iterfind(f".//{TEI}editorialDecl[@n='attribution']/{TEI}p")),
        tokens=tuple(tokens), models=models_of(root), entities=entities_of(root, one, local), links=links)


def basis_of(root: etree._Element, claim: str, one, local) -> Basis:  # noqa: ANN001 - helpers of parse_tei
    link = next((k for k in root.iterfind(f".//{TEI}linkGrp[@type='evidential']/{TEI}link")
                 if k.get("target").split()[0] == claim), None)
    if link is None:
        return Basis()
    basis_spans = {s.get(XML_ID): s for s in root.iterfind(f".//{TEI}spanGrp[@type='basis']/{TEI}span")}
    pointers = link.get("target").split()[1:]
    return Basis(tuple(one(basis_spans[p[1:]].get("target")) for p in pointers if p[1:] in basis_spans),
                 tuple(local(p) for p in pointers if p[1:] not in basis_spans))


def entities_of(root: etree._Element, one, local) -> tuple[Entity, ...]:  # noqa: ANN001 - helpers of parse_tei
    out = []
    for node in root.iterfind(f".//{TEI}particDesc/*/*"):
        names = node.findall(f"{TEI}persName") or node.findall(f"{TEI}orgName")
        role = node.find(f"{TEI}occupation") if node.tag == f"{TEI}person" else node.find(f"{TEI}desc")
        out.append(Entity(local("#" + node.get(XML_ID)), names[0].text or "", SourceType(category_value(node.get("ana"))[1]),
                          role.text if role is not None else None,
                          tuple(one(n.get("corresp")) for n in names[1:] if n.get("corresp"))))
    return tuple(sorted(out, key=lambda e: int(e.id[1:])))


def models_of(root: etree._Element) -> str:
    desc = root.find(f".//{TEI}appInfo/{TEI}application/{TEI}desc")
    found = re.search(r"Models: (.*)\.$", desc.text or "") if desc is not None else None
    return "" if found is None or found.group(1) == "unrecorded" else found.group(1)


def rebuild_text(root: etree._Element) -> tuple[str, list[Token], dict[str, tuple[int, int, int]]]:
    """Document text, tokens, and token id → (token index, start, end)."""
    out: list[str] = []
    length = 0
    raw: list[tuple[etree._Element, int, int, int]] = []  # element, sentence, start, end

    def emit(piece: str | None) -> None:
        nonlocal length
        if piece:
            out.append(piece)
            length += len(piece)

    def walk(node: etree._Element, sentence: int) -> None:
        for child in node:
            if child.tag in (f"{TEI}w", f"{TEI}pc"):
                start = length
                emit(child.text)
                raw.append((child, sentence, start, length))
            elif child.tag == f"{TEI}s":
                sentence = sentence + 1
                emit(child.text)
                walk(child, sentence)
            elif child.tag == f"{TEI}said":
                emit(child.text)
                walk(child, sentence)
            emit(child.tail)

    sentence = -1
    for p in root.iterfind(f"{TEI}text/{TEI}body/{TEI}p"):
        emit(p.text)
        walk(p, sentence)
        sentence += len(p.findall(f"{TEI}s"))
    numbers = word_numbers([(node.get(XML_ID, ""), sentence) for node, sentence, _, _ in raw])
    heads = ud_heads(root, numbers)
    tokens, offsets = [], {}
    for index, (node, sentence, start, end) in enumerate(raw):
        token_id = node.get(XML_ID, "")
        number = numbers[token_id]
        head, deprel = heads.get(token_id, (0, "dep"))
        msd = node.get("msd").split("|", 1)
        tokens.append(Token(sentence, number, node.text or "", node.get("lemma", node.text or ""), node.get("pos"), "_",
                            msd[1] if len(msd) > 1 else "_", head, deprel, start, end))
        offsets[token_id] = (index, start, end)
    return "".join(out), tokens, offsets


def word_numbers(ids: list[tuple[str, int]]) -> dict[str, int]:
    """Token id → its word number in the sentence: as the tool writes it in the id ("….s3.w12"), else (ids
    renamed by hand, which the schema allows) its position in the sentence."""
    numbers, position, current = {}, 0, None
    for token_id, sentence in ids:
        position = position + 1 if sentence == current else 1
        current = sentence
        match = TOKEN_ID.search(token_id)
        numbers[token_id] = int(match.group(2)) if match else position
    return numbers


def ud_heads(root: etree._Element, numbers: dict[str, int]) -> dict[str, tuple[int, str]]:
    heads = {}
    for link in root.iterfind(f".//{TEI}linkGrp[@type='UD-SYN']/{TEI}link"):
        head, dependent = (p[1:] for p in link.get("target", "").split())
        heads[dependent] = (numbers.get(head, 0), link.get("ana", "")[len("ud-syn:"):].replace("_", ":"))
    return heads


def sentence_spans(text: str, tokens: list[Token]) -> tuple[Span, ...]:
    bounds: dict[int, list[int]] = {}
    for t in tokens:
        bounds.setdefault(t.sentence, [t.start, t.end])[1] = t.end
    return tuple(Span.of(text, a, b) for _, (a, b) in sorted(bounds.items()))
