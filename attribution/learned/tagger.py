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


def tag(view: DocView, tagger) -> list[str]:  # noqa: ANN001 - pycrfsuite.Tagger
    """One BIO label per word of ``view``."""
    labels: list[str] = []
    for rows in sentence_features(view):
        labels += tagger.tag(rows) if rows else []
    return labels
