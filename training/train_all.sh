#!/usr/bin/env bash
# Rebuild attribution/data/tagger.pt from PolNeAR train in one command: parse the texts once (two shards, one
# per core, about 15 min), encode them as tagger features (1 min), fit the network from three random starts (each
# 55-100 s an epoch on 2 CPU cores, 40 epochs; pass --device cuda to fit on a GPU in about 10 s an epoch), and
# pack the three into one ensemble. Dev is not touched.
set -euo pipefail
cd "$(dirname "$0")"
TRAIN=${TRAIN:-../../shared/data/polnear/train}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
python3 parse_cache.py "$TRAIN" ../.cache/train.jsonl 0/2 & python3 parse_cache.py "$TRAIN" ../.cache/train.jsonl 1/2
wait
python3 train_neural.py encode ../.cache/train.jsonl "$TRAIN" ../.carry/train.npz
for seed in 1 2 3; do
    OMP_NUM_THREADS=2 python3 train_neural.py fit ../.carry/train.npz ../.carry/seed$seed.pt --seed $seed "$@"
done
python3 train_neural.py pack ../attribution/data/tagger.pt ../.carry/seed1.pt ../.carry/seed2.pt ../.carry/seed3.pt
