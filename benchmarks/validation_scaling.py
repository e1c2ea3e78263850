"""How TEI validation time grows with document size: it must stay linear for a 5 MB (1M-token) document.

    python benchmarks/validation_scaling.py [--polnear ../shared/data/polnear/dev] [--words 10000] [--up-to 32]

Annotates about ``--words`` words of PolNeAR dev text as one document, then validates copies of its TEI grown
1, 2, 4 … ``--up-to`` times (paragraphs, spans, links and speakers repeated with fresh ids), timing each step of
`attribution.validate.validate_tei`: XML parsing, RELAX NG, Schematron, pointer resolution. A measurement, not a
test: results go to docs/performance.md with this command.
"""
from __future__ import annotations

import argparse
import copy
import re
import time
from pathlib import Path

from lxml import etree

from attribution import Annotator
from attribution.validate import SAFE_PARSER_OPTIONS, tei_validators, unresolved_pointers
from attribution.writers import tei

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"
T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
POINTING = (XML_ID, "target", "corresp", "who", "ana")


def grown(xml: str, doc_id: str, times: int) -> bytes:
    """The document with its body, standOff groups and speaker lists repeated ``times`` times, ids renumbered."""
    root = etree.fromstring(xml.encode("utf-8"))
    ids = root.xpath("//@xml:id")
    numbered = re.compile(rf"({re.escape(doc_id)}\.)([spce])(\d+)")
    step = {kind: max((int(m.group(3)) for i in ids if (m := numbered.match(i)) and m.group(2) == kind), default=0)
            for kind in "spce"}
    groups = [root.find(f".//{T}body"), *root.findall(f".//{T}standOff/*"), *root.findall(f".//{T}listPerson"),
              *root.findall(f".//{T}listOrg")]
    originals = [list(group) for group in groups]
    for n in range(1, times):
        def renumber(m: re.Match, n: int = n) -> str:
            return f"{m.group(1)}{m.group(2)}{int(m.group(3)) + n * step[m.group(2)]}"
        for group, children in zip(groups, originals):
            for child in children:
                new = copy.deepcopy(child)
                for node in new.iter():
                    for name in POINTING:
                        if node.get(name):
                            node.set(name, numbered.sub(renumber, node.get(name)))
                group.append(new)
    return etree.tostring(root, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT)
    parser.add_argument("--words", type=int, default=10000)
    parser.add_argument("--up-to", type=int, default=32)
    args = parser.parse_args()
    texts, words = [], 0
    for path in sorted((args.polnear / "text").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
        words += len(texts[-1].split())
        if words >= args.words:
            break
    doc = Annotator().annotate("\n\n".join(texts), "scale")
    xml = tei.render(doc)
    rng, sch = tei_validators()
    print(f"base document: {words} words, {len(doc.tokens)} tokens, {len(doc.claims)} claims")
    print("| tokens | MB | parse s | RELAX NG s | Schematron s | pointers s | total s |\n|---|---|---|---|---|---|---|")
    times = 1
    while times <= args.up_to:
        data = grown(xml, "scale", times)
        start = time.perf_counter()
        tree = etree.fromstring(data, etree.XMLParser(**SAFE_PARSER_OPTIONS))
        parsed = time.perf_counter()
        assert rng.validate(tree), rng.error_log
        relaxng = time.perf_counter()
        assert sch.validate(tree)
        schematron = time.perf_counter()
        assert unresolved_pointers(tree) == []
        done = time.perf_counter()
        print(f"| {times * len(doc.tokens):,} | {len(data) / 1e6:.0f} | {parsed - start:.2f} | {relaxng - parsed:.2f} "
              f"| {schematron - relaxng:.2f} | {done - schematron:.2f} | {done - start:.2f} |", flush=True)
        del tree, data
        times *= 2


if __name__ == "__main__":
    main()
