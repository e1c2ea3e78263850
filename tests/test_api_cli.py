"""The public API surface, the Stanza integration and the command line."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import attribution
from attribution import ClaimKind, InputError
from attribution.cli import main
from attribution.writers import json as json_format

from conftest import ROOT, SEEDS


def test_public_names():
    assert set(attribution.__all__) >= {"Annotator", "Claim", "ClaimKind", "Span", "AnnotatedDocument"}
    for name in attribution.__all__:
        assert hasattr(attribution, name)


def test_claims_are_frozen(annotator):
    claim = annotator.annotate("Kyiv says its troops are holding the line.").claims[0]
    with pytest.raises(AttributeError):
        claim.id = "x"  # type: ignore[misc]
    assert claim.id == "c1" and claim.kind is ClaimKind.INDIRECT and 0 < claim.confidence <= 1


def test_processors_registered_with_requirements(annotator):
    from stanza.pipeline.registry import NAME_TO_PROCESSOR_CLASS

    from attribution.processors import PROCESSORS

    for name, cls in PROCESSORS.items():
        assert NAME_TO_PROCESSOR_CLASS[name] is cls and "_" not in name
    assert PROCESSORS["attribution"].REQUIRES_DEFAULT >= {"tokenize", "pos", "lemma", "depparse", "quotation"}
    doc = annotator._pipeline("Kyiv says its troops are holding the line.")
    assert [c.cue_text for c in doc.claims] == ["says"]
    assert doc.quotations == []


def test_lone_surrogate_rejected(annotator):
    with pytest.raises(InputError, match="surrogate"):
        annotator.annotate("Kyiv says \ud800 it is fine.")


def test_json_round_trip(annotator):
    text = (SEEDS / "002_d7878f16286ace3a.txt").read_text(encoding="utf-8")
    doc = annotator.annotate(text, "seed")
    assert json_format.parse(json_format.render(doc)) == doc


def test_cli_writes_one_json_per_input(annotator, tmp_path):
    assert main(["annotate", str(SEEDS), "-o", str(tmp_path), "--format", "json", "--quiet"]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["000_7d6dee029e99172d.json", "002_d7878f16286ace3a.json"]
    data = json.loads((tmp_path / written[1]).read_text(encoding="utf-8"))
    assert data["claims"] and all(data["text"][s["start"]:s["end"]] == s["text"]
                                  for c in data["claims"] for s in c["content"])


def test_cli_bad_inputs_do_not_cost_the_good_ones(annotator, tmp_path, capsys):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text("Kyiv says its troops are holding the line.", encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"Kyiv says \xff\xfe here")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    code = main(["annotate", str(tmp_path / "in"), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out"),
                 "--format", "json", "--quiet"])
    assert code == 1
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["good.json"]
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("attribution: error:")]
    assert len(errors) == 3
    assert any("bad.txt: invalid UTF-8 at byte 10" in e for e in errors)
    assert any("missing.txt: no such file" in e for e in errors)


def test_replaced_bytes_are_recorded_in_every_output(annotator, tmp_path, capsys):
    from attribution import read_json, read_tei

    (tmp_path / "bad.txt").write_bytes(b"Kyiv says \xff\xfe its troops are holding.")
    assert main(["annotate", str(tmp_path / "bad.txt"), "-o", str(tmp_path / "out"), "--format", "tei,json",
                 "--encoding-errors", "replace", "--quiet"]) == 0
    note = "2 invalid byte sequence(s) replaced by U+FFFD, the first at byte 10"
    assert note in capsys.readouterr().err
    for doc in (read_json(tmp_path / "out" / "bad.json"), read_tei(tmp_path / "out" / "bad.xml")):
        assert doc.text.startswith("Kyiv says \ufffd\ufffd its") and any(note in w for w in doc.warnings)


def test_kill_9_leaves_only_complete_valid_outputs(tmp_path):
    """Outputs are written to a temporary file, validated and renamed: a run killed at any moment leaves every
    output file either absent or complete and valid."""
    import signal
    import time

    from attribution.validate import VALIDATORS

    src = tmp_path / "in"
    src.mkdir()
    for n in range(12):
        (src / f"doc{n:02}.txt").write_text(f"Officials in region {n} said the bridge was closed. " * 40,
                                           encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "attribution", "annotate", str(src), "-o", str(out),
                                "--format", "tei,json", "--quiet"], cwd=ROOT)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(list(out.glob("*.json"))) < 2:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    written = [p for p in out.iterdir() if not p.name.startswith(".")]
    assert written, "the run was killed before writing anything"
    assert len(written) < 24, "the run finished before it was killed"
    for path in written:
        assert VALIDATORS[path.suffix](path) == [], path


def test_cli_table_to_stdout(annotator, capsys):
    assert main(["annotate", str(SEEDS / "000_7d6dee029e99172d.txt"), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "Kyiv | has accused | North Korea of sending military personnel" in out


def test_cli_dash_output_is_standard_output_for_one_document(annotator, tmp_path, capsys, monkeypatch):
    import json

    monkeypatch.chdir(tmp_path)
    seed = str(SEEDS / "000_7d6dee029e99172d.txt")
    assert main(["annotate", seed, "-o", "-", "--format", "json", "--quiet"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "000_7d6dee029e99172d"
    assert main(["annotate", str(SEEDS), "-o", "-", "--format", "json", "--quiet"]) == 1  # two documents
    assert main(["annotate", seed, "-o", "-", "--format", "brat", "--quiet"]) == 1       # two files each
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all("-o - writes one document" in line for line in err)
    assert not (tmp_path / "-").exists()


def test_cli_usage_error_exit_2():
    result = subprocess.run([sys.executable, "-m", "attribution", "annotate"], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 2 and "usage" in result.stderr


def test_cli_missing_models_one_line_exit_1(tmp_path):
    result = subprocess.run([sys.executable, "-m", "attribution", "annotate", str(SEEDS), "--models",
                             str(tmp_path), "-o", str(tmp_path / "o")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no Stanza English models found" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_brat_and_evaluate_round_trip(annotator, tmp_path, capsys):
    """Our own BRAT output scored against itself is perfect; annotating afresh reproduces it."""
    gold = tmp_path / "gold"
    assert main(["annotate", str(SEEDS), "-o", str(gold / "attributions"), "--format", "brat,json", "--quiet"]) == 0
    (gold / "text").mkdir()
    for txt in (gold / "attributions").glob("*.txt"):
        txt.rename(gold / "text" / txt.name)
    for ann in (gold / "attributions").glob("*.ann"):
        ann.rename(ann.with_name(ann.stem + "_tool.ann"))
    pred = tmp_path / "pred"
    main(["annotate", str(gold / "text"), "-o", str(pred), "--format", "brat", "--quiet"])
    capsys.readouterr()
    assert main(["evaluate", "--gold", str(gold), "--pred", str(pred), "--json", str(tmp_path / "s.json")]) == 0
    scores = json.loads((tmp_path / "s.json").read_text())
    assert scores["documents"] == 2
    assert scores["attribution"]["exact"]["f1"] == 1.0 and scores["roles"]["content"]["exact"]["recall"] == 1.0
    assert main(["evaluate", "--gold", str(gold)]) == 0
    assert "| attribution linked | 100.0 | 100.0 | 100.0 |" in capsys.readouterr().out
