"""The cue lexicon, read once from ``data/cues.tsv`` (see that file for its columns and sources)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["CueEntry", "DENYING_CLASSES", "Lexicon", "load_lexicon", "OBJECT_FRAMES"]

OBJECT_FRAMES = ("object", "objcomp", "label")  # frames whose noun-phrase object can be the content
DENYING_CLASSES = frozenset({"denial", "dismissal"})  # cues that take up someone else's claim to reject it


@dataclass(frozen=True)
class CueEntry:
    lemma: str
    pos: str
    cls: str
    frame: str

    @property
    def reports(self) -> bool:
        """Does the word itself introduce what someone says? Not when it lends its subject to a noun cue (light)
        or checks another claim (verify, proof)."""
        return self.frame not in ("light", "verify", "proof")


@dataclass(frozen=True)
class Lexicon:
    entries: dict[tuple[str, str], CueEntry]

    def lookup(self, lemma: str, form: str, pos: str) -> CueEntry | None:
        """The entry for a word, tried on its lemma, then its lower-cased form and naive stems.

        Form and stems matter because unseen inflections keep their form as lemma, and
        title-case headlines ("Zelenskiy Claims …") are often mis-lemmatised.
        """
        for key in (lemma.lower(), *naive_stems(form.lower())):
            entry = self.entries.get((key, pos))
            if entry:
                return entry
        return None

    def phrases(self) -> list[CueEntry]:
        return [e for e in self.entries.values() if e.pos == "PHRASE"]


@lru_cache(maxsize=1 << 16)
def naive_stems(form: str) -> tuple[str, ...]:
    stems = [form]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("ing", ""), ("ing", "e")):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stems.append(form[: -len(suffix)] + repl)
    return tuple(stems)


@lru_cache(maxsize=None)
def load_lexicon() -> Lexicon:
    text = resources.files("attribution").joinpath("data/cues.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    entries = {(r["lemma"], r["pos"]): CueEntry(r["lemma"], r["pos"], r["class"], r["frame"]) for r in rows}
    return Lexicon(entries)
