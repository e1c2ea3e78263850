"""The neural span tagger shipped in package data: loading it once per process and tagging a document's words."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import torch

from ..errors import UsageError, message
from ..extract.draft import Draft
from ..extract.view import DocView
from ..lexicon import Lexicon
from .encoder import Encoder, WordPieces, word_vectors
from .encoding import encode, field_lookups, windows, word_fields
from .network import LABELS, SpanTagger

MODEL = "data/tagger.pt"
BATCH_WINDOWS = 64  # windows of up to 160 words per network call: bounded memory, most of the batching gain


@dataclass(frozen=True)
class Tagger:
    """Networks trained on the same features from different random starts (an ensemble: their label probabilities
    are averaged), with the vocabularies they share (value -> index, per field); ``trained``: each network's training
    record; ``bf16``: whether they run in bfloat16 (see :func:`native_bf16`); ``encoder``: the pretrained encoder
    whose word vectors the networks also read, with its tokenizer (None for networks trained without one)."""
    networks: tuple[SpanTagger, ...]
    lookups: tuple[dict[str, int], ...]
    trained: tuple[dict, ...]
    bf16: bool = False
    encoder: tuple[Encoder, WordPieces] | None = None

    def probabilities(self, features: torch.Tensor, lengths: torch.Tensor,
                      context: torch.Tensor | None = None) -> torch.Tensor:
        """Each word's label distribution, (windows, words, labels), averaged over the networks: one network's
        confident mistakes are outvoted, so both the labels and the confidence ``hybrid`` reads improve
        (docs/evaluation.md, step 27)."""
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
            return sum(network(features, lengths, context).float().softmax(-1) for network in self.networks) \
                / len(self.networks)


@lru_cache(maxsize=None)
def native_bf16() -> bool:
    """Does this CPU compute in bfloat16 natively (AVX512-BF16 or AMX)? There the network runs in bfloat16, about
    1.5x faster with the same scores on PolNeAR dev (docs/performance.md); elsewhere bfloat16 is emulated and
    slower, so it runs in float32. torch names these checks privately: without them, float32."""
    checks = [getattr(torch.cpu, name, None) for name in ("_is_avx512_bf16_supported", "_is_amx_tile_supported")]
    return any(check() for check in checks if check is not None)


@lru_cache(maxsize=None)
def load_tagger(path: str | None = None) -> Tagger | None:
    """The process-wide tagger; None when no trained model is installed (the rules then work alone)."""
    model = Path(path) if path else Path(str(resources.files("attribution").joinpath(MODEL)))
    if not model.is_file():
        if path:
            raise UsageError(message("no_tagger", path=model))
        return None
    saved = torch.load(model, map_location="cpu", weights_only=True)
    networks = []
    for member in saved["members"]:
        network = SpanTagger(**saved["config"])
        network.load_state_dict(dequantized(member["state"]))
        networks.append(network.eval())
    return Tagger(tuple(networks), field_lookups(stored_vocabularies(saved)),
                  tuple(member["trained"] for member in saved["members"]), native_bf16(),
                  load_encoder(saved["encoder"]) if "encoder" in saved else None)


def load_encoder(saved: dict) -> tuple[Encoder, WordPieces]:
    """The encoder and its tokenizer from their stored form (``train_neural.py encoder``; inside tagger.pt)."""
    encoder = Encoder(**saved["config"])
    encoder.load_state_dict(dequantized(saved["state"]))
    return encoder.eval(), WordPieces(saved["vocabulary"].split("\n"))


def stored_vocabularies(saved: dict) -> dict[str, list[str]]:
    """A model file's vocabularies: a fitted network's lists, or a packed model's values joined by newlines (a
    third of the size)."""
    return {name: values.split("\n") if isinstance(values, str) else values
            for name, values in saved["vocabularies"].items()}


def quantized(state: dict[str, torch.Tensor], groups: dict[str, int] | None = None) -> dict[str, torch.Tensor]:
    """Weights stored in 8 bits: each row of a matrix as int8 times its own scale (``NAME.scale``), vectors in
    float16; embedding tables (half the weights) in 4 bits, two to a byte (uint8). So that an ensemble
    fits the package budget with room to spare; on PolNeAR the scores move by at most 0.1 for 8 bits
    (docs/evaluation.md, step 27) and by at most 0.4 for 4-bit embeddings (step 35). ``groups`` names further
    matrices stored in 4 bits with one scale per run of that many columns (the encoder's word-piece table and the
    LSTM's matrices, which make room for the encoder in the budget; per-row scales lost too much of them, step 36)."""
    groups = groups or {}
    packed = {}
    for name, weights in state.items():
        weights = weights.float()
        if weights.dim() < 2:
            packed[name] = weights.to(torch.float16)
            continue
        four_bits = name in groups or name.startswith("embeddings.") and weights.shape[1] % 2 == 0
        levels = 7 if four_bits else 127
        runs = weights.view(weights.shape[0], -1, groups.get(name, weights.shape[1]))
        scale = runs.abs().amax(dim=2).clamp(min=1e-12) / levels
        steps = (runs / scale[:, :, None]).round().clamp(-levels, levels).view_as(weights)
        packed[name] = nibbles(steps) if four_bits else steps.to(torch.int8)
        packed[f"{name}.scale"] = scale.to(torch.float16) if name in groups else scale
    return packed


def dequantized(packed: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """The float32 weights of a state saved by :func:`quantized` (or saved in float16)."""
    def weights(name: str, stored: torch.Tensor) -> torch.Tensor:
        if stored.dtype not in (torch.uint8, torch.int8):
            return stored.float()
        steps = unnibbled(stored) if stored.dtype == torch.uint8 else stored.float()
        scale = packed[f"{name}.scale"].float()
        return (steps.view(steps.shape[0], scale.shape[1], -1) * scale[:, :, None]).view_as(steps)
    return {name: weights(name, stored) for name, stored in packed.items() if not name.endswith(".scale")}


def nibbles(steps: torch.Tensor) -> torch.Tensor:
    """Whole numbers in -7..7, two to a byte: column 2k in the low four bits, 2k + 1 in the high."""
    offset = (steps + 8).to(torch.uint8)
    return offset[:, 0::2] | (offset[:, 1::2] << 4)


def unnibbled(packed: torch.Tensor) -> torch.Tensor:
    low, high = (packed & 15).float() - 8, (packed >> 4).float() - 8
    return torch.stack([low, high], dim=2).flatten(1)


def tag(views: Sequence[DocView], tagger: Tagger, drafts: Sequence[Iterable[Draft]],
        lexicon: Lexicon) -> list[tuple[list[str], list[float]]]:
    """For each view, one BIO label per word and the network's probability of it; ``drafts`` are each view's rule
    claims, which the network reads as features. The windows of all views go through the network together, longest
    first, in batches of BATCH_WINDOWS: on a CPU that is about 1.5x faster than one document at a time."""
    rows = [torch.tensor(encode(word_fields(view, found, lexicon), tagger.lookups), dtype=torch.int32)
            for view, found in zip(views, drafts)]  # compact: a long document's blocks are all held at once
    parts = sorted(((v, a, b) for v, view in enumerate(views)
                    for a, b in windows([start for start, _ in view.sentence_ranges], len(rows[v]))),
                   key=lambda part: part[1] - part[2])
    decoded: dict[tuple[int, int], tuple[list[str], list[float]]] = {}
    for first in range(0, len(parts), BATCH_WINDOWS):
        batch = parts[first:first + BATCH_WINDOWS]
        features = torch.nn.utils.rnn.pad_sequence([rows[v][a:b] for v, a, b in batch], batch_first=True)
        lengths = np.array([b - a for _, a, b in batch])
        context = None
        if tagger.encoder is not None:
            texts = [[w.text for w in views[v].words[a:b]] for v, a, b in batch]
            context = torch.nn.utils.rnn.pad_sequence(word_vectors(*tagger.encoder, texts, tagger.bf16),
                                                      batch_first=True)
        scores = tagger.probabilities(features, torch.from_numpy(lengths), context).numpy()
        paths = best_paths(np.log(scores + 1e-9), lengths)
        for row, (v, a, b) in enumerate(batch):
            path = paths[row, : b - a]
            decoded[v, a] = ([LABELS[k] for k in path], scores[row, np.arange(b - a), path].tolist())
    results: list[tuple[list[str], list[float]]] = [([], []) for _ in views]
    for (v, _), (labels, confidence) in sorted(decoded.items()):
        results[v][0].extend(labels)
        results[v][1].extend(confidence)
    return results


ALLOWED = np.array([[not (to.startswith("I-") and frm[2:] != to[2:]) for to in LABELS] for frm in LABELS])
STARTS = np.array([not label.startswith("I-") for label in LABELS])


def best_paths(log_probs: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """For each window of a padded batch (windows, words, labels), the most probable label sequence in which every
    I-X continues a B-X or I-X (Viterbi over the softmax); a window's positions past its length are left as 0.
    The whole batch is decoded in one pass per word position: a Python loop per window cost as much as features."""
    windows, words, _ = log_probs.shape
    penalty = np.where(ALLOWED, 0.0, -np.inf)
    score = np.where(STARTS, log_probs[:, 0], -np.inf)
    back = np.zeros(log_probs.shape, dtype=np.int64)
    for k in range(1, words):
        candidates = score[:, :, None] + penalty
        back[:, k] = candidates.argmax(1)
        score = np.where((k < lengths)[:, None], candidates.max(1) + log_probs[:, k], score)
    paths = np.zeros((windows, words), dtype=np.int64)
    current, rows = score.argmax(1), np.arange(windows)
    for k in range(words - 1, -1, -1):
        inside = k < lengths
        paths[:, k] = np.where(inside, current, 0)
        if k:
            current = np.where(inside, back[rows, k, current], current)
    return paths


def best_path(log_probs: np.ndarray) -> list[int]:
    """:func:`best_paths` of one window (words, labels)."""
    return best_paths(log_probs[None], np.array([len(log_probs)]))[0].tolist()
