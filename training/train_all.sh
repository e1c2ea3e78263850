#!/usr/bin/env bash
# Rebuild attribution/data/tagger.crfsuite from PolNeAR train in one command (about 15 min on 2 cores):
# parse the texts once (two shards, one per core), then train the CRF. Dev is not touched.
set -euo pipefail
cd "$(dirname "$0")"
TRAIN=${1:-../../shared/data/polnear/train}
export OMP_NUM_THREADS=1
python3 parse_cache.py "$TRAIN" ../.cache/train.jsonl 0/2 & python3 parse_cache.py "$TRAIN" ../.cache/train.jsonl 1/2
wait
python3 train_tagger.py ../.cache/train.jsonl "$TRAIN" ../attribution/data/tagger.crfsuite
