"""TEI P5: the text as paragraphs, sentences and tokens with their UD parse (as ParlaMint encodes it), and
the claims in ``standOff``: one span per part pointing at tokens, one link per claim tying them together.
The inline view adds ``said`` (``@who`` → the speaker entity, else the source span; ``@ana`` → the claim link)
where a content fits inside one sentence.

The text is written as markup and parsed by lxml; header and standOff are built on that tree. Characters XML
cannot carry are replaced by U+FFFD (offsets live in the JSON output; TEI addresses tokens, not characters).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import groupby

from lxml import etree

from .. import __version__
from ..model import AnnotatedDocument, Claim, ClaimKind, SourceType, Span, Token
from ..quotes import paragraph_spans
from ..teinames import category_id, taxonomies

SUFFIX = ".xml"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """``text`` with characters XML cannot carry replaced by U+FFFD (printable text, nearly all of it, as is)."""
    return text if text.isprintable() else ILLEGAL.sub("\ufffd", text)


def el(parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str | None) -> etree._Element:
    attrs = {(XML_ID if k == "xml_id" else k): xml_safe(v) for k, v in attrs.items() if v is not None}
    node = etree.Element(f"{{{TEI_NS}}}{tag}", attrs, nsmap={None: TEI_NS}) if parent is None else \
        etree.SubElement(parent, f"{{{TEI_NS}}}{tag}", attrs)
    if text is not None:
        node.text = xml_safe(text)
    return node


def base_id(doc: AnnotatedDocument) -> str:
    """The document id as an XML name (xml:id values must not start with a digit)."""
    return xml_name(doc.id)


@lru_cache(maxsize=1024)
def xml_name(doc_id: str) -> str:
    name = re.sub(r"[^\w.-]", "_", doc_id) or "doc"
    return name if name[0].isalpha() or name[0] == "_" else "d" + name


def header(root: etree._Element, doc: AnnotatedDocument, ids: TokenIds) -> None:
    """``teiHeader``: a TEI input's own header parts are kept (its fileDesc, the rest of its encodingDesc and
    profileDesc, any revisionDesc), with the tool's appInfo, taxonomies and speakers added."""
    tei_header = el(root, "teiHeader")
    source = etree.fromstring(doc.source_header, etree.XMLParser(resolve_entities=False, no_network=True)) \
        if doc.source_header else None
    kept = {etree.QName(part).localname: part for part in source} if source is not None else {}
    if "fileDesc" in kept:
        tei_header.append(kept.pop("fileDesc"))
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
    class_decl = el(encoding, "classDecl")
    for taxonomy in taxonomies():
        node = el(class_decl, "taxonomy", xml_id=f"{base_id(doc)}.{taxonomy.prefix}")
        el(node, "desc", taxonomy.description)
        for value in taxonomy.values:
            el(el(node, "category", xml_id=category_id(taxonomy.prefix, value, base_id(doc))), "catDesc", value)
    if doc.warnings:  # what decoding or parsing had to change: replaced bytes, split sentences
        decl = el(encoding, "editorialDecl", n="attribution")
        for warning in doc.warnings:
            el(decl, "p", warning)
    encoding.extend(kept.pop("encodingDesc", []))
    profile = kept.pop("profileDesc", None)
    participants(tei_header, profile, doc, ids)
    tei_header.extend(kept.values())


