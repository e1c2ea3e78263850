"""Annotate all of PolNeAR dev: time per 1,000 words, and per-role scores against the first annotator.

    python benchmarks/polnear_dev.py [--polnear ../shared/data/polnear/dev] [--method hybrid|learned|rules]

A measurement, not a test: results go to docs/evaluation.md with this command.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from attribution import Annotator
from attribution.brat import gold_attributions
from attribution.evaluation import Attribution, add_scores, score_document
from attribution.extract import METHODS

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT)
    parser.add_argument("--method", default=METHODS[0], choices=METHODS)
    args = parser.parse_args()
    paths = sorted((args.polnear / "text").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    annotator = Annotator(method=args.method)
    start = time.perf_counter()
    docs = list(annotator.annotate_many(texts, ids=[p.stem for p in paths]))
    elapsed = time.perf_counter() - start
    words = sum(d.word_count for d in docs)
    total: dict = {}
    for path, text, doc in zip(paths, texts, docs):
        gold = gold_attributions(args.polnear / "attributions", path.stem, text)
        total = add_scores(total, score_document(text, gold, [Attribution.of(c) for c in doc.claims]))
    print(f"{len(docs)} documents, {words} words, {sum(len(d.claims) for d in docs)} claims, "
          f"{elapsed:.1f} s = {1000 * elapsed / words:.2f} s per 1,000 words ({words / elapsed:.0f} words/s)")
    print("| role | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |")
    print("|---|---|---|---|---|---|---|")
    for role, by in total.items():
        e, o = by["exact"], by["overlap"]
        print(f"| {role} | {100 * e.precision:.1f} | {100 * e.recall:.1f} | {100 * e.f1:.1f} | "
              f"{100 * o.precision:.1f} | {100 * o.recall:.1f} | {100 * o.f1:.1f} |")


if __name__ == "__main__":
    main()
