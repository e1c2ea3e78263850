"""A cue inside a relative clause ("what Zimmerman described as …", "in which organizers claimed …", "whom many
progressives believed was …"): the relative word stands for part of what is said, and PolNeAR's content begins
with it, as a part of its own before the speaker."""
from __future__ import annotations

from dataclasses import replace

from .draft import Draft
from .view import DocView

RELATIVES = {"what", "which", "whom", "who"}


def with_relative_word(view: DocView, draft: Draft) -> Draft:
    """The draft with the relative word just before its speaker (and the preposition it takes) as a first content
    part, where that word is an argument of the content or the object of the cue (docs/evaluation.md, step 42)."""
    if not draft.cue or not draft.content:
        return draft
    parts = set(draft.cue) | set(draft.source)
    k = min(parts) - 1
    while k >= 0 and view.words[k].text == ",":
        k -= 1
    if k < 0 or view.words[k].lower not in RELATIVES or view.words[k].sent != view.words[min(parts)].sent:
        return draft
    word, content = view.words[k], draft.content_words(view)
    first = k - 1 if k > 0 and view.words[k - 1].rel == "case" and view.words[k - 1].head == k else k
    said = word.head in content or first == k and word.head in draft.cue and word.rel == "obj"
    if k in content or not said or min(content) < first:
        return draft  # "a speech in which he pledged that …": the place of the act, not part of what was said
    return replace(draft, content=sorted([(view.words[first].start, word.end), *draft.content]))
