"""Train the neural Source/Cue/Content tagger on PolNeAR train: encode the features, fit networks, pack them:

    python training/train_neural.py encode .cache/train.jsonl ../shared/data/polnear/train .carry/train.npz
    python training/train_neural.py encoder ENCODER_DIR .carry/encoder.pt
    python training/contextual.py .cache/train.jsonl ../shared/data/polnear/train .carry/encoder.pt .carry/ctx.npz
    python training/train_neural.py fit .carry/train.npz .carry/ctx1.pt --context .carry/ctx.npz [--seed 1]
    python training/train_neural.py pack attribution/data/tagger.pt .carry/ctx1.pt .carry/ctx2.pt \
        --encoder .carry/encoder.pt
    python training/train_neural.py fit .carry/train.npz OUT --hidden 128 --teacher attribution/data/tagger.pt
    python training/train_neural.py encode … .carry/like.npz --like attribution/data/tagger.pt  (another member)

`encode` needs the parse cache (parse_cache.py), the lexicon and the rules; `fit` reads only the .npz, so it also
runs on a GPU machine with the .npz carried there. A tenth of the train documents (a fixed shuffle) is held out
for early stopping: the model saved is the epoch with the best held-out span F1. Dev is never used here (model
selection on dev happens with score_cache.py and `attribution evaluate`). The defaults are the shipped model's.
`encoder` converts the pretrained encoder the networks read (all-MiniLM-L6-v2's first layers, pinned by digest) and
contextual.py gives every word its vector; without ``--context`` a network reads the categorical features alone.
`pack` joins networks fitted on the same .npz with different seeds into one ensemble, with the encoder, stored in
8 bits (embedding tables and the LSTM's matrices in 4).
With ``--teacher`` a (smaller) network also learns the teacher's softened label distributions (knowledge
distillation; docs/evaluation.md, sessions 20-21).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch

from attribution.learned.encoding import FIELDS, SHARED, build_vocabularies, encode, field_lookups, windows
from attribution.learned.labels import spans_of
from attribution.learned.network import LABELS, SpanTagger
from attribution.learned.tagger import dequantized, load_tagger, quantized, stored_vocabularies

WORD_DROPOUT = {"word": 0.1, "lemma": 0.05}
DISTILLATION = (0.5, 2.0)  # weight of the gold labels' loss, temperature of the teacher's distributions


def encode_corpus(cache: Path, corpus: Path, output: Path, like: Path | None = None) -> None:
    """Features and gold labels of every document; the vocabularies are counted afresh, or taken from the model
    ``like``, so that networks fitted on the result join that model's ensemble (`pack`)."""
    from parse_cache import cached_views

    from attribution.brat import gold_attributions
    from attribution.extract import rule_drafts
    from attribution.learned.encoding import word_fields
    from attribution.learned.labels import word_labels
    from attribution.lexicon import load_lexicon

    lexicon = load_lexicon()
    names, rows, labels = [], [], []
    for name, text, view in cached_views(cache, corpus):
        names.append(name)
        rows.append(word_fields(view, rule_drafts(view, lexicon), lexicon))
        labels.append([LABELS.index(x) for x in word_labels(view, gold_attributions(corpus / "attributions", name, text))])
    vocabularies = stored_vocabularies(torch.load(like, map_location="cpu", weights_only=True)) if like \
        else build_vocabularies(rows)
    lookups = field_lookups(vocabularies)
    arrays = {f"x{k}": np.asarray(encode(r, lookups), dtype=np.int32) for k, r in enumerate(rows)}
    arrays.update({f"y{k}": np.asarray(y, dtype=np.int8) for k, y in enumerate(labels)})
    output.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(output, names=np.asarray(names), vocabularies=np.asarray(json.dumps(vocabularies)), **arrays)
    print(f"{len(names)} documents, {sum(len(y) for y in labels)} words -> {output}", file=sys.stderr)


def batches(docs: list[int], xs: list[torch.Tensor], size: int, shuffle: bool) -> list[list[int]]:
    order = sorted(docs, key=lambda k: len(xs[k]))
    groups = [order[i:i + size] for i in range(0, len(order), size)]
    if shuffle:
        random.shuffle(groups)
    return groups