def participants(tei_header: etree._Element, profile: etree._Element | None, doc: AnnotatedDocument,
                 ids: TokenIds) -> None:
    """``profileDesc``: the input's own, then a ``particDesc`` with one ``person`` or ``org`` per speaker entity,
    with its canonical name, every mention (pointing at its tokens) and its role."""
    if profile is not None:
        tei_header.append(profile)
    if not doc.entities:
        return
    partic = el(profile if profile is not None else el(tei_header, "profileDesc"), "particDesc")
    people = [e for e in doc.entities if e.type is SourceType.PERSON]
    groups = [e for e in doc.entities if e.type is not SourceType.PERSON]
    for entities, list_tag, tag, name_tag, role_tag in ((people, "listPerson", "person", "persName", "occupation"),
                                                       (groups, "listOrg", "org", "orgName", "desc")):
        if not entities:
            continue
        listing = el(partic, list_tag)
        for entity in entities:
            node = el(listing, tag, xml_id=f"{base_id(doc)}.{entity.id}", ana=f"#{category_id('stype', entity.type.value, base_id(doc))}")
            el(node, name_tag, entity.name, type="canonical")
            for mention in entity.mentions:
                el(node, name_tag, mention.text, type="mention", corresp=covered(doc, ids, (mention,)) or None)
            if entity.role:
                el(node, role_tag, entity.role)


class TokenIds(list):
    """The xml:ids of a document's tokens, with the tokens' start offsets for finding the tokens of a span."""

    def __init__(self, doc: AnnotatedDocument) -> None:
        base = base_id(doc)
        super().__init__(f"{base}.s{t.sentence + 1}.w{t.id}" for t in doc.tokens)
        self.starts = [t.start for t in doc.tokens]


def token_ids(doc: AnnotatedDocument) -> TokenIds:
    return TokenIds(doc)


def inline_claims(doc: AnnotatedDocument) -> dict[int, tuple[int, Claim]]:
    """First token index → (last token index, claim) for claims that can be shown inline: one content span
    inside one sentence, not overlapping another inline claim. Everything else stays in standOff only."""
    chosen: dict[int, tuple[int, Claim]] = {}
    taken: set[int] = set()
    starts = [t.start for t in doc.tokens]
    for claim in sorted(doc.claims, key=lambda c: c.content[0].end - c.content[0].start, reverse=True):
        if len(claim.content) != 1:
            continue
        span = claim.content[0]
        inside = [i for i in overlapping(doc, span, starts) if span.start <= doc.tokens[i].start
                  and doc.tokens[i].end <= span.end]
        if not inside or doc.tokens[inside[0]].sentence != doc.tokens[inside[-1]].sentence or taken & set(inside):
            continue
        chosen[inside[0]] = (inside[-1], claim)
        taken |= set(range(inside[0], inside[-1] + 1))
    return chosen


MARKUP_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;",
                                   "\n": "&#10;", "\r": "&#13;"})


@lru_cache(maxsize=1 << 16)
def text_markup(text: str) -> str:
    """``text`` as element content (cached: most gaps are one space, most words recur)."""
    return xml_safe(text).translate(TEXT_ESCAPES)


@lru_cache(maxsize=1 << 16)
def attribute(text: str) -> str:
    """``text`` as an attribute value (cached: lemmas, features and relations recur)."""
    return xml_safe(text).translate(ATTRIBUTE_ESCAPES)


