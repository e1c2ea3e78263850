"""Reading TEI P5 documents as input: the text of ``text/body`` paragraphs, and the original ``teiHeader``
(kept in the output header). Parsing is secure: no DTD, no entities, no network, no huge trees."""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .errors import InputError, message

__all__ = ["TeiSource", "parse_tei_input"]

TEI = "{http://www.tei-c.org/ns/1.0}"


@dataclass(frozen=True)
class TeiSource:
    """What a TEI input contributes: its text (paragraphs separated by blank lines) and its teiHeader as XML."""

    text: str
    source_header: str


def parse_tei_input(data: bytes, path: str) -> TeiSource:
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise InputError(path, message("tei_dtd"))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(path, message("tei_malformed", line=error.lineno, why=error.msg)) from error
    if root.tag != f"{TEI}TEI":
        raise InputError(path, message("tei_not_tei", tag=etree.QName(root).localname))
    paragraphs = [" ".join("".join(p.itertext()).split()) for p in root.iterfind(f"{TEI}text/{TEI}body//{TEI}p")]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise InputError(path, message("tei_no_text"))
    header = root.find(f"{TEI}teiHeader")
    return TeiSource("\n\n".join(paragraphs), etree.tostring(header, encoding="unicode")
                     if header is not None and header.find(f"{TEI}fileDesc") is not None else "")
