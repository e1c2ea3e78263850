"""The neural span tagger shipped in package data: loading it once per process and tagging a document's words."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

import numpy as np
import torch

from ..errors import UsageError, message
from ..extract.draft import Draft
from ..extract.view import DocView
from ..lexicon import Lexicon
from .encoding import encode, field_lookups, windows, word_fields
from .network import LABELS, SpanTagger

MODEL = "data/tagger.pt"


@dataclass(frozen=True)
class Tagger:
    """A trained network with the vocabularies it was trained on (value -> index, per field)."""
    network: SpanTagger
    lookups: tuple[dict[str, int], ...]
    trained: dict


@lru_cache(maxsize=None)
def load_tagger(path: str | None = None) -> Tagger | None:
    """The process-wide tagger; None when no trained model is installed (the rules then work alone)."""
    model = Path(path) if path else Path(str(resources.files("attribution").joinpath(MODEL)))
    if not model.is_file():
        if path:
            raise UsageError(message("no_tagger", path=model))
        return None
    saved = torch.load(model, map_location="cpu", weights_only=True)
    network = SpanTagger(**saved["config"])
    network.load_state_dict({k: v.float() for k, v in saved["state"].items()})
    network.eval()
    return Tagger(network, field_lookups(saved["vocabularies"]), saved.get("trained", {}))


def tag(view: DocView, tagger: Tagger, drafts: Iterable[Draft], lexicon: Lexicon) -> tuple[list[str], list[float]]:
    """One BIO label per word of ``view`` and the network's probability of it; ``drafts`` are the rules' claims,
    which the network reads as features."""
    if not view.words:
        return [], []
    rows = encode(word_fields(view, drafts, lexicon), tagger.lookups)
    parts = windows([start for start, _ in view.sentence_ranges], len(rows))
    features = torch.nn.utils.rnn.pad_sequence([torch.tensor(rows[a:b]) for a, b in parts], batch_first=True)
    with torch.inference_mode():
        scores = tagger.network(features, torch.tensor([b - a for a, b in parts])).softmax(-1).numpy()
    labels: list[str] = []
    confidence: list[float] = []
    for row, (a, b) in enumerate(parts):
        path = best_path(np.log(scores[row, : b - a] + 1e-9))
        labels += [LABELS[k] for k in path]
        confidence += scores[row, np.arange(b - a), path].tolist()
    return labels, confidence


ALLOWED = np.array([[not (to.startswith("I-") and frm[2:] != to[2:]) for to in LABELS] for frm in LABELS])
STARTS = np.array([not label.startswith("I-") for label in LABELS])


def best_path(log_probs: np.ndarray) -> list[int]:
    """The most probable label sequence in which every I-X continues a B-X or I-X (Viterbi over the softmax)."""
    penalty = np.where(ALLOWED, 0.0, -np.inf)
    score = np.where(STARTS, log_probs[0], -np.inf)
    back = np.zeros(log_probs.shape, dtype=np.int64)
    for k in range(1, len(log_probs)):
        candidates = score[:, None] + penalty
        back[k] = candidates.argmax(0)
        score = candidates.max(0) + log_probs[k]
    path = [int(score.argmax())]
    for k in range(len(log_probs) - 1, 0, -1):
        path.append(int(back[k, path[-1]]))
    return path[::-1]