def body_markup(doc: AnnotatedDocument, ids: TokenIds, inline: bool) -> Iterator[str]:
    """The content of ``body``: paragraphs, sentences and tokens, each with its UD parse. The text between tokens
    is kept as it was, where it falls (in a paragraph or sentence, or after a token, a ``said`` or a sentence), so
    that :func:`attribution.read_tei` gets the exact document text and offsets back."""
    base = base_id(doc)
    starts = [a for a, _ in paragraph_spans(doc.text)]
    by_sentence = {k: list(g) for k, g in groupby(range(len(doc.tokens)), key=lambda i: doc.tokens[i].sentence)}
    saids = inline_claims(doc) if inline else {}
    current_p, cursor = -1, 0
    for s_idx, sentence in enumerate(doc.sentences):
        p_idx = max(0, bisect_right(starts, sentence.start) - 1)
        gap = text_markup(doc.text[cursor:max(cursor, sentence.start)])
        cursor = max(cursor, sentence.start)
        if p_idx != current_p:
            if current_p >= 0:  # the gap before a new paragraph ends the previous one
                yield gap + "</p>"
                gap = ""
            current_p = p_idx
            yield f'<p xml:id="{base}.p{p_idx + 1}">'
        yield gap
        yield f'<s xml:id="{base}.s{s_idx + 1}">'
        indices = by_sentence.get(s_idx, [])
        close_after = None
        for pos, i in enumerate(indices):
            t = doc.tokens[i]
            if t.start > cursor:
                yield text_markup(doc.text[cursor:t.start])
                cursor = t.start
            if i in saids:
                close_after, claim = saids[i]
                who = speaker(doc, claim)
                yield (f'<said ana="#{base}.{claim.id}"' + (f' who="{who}"' if who else "")
                       + f' direct="{"true" if claim.kind is ClaimKind.DIRECT else "false"}">')
            nxt = doc.tokens[indices[pos + 1]] if pos + 1 < len(indices) else None
            join = nxt is not None and nxt.start == t.end and (nxt.start, nxt.end) != (t.start, t.end)
            yield token_markup(t, ids[i], join)
            cursor = max(cursor, t.end)
            if i == close_after:
                yield "</said>"
                close_after = None
        if indices:
            yield ud_links(doc, ids, s_idx, indices)
        yield "</s>"
    if current_p < 0 and doc.text:  # only blanks: one empty paragraph keeps them
        yield f'<p xml:id="{base}.p1">'
    if current_p >= 0 or doc.text:
        yield text_markup(doc.text[cursor:]) + "</p>"


def token_markup(t: Token, token_id: str, join: bool) -> str:
    """One ``w`` or ``pc``."""
    msd = attribute("UPosTag=" + t.upos + ("" if t.feats == "_" else "|" + t.feats))
    tail = f' pos="{attribute(t.upos)}" msd="{msd}"' + (' join="right"' if join else "") + f">{text_markup(t.form)}"
    if t.upos == "PUNCT":
        return f'<pc xml:id="{token_id}"{tail}</pc>'
    return f'<w xml:id="{token_id}" lemma="{attribute(t.lemma)}"{tail}</w>'


def ud_links(doc: AnnotatedDocument, ids: TokenIds, s_idx: int, indices: list[int]) -> str:
    sid = f"{base_id(doc)}.s{s_idx + 1}"
    links = "".join(f'<link ana="ud-syn:{attribute(doc.tokens[i].deprel.replace(":", "_"))}" target="'
                    + (f"#{sid}" if doc.tokens[i].head == 0 else f"#{sid}.w{doc.tokens[i].head}")
                    + f' #{ids[i]}"/>' for i in indices)
    return f'<linkGrp targFunc="head argument" type="UD-SYN">{links}</linkGrp>'


def speaker(doc: AnnotatedDocument, claim: Claim) -> str | None:
    """``said/@who``: the speaker entity, else the source span."""
    if claim.entity:
        return f"#{base_id(doc)}.{claim.entity}"
    return f"#{base_id(doc)}.{claim.id}.source" if claim.source else None


def covered(doc: AnnotatedDocument, ids: "TokenIds", spans: tuple[Span, ...]) -> str:
    """Pointers to the tokens that share a character with any of ``spans``."""
    return " ".join(f"#{ids[i]}" for i in sorted({i for s in spans for i in overlapping(doc, s, ids.starts)}))


def overlapping(doc: AnnotatedDocument, span: Span, starts: list[int]) -> list[int]:
    """Indices of the tokens sharing a character with ``span`` (``starts``: the tokens' start offsets)."""
    k = bisect_right(starts, span.start)
    while k > 0 and doc.tokens[k - 1].end > span.start:
        k -= 1
    out = []
    while k < len(doc.tokens) and doc.tokens[k].start < span.end:
        if doc.tokens[k].end > span.start:
            out.append(k)
        k += 1
    return out


def labels(claim: Claim, scope: str) -> str:
    """``@ana`` of a claim link: one category of each taxonomy."""
    values = (("kind", claim.kind.value), ("cue", claim.cue_class), ("stance", claim.stance.value),
              ("evid", claim.evidential.value), ("fact", claim.factuality.value), ("stype", claim.source_type.value))
    return " ".join(f"#{category_id(prefix, value, scope)}" for prefix, value in values)


