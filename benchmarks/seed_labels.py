"""Label accuracy and links on the seed gold (tests/gold): entity, type, stance, evidential, factuality, pronouns.

    python benchmarks/seed_labels.py [--errors]

A measurement, not a test (tests/test_labels.py holds the floors): results go to docs/evaluation.md.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from goldfile import load_labelled, load_links  # noqa: E402

from attribution import Annotator  # noqa: E402
from attribution.labeleval import LabelReport  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every wrong label")
    args = parser.parse_args()
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    report = LabelReport()
    for path, doc in zip(paths, Annotator().annotate_many([p.read_text(encoding="utf-8") for p in paths],
                                                          ids=[p.stem for p in paths])):
        report.add(doc, load_labelled(path.stem, doc.text), load_links(path.stem, doc.text))
    print(report.to_markdown())
    if args.errors:
        print("\n".join(report.errors))


if __name__ == "__main__":
    main()
