"""Scoring the labels of claims (speaker entity and type, stance, evidential status, factuality) and the links
between claims against hand-labelled gold.

Definitions (also in docs/evaluation.md):
- gold and predicted attributions are paired by the linked match of :mod:`attribution.evaluation`; label
  accuracy is counted over those pairs only (``found`` says how many gold attributions were paired);
- entity: the predicted speaker's canonical name equals the gold name (case, a leading "the" and spacing aside),
  or both have none; pronouns: the same, counted over gold attributions whose source is a pronoun;
- links: a gold link (from, type, to) is found when both ends are paired and the prediction links the two paired
  claims with the same type, in either direction; precision over every predicted link.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .evaluation import Attribution, Score, linked_pairs
from .model import AnnotatedDocument, Claim

__all__ = ["LABELS", "LabelledAttribution", "GoldLink", "LabelReport", "claim_labels"]

LABELS = ("entity", "type", "stance", "evidential", "factuality")
PRONOUNS = {"he", "she", "they", "it", "i", "we", "him", "her", "them"}


@dataclass(frozen=True)
class LabelledAttribution:
    attribution: Attribution
    labels: dict[str, str]

    @property
    def pronoun(self) -> bool:
        return len(self.attribution.source) == 1 and self.attribution.source[0].text.lower() in PRONOUNS


@dataclass(frozen=True)
class GoldLink:
    source: int  # index into the document's gold attributions
    type: str
    target: int


def normal_name(name: str) -> str:
    words = name.lower().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words) or "-"


def claim_labels(claim: Claim, doc: AnnotatedDocument) -> dict[str, str]:
    names = {e.id: e.name for e in doc.entities}
    return {"entity": names.get(claim.entity or "", "-"), "type": claim.source_type.value,
            "stance": claim.stance.value, "evidential": claim.evidential.value, "factuality": claim.factuality.value}


@dataclass
class LabelReport:
    """Totals over documents: per-label accuracy and confusion, pronoun resolution, links."""

    correct: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    confusion: dict[str, Counter] = field(default_factory=lambda: {k: Counter() for k in LABELS})
    gold: int = 0
    found: int = 0
    pronouns: list[int] = field(default_factory=lambda: [0, 0])
    links: Score = Score(0, 0, 0, 0)
    errors: list[str] = field(default_factory=list)

    def add(self, doc: AnnotatedDocument, gold: list[LabelledAttribution], gold_links: list[GoldLink]) -> None:
        pairs = linked_pairs([g.attribution for g in gold], [Attribution.of(c) for c in doc.claims])
        self.gold += len(gold)
        self.found += len(pairs)
        for gi, pi in pairs:
            predicted = claim_labels(doc.claims[pi], doc)
            for label in LABELS:
                if label not in gold[gi].labels:
                    continue
                want, got = gold[gi].labels[label], predicted[label]
                ok = normal_name(want) == normal_name(got) if label == "entity" else want == got
                self.total[label] += 1
                self.correct[label] += ok
                self.confusion[label][(want, got if label != "entity" or not ok else want)] += 1
                if not ok:
                    claim = doc.claims[pi]
                    self.errors.append(f"{doc.id} {claim.cue_text!r}: {label} {want} → {got}  "
                                       f"«{claim.content_text[:120]}»")
                if label == "entity" and gold[gi].pronoun:
                    self.pronouns[0] += ok
                    self.pronouns[1] += 1
        claim_of = {gi: doc.claims[pi].id for gi, pi in pairs}
        predicted_links = {(frozenset((k.source, k.target)), k.type.value) for k in doc.links}
        found = sum(1 for g in gold_links if g.source in claim_of and g.target in claim_of
                    and (frozenset((claim_of[g.source], claim_of[g.target])), g.type) in predicted_links)
        gold_keys = {(frozenset((claim_of[g.source], claim_of[g.target])), g.type) for g in gold_links
                     if g.source in claim_of and g.target in claim_of}
        right = sum(1 for k in predicted_links if k in gold_keys)
        self.links = self.links + Score(right, found, len(predicted_links), len(gold_links))
        cue_of = {c.id: c.cue_text for c in doc.claims}
        gold_cue = {gi: " ".join(s.text for s in g.attribution.cue) for gi, g in enumerate(gold)}
        for g in gold_links:
            if g.source not in claim_of or g.target not in claim_of or \
                    (frozenset((claim_of[g.source], claim_of[g.target])), g.type) not in predicted_links:
                self.errors.append(f"{doc.id} link missed: {gold_cue[g.source]!r} {g.type} {gold_cue[g.target]!r}")
        for k in doc.links:
            if (frozenset((k.source, k.target)), k.type.value) not in gold_keys:
                self.errors.append(f"{doc.id} link not in gold: {cue_of[k.source]!r} {k.type.value} "
                                   f"{cue_of[k.target]!r}")

    def accuracy(self, label: str) -> float:
        return self.correct[label] / self.total[label] if self.total[label] else 0.0

    def to_markdown(self) -> str:
        rows = [f"{self.found} of {self.gold} gold attributions found (linked match); labels scored on those.", "",
                "| label | accuracy | n |", "|---|---|---|"]
        rows += [f"| {k} | {100 * self.accuracy(k):.1f} | {self.total[k]} |" for k in LABELS if self.total[k]]
        if self.pronouns[1]:
            rows.append(f"| pronoun sources resolved | {100 * self.pronouns[0] / self.pronouns[1]:.1f} "
                        f"| {self.pronouns[1]} |")
        if self.links.gold:
            rows.append(f"| links P / R / F1 | {100 * self.links.precision:.1f} / {100 * self.links.recall:.1f} / "
                        f"{100 * self.links.f1:.1f} | {self.links.gold} |")
        for label in ("type", "stance", "evidential", "factuality"):
            rows += ["", f"Confusion, {label} (rows gold, columns predicted):", ""] + confusion_table(
                self.confusion[label])
        return "\n".join(rows)


def confusion_table(counts: Counter) -> list[str]:
    values = sorted({v for pair in counts for v in pair})
    if not values:
        return []
    rows = ["| gold \\ pred | " + " | ".join(values) + " |", "|---" * (len(values) + 1) + "|"]
    for g in values:
        rows.append(f"| {g} | " + " | ".join(str(counts[(g, p)] or "") for p in values) + " |")
    return rows
