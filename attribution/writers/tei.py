"""TEI P5: the text as paragraphs, sentences and tokens with their UD parse (as ParlaMint encodes it), and
the claims in ``standOff``: one span per part pointing at tokens, one link per claim tying them together.
The inline view adds ``said`` (``@who`` → the source span, ``@ana`` → the claim link) where a content fits
inside one sentence.

Built with lxml; characters XML cannot carry are replaced by U+FFFD in element content (offsets live in the
JSON output; TEI addresses tokens, not characters).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import groupby

from lxml import etree

from .. import __version__
from ..model import AnnotatedDocument, ClaimKind, Span
from ..quotes import paragraph_spans

SUFFIX = ".xml"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def el(parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    attrs = {(XML_ID if k == "xml_id" else k): v for k, v in attrs.items() if v is not None}
    node = etree.Element(f"{{{TEI_NS}}}{tag}", attrs, nsmap={None: TEI_NS}) if parent is None else \
        etree.SubElement(parent, f"{{{TEI_NS}}}{tag}", attrs)
    if text is not None:
        node.text = ILLEGAL.sub("\ufffd", text)
    return node


def base_id(doc: AnnotatedDocument) -> str:
    """The document id as an XML name (xml:id values must not start with a digit)."""
    name = re.sub(r"[^\w.-]", "_", doc.id) or "doc"
    return name if name[0].isalpha() or name[0] == "_" else "d" + name


def header(root: etree._Element, doc: AnnotatedDocument) -> None:
    tei_header = el(root, "teiHeader")
    if doc.file_desc:
        tei_header.append(etree.fromstring(doc.file_desc, etree.XMLParser(resolve_entities=False, no_network=True)))
    else:
        file_desc = el(tei_header, "fileDesc")
        el(el(file_desc, "titleStmt"), "title", doc.id)
        el(el(file_desc, "publicationStmt"), "p", "Annotated with attribution; not published.")
        el(el(file_desc, "sourceDesc"), "p", f"Plain text document {doc.id}.")
    encoding = el(tei_header, "encodingDesc")
    app = el(el(encoding, "appInfo"), "application", ident="attribution", version=__version__)
    el(app, "label", "attribution")
    el(app, "desc", "Stanza (tokenize, mwt, pos, lemma, depparse) with the attribution processors. Models: "
                    + (doc.models or "unrecorded") + ".")
    prefix = el(el(encoding, "listPrefixDef"), "prefixDef", ident="ud-syn", matchPattern="(.+)",
                replacementPattern="https://universaldependencies.org/u/dep/$1.html")
    el(prefix, "p", "UD syntactic relations, with ':' in subtypes written as '_'.")
    taxonomy = el(el(encoding, "classDecl"), "taxonomy", xml_id="kind")
    el(taxonomy, "desc", "How the article attributes the content (the construction).")
    for kind in ClaimKind:
        el(el(taxonomy, "category", xml_id=f"kind.{kind.value}"), "catDesc", kind.value)


def token_ids(doc: AnnotatedDocument) -> list[str]:
    return [f"{base_id(doc)}.s{t.sentence + 1}.w{t.id}" for t in doc.tokens]


def inline_claims(doc: AnnotatedDocument) -> dict[int, tuple[int, object]]:
    """First token index → (last token index, claim) for claims that can be shown inline: one content span
    inside one sentence, not overlapping another inline claim. Everything else stays in standOff only."""
    chosen: dict[int, tuple[int, object]] = {}
    taken: set[int] = set()
    for claim in sorted(doc.claims, key=lambda c: c.content[0].end - c.content[0].start, reverse=True):
        if len(claim.content) != 1:
            continue
        span = claim.content[0]
        inside = [i for i, t in enumerate(doc.tokens) if span.start <= t.start and t.end <= span.end]
        if not inside or doc.tokens[inside[0]].sentence != doc.tokens[inside[-1]].sentence or taken & set(inside):
            continue
        chosen[inside[0]] = (inside[-1], claim)
        taken |= set(range(inside[0], inside[-1] + 1))
    return chosen


def body(root: etree._Element, doc: AnnotatedDocument, ids: list[str], inline: bool = False) -> None:
    text_body = el(el(root, "text"), "body")
    paragraphs = paragraph_spans(doc.text)
    starts = [a for a, _ in paragraphs]
    by_sentence = {k: list(g) for k, g in groupby(range(len(doc.tokens)), key=lambda i: doc.tokens[i].sentence)}
    saids = inline_claims(doc) if inline else {}
    current_p, p_node = -1, None
    for s_idx, sentence in enumerate(doc.sentences):
        p_idx = max(0, bisect_right(starts, sentence.start) - 1)
        if p_idx != current_p or p_node is None:
            current_p, p_node = p_idx, el(text_body, "p", xml_id=f"{base_id(doc)}.p{p_idx + 1}")
        s_node = el(p_node, "s", xml_id=f"{base_id(doc)}.s{s_idx + 1}")
        indices = by_sentence.get(s_idx, [])
        parent, close_after = s_node, None
        for pos, i in enumerate(indices):
            if i in saids:
                close_after, claim = saids[i]
                who = f"#{base_id(doc)}.{claim.id}.source" if claim.source else None
                parent = el(s_node, "said", ana=f"#{base_id(doc)}.{claim.id}", who=who,
                            direct="true" if claim.kind is ClaimKind.DIRECT else "false")
            t = doc.tokens[i]
            nxt = doc.tokens[indices[pos + 1]] if pos + 1 < len(indices) else None
            join = "right" if nxt is not None and nxt.start == t.end and (nxt.start, nxt.end) != (t.start, t.end) \
                else None
            tag = "pc" if t.upos == "PUNCT" else "w"
            msd = "UPosTag=" + t.upos + ("" if t.feats == "_" else "|" + t.feats)
            el(parent, tag, t.form, xml_id=ids[i], lemma=t.lemma if tag == "w" else None, pos=t.upos, msd=msd,
               join=join)
            if i == close_after:
                parent, close_after = s_node, None
        if indices:
            links = el(s_node, "linkGrp", targFunc="head argument", type="UD-SYN")
            for i in indices:
                t = doc.tokens[i]
                sid = f"{base_id(doc)}.s{s_idx + 1}"
                head = f"#{sid}" if t.head == 0 else f"#{sid}.w{t.head}"
                el(links, "link", ana=f"ud-syn:{t.deprel.replace(':', '_')}", target=f"{head} #{ids[i]}")


def covered(doc: AnnotatedDocument, ids: list[str], spans: tuple[Span, ...]) -> str:
    return " ".join(f"#{ids[i]}" for i, t in enumerate(doc.tokens)
                    if any(s.start < t.end and t.start < s.end for s in spans))


def stand_off(root: etree._Element, doc: AnnotatedDocument, ids: list[str]) -> None:
    if not doc.claims:
        return
    stand = el(root, "standOff")
    spans = el(stand, "spanGrp", type="attribution")
    links = el(stand, "linkGrp", type="attribution")
    for claim in doc.claims:
        parts = []
        for role, part in (("source", (claim.source,) if claim.source else ()), ("cue", claim.cue),
                           ("content", claim.content)):
            target = covered(doc, ids, part) if part else ""
            if target:
                span_id = f"{base_id(doc)}.{claim.id}.{role}"
                el(spans, "span", " … ".join(s.text for s in part), xml_id=span_id, type=role, target=target)
                parts.append(f"#{span_id}")
        el(links, "link", xml_id=f"{base_id(doc)}.{claim.id}", type="claim", target=" ".join(parts),
           ana=f"#kind.{claim.kind.value}", cert=f"{claim.confidence:.2f}")


def build(doc: AnnotatedDocument, inline: bool = False) -> etree._Element:
    root = el(None, "TEI", xml_id=base_id(doc))
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    header(root, doc)
    ids = token_ids(doc)
    body(root, doc, ids, inline)
    stand_off(root, doc, ids)
    return root


def render(doc: AnnotatedDocument, inline: bool = False) -> str:
    """The TEI document; ``inline`` also wraps single-sentence contents in ``said`` (standOff stays the master)."""
    return etree.tostring(build(doc, inline), encoding="unicode", pretty_print=True)
