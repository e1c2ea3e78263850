"""What a corpus is built from: documents from directories of .txt / TEI files, or records of a JSONL file
(``id``, ``text``, optional ``title``, ``date``, ``source``, ``url``), each with the hash of its raw input."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import InputError, message
from ..inputs import expand_inputs, read_input

__all__ = ["Source", "iter_sources", "METADATA"]

METADATA = ("title", "date", "source", "url")
TEI_NS = "http://www.tei-c.org/ns/1.0"


@dataclass(frozen=True)
class Source:
    """One document to build, or the reason it cannot be read (``error``)."""

    id: str
    path: str
    sha256: str
    text: str = ""
    header: str = ""  # teiHeader XML for the output: a TEI input's own, or one made from JSONL metadata
    notes: tuple[str, ...] = ()
    error: str = ""


def iter_sources(inputs: list[str], encoding_errors: str = "strict") -> Iterator[Source]:
    for raw in inputs:
        if raw.endswith(".jsonl") and Path(raw).is_file():
            yield from jsonl_sources(Path(raw))
            continue
        for item in expand_inputs([raw]):
            if isinstance(item, InputError):
                yield Source(Path(item.path).stem, str(item.path), "", error=item.problem)
                continue
            digest = hashlib.sha256(Path(item).read_bytes()).hexdigest() if item != "-" else ""
            try:
                doc = read_input(item, encoding_errors)
            except InputError as error:
                yield Source(Path(item).stem, item, digest, error=error.problem)
                continue
            yield Source(doc.id, item, digest, doc.text, doc.source_header, doc.notes)


def jsonl_sources(path: Path) -> Iterator[Source]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            digest = hashlib.sha256(line.strip()).hexdigest()
            try:
                record = json.loads(line)
                doc_id, text = str(record["id"]), record["text"]
                if not isinstance(text, str) or not doc_id:
                    raise ValueError
            except (ValueError, KeyError, TypeError):
                yield Source(f"line{number}", where, digest, error=message("bad_record"))
                continue
            yield Source(doc_id, where, digest, text, metadata_header(doc_id, record))


def metadata_header(doc_id: str, record: dict) -> str:
    """A teiHeader with the record's title, date, source and url (fileDesc only)."""
    def el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str | None) -> etree._Element:
        node = etree.SubElement(parent, f"{{{TEI_NS}}}{tag}", {k: v for k, v in attrs.items() if v})
        node.text = text
        return node

    header = etree.Element(f"{{{TEI_NS}}}teiHeader", nsmap={None: TEI_NS})
    file_desc = el(header, "fileDesc")
    el(el(file_desc, "titleStmt"), "title", str(record.get("title") or doc_id))
    publication = el(file_desc, "publicationStmt")
    if record.get("source") or record.get("date"):
        el(publication, "publisher", str(record.get("source") or "unknown"))
        if record.get("date"):
            el(publication, "date", str(record["date"]), when=str(record["date"])
               if len(str(record["date"])) in (4, 7, 10) else None)
    else:
        el(publication, "p", "Annotated with attribution; not published.")
    bibl = el(el(file_desc, "sourceDesc"), "bibl")
    el(bibl, "title", str(record.get("title") or doc_id))
    if record.get("url"):
        el(bibl, "idno", str(record["url"]), type="URI")
    return etree.tostring(header, encoding="unicode")