def pad(group: list[int], xs: list[torch.Tensor], ys: list[torch.Tensor], device: str, cs=None):
    lengths = torch.tensor([len(xs[k]) for k in group])
    x = torch.nn.utils.rnn.pad_sequence([xs[k] for k in group], batch_first=True).to(device)
    y = torch.nn.utils.rnn.pad_sequence([ys[k] for k in group], batch_first=True, padding_value=-100).to(device)
    if cs is None:
        return x, y, lengths
    c = torch.nn.utils.rnn.pad_sequence([cs[k].float() for k in group], batch_first=True).to(device)
    return x, y, lengths, c


def spans(labels: list[int]) -> set[tuple[str, int, int]]:
    return set(spans_of([LABELS[k] for k in labels], range(len(labels))))


def held_out_f1(model: SpanTagger, xs, ys, device: str, cs=None) -> float:
    model.eval()
    found = right = gold = 0
    with torch.no_grad():
        for group in batches(list(range(len(xs))), xs, 64, False):
            x, _, lengths, *c = pad(group, xs, ys, device, cs)
            predicted = model(x, lengths, *c).argmax(-1).cpu()
            for row, k in enumerate(group):
                p, g = spans(predicted[row, :len(xs[k])].tolist()), spans(ys[k].tolist())
                found, right, gold = found + len(p), right + len(p & g), gold + len(g)
    model.train()
    return 2 * right / max(1, found + gold)


def split(arrays, docs: list[int], first: int, contexts=None):
    """The documents' words as tagger windows (features, labels[, contextual vectors])."""
    xs, ys, cs = [], [], []
    for k in docs:
        x, y = arrays[f"x{k}"].astype(np.int64), arrays[f"y{k}"].astype(np.int64)
        c = contexts[f"c{k}"] if contexts is not None else None
        starts = np.flatnonzero(x[:, FIELDS.index("edge")] == first).tolist()
        for a, b in windows(starts, len(x)):
            xs.append(torch.from_numpy(x[a:b]))
            ys.append(torch.from_numpy(y[a:b]))
            if c is not None:
                cs.append(torch.from_numpy(np.ascontiguousarray(c[a:b])))
    return (xs, ys, cs) if contexts is not None else (xs, ys)


def save(output: Path, model: SpanTagger, vocabularies: dict, state: dict, trained: dict) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"config": model.config, "vocabularies": vocabularies,
                "members": [{"state": state, "trained": trained}]}, output)


