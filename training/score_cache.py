"""Score the annotator on a parse cache (fast model selection without re-parsing):

    python training/score_cache.py .cache/dev.jsonl ../shared/data/polnear/dev [--method hybrid] [--model FILE]
    python training/score_cache.py .cache/train.jsonl ../shared/data/polnear/train --held-out

The same metrics as `attribution evaluate`, which remains the reference measurement (it parses afresh).
``--held-out`` scores only the tenth of train the tagger holds out for early stopping (the same fixed shuffle as
``train_neural.py fit``): the set on which extraction changes are designed, so that dev stays a measurement.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from parse_cache import cache_files, cached_views
from train_neural import split_documents

from attribution.annotator import rebase, to_original
from attribution.brat import gold_attributions
from attribution.evaluation import Attribution, Report
from attribution.model import Span
from attribution.extract import METHODS, extract_claims
from attribution.learned.tagger import load_tagger


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cache", type=Path)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--method", default="hybrid", choices=METHODS)
    parser.add_argument("--model")
    parser.add_argument("--held-out", action="store_true")
    args = parser.parse_args()
    tagger = load_tagger(args.model) if args.method != "rules" else None
    report, elapsed, words = Report.empty(), 0.0, 0
    only = held_out_names(args.cache) if args.held_out else None
    for name, text, view in cached_views(args.cache, args.corpus, only):
        started = time.perf_counter()
        claims = extract_claims(view, method=args.method, tagger=tagger)
        elapsed += time.perf_counter() - started
        words += sum(1 for w in view.words if w.upos != "PUNCT")
        gold = gold_attributions(args.corpus / "attributions", name, text)
        offsets = to_original(text)
        report.add(text, gold, [Attribution.of(rebase(c, lambda s: Span.of(text, *offsets(s.start, s.end))))
                                for c in claims])
    print(report.to_markdown())
    print(f"\nattribution step alone: {elapsed:.1f} s for {words} words ({words / elapsed:.0f} words/s)")


def held_out_names(cache: Path) -> set[str]:
    names = sorted(json.loads(line)["id"] for f in cache_files(cache)
                   for line in f.read_text(encoding="utf-8").splitlines())
    return {names[k] for k in split_documents(len(names))[0]}


if __name__ == "__main__":
    main()
