"""Fine-tune the pretrained encoder together with a new network on PolNeAR train, on a CPU (docs/evaluation.md,
step 43):

    python training/finetune.py .carry/train.npz .cache/train.jsonl ../shared/data/polnear/train \
        .carry/frozen.pt .carry/tuned1.pt

Starts from a packed model (``train_neural.py pack``, step 36) and takes its encoder, frozen until then; the
network trained with it is new (``--fresh``, one by default; ``--fresh 0`` goes on with the model's own networks
instead, which did not help). The word-piece table stays frozen: it is stored in 4 bits, where small updates would
round away. Both learning rates fall linearly to zero. The .npz must hold the model's vocabularies (``encode``
for the same model, or ``--like MODEL``). The epoch kept is the one with the best held-out span F1 (the tenth of
train that ``fit`` holds out), with the weights quantized as shipped; dev is never read. The output is a packed
model; ``contextual.py`` reads its encoder for a further network's ``fit``, and ``pack`` joins the two.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from parse_cache import cached_views
from train_neural import ENCODER_GROUPS, WORD_DROPOUT, batches, pad, recurrent_groups, spans, split_documents

from attribution.learned.encoder import Encoder, WordPieces, pooled, window_pieces
from attribution.learned.encoding import FIELDS, windows
from attribution.learned.network import SpanTagger
from attribution.learned.tagger import dequantized, load_encoder, native_bf16, quantized, stored_vocabularies


@dataclass(frozen=True)
class Windows:
    """Tagger windows of a document set: features, gold labels, and word pieces with the word each belongs to."""
    xs: list[torch.Tensor]
    ys: list[torch.Tensor]
    ids: list[torch.Tensor]
    owners: list[torch.Tensor]


def load_windows(arrays, texts: list[list[str]], docs: list[int], pieces: WordPieces) -> Windows:
    first = json.loads(str(arrays["vocabularies"]))["edge"].index("first")
    xs, ys, ids, owners = [], [], [], []
    for k in docs:
        x, y = arrays[f"x{k}"].astype(np.int64), arrays[f"y{k}"].astype(np.int64)
        assert len(x) == len(texts[k]), f"document {k}: features and parse cache differ"
        for a, b in windows(np.flatnonzero(x[:, FIELDS.index("edge")] == first).tolist(), len(x)):
            xs.append(torch.from_numpy(x[a:b]))
            ys.append(torch.from_numpy(y[a:b]))
            row, owner = window_pieces(pieces, texts[k][a:b])
            ids.append(row)
            owners.append(owner)
    return Windows(xs, ys, ids, owners)


def word_vectors(encoder: Encoder, data: Windows, group: list[int]) -> torch.Tensor:
    """(windows, words, hidden): the group's word vectors as the tagger reads them, with gradients."""
    vectors = pooled(encoder, [data.ids[k] for k in group], [data.owners[k] for k in group],
                     [len(data.xs[k]) for k in group])
    return torch.nn.utils.rnn.pad_sequence(vectors, batch_first=True)


def held_out_f1(encoder: Encoder, networks: list[SpanTagger], data: Windows, bf16: bool) -> float:
    for module in (encoder, *networks):
        module.eval()
    found = right = gold = 0
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        for group in batches(list(range(len(data.xs))), data.xs, 64, False):
            x, _, lengths = pad(group, data.xs, data.ys, "cpu")
            context = word_vectors(encoder, data, group)
            probabilities = sum(n(x, lengths, context).float().softmax(-1) for n in networks) / len(networks)
            predicted = probabilities.argmax(-1)
            for row, k in enumerate(group):
                p, g = spans(predicted[row, :len(data.xs[k])].tolist()), spans(data.ys[k].tolist())
                found, right, gold = found + len(p), right + len(p & g), gold + len(g)
    for module in (encoder, *networks):
        module.train()
    return 2 * right / max(1, found + gold)


def packed(saved: dict, encoder: Encoder, networks: list[SpanTagger], trained: dict) -> dict:
    """The model file's contents with these weights, quantized as `train_neural.py pack` stores them."""
    members = []
    for network, member in zip(networks, saved["members"]):
        state = {k: v.detach().float() for k, v in network.state_dict().items()}
        members.append({"state": quantized(state, recurrent_groups(state)),
                        "trained": {**member["trained"], **trained}})
    state = {k: v.detach().float() for k, v in encoder.state_dict().items()}
    tuned = {**saved["encoder"], "state": quantized(state, ENCODER_GROUPS),
             "source": saved["encoder"]["source"] + ", fine-tuned on PolNeAR train (training/finetune.py)"}
    return {**saved, "members": members, "encoder": tuned}