def pack(output: Path, models: list[Path], encoder: Path | None = None) -> None:
    """One model file holding every network of ``models`` (fitted networks or packed models), which must share
    configuration and vocabularies, and the encoder they read (``encoder``'s output) if they were fitted with one."""
    saved = [torch.load(model, map_location="cpu", weights_only=True) for model in models]
    for other, path in zip(saved[1:], models[1:]):
        if other["config"] != saved[0]["config"] or stored_vocabularies(other) != stored_vocabularies(saved[0]):
            sys.exit(f"{path}: not fitted on the same features as {models[0]}")
    members = [{"state": quantized(state := dequantized(m["state"]), recurrent_groups(state)), "trained": m["trained"]}
               for s in saved for m in s["members"]]  # a packed model's members come back as they were
    output.parent.mkdir(parents=True, exist_ok=True)
    if bool(saved[0]["config"].get("context")) != bool(encoder or "encoder" in saved[0]):
        sys.exit("networks fitted with contextual vectors need the encoder (--encoder), and only they")
    extra = {"encoder": torch.load(encoder, map_location="cpu", weights_only=True) if encoder
             else saved[0]["encoder"]} if saved[0]["config"].get("context") else {}
    vocabularies = {name: "\n".join(values) for name, values in stored_vocabularies(saved[0]).items()}
    torch.save({"config": saved[0]["config"], "vocabularies": vocabularies, "members": members, **extra}, output)
    print(f"{len(members)} networks -> {output} ({output.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


PINNED = {  # sentence-transformers/all-MiniLM-L6-v2, revision 1110a243fdf4706b3f48f1d95db1a4f5529b4d41 (Apache-2.0)
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}
ENCODER_GROUPS = {"words.weight": 32}


def convert_encoder(source: Path, output: Path, layers: int) -> None:
    """The first ``layers`` layers of all-MiniLM-L6-v2 (a directory holding its model.safetensors and
    tokenizer.json, checked against the pinned digests) in this package's encoder format, quantized."""
    import hashlib

    from safetensors.torch import load_file

    from attribution.learned.encoder import Encoder, from_huggingface

    for name, digest in PINNED.items():
        if hashlib.sha256((source / name).read_bytes()).hexdigest() != digest:
            sys.exit(f"{source / name}: not the pinned all-MiniLM-L6-v2 file (SHA-256 differs)")
    pieces = json.loads((source / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"]
    vocabulary = [piece for piece, _ in sorted(pieces.items(), key=lambda item: item[1])]
    encoder = Encoder(len(vocabulary), layers=layers)
    encoder.load_state_dict(from_huggingface(load_file(source / "model.safetensors"), layers))
    output.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"config": encoder.config, "vocabulary": "\n".join(vocabulary),
                "state": quantized(encoder.state_dict(), ENCODER_GROUPS),
                "source": "sentence-transformers/all-MiniLM-L6-v2@1110a243fdf4706b3f48f1d95db1a4f5529b4d41 "
                          f"(Apache-2.0), first {layers} of 6 layers"}, output)
    print(f"encoder -> {output} ({output.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


def recurrent_groups(state: dict[str, torch.Tensor]) -> dict[str, int]:
    """The LSTM's matrices, stored in 4 bits with a scale per 32 columns (the encoder's room in the size budget;
    docs/evaluation.md, step 36)."""
    return {name: 32 for name, weights in state.items()
            if name.startswith("lstm.weight") and weights.dim() == 2 and weights.shape[1] % 32 == 0}


def split_documents(documents: int) -> tuple[list[int], list[int]]:
    """(held-out, training) document indices, in a fixed shuffle of name order: a tenth is held out for early
    stopping (and is the set on which extraction changes are designed, ``score_cache.py --held-out``)."""
    docs = list(range(documents))
    random.Random(0).shuffle(docs)
    return docs[: documents // 10], docs[documents // 10:]


def teacher_targets(teacher: Path, vocabularies: dict, xs: list[torch.Tensor], device: str,
                    cs: list[torch.Tensor] | None = None) -> list[torch.Tensor]:
    """The teacher's log-probabilities at the distillation temperature for each window, its inputs mapped from
    these vocabularies to its own by value (a fresh encoding numbers values differently)."""
    tagger = load_tagger(str(teacher))
    maps = [torch.tensor([own.get(v, 1) for v in vocabularies[SHARED.get(f, f)]], device=device)
            for own, f in zip(tagger.lookups, FIELDS)]
    targets: list[torch.Tensor] = [torch.empty(0)] * len(xs)
    with torch.inference_mode():
        for group in batches(list(range(len(xs))), xs, 64, False):
            x, _, lengths, *c = pad(group, xs, xs, device, cs if tagger.encoder is not None else None)
            x = torch.stack([maps[k][x[:, :, k]] for k in range(len(FIELDS))], dim=-1)
            probabilities = tagger.probabilities(x.cpu(), lengths.cpu(), *[v.cpu() for v in c])
            scores = (probabilities.clamp_min(1e-9).log() / DISTILLATION[1]).log_softmax(-1)
            for row, k in enumerate(group):
                targets[k] = scores[row, :len(xs[k])].clone()
    return targets


def loss_of(scores: torch.Tensor, y: torch.Tensor, soft: torch.Tensor | None) -> torch.Tensor:
    gold = torch.nn.functional.cross_entropy(scores.transpose(1, 2), y, ignore_index=-100)
    if soft is None:
        return gold
    weight, temperature = DISTILLATION
    mask = (y != -100).float()
    divergence = (soft.exp() * (soft - (scores / temperature).log_softmax(-1))).sum(-1)
    return weight * gold + (1 - weight) * temperature ** 2 * (divergence * mask).sum() / mask.sum()


def fit(data: Path, output: Path, device: str, seed: int, epochs: int, hidden: int, layers: int,
        lr: float, teacher: Path | None = None, context: Path | None = None) -> None:
    random.seed(seed)
    torch.manual_seed(seed)
    arrays = np.load(data)
    contexts = None
    if context is not None:
        contexts = np.load(context)
        assert list(contexts["names"]) == list(arrays["names"]), "contextual vectors of other documents"
        contexts = {f"c{k}": contexts[f"c{k}"] for k in range(len(arrays["names"]))}
    vocabularies = json.loads(str(arrays["vocabularies"]))
    held_docs, train_docs = split_documents(len(arrays["names"]))
    first = vocabularies["edge"].index("first")
    held, train = split(arrays, held_docs, first, contexts), split(arrays, train_docs, first, contexts)
    soft = teacher_targets(teacher, vocabularies, train[0], device, train[2] if contexts else None) \
        if teacher else None
    width = contexts["c0"].shape[1] if contexts else 0
    model = SpanTagger({name: len(v) for name, v in vocabularies.items()}, hidden, layers, context=width).to(device)
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    dropped = [(FIELDS.index(f), p) for f, p in WORD_DROPOUT.items()]
    best, started = -1.0, time.perf_counter()
    for epoch in range(1, epochs + 1):
        total = 0.0
        for group in batches(list(range(len(train[0]))), train[0], 32, True):
            x, y, lengths, *c = pad(group, train[0], train[1], device, train[2] if contexts else None)
            for column, p in dropped:
                x[:, :, column] = x[:, :, column].masked_fill(
                    (torch.rand(x.shape[:2], device=device) < p) & (x[:, :, column] > 0), 1)
            targets = torch.nn.utils.rnn.pad_sequence([soft[k] for k in group], batch_first=True).to(device) \
                if soft else None
            loss = loss_of(model(x, lengths, *c), y, targets)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimiser.step()
            total += loss.item()
        score = held_out_f1(model, held[0], held[1], device, held[2] if contexts else None)
        if score > best:
            best = score
            state = {k: v.detach().to("cpu", torch.float16) for k, v in model.state_dict().items()}
            save(output, model, vocabularies, state, {"held_out_span_f1": round(100 * best, 2), "epoch": epoch,
                                                      "seed": seed, "lr": lr, "teacher": str(teacher or "")})
        print(f"epoch {epoch} loss {total:.1f} held-out span F1 {100 * score:.1f} "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    print(f"best held-out span F1 {100 * best:.1f} -> {output} ({output.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="step", required=True)
    enc = sub.add_parser("encode")
    enc.add_argument("cache", type=Path)
    enc.add_argument("corpus", type=Path)
    enc.add_argument("output", type=Path)
    enc.add_argument("--like", type=Path, help="take the vocabularies of this model file")
    train = sub.add_parser("fit")
    train.add_argument("data", type=Path)
    train.add_argument("output", type=Path)
    train.add_argument("--device", default="cpu")
    train.add_argument("--seed", type=int, default=1)
    train.add_argument("--epochs", type=int, default=40)
    train.add_argument("--hidden", type=int, default=256)
    train.add_argument("--layers", type=int, default=2)
    train.add_argument("--lr", type=float, default=2e-3)
    train.add_argument("--teacher", type=Path)
    train.add_argument("--context", type=Path, help="contextual word vectors (contextual.py) for the same documents")
    conv = sub.add_parser("encoder")
    conv.add_argument("source", type=Path)
    conv.add_argument("output", type=Path)
    conv.add_argument("--layers", type=int, default=3)
    join = sub.add_parser("pack")
    join.add_argument("output", type=Path)
    join.add_argument("models", type=Path, nargs="+")
    join.add_argument("--encoder", type=Path, help="the encoder the networks read (train_neural.py encoder)")
    args = parser.parse_args()
    if args.step == "encoder":
        convert_encoder(args.source, args.output, args.layers)
    elif args.step == "encode":
        encode_corpus(args.cache, args.corpus, args.output, args.like)
    elif args.step == "pack":
        pack(args.output, args.models, args.encoder)
    else:
        fit(args.data, args.output, args.device, args.seed, args.epochs, args.hidden, args.layers, args.lr,
            args.teacher, args.context)


if __name__ == "__main__":
    main()
