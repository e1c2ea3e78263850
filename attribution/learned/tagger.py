"""The CRF span tagger: loads the model shipped in package data and tags a document's words."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..extract.view import DocView
from .features import sentence_features

MODEL = "data/tagger.crfsuite"


@lru_cache(maxsize=None)
def load_tagger(path: str | None = None):  # noqa: ANN201 - pycrfsuite.Tagger
    """The process-wide tagger; None when no trained model is installed (the rules then work alone)."""
    import pycrfsuite

    model = Path(path) if path else Path(str(resources.files("attribution").joinpath(MODEL)))
    if not model.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return tagger


def tag(view: DocView, tagger) -> tuple[list[str], list[float]]:  # noqa: ANN001 - pycrfsuite.Tagger
    """One BIO label per word of ``view``, and the model's marginal probability of that label."""
    labels: list[str] = []
    confidence: list[float] = []
    for rows in sentence_features(view):
        if not rows:
            continue
        predicted = tagger.tag(rows)
        labels += predicted
        confidence += [tagger.marginal(label, k) for k, label in enumerate(predicted)]
    return labels, confidence
