"""TEI output: the project's RELAX NG + Schematron + pointer chain, official TEI P5 conformance, and one seed's
claims checked element by element."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from attribution.errors import OutputInvalidError
from attribution.output import tei_text
from attribution.validate import tei_problems, validate_tei
from attribution.writers import tei

from conftest import SEEDS

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


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
    assert any("not a declared category" in p for p in validate_tei(text.replace('.kind.indirect #',
                                                                                    '.kind.rumour #', 1)))
    assert validate_tei(text.replace("<standOff>", "<standOff><foo/>", 1))[0].startswith("line ")
    assert "not well-formed" in validate_tei("<TEI>")[0]
    sentence_id = text[text.index('<s xml:id="') + 11:].split('"', 1)[0]
    span_ref = text.index('target="#', text.index("<span ")) + len('target="#')
    at_sentence = text[:span_ref] + sentence_id + " #" + text[span_ref:]
    assert any("does not start at a token" in p for p in validate_tei(at_sentence))
    speaker = text[text.index('corresp="#', text.index("<standOff")):].split('"', 2)[1]
    assert any("names no declared speaker" in p for p in validate_tei(text.replace(speaker, "#nobody")))
    mention = text.index('type="mention" corresp="#') + len('type="mention" corresp="#')
    assert any("mention" in p and "does not start at a token" in p
               for p in validate_tei(text[:mention] + sentence_id + " #" + text[mention:]))


def test_a_built_tree_is_checked_as_its_text_would_be(seed_docs, monkeypatch):
    """The writers validate the tree they serialize instead of parsing the text again: the same verdicts."""
    doc = seed_docs[1]
    assert tei_problems(tei.build(doc)) == [] and tei_text(doc, "x.xml") == tei.render(doc)
    root = tei.build(doc)
    root.find(".//tei:span", NS).set("target", "#nowhere")
    assert any("does not start at a token" in p for p in tei_problems(root))
    assert validate_tei(tei.serialize(root)) == tei_problems(root)
    broken = tei.build(doc)
    broken.find(".//tei:span", NS).set("target", "#nowhere")
    monkeypatch.setattr(tei, "build", lambda *_: broken)
    with pytest.raises(OutputInvalidError, match="does not start at a token"):
        tei_text(doc, "x.xml")


def test_schematron_stays_linear():
    """Lookups go through id(), the parser's own table of xml:id values: an xsl:key makes libxslt walk every token
    again, and a key on a union (`tei:w | tei:pc`) made a million-token document take hours (libxml2 merges the
    node sets with a quadratic duplicate check). libxslt's matching of a rule context with a predicate grows with the
    siblings (tens of thousands of spans) when the predicate is on the matched step: neither may come back."""
    sch = etree.parse(str(Path(__file__).parents[1] / "schemas" / "attribution-tei.sch"))
    namespaces = {"xsl": "http://www.w3.org/1999/XSL/Transform", "sch": "http://purl.oclc.org/dsdl/schematron"}
    contexts = sch.xpath("//sch:rule/@context", namespaces=namespaces)
    tests = " ".join(sch.xpath("//sch:assert/@test | //sch:let/@value", namespaces=namespaces))
    assert not sch.xpath("//xsl:key", namespaces=namespaces) and "key(" not in tests and "id(" in tests
    assert contexts and not [c for c in contexts if "[" in c.split("/")[-1]]


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

    links = root.iterfind(".//tei:standOff/tei:linkGrp[@type='attribution']/tei:link", NS)
    by_cue = {part(link, "cue"): link for link in links}
    dismissed = by_cue["has dismissed"]
    assert part(dismissed, "source") == "The Kremlin" and part(dismissed, "content") == "those claims"
    scope = "#" + root.get(XML_ID) + "."  # category ids are prefixed by the document id
    assert dismissed.get("ana").split() == [scope + c for c in ("kind.indirect", "cue.dismissal", "stance.dismiss",
                                                                "evid.disputed", "fact.CT_neg", "stype.government")]
    assert 0 < float(dismissed.get("cert")) <= 1
    kremlin_id = spans[dismissed.get("target").split()[0][1:]].get("corresp")[1:]
    kremlin = root.find(f".//tei:particDesc//*[@{{http://www.w3.org/XML/1998/namespace}}id='{kremlin_id}']", NS)
    assert kremlin.tag.endswith("}org") and kremlin.get("ana") == scope + "stype.government"
    assert kremlin.find("tei:orgName[@type='canonical']", NS).text == "Russia"
    assert "The Kremlin" in [n.text for n in kremlin.iterfind("tei:orgName[@type='mention']", NS)]
    claimed = by_cue["has claimed"]
    denial = root.find(".//tei:linkGrp[@type='claims']/tei:link[@type='denies']", NS)
    assert denial.get("target").split()[:2] == ["#" + dismissed.get(XML_ID), "#" + claimed.get(XML_ID)]
    status = root.find(f".//tei:linkGrp[@type='evidential']/tei:link[@target='#{claimed.get(XML_ID)} "
                       f"#{dismissed.get(XML_ID)}']", NS)
    assert status is not None and status.get("type") == "disputed"
    verified = by_cue["could not be independently verified"]
    assert part(verified, "content") == "The reports" and verified.get("ana").startswith(scope + "kind.evidential ")
    assert all(spans[t[1:]].get("type") != "source" for t in verified.get("target").split())
    according = by_cue["According to"]
    assert part(according, "source") == "a government source in Berlin"
    assert according.get("ana").split()[::5] == [scope + "kind.according_to", scope + "stype.anonymous"]
    zelenskiy = root.find(".//tei:listPerson/tei:person", NS)
    assert zelenskiy.find("tei:persName", NS).text == "Volodymyr Zelenskiy"
    assert zelenskiy.find("tei:occupation", NS).text == "Ukrainian President"
    first_s = root.find(".//tei:s", NS)
    assert [w.get("join") for w in first_s.iterfind("tei:*", NS)][5:7] == ["right", None]  # "Soldiers," no space
    ud = first_s.find("tei:linkGrp[@type='UD-SYN']", NS)
    assert len(ud) == len([w for w in first_s if w.tag.endswith(("}w", "}pc"))])


TEI_INPUT = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc>
    <titleStmt><title>Kyiv and the Kremlin</title><author>A. Reporter</author></titleStmt>
    <publicationStmt><publisher>Example News</publisher><date when="2024-10-14">14 October 2024</date></publicationStmt>
    <sourceDesc><bibl><idno type="URI">https://example.org/a</idno></bibl></sourceDesc>
  </fileDesc>
  <encodingDesc><projectDesc><p>Collected for a study of war reporting.</p></projectDesc></encodingDesc>
  <profileDesc><langUsage><language ident="en">English</language></langUsage></profileDesc>
  <revisionDesc><change when="2024-10-15">Converted from HTML.</change></revisionDesc></teiHeader>
  <text><body>
    <p>Kyiv says its troops are
       holding the line.</p>
    <p>“We will not retreat,” the general said.</p>
  </body></text>
</TEI>
"""


