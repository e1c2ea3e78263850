"""Train the Source/Cue/Content CRF on PolNeAR train, from the parse cache (see parse_cache.py).

    python training/parse_cache.py ../shared/data/polnear/train .cache/train.jsonl
    python training/train_tagger.py .cache/train.jsonl ../shared/data/polnear/train attribution/data/tagger.crfsuite

Dev is never used here; model selection on dev happens with `attribution evaluate`.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pycrfsuite

from attribution.brat import gold_attributions
from attribution.extract.view import DocView, Word
from attribution.learned.features import sentence_features
from attribution.learned.labels import word_labels
from attribution.quotes import find_quotes

PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True, "feature.minfreq": 2}


def cached_views(cache: Path, corpus: Path):
    from parse_cache import cache_files

    lines = sorted(line for f in cache_files(cache) for line in f.read_text(encoding="utf-8").splitlines())
    for line in lines:
        record = json.loads(line)
        text = (corpus / "text" / f"{record['id']}.txt").read_text(encoding="utf-8")
        yield record["id"], text, view_from_cache(text, record["words"])


def view_from_cache(text: str, rows: list) -> DocView:
    words = [Word(i, *row) for i, row in enumerate(rows)]
    ranges, start = [], 0
    for i in range(1, len(words) + 1):
        if i == len(words) or words[i].sent != words[i - 1].sent:
            ranges.append((start, i))
            start = i
    return DocView(text, words, ranges, find_quotes(text))


def main(cache: Path, corpus: Path, model: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMS)
    sentences = 0
    for name, text, view in cached_views(cache, corpus):
        labels = word_labels(view, gold_attributions(corpus / "attributions", name, text))
        for (start, stop), feats in zip(view.sentence_ranges, sentence_features(view)):
            trainer.append(feats, labels[start:stop])
            sentences += 1
    started = time.perf_counter()
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))
    print(f"{sentences} sentences, {time.perf_counter() - started:.0f} s, "
          f"{model.stat().st_size / 1e6:.1f} MB -> {model}", file=sys.stderr)


if __name__ == "__main__":
    for arg in sys.argv[4:]:  # optional overrides, e.g. c1=0.1 max_iterations=300
        name, _, value = arg.partition("=")
        PARAMS[name] = float(value) if "." in value else int(value)
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
