"""The learned span tagger: labels, decoding, the shipped model, and the three extraction methods."""
from __future__ import annotations

import pytest

from attribution import Annotator
from attribution.evaluation import Attribution
from attribution.extract.view import DocView, Word
from attribution.learned.labels import spans_of, word_labels
from attribution.learned.tagger import load_tagger
from attribution.model import Span

TEXT = "Kyiv says troops hold."


def tiny_view() -> DocView:
    rows = [("Kyiv", "PROPN", 1, "nsubj", 0, 4), ("says", "VERB", None, "root", 5, 9),
            ("troops", "NOUN", 3, "nsubj", 10, 16), ("hold", "VERB", 1, "ccomp", 17, 21),
            (".", "PUNCT", 1, "punct", 21, 22)]
    words = [Word(i, 0, t, t.lower(), u, "", h, d, a, b) for i, (t, u, h, d, a, b) in enumerate(rows)]
    return DocView(TEXT, words, [(0, 5)], [])


def test_labels_round_trip():
    view = tiny_view()
    gold = [Attribution((Span.of(TEXT, 0, 4),), (Span.of(TEXT, 5, 9),), (Span.of(TEXT, 10, 21),))]
    labels = word_labels(view, gold)
    assert labels == ["B-Source", "B-Cue", "B-Content", "I-Content", "O"]
    assert spans_of(labels, range(5)) == [("Source", 0, 0), ("Cue", 1, 1), ("Content", 2, 3)]


def test_shipped_model_loads_and_is_small():
    from importlib import resources

    assert load_tagger() is not None
    model = resources.files("attribution").joinpath("data/tagger.crfsuite")
    assert model.stat().st_size < 20_000_000


@pytest.mark.parametrize("method", ["rules", "learned", "hybrid"])
def test_methods_find_a_plain_report(method):
    annotator = Annotator(method=method)
    claims = annotator.annotate("The senator said on Tuesday that the bill would pass easily.").claims
    assert any(c.cue_text.startswith("said") and "the bill would pass easily" in c.content_text for c in claims)
    for claim in claims:
        assert 0 < claim.confidence <= 1