def as_loaded(contents: dict) -> tuple[Encoder, list[SpanTagger]]:
    encoder, _ = load_encoder(contents["encoder"])
    networks = []
    for member in contents["members"]:
        network = SpanTagger(**contents["config"])
        network.load_state_dict(dequantized(member["state"]))
        networks.append(network)
    return encoder, networks


def main() -> None:
    parser = argparse.ArgumentParser()
    for name in ("data", "cache", "corpus", "model", "output"):
        parser.add_argument(name, type=Path)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--encoder-lr", type=float, default=5e-5)
    parser.add_argument("--network-lr", type=float, default=2e-3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fresh", type=int, default=1,
                        help="train this many new networks with the encoder (0: go on with the model's own)")
    parser.add_argument("--limit", type=int, default=0, help="stop each epoch after this many batches (timing)")
    args = parser.parse_args()
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    arrays = np.load(args.data)
    names = [str(n) for n in arrays["names"]]
    texts = {name: [w.text for w in view.words] for name, _, view in cached_views(args.cache, args.corpus)}
    texts_in_order = [texts[name] for name in names]
    saved = torch.load(args.model, map_location="cpu", weights_only=True)
    assert stored_vocabularies(saved) == json.loads(str(arrays["vocabularies"])), "encode the .npz --like MODEL"
    encoder, networks = as_loaded(saved)
    if args.fresh:
        networks = [SpanTagger(**saved["config"]) for _ in range(args.fresh)]
        saved = {**saved, "members": [{"trained": {"seed": args.seed, "fresh": True}}] * args.fresh}
    pieces = load_encoder(saved["encoder"])[1]
    held_docs, train_docs = split_documents(len(names))
    held = load_windows(arrays, texts_in_order, held_docs, pieces)
    train = load_windows(arrays, texts_in_order, train_docs, pieces)
    bf16 = native_bf16()
    encoder.words.weight.requires_grad_(False)
    groups = [{"params": [p for p in encoder.parameters() if p.requires_grad], "lr": args.encoder_lr,
               "weight_decay": 0.01}]
    if args.network_lr:
        groups.append({"params": [p for n in networks for p in n.parameters()], "lr": args.network_lr,
                       "weight_decay": 0.0})
    optimiser = torch.optim.AdamW(groups)
    steps_in_all = max(1, args.epochs * -(-len(train.xs) // args.batch))
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda step: max(0.0, 1 - step / steps_in_all))
    best = -1.0 if args.fresh else held_out_f1(*as_loaded(packed(saved, encoder, networks, {})), held, bf16)
    print(f"start: held-out span F1 {100 * best:.2f} ({len(train.xs)} training windows)", file=sys.stderr, flush=True)
    dropped = [(FIELDS.index(f), p) for f, p in WORD_DROPOUT.items()]
    started = time.perf_counter()
    for epoch in range(1, args.epochs + 1):
        total, steps = 0.0, 0
        for group in batches(list(range(len(train.xs))), train.xs, args.batch, True):
            x, y, lengths = pad(group, train.xs, train.ys, "cpu")
            for column, p in dropped:
                x[:, :, column] = x[:, :, column].masked_fill((torch.rand(x.shape[:2]) < p) & (x[:, :, column] > 0), 1)
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                context = word_vectors(encoder, train, group)
                scores = [n(x, lengths, context).float() for n in networks]
            loss = sum(torch.nn.functional.cross_entropy(s.transpose(1, 2), y, ignore_index=-100) for s in scores)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_([p for g in optimiser.param_groups for p in g["params"]], 5.0)
            optimiser.step()
            schedule.step()
            total, steps = total + loss.item(), steps + 1
            if steps % 20 == 0:
                print(f"  {steps} batches, loss {total / steps:.4f} ({time.perf_counter() - started:.0f} s)",
                      file=sys.stderr, flush=True)
            if args.limit and steps >= args.limit:
                break
        contents = packed(saved, encoder, networks, {"fine_tuned_epoch": epoch, "encoder_lr": args.encoder_lr,
                                                     "network_lr": args.network_lr})
        score = held_out_f1(*as_loaded(contents), held, bf16)
        print(f"  unquantized {100 * held_out_f1(encoder, networks, held, bf16):.2f}", file=sys.stderr, flush=True)
        if score > best:
            best = score
            for member in contents["members"]:
                member["trained"]["held_out_span_f1_ensemble"] = round(100 * score, 2)
            torch.save(contents, args.output)
        print(f"epoch {epoch} loss {total / max(1, steps):.4f} held-out span F1 (ensemble, quantized) "
              f"{100 * score:.2f} ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    print(f"best held-out span F1 {100 * best:.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
