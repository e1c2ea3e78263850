#!/usr/bin/env bash
# Rebuild attribution/data/tagger.pt from PolNeAR train in one command: parse the texts once (two shards, one
# per core, about 15 min), encode them as tagger features (1 min), then fit the network (about 1 min an epoch on
# 2 CPU cores, 40 epochs; pass --device cuda as the first argument to fit on a GPU in about 10 s an epoch).
# Dev is not touched.
set -euo pipefail
cd "$(dirname "$0")"
TRAIN=${TRAIN:-../../shared/data/polnear/train}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
python3 parse_cache.py "$TRAIN" ../.cache/train.jsonl 0/2 & python3 parse_cache.py "$TRAIN" ../.cache/train.jsonl 1/2
wait
python3 train_neural.py encode ../.cache/train.jsonl "$TRAIN" ../.carry/train.npz
OMP_NUM_THREADS=2 python3 train_neural.py fit ../.carry/train.npz ../attribution/data/tagger.pt "$@"
