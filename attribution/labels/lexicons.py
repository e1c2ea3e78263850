"""The label lexicons, read once from package data (each file documents its columns and sources)."""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from ..lexicon import naive_stems
from ..model import SourceType, Stance

__all__ = ["LabelLexicons", "load_label_lexicons"]

WORD_MARKERS_REMEMBERED = 1 << 17


@dataclass(frozen=True)
class LabelLexicons:
    stance_by_lemma: dict[str, Stance]
    stance_by_class: dict[str, Stance]
    markers: dict[str, dict[str, str]]  # kind → marker → value
    places: dict[str, tuple[str, str]]  # alias → (kind, country key)
    types: dict[str, dict[str, SourceType]]  # where → word → type
    synonyms: dict[str, str]
    genders: dict[str, dict[str, str]]  # kind (first, honorific, title) → word → f | m
    addresses: dict[str, frozenset[str]]  # honorific → the titles it addresses ("rep" → congressman, lawmaker …)

    @cached_property
    def countries(self) -> set[str]:
        """Content keys that are places (see :meth:`norm`)."""
        return {key.lower() for _, key in self.places.values()}

    @cached_property
    def source_nouns(self) -> frozenset[str]:
        """Titles and source-head nouns ("senator", "aide", "ministry")."""
        return frozenset(self.types.get("title", {}).keys() | self.types.get("head", {}).keys())

    @cached_property
    def company_words(self) -> frozenset[str]:
        """Organization name words, lower-cased ("airlines", "inc", "holdings")."""
        return frozenset(w.lower() for w, kind in self.types.get("name", {}).items() if kind is SourceType.ORGANIZATION)

    def marker(self, kind: str, word: str) -> str | None:
        return self.markers.get(kind, {}).get(word)

    def stance_of_lemma(self, lemma: str) -> Stance | None:
        """The stance a word names, tried on naive stems too: the compact lemmatizer leaves "insulted" as it is."""
        return next((self.stance_by_lemma[s] for s in naive_stems(lemma.lower()) if s in self.stance_by_lemma), None)

    def word_marker(self, kind: str, lower: str, lemma: str) -> str | None:
        """The value of a one-word marker of ``kind`` named by a word's form or lemma, or by a naive stem of its
        lemma ("looted"); remembered, since the same words are looked up for every claim (up to a bound, so that
        a long corpus build does not grow with its vocabulary)."""
        key = (kind, lower, lemma)
        if key not in self._word_markers:
            if len(self._word_markers) >= WORD_MARKERS_REMEMBERED:
                self._word_markers.clear()
            self._word_markers[key] = self.marker(kind, lower) or self.marker(kind, lemma) or next(
                (v for stem in naive_stems(lemma)[1:] if (v := self.marker(kind, stem)) is not None), None)
        return self._word_markers[key]

    def phrases(self, kind: str, first_words: set[str]) -> list[tuple[str, ...]]:
        """Multi-word markers of one kind that begin with one of ``first_words``, as word tuples, longest first."""
        by_first = self._phrases.get(kind, {})
        return [phrase for _, phrase in sorted(p for w in first_words for p in by_first.get(w, ()))]

    @cached_property
    def _phrases(self) -> dict[str, dict[str, list[tuple[int, tuple[str, ...]]]]]:
        """kind → first word → (rank, phrase), rank 0 for the longest of the kind."""
        index: dict[str, dict[str, list[tuple[int, tuple[str, ...]]]]] = {}
        for kind, markers in self.markers.items():
            ranked = sorted((tuple(m.split()) for m in markers if " " in m), key=len, reverse=True)
            for rank, phrase in enumerate(ranked):
                index.setdefault(kind, {}).setdefault(phrase[0], []).append((rank, phrase))
        return index

    @cached_property
    def _word_markers(self) -> dict[tuple[str, str, str], str | None]:
        return {}

    def place(self, name: str) -> tuple[str, str] | None:
        return self.places.get(name) or self.places.get(name.removeprefix("the ").removeprefix("The "))

    def norm(self, lemma: str) -> str:
        """A content word's comparison key: its synonym group (also for a plural the lemmatizer left, "troops"),
        or the country a place name stands for."""
        place = self.places.get(lemma) or self.places.get(lemma.title())
        if place:
            return place[1].lower()
        lemma = lemma.lower()
        group = self.synonyms.get(lemma)
        if group is None and lemma.endswith("s"):
            group = self.synonyms.get(lemma[:-1])
        return group or lemma


def rows(name: str) -> list[dict[str, str]]:
    text = resources.files("attribution").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return list(csv.DictReader((line for line in text.splitlines() if line and not line.startswith("#")),
                               delimiter="\t"))


@lru_cache(maxsize=None)
def load_label_lexicons() -> LabelLexicons:
    by_lemma, by_class = {}, {}
    for r in rows("stance.tsv"):
        key = r["key"]
        if key.startswith("class:"):
            by_class[key.removeprefix("class:")] = Stance(r["stance"])
        else:
            by_lemma[key] = Stance(r["stance"])
    markers: dict[str, dict[str, str]] = defaultdict(dict)
    for r in rows("markers.tsv"):
        markers[r["kind"]][r["marker"]] = r["value"]
    places = {r["alias"]: (r["kind"], r["key"]) for r in rows("places.tsv")}
    types: dict[str, dict[str, SourceType]] = defaultdict(dict)
    for r in rows("source_types.tsv"):
        types[r["where"]][r["word"]] = SourceType(r["type"])
    synonyms = {r["word"]: r["group"] for r in rows("synonyms.tsv")}
    genders: dict[str, dict[str, str]] = defaultdict(dict)
    for r in rows("gender.tsv"):
        genders[r["kind"]][r["word"]] = r["gender"]
    addressed: dict[str, set[str]] = defaultdict(set)
    for r in rows("addresses.tsv"):
        addressed[r["honorific"]].add(r["title"])
    addresses = {h: frozenset(titles) for h, titles in addressed.items()}
    return LabelLexicons(by_lemma, by_class, dict(markers), places, dict(types), synonyms, dict(genders), addresses)
