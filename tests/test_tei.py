"""TEI output: the project's RELAX NG + Schematron + pointer chain, official TEI P5 conformance, and one seed's
claims checked element by element."""
from __future__ import annotations

import pytest
from lxml import etree

from attribution.validate import validate_tei
from attribution.writers import tei

from conftest import SEEDS, SHARED

NS = {"tei": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="session")
def tei_all():
    path = SHARED / "schemas" / "tei_all.rng"
    if not path.exists():
        pytest.skip("official TEI schema not available at ../shared/schemas/tei_all.rng")
    return etree.RelaxNG(etree.parse(str(path)))  # ~15 s: compiled once per session


@pytest.fixture(scope="module")
def seed_docs(annotator):
    return [annotator.annotate(p.read_text(encoding="utf-8"), p.stem) for p in sorted(SEEDS.glob("*.txt"))]


def test_project_schema_chain(seed_docs, annotator):
    for doc in [*seed_docs, annotator.annotate("", "empty"), annotator.annotate("No claims here at all.", "x")]:
        assert validate_tei(tei.render(doc)) == []


def test_conforms_to_official_tei(seed_docs, tei_all):
    for doc in seed_docs:
        tree = etree.fromstring(tei.render(doc).encode())
        assert tei_all.validate(tree), [f"{e.line}: {e.message}" for e in tei_all.error_log][:5]


def test_broken_documents_are_caught(seed_docs):
    text = tei.render(seed_docs[1])
    first_ref = text.index('target="#') + len('target="#')
    broken_pointer = text[:first_ref] + "nowhere" + text[first_ref:]
    assert any("does not resolve" in p or "does not start at a token" in p for p in validate_tei(broken_pointer))
    assert any("not a declared category" in p for p in validate_tei(text.replace('ana="#kind.indirect"',
                                                                                    'ana="#kind.rumour"', 1)))
    assert validate_tei(text.replace("<standOff>", "<standOff><foo/>", 1))[0].startswith("line ")
    assert "not well-formed" in validate_tei("<TEI>")[0]


def test_entities_are_never_expanded():
    bomb = ('<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY xxe SYSTEM "file:///etc/passwd">]><TEI xmlns="http://www.tei-c.org/ns/1.0">&b;&xxe;</TEI>')
    problems = validate_tei(bomb)
    assert problems and "root:" not in " ".join(problems)


def test_seed_claims_element_by_element(seed_docs):
    doc = seed_docs[1]  # RFE/RL article
    root = etree.fromstring(tei.render(doc).encode())
    words = {w.get("{http://www.w3.org/XML/1998/namespace}id"): w.text for w in root.iterfind(".//tei:s/*", NS)
             if w.tag.endswith(("}w", "}pc"))}
    spans = {s.get("{http://www.w3.org/XML/1998/namespace}id"): s for s in root.iterfind(".//tei:span", NS)}

    def part(claim_link, role: str) -> str:
        span = next(spans[t[1:]] for t in claim_link.get("target").split() if spans[t[1:]].get("type") == role)
        return " ".join(words[t[1:]] for t in span.get("target").split())

    links = {link.get("target").split()[0]: link for link in root.iterfind(".//tei:standOff//tei:link", NS)}
    by_cue = {part(link, "cue"): link for link in links.values()}
    dismissed = by_cue["has dismissed"]
    assert part(dismissed, "source") == "The Kremlin" and part(dismissed, "content") == "those claims"
    assert dismissed.get("ana") == "#kind.indirect" and 0 < float(dismissed.get("cert")) <= 1
    verified = by_cue["could not be independently verified"]
    assert part(verified, "content") == "The reports" and verified.get("ana") == "#kind.evidential"
    assert all(spans[t[1:]].get("type") != "source" for t in verified.get("target").split())
    according = by_cue["According to"]
    assert part(according, "source") == "a government source in Berlin"
    assert according.get("ana") == "#kind.according_to"
    first_s = root.find(".//tei:s", NS)
    assert [w.get("join") for w in first_s.iterfind("tei:*", NS)][5:7] == ["right", None]  # "Soldiers," no space
    ud = first_s.find("tei:linkGrp[@type='UD-SYN']", NS)
    assert len(ud) == len([w for w in first_s if w.tag.endswith(("}w", "}pc"))])
