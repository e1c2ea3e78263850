"""Scoring predicted attributions against gold ones: per role, exact span match and token overlap.

Definitions (also in docs/evaluation.md):
- exact: a predicted role item counts when a gold item of the same role has identical spans (the whole
  tuple of spans for discontinuous cues and contents); precision = matched / predicted, recall = matched / gold,
  matched counted one-to-one.
- overlap: tokens (``\\w+`` runs) labelled with a role in the prediction versus in the gold; precision =
  shared / predicted, recall = shared / gold.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Span

__all__ = ["Attribution", "Score", "RoleScores", "score_document", "add_scores"]

ROLES = ("source", "cue", "content")
TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Attribution:
    """The parts of one attribution that scoring compares; a Claim converts with :meth:`of`."""

    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]

    @classmethod
    def of(cls, claim) -> "Attribution":  # noqa: ANN001 - any object with source/cue/content
        return cls((claim.source,) if claim.source else (), tuple(claim.cue), tuple(claim.content))


@dataclass(frozen=True)
class Score:
    matched_pred: float
    matched_gold: float
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched_pred / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.matched_pred + other.matched_pred, self.matched_gold + other.matched_gold,
                     self.predicted + other.predicted, self.gold + other.gold)


RoleScores = dict[str, dict[str, Score]]


def key(spans: tuple[Span, ...]) -> tuple[tuple[int, int], ...]:
    return tuple((s.start, s.end) for s in spans)


def exact(gold: Iterable[tuple], pred: Iterable[tuple]) -> Score:
    g, p = Counter(x for x in gold if x), Counter(x for x in pred if x)
    shared = sum((g & p).values())
    return Score(shared, shared, sum(p.values()), sum(g.values()))


def tokens(text: str, spans: Iterable[Span]) -> set[int]:
    out = set()
    for s in spans:
        out |= {m.start() + s.start for m in TOKEN.finditer(s.text)}
    return out


def score_document(text: str, gold: list[Attribution], pred: list[Attribution]) -> RoleScores:
    """Exact and token-overlap scores of each role for one document."""
    scores: RoleScores = {}
    for role in ROLES:
        g = [getattr(a, role) for a in gold]
        p = [getattr(a, role) for a in pred]
        gt, pt = tokens(text, [s for x in g for s in x]), tokens(text, [s for x in p for s in x])
        scores[role] = {"exact": exact(map(key, g), map(key, p)),
                        "overlap": Score(len(gt & pt), len(gt & pt), len(pt), len(gt))}
    return scores


def add_scores(total: RoleScores, scores: RoleScores) -> RoleScores:
    return {role: {m: total.get(role, {}).get(m, Score(0, 0, 0, 0)) + s for m, s in by.items()}
            for role, by in scores.items()}
