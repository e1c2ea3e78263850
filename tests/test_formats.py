"""Output formats and their validation: JSON Schema, Web Annotation selectors, BRAT checks, CSV/JSONL rows."""
from __future__ import annotations

import csv
import io
import json

import pytest

from attribution.cli import main
from attribution.errors import OutputInvalidError
from attribution.output import write_atomic
from attribution.validate import validate_brat, validate_json
from attribution.writers import FORMATS, tei

from conftest import SEEDS


@pytest.fixture(scope="module")
def seed_doc(annotator):
    path = SEEDS / "002_d7878f16286ace3a.txt"
    return annotator.annotate(path.read_text(encoding="utf-8"), path.stem)


def test_json_output_validates_and_anchors(seed_doc):
    text = FORMATS["json"].render(seed_doc)
    assert validate_json(text) == []
    claim = json.loads(text)["claims"][0]
    position, quote = claim["content"][0]["selector"]
    assert position == {"type": "TextPositionSelector", "start": claim["content"][0]["start"],
                        "end": claim["content"][0]["end"]}
    assert quote["exact"] == claim["content"][0]["text"]
    assert seed_doc.text[position["start"] - len(quote["prefix"]):position["start"]] == quote["prefix"]


def test_json_validation_catches_schema_and_offset_errors(seed_doc):
    data = json.loads(FORMATS["json"].render(seed_doc))
    data["claims"][0]["kind"] = "rumour"
    assert any("/claims/0/kind" in p for p in validate_json(json.dumps(data)))
    data = json.loads(FORMATS["json"].render(seed_doc))
    data["claims"][0]["content"][0]["start"] += 1
    assert any("does not match the document" in p for p in validate_json(json.dumps(data)))
    assert validate_json("{") == ["line 1: not JSON (Expecting property name enclosed in double quotes)"]


def test_brat_validation(seed_doc):
    ann = FORMATS["brat"].render(seed_doc)
    assert validate_brat(ann, seed_doc.text) == []
    assert validate_brat(ann.replace("\tClaims", "\tclaims", 1), seed_doc.text)[0].startswith("line 2:")
    assert "name no earlier entity" in validate_brat("E1\tAttribution:T9 Cue:T8", seed_doc.text)[0]


def test_invalid_output_is_never_written(tmp_path):
    with pytest.raises(OutputInvalidError, match="failed validation"):
        write_atomic(tmp_path / "x.json", "{}", validate_json)
    assert list(tmp_path.iterdir()) == []


def test_csv_and_jsonl_rows(seed_doc):
    rows = list(csv.DictReader(io.StringIO(FORMATS["csv"].render(seed_doc))))
    lines = [json.loads(line) for line in FORMATS["jsonl"].render(seed_doc).splitlines()]
    assert len(rows) == len(lines) == len(seed_doc.claims)
    for row, line in zip(rows, lines):
        assert row["claim_id"] == line["claim_id"]
        start, end = int(row["cue_start"]), int(row["cue_end"])
        assert seed_doc.text[start:end] == row["cue"]
    claims = {c.id: c for c in seed_doc.claims}
    for row in rows:
        claim = claims[row["claim_id"]]
        assert (row["stance"], row["evidential"], row["factuality"], row["source_type"]) == (
            claim.stance.value, claim.evidential.value, claim.factuality.value, claim.source_type.value)
    assert any(row["speaker"] == "Volodymyr Zelenskiy" and row["role"] == "Ukrainian President" for row in rows)
    assert any(row["links"].startswith("denies:") for row in rows)


def test_validate_command(annotator, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["annotate", str(SEEDS), "-o", str(out), "--format", "json,brat,csv", "--quiet"]) == 0
    files = sorted(out.glob("*.json")) + sorted(out.glob("*.ann"))
    assert main(["validate", *map(str, files)]) == 0
    (tmp_path / "bad.json").write_text('{"format": "attribution-json/1"}', encoding="utf-8")
    assert main(["validate", str(tmp_path / "bad.json")]) == 1
    assert "'claims' is a required property" in capsys.readouterr().out
    assert main(["validate", str(tmp_path / "missing.json")]) == 2


def test_read_json_round_trip(seed_doc, tmp_path):
    from attribution import InputError, read_json

    path = tmp_path / "doc.json"
    path.write_text(FORMATS["json"].render(seed_doc), encoding="utf-8")
    assert read_json(path) == seed_doc
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="not a valid attribution JSON file"):
        read_json(path)


@pytest.mark.parametrize("inline", [False, True])
def test_read_tei_round_trip(annotator, tmp_path, inline):
    """TEI keeps the text between tokens, so reading it back gives the exact text, claims, entities and links,
    also for CRLF line ends and characters XML cannot carry (those come back as U+FFFD)."""
    from attribution import InputError, read_tei

    text = (SEEDS / "000_7d6dee029e99172d.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    doc = annotator.annotate("  \x07" + text + "\n\n", "crlf")
    path = tmp_path / "doc.xml"
    path.write_text(tei.render(doc, inline), encoding="utf-8")
    back = read_tei(path)
    assert back.text == doc.text.replace("\x07", "\ufffd")
    assert (back.claims, back.entities, back.links) == (doc.claims, doc.entities, doc.links)
    assert [(s.start, s.end) for s in back.sentences] == [(s.start, s.end) for s in doc.sentences]
    assert [(t.head, t.deprel, t.start, t.end) for t in back.tokens] == [
        (t.head, t.deprel, t.start, t.end) for t in doc.tokens]
    path.write_text("<TEI/>", encoding="utf-8")
    with pytest.raises(InputError, match="not a valid attribution TEI file"):
        read_tei(path)


def test_read_tei_with_token_ids_renamed_by_hand(seed_doc, tmp_path):
    """The schema lets token ids take any form; reading back then numbers each word by its place in the
    sentence, and the parse comes back whole."""
    import re

    from attribution import read_tei

    renamed = re.sub(r"\.s(\d+)\.w(\d+)\b", r".tok\1_\2", tei.render(seed_doc))
    assert ".w1" not in renamed
    path = tmp_path / "renamed.xml"
    path.write_text(renamed, encoding="utf-8")
    back = read_tei(path)
    assert [(t.id, t.head, t.deprel, t.start, t.end) for t in back.tokens] == [
        (t.id, t.head, t.deprel, t.start, t.end) for t in seed_doc.tokens]
    assert back.claims == seed_doc.claims


def test_conllu_is_readable_by_the_conllu_package(seed_doc):
    import conllu

    sentences = conllu.parse(FORMATS["conllu"].render(seed_doc))
    assert len(sentences) == len(seed_doc.sentences)
    words = [w for s in sentences for w in s if isinstance(w["id"], int)]
    assert len(words) == len(seed_doc.tokens)
    first = seed_doc.claims[0]
    roles = {w["form"]: w["misc"]["Attr"] for w in sentences[0] if w["misc"] and "Attr" in w["misc"]}
    assert roles[first.cue_text] == f"{first.id}:cue"
    for word in words:
        start, end = map(int, word["misc"]["TokenRange"].split(":"))
        assert 0 <= start < end <= len(seed_doc.text)
