"""Scoring predicted attributions against gold ones: per role, exact span match and token overlap.

Definitions (also in docs/evaluation.md):
- exact: a predicted role item counts when a gold item of the same role has identical spans (the whole
  tuple of spans for discontinuous cues and contents, parts that only whitespace separates joined); precision =
  matched / predicted, recall = matched / gold, matched counted one-to-one.
- overlap: tokens (``\\w+`` runs) labelled with a role in the prediction versus in the gold; precision =
  shared / predicted, recall = shared / gold.
- linked (attribution level): a prediction matches a gold attribution when their cues overlap, their contents
  share at least half their tokens (Jaccard ≥ 0.5) and their sources overlap or are both absent; one-to-one,
  best content agreement first.
- exact (attribution level): source, cue and content all identical.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Span

__all__ = ["Attribution", "Score", "RoleScores", "Report", "score_document", "add_scores", "linked_pairs", "kind_of"]

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


def key(spans: tuple[Span, ...], text: str) -> tuple[tuple[int, int], ...]:
    """The character ranges of the spans, parts that only whitespace separates joined: brat cannot cross a line
    break and PolNeAR's annotators sometimes mark a quotation sentence by sentence, so one stretch of words may be
    written as one span or several."""
    joined: list[tuple[int, int]] = []
    for s in spans:
        if joined and not text[joined[-1][1]:s.start].strip():
            joined[-1] = (joined[-1][0], max(joined[-1][1], s.end))
        else:
            joined.append((s.start, s.end))
    return tuple(joined)


def attribution_key(a: Attribution, text: str) -> tuple:
    return key(a.source, text), key(a.cue, text), key(a.content, text)


def exact(gold: Iterable[tuple], pred: Iterable[tuple]) -> Score:
    g, p = Counter(x for x in gold if x), Counter(x for x in pred if x)
    shared = sum((g & p).values())
    return Score(shared, shared, sum(p.values()), sum(g.values()))


def tokens(spans: Iterable[Span]) -> set[int]:
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
        gt, pt = tokens([s for x in g for s in x]), tokens([s for x in p for s in x])
        scores[role] = {"exact": exact((key(x, text) for x in g), (key(x, text) for x in p)),
                        "overlap": Score(len(gt & pt), len(gt & pt), len(pt), len(gt))}
    return scores


def add_scores(total: RoleScores, scores: RoleScores) -> RoleScores:
    return {role: {m: total.get(role, {}).get(m, Score(0, 0, 0, 0)) + s for m, s in by.items()}
            for role, by in scores.items()}


# -- attribution level ------------------------------------------------------------------------------
QUOTES = set('"“”„«»')
KINDS = ("direct", "indirect", "mixed", "other")
LINK_JACCARD = 0.5


def kind_of(a: Attribution) -> str:
    """direct / indirect / mixed / other, from the text alone, so gold and prediction are classed alike."""
    cue = " ".join(s.text for s in a.cue).lower().strip()
    if cue.startswith(("according", "in ")) or not any(ch.isalpha() for ch in cue) or \
            " " not in cue and cue.endswith("ly"):
        return "other"
    content = [s.text.replace("''", '"') for s in a.content]  # two apostrophes: a typewriter double mark
    if content and all(x[0] in QUOTES and x[-1] in QUOTES for x in content):
        return "direct"
    if any(ch in QUOTES for x in content for ch in x):
        return "mixed"
    return "indirect"


def overlap(x: tuple[Span, ...], y: tuple[Span, ...]) -> bool:
    return any(a.start < b.end and b.start < a.end for a in x for b in y)


def jaccard(x: tuple[Span, ...], y: tuple[Span, ...]) -> float:
    tx, ty = tokens(x), tokens(y)
    return len(tx & ty) / len(tx | ty) if tx | ty else 0.0


def linked_pairs(gold: list[Attribution], pred: list[Attribution]) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, pred index): cues overlap, contents share ≥ half their tokens
    (Jaccard), sources overlap or are both absent; best content agreement first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if not overlap(g.cue, p.cue):
                continue
            if bool(g.source) != bool(p.source) or g.source and not overlap(g.source, p.source):
                continue
            j = jaccard(g.content, p.content)
            if j >= LINK_JACCARD:
                candidates.append((-j, gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


@dataclass
class Report:
    """Corpus totals: per-role scores, attribution-level scores, and linked scores per kind."""

    roles: RoleScores
    linked: Score
    exact: Score
    by_kind: dict[str, Score]
    documents: int = 0

    @classmethod
    def empty(cls) -> "Report":
        zero = Score(0, 0, 0, 0)
        return cls({}, zero, zero, {k: zero for k in KINDS})

    def add(self, text: str, gold: list[Attribution], pred: list[Attribution]) -> None:
        self.documents += 1
        self.roles = add_scores(self.roles, score_document(text, gold, pred))
        pairs = linked_pairs(gold, pred)
        self.linked = self.linked + Score(len(pairs), len(pairs), len(pred), len(gold))
        shared = sum((Counter(attribution_key(a, text) for a in gold)
                      & Counter(attribution_key(a, text) for a in pred)).values())
        self.exact = self.exact + Score(shared, shared, len(pred), len(gold))
        for kind in KINDS:
            g_of = {i for i, a in enumerate(gold) if kind_of(a) == kind}
            p_of = {i for i, a in enumerate(pred) if kind_of(a) == kind}
            self.by_kind[kind] = self.by_kind[kind] + Score(
                sum(1 for _, pi in pairs if pi in p_of), sum(1 for gi, _ in pairs if gi in g_of), len(p_of), len(g_of))

    def to_dict(self) -> dict:
        def s(score: Score) -> dict:
            return {"precision": round(score.precision, 4), "recall": round(score.recall, 4),
                    "f1": round(score.f1, 4), "predicted": score.predicted, "gold": score.gold}
        return {"documents": self.documents,
                "roles": {r: {m: s(x) for m, x in by.items()} for r, by in self.roles.items()},
                "attribution": {"linked": s(self.linked), "exact": s(self.exact)},
                "by_kind": {k: s(x) for k, x in self.by_kind.items()}}

    def to_markdown(self) -> str:
        def pct(x: float) -> str:
            return f"{100 * x:.1f}"
        rows = [f"{self.documents} documents", "", "| measure | P | R | F1 | predicted | gold |", "|---|---|---|---|---|---|"]
        items = [(f"{r} {m}", x) for r, by in self.roles.items() for m, x in by.items()]
        items += [("attribution linked", self.linked), ("attribution exact", self.exact)]
        items += [(f"linked, kind {k}", x) for k, x in self.by_kind.items()]
        for name, x in items:
            rows.append(f"| {name} | {pct(x.precision)} | {pct(x.recall)} | {pct(x.f1)} | {x.predicted} | {x.gold} |")
        return "\n".join(rows)
