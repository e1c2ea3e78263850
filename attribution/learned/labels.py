"""BIO labels of words from gold attributions (training) and spans from labels (prediction)."""
from __future__ import annotations

from ..evaluation import Attribution
from ..extract.view import DocView

ROLES = ("Cue", "Source", "Content")  # priority when gold spans overlap


def word_labels(view: DocView, gold: list[Attribution]) -> list[str]:
    """One BIO label per word; a word takes the role of the first gold span (in ROLES order) covering it."""
    labels = ["O"] * len(view.words)
    spans = [(role, s) for role in ROLES for a in gold
             for s in getattr(a, role.lower())]
    for w in view.words:
        for role, s in spans:
            if s.start < w.end and w.start < s.end:
                labels[w.i] = role
                break
    out = []
    for i, label in enumerate(labels):
        if label == "O":
            out.append("O")
        else:
            prev = labels[i - 1] if i and view.words[i - 1].sent == view.words[i].sent else "O"
            out.append(("I-" if prev == label and not starts_new(view, gold, i, label) else "B-") + label)
    return out


def starts_new(view: DocView, gold: list[Attribution], i: int, role: str) -> bool:
    """Does a gold span of ``role`` begin exactly at word ``i`` (two spans of one role touching)?"""
    w = view.words[i]
    return any(s.start >= w.start and s.start < w.end and view.words[i - 1].end <= s.start
               for a in gold for s in getattr(a, role.lower()))


def spans_of(labels: list[str], words: range) -> list[tuple[str, int, int]]:
    """(role, first word, last word) runs of a sentence's labels."""
    out: list[tuple[str, int, int]] = []
    for k in words:
        label = labels[k]
        if label == "O":
            continue
        tag, role = label.split("-", 1)
        if tag == "I" and out and out[-1][0] == role and out[-1][2] == k - 1:
            out[-1] = (role, out[-1][1], k)
        else:
            out.append((role, k, k))
    return out
