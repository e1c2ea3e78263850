"""The vector of a model file's encoder (step 36's pretrained one, or step 43's fine-tuned one) for every word of
a parse cache, aligned with train_neural.py's encoding (same documents, same order), for `train_neural.py fit
--context`:

    python training/contextual.py .cache/train.jsonl ../shared/data/polnear/train .carry/encoder.pt .carry/ctx_train.npz
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch

from parse_cache import cached_views

from attribution.learned.encoder import word_vectors
from attribution.learned.encoding import windows
from attribution.learned.tagger import load_encoder, native_bf16


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cache", type=Path)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("encoder", type=Path, help="train_neural.py encoder's output, or a model holding one")
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    saved = torch.load(args.encoder, map_location="cpu", weights_only=True)
    encoder, pieces = load_encoder(saved.get("encoder", saved))
    arrays, names, started, words = {}, [], time.perf_counter(), 0
    for k, (name, _, view) in enumerate(cached_views(args.cache, args.corpus)):
        names.append(name)
        texts = [w.text for w in view.words]
        spans = windows([a for a, _ in view.sentence_ranges], len(texts))
        vectors = [v for i in range(0, len(spans), 16)
                   for v in word_vectors(encoder, pieces, [texts[a:b] for a, b in spans[i:i + 16]], native_bf16())]
        arrays[f"c{k}"] = torch.cat(vectors).numpy().astype(np.float16)
        words += len(texts)
    np.savez(args.output, names=np.asarray(names), **arrays)
    print(f"{len(names)} documents, {words} words, {words / (time.perf_counter() - started):.0f} words/s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
