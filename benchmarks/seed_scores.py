"""Exact and token-overlap precision / recall of each role on the two seed articles against tests/gold:

    python benchmarks/seed_scores.py [--method hybrid|learned|rules]

The figures behind tests/test_seeds.py's floors and docs/evaluation.md.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from goldfile import load_gold  # noqa: E402

from attribution import Annotator  # noqa: E402
from attribution.evaluation import Attribution, add_scores, score_document  # noqa: E402
from attribution.extract import METHODS  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--method", default=METHODS[0], choices=METHODS)
    args = parser.parse_args()
    annotator = Annotator(method=args.method)
    total: dict = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        claims = annotator.annotate(text, path.stem).claims
        total = add_scores(total, score_document(text, load_gold(path.stem, text), [Attribution.of(c) for c in claims]))
    print("| role | exact P | exact R | overlap P | overlap R |")
    print("|---|---|---|---|---|")
    for role, by in total.items():
        e, o = by["exact"], by["overlap"]
        print(f"| {role} | {100 * e.precision:.1f} | {100 * e.recall:.1f} | {100 * o.precision:.1f} | "
              f"{100 * o.recall:.1f} |")


if __name__ == "__main__":
    main()