def stand_off(root: etree._Element, doc: AnnotatedDocument, ids: TokenIds) -> None:
    """Claims: spans for their parts and their bases, one link per claim carrying its labels, then the links
    from each claim to the basis of its evidential status, then the typed links between claims."""
    if not doc.claims:
        return
    base = base_id(doc)
    stand = el(root, "standOff")
    spans = el(stand, "spanGrp", type="attribution")
    basis_spans = el(stand, "spanGrp", type="basis")
    claim_links = el(stand, "linkGrp", type="attribution")
    basis_links = el(stand, "linkGrp", type="evidential")
    between = el(stand, "linkGrp", type="claims")
    for claim in doc.claims:
        parts = []
        for role, part in (("source", (claim.source,) if claim.source else ()), ("cue", claim.cue),
                           ("content", claim.content)):
            target = covered(doc, ids, part) if part else ""
            if target:
                span_id = f"{base}.{claim.id}.{role}"
                el(spans, "span", " … ".join(s.text for s in part), xml_id=span_id, type=role, target=target,
                   corresp=f"#{base}.{claim.entity}" if role == "source" and claim.entity else None,
                   subtype=claim.cue_lemma.replace(" ", "_") if role == "cue" and claim.cue_lemma else None)
                parts.append(f"#{span_id}")
        el(claim_links, "link", xml_id=f"{base}.{claim.id}", type="claim", target=" ".join(parts),
           ana=labels(claim, base), cert=f"{claim.confidence:.2f}")
        pointers = []
        for n, span in enumerate(claim.basis.spans, 1):
            target = covered(doc, ids, (span,))
            if target:
                el(basis_spans, "span", span.text, xml_id=f"{base}.{claim.id}.b{n}", type="basis", target=target)
                pointers.append(f"#{base}.{claim.id}.b{n}")
        pointers += [f"#{base}.{other}" for other in claim.basis.claims]
        if pointers:
            el(basis_links, "link", type=claim.evidential.value, target=" ".join([f"#{base}.{claim.id}", *pointers]))
    for link in doc.links:
        el(between, "link", type=link.type.value,
           target=f"#{base}.{link.source} #{base}.{link.target} #{base}.{link.source}.cue")
    for group in (basis_spans, basis_links, between):
        if len(group) == 0:
            stand.remove(group)


def build(doc: AnnotatedDocument, inline: bool = False) -> etree._Element:
    """The TEI tree of :func:`render`, laid out as it is written (validated as a tree before it is serialized).

    The text is written as markup and parsed in one call: a document has two elements per word (its token and
    its UD link), which lxml's parser makes several times faster than its element API. Header and standOff are
    built on the parsed tree (moving a parsed tree into another document would walk every node again)."""
    ids = token_ids(doc)
    markup = "".join(body_markup(doc, ids, inline))
    root = etree.fromstring(f'<TEI xmlns="{TEI_NS}" xml:id="{base_id(doc)}" xml:lang="en"><text><body>{markup}'
                            "</body></text></TEI>", MARKUP_PARSER)
    header(root, doc, ids)
    root.insert(0, root[-1])  # the header, built last, goes first
    stand_off(root, doc, ids)
    for part in root:
        if part.tag != f"{{{TEI_NS}}}text":
            etree.indent(part, space="  ", level=1)
    root.text = "\n  "
    for part in root:
        part.tail = "\n  " if part is not root[-1] else "\n"
    return root


def serialize(root: etree._Element) -> str:
    return etree.tostring(root, encoding="unicode") + "\n"


def render(doc: AnnotatedDocument, inline: bool = False) -> str:
    """The TEI document; ``inline`` also wraps single-sentence contents in ``said`` (standOff stays the master).

    Header and standOff are indented for reading; the text keeps the document's own spacing."""
    return serialize(build(doc, inline))
