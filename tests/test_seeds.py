"""The annotator against hand-written gold for both seed articles (tests/gold), with stated floors.

Floors sit a few points under the measured figures (README of tests/gold and docs/evaluation.md) so that
a regression fails while parser noise across platforms does not.
"""
from __future__ import annotations

import pytest
from goldfile import load_gold

from attribution.evaluation import Attribution, add_scores, score_document

from conftest import SEEDS

FLOORS = {  # role -> (exact precision, exact recall)
    "source": (0.85, 0.85),
    "cue": (0.92, 0.92),
    "content": (0.80, 0.80),
}


@pytest.fixture(scope="module")
def seed_scores(annotator):
    total = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = annotator.annotate(text, path.stem)
        total = add_scores(total, score_document(text, load_gold(path.stem, text),
                                                 [Attribution.of(c) for c in doc.claims]))
    return total


@pytest.mark.parametrize("role", sorted(FLOORS))
def test_seed_floor(seed_scores, role):
    exact = seed_scores[role]["exact"]
    precision_floor, recall_floor = FLOORS[role]
    assert exact.precision >= precision_floor, f"{role} precision {exact.precision:.3f}"
    assert exact.recall >= recall_floor, f"{role} recall {exact.recall:.3f}"


def test_gold_is_substantial():
    counts = [len(load_gold(p.stem, p.read_text(encoding="utf-8"))) for p in sorted(SEEDS.glob("*.txt"))]
    assert len(counts) == 2 and all(n >= 20 for n in counts)