def test_tei_input_keeps_its_header(annotator, tmp_path, tei_all):
    from attribution.cli import main

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "article.xml").write_text(TEI_INPUT, encoding="utf-8")
    assert main(["annotate", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--format", "tei,json",
                 "--quiet"]) == 0
    out = (tmp_path / "out" / "article.xml").read_text(encoding="utf-8")
    assert validate_tei(out) == []
    root = etree.fromstring(out.encode())
    assert tei_all.validate(root)
    assert root.findtext(".//tei:titleStmt/tei:author", namespaces=NS) == "A. Reporter"
    assert root.find(".//tei:publicationStmt/tei:date", NS).get("when") == "2024-10-14"
    assert root.findtext(".//tei:encodingDesc/tei:projectDesc/tei:p", namespaces=NS).startswith("Collected")
    assert root.find(".//tei:profileDesc/tei:langUsage/tei:language", NS).get("ident") == "en"
    assert root.find(".//tei:profileDesc/tei:particDesc", NS) is not None  # the speakers join the input's profile
    assert root.find("tei:teiHeader/tei:revisionDesc/tei:change", NS).get("when") == "2024-10-15"
    import json

    data = json.loads((tmp_path / "out" / "article.json").read_text(encoding="utf-8"))
    assert data["text"] == "Kyiv says its troops are holding the line.\n\n“We will not retreat,” the general said."
    assert [c["cue"][0]["text"] for c in data["claims"]] == ["says", "said"]


@pytest.mark.parametrize("content,reason", [
    ('<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
     '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&xxe;</p></body></text></TEI>', "DTD"),
    ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
     '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&lol2;</p></body></text></TEI>', "DTD"),
    ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>unclosed</body></text></TEI>', "malformed XML at line"),
    ('<html><body><p>Kyiv says so.</p></body></html>', "not a TEI document"),
    ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body/></text></TEI>', "no text/body paragraphs"),
])
def test_bad_tei_input_is_refused_in_one_line(annotator, tmp_path, capsys, content, reason):
    from attribution.cli import main

    (tmp_path / "bad.xml").write_text(content, encoding="utf-8")
    assert main(["annotate", str(tmp_path / "bad.xml"), "-o", str(tmp_path / "out"), "--quiet"]) == 1
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 1 and "bad.xml" in errors[0] and reason in errors[0]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_output_never_overwrites_a_tei_input(annotator, tmp_path, capsys):
    from attribution.cli import main

    (tmp_path / "article.xml").write_text(TEI_INPUT, encoding="utf-8")
    assert main(["annotate", str(tmp_path / "article.xml"), "-o", str(tmp_path), "--quiet"]) == 1
    assert (tmp_path / "article.xml").read_text(encoding="utf-8") == TEI_INPUT
    assert "would overwrite this input" in capsys.readouterr().err


def test_inline_view(seed_docs, tei_all):
    doc = seed_docs[1]
    out = tei.render(doc, inline=True)
    assert validate_tei(out) == []
    root = etree.fromstring(out.encode())
    assert tei_all.validate(root), [f"{e.line}: {e.message}" for e in tei_all.error_log][:5]
    saids = root.findall(".//tei:s//tei:said", NS)
    assert saids and len(saids) <= len(doc.claims)
    by_text = {" ".join(w.text for w in said): said for said in saids}
    dismissed = by_text["those claims"]
    assert dismissed.get("direct") == "false"
    speaker = next(o for o in root.iterfind(".//tei:org", NS) if "#" + o.get(XML_ID) == dismissed.get("who"))
    assert speaker.find("tei:orgName", NS).text == "Russia"  # @who points at the speaker entity
    other = etree.fromstring(tei.render(seed_docs[0], inline=True).encode())  # Irish Times: one-sentence quotes
    assert any(s.get("direct") == "true" for s in other.iterfind(".//tei:said", NS))
    standoff = etree.fromstring(tei.render(doc).encode())
    assert len(root.findall(".//tei:standOff//tei:link", NS)) == len(standoff.findall(".//tei:standOff//tei:link", NS))
