"""`attribution corpus build`: outputs, resuming, failures, engines that agree, and surviving kill -9."""
from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time

import pytest

from attribution import read_tei
from attribution.build import build_corpus, read_manifest
from attribution.build.corpus import validate_corpus_root
from attribution.cli import main
from attribution.validate import validate_tei

from conftest import ROOT, SEEDS

CORPUS_FILES = ("claims.jsonl", "claims.csv", "summary.json", "corpus.xml", "manifest.jsonl")
RECORDS = [
    {"id": "r1", "text": "Kyiv says its troops are holding the line in Kursk.", "title": "Holding the line",
     "date": "2024-10-14", "source": "Example News", "url": "https://example.org/r1"},
    {"id": "r2", "text": "The Kremlin has dismissed those claims. Officials said the bridge was closed."},
]


@pytest.fixture
def inputs(tmp_path):
    texts = tmp_path / "texts"
    shutil.copytree(SEEDS, texts)
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in RECORDS) + "{broken\n", encoding="utf-8")
    return [str(texts), str(records)]


def corpus_state(out):
    files = {name: (out / name).read_text(encoding="utf-8") for name in CORPUS_FILES if name != "manifest.jsonl"}
    docs = {p.name: p.read_text(encoding="utf-8") for p in sorted((out / "docs").glob("*.xml"))}
    return files, docs


def test_build_writes_a_valid_corpus_and_resumes(annotator, inputs, tmp_path, capsys):
    out = tmp_path / "corpus"
    assert main(["corpus", "build", *inputs, "-o", str(out), "--workers", "1", "--quiet"]) == 1  # one bad record
    assert "records.jsonl:3: not a JSON object" in capsys.readouterr().err
    manifest = read_manifest(out)
    assert sorted(manifest) == ["000_7d6dee029e99172d", "002_d7878f16286ace3a", "line3", "r1", "r2"]
    assert manifest["line3"]["status"] == "failed" and manifest["r1"]["status"] == "done"
    for path in (out / "docs").glob("*.xml"):
        assert validate_tei(path.read_text(encoding="utf-8")) == [], path
    assert validate_corpus_root((out / "corpus.xml").read_text(encoding="utf-8")) == []
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    assert summary["documents"] == 4 and summary["failed"] == 1
    assert summary["claims"] == len(claims) == sum(e["claims"] for e in manifest.values())
    assert sum(summary["claims_by_stance"].values()) == len(claims)
    assert summary["top_sources"][0]["name"] == "Volodymyr Zelenskiy"
    r1 = (out / "docs" / "r1.xml").read_text(encoding="utf-8")
    assert "<publisher>Example News</publisher>" in r1 and "https://example.org/r1" in r1
    before = corpus_state(out)

    again = build_corpus(inputs, out, workers=1)
    assert (again.done, again.skipped, again.failed) == (0, 4, 1)
    assert corpus_state(out) == before
    seed = next((tmp_path / "texts").glob("000_*.txt"))
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nOfficials said the port was closed.\n", encoding="utf-8")
    changed = build_corpus(inputs, out, workers=1)
    assert (changed.done, changed.skipped) == (1, 3)
    forced = build_corpus(inputs, out, workers=1, force=True)
    assert (forced.done, forced.skipped) == (4, 0)
    assert len((out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()) == 5  # one entry per document


def test_engines_and_worker_counts_give_the_same_corpus(annotator, inputs, tmp_path):
    pytest.importorskip("distributed")
    states = []
    for name, kwargs in (("one", {"workers": 1}), ("two", {"workers": 2}), ("dask", {"workers": 2, "engine": "dask"})):
        out = tmp_path / name
        report = build_corpus(inputs, out, batch_size=1, **kwargs)
        assert (report.done, report.failed) == (4, 1)
        states.append(corpus_state(out))
    assert states[0] == states[1] == states[2]


def test_kill_9_then_rerun_loses_and_doubles_nothing(inputs, tmp_path):
    out = tmp_path / "corpus"
    command = [sys.executable, "-m", "attribution", "corpus", "build", *inputs, "-o", str(out), "--workers", "1",
               "--batch-size", "1", "--quiet"]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not list((out / "docs").glob("*.xml")):
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    for path in (out / "docs").glob("*.xml"):
        assert validate_tei(path.read_text(encoding="utf-8")) == [], path
    assert subprocess.run(command, cwd=ROOT, stderr=subprocess.DEVNULL).returncode == 1  # the bad record
    manifest_lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["id"] for line in manifest_lines) == sorted(read_manifest(out))
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    per_doc = {}
    for row in claims:
        per_doc.setdefault(row["doc_id"], []).append(row["claim_id"])
    assert sorted(per_doc) == ["000_7d6dee029e99172d", "002_d7878f16286ace3a", "r1", "r2"]
    assert all(len(ids) == len(set(ids)) for ids in per_doc.values())
    assert not list((out / "docs").glob(".*.part"))


def test_expanded_corpus_is_one_valid_tei_corpus(annotator, inputs, tmp_path, tei_all):
    """After XInclude the corpus is one TEI P5 document without clashing ids (ParlaMint's validation step)."""
    from lxml import etree

    out = tmp_path / "corpus"
    build_corpus(inputs, out, workers=1)
    tree = etree.parse(str(out / "corpus.xml"))
    tree.xinclude()
    ids = tree.getroot().xpath("//@xml:id")
    assert len(ids) == len(set(ids)) and len(tree.getroot()) == 1 + 4
    assert tei_all.validate(tree), [f"{e.line}: {e.message}" for e in tei_all.error_log][:5]


def test_a_repeated_id_fails_and_the_first_document_is_built(annotator, tmp_path):
    records = tmp_path / "dup.jsonl"
    texts = ["Kyiv says its troops are holding.", "Moscow said the bridge was closed.", "Officials said it rained."]
    records.write_text("".join(json.dumps({"id": i, "text": t}) + "\n"
                               for i, t in zip(("a", "a", "b"), texts)), encoding="utf-8")
    out = tmp_path / "corpus"
    report = build_corpus([str(records)], out, workers=1)
    assert (report.done, report.failed) == (2, 1)
    assert read_manifest(out)["a"]["path"].endswith("dup.jsonl:1")
    assert read_tei(out / "docs" / "a.xml").text == texts[0]


def test_an_edited_lexicon_changes_the_configuration(tmp_path):
    from attribution.annotator import tables_id

    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        (folder / "stance.tsv").write_text("key\tstance\nsay\tassert\n", encoding="utf-8")
    (second / "notes.txt").write_text("not a table", encoding="utf-8")
    assert tables_id(first) == tables_id(second)
    (second / "stance.tsv").write_text("key\tstance\nsay\tclaim\n", encoding="utf-8")
    assert tables_id(first) != tables_id(second)
