"""Corpus-level files, rebuilt from the manifest and the per-document outputs after every run: the teiCorpus
root, claims.jsonl, claims.csv and summary.json. Documents are taken in id order, so that the files are the same
whatever engine or number of workers produced them."""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

from lxml import etree

from .. import __version__
from ..output import write_atomic
from ..teinames import category_id, taxonomies
from ..writers.rows import COLUMNS
from .work import doc_paths

__all__ = ["write_corpus_files"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
XI_NS = "http://www.w3.org/2001/XInclude"
TOP_SOURCES = 20


def write_corpus_files(out_dir: Path, entries: list[dict], config: str) -> dict:
    done = sorted((e for e in entries if e["status"] == "done"), key=lambda e: e["id"])
    claims_jsonl, claims_csv = io.StringIO(), io.StringIO()
    writer = csv.DictWriter(claims_csv, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    counts: dict[str, Counter] = {k: Counter() for k in ("source_type", "stance", "evidential")}
    speakers: Counter = Counter()
    claims = words = 0
    for entry in done:
        words += entry["words"]
        _, rows_path = doc_paths(out_dir, entry["id"])
        for line in rows_path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            claims += 1
            claims_jsonl.write(line + "\n")
            writer.writerow(row)
            for key, counter in counts.items():
                counter[row[key]] += 1
            if row["speaker"]:
                speakers[row["speaker"]] += 1
    summary = {
        "documents": len(done), "failed": sum(1 for e in entries if e["status"] == "failed"), "words": words,
        "claims": claims, "config": config,
        **{f"claims_by_{key}": dict(sorted(counter.items())) for key, counter in counts.items()},
        "top_sources": [{"name": name, "claims": n} for name, n in
                        sorted(speakers.items(), key=lambda item: (-item[1], item[0]))[:TOP_SOURCES]],
    }
    write_atomic(out_dir / "claims.jsonl", claims_jsonl.getvalue())
    write_atomic(out_dir / "claims.csv", claims_csv.getvalue())
    write_atomic(out_dir / "summary.json", json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    write_atomic(out_dir / "corpus.xml", corpus_root(done, summary), validate_corpus_root)
    return summary


def corpus_root(done: list[dict], summary: dict) -> str:
    """The teiCorpus root: a corpus header with totals and the taxonomies, documents included by reference."""
    def el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
        node = etree.SubElement(parent, f"{{{TEI_NS}}}{tag}", attrs)
        node.text = text
        return node

    root = etree.Element(f"{{{TEI_NS}}}teiCorpus", nsmap={None: TEI_NS, "xi": XI_NS})
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    header = el(root, "teiHeader")
    file_desc = el(header, "fileDesc")
    el(el(file_desc, "titleStmt"), "title", "Corpus annotated with attribution")
    extent = el(file_desc, "extent")
    for unit, n in (("texts", summary["documents"]), ("words", summary["words"]), ("claims", summary["claims"])):
        el(extent, "measure", f"{n} {unit}", unit=unit, quantity=str(n))
    el(el(file_desc, "publicationStmt"), "p", "Built with attribution corpus build; not published.")
    el(el(file_desc, "sourceDesc"), "p", f"{summary['documents']} documents; configuration {summary['config']}.")
    encoding = el(header, "encodingDesc")
    app = el(el(encoding, "appInfo"), "application", ident="attribution", version=__version__)
    el(app, "label", "attribution")
    class_decl = el(encoding, "classDecl")
    for taxonomy in taxonomies():
        node = el(class_decl, "taxonomy", **{"{http://www.w3.org/XML/1998/namespace}id": taxonomy.prefix})
        el(node, "desc", taxonomy.description)
        for value in taxonomy.values:
            el(el(node, "category", **{"{http://www.w3.org/XML/1998/namespace}id": category_id(taxonomy.prefix, value)}),
               "catDesc", value)
    for entry in done:
        etree.SubElement(root, f"{{{XI_NS}}}include", href=f"docs/{entry['id']}.xml")
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="unicode", xml_declaration=False) + "\n"


def validate_corpus_root(text: str) -> list[str]:
    """The corpus root against schemas/attribution-corpus.rng (documents are validated one by one)."""
    from importlib import resources

    rng = etree.RelaxNG(etree.fromstring(
        resources.files("attribution").joinpath("schemas/attribution-corpus.rng").read_bytes()))
    tree = etree.fromstring(text.encode("utf-8"))
    return [] if rng.validate(tree) else [f"line {e.line}: {e.message}" for e in rng.error_log]
