"""The names the TEI writer and reader share: taxonomies of every label and the ids of their categories.

Category ids are ``PREFIX.VALUE`` (``stance.deny``), prefixed by the document id inside documents; FactBank values, whose ``+``/``-`` an XML name cannot carry,
become ``fact.CT_pos`` / ``fact.CT_neg``.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .lexicon import load_lexicon
from .model import ClaimKind, Evidential, Factuality, SourceType, Stance

__all__ = ["Taxonomy", "taxonomies", "category_id", "category_value"]


@dataclass(frozen=True)
class Taxonomy:
    prefix: str
    description: str
    values: tuple[str, ...]


def enum_values(enum: type[Enum]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in enum)  # type: ignore[attr-defined]


def taxonomies() -> tuple[Taxonomy, ...]:
    cue_classes = tuple(sorted({e.cls for e in load_lexicon().entries.values()} | {"speech"}))
    return (
        Taxonomy("kind", "How the article attributes the content (the construction).", enum_values(ClaimKind)),
        Taxonomy("cue", "What the cue signals (class in the project's cue lexicon).", cue_classes),
        Taxonomy("stance", "What the speaker does with the content.", enum_values(Stance)),
        Taxonomy("evid", "How far the article stands behind the content (evidential status).",
                 enum_values(Evidential)),
        Taxonomy("fact", "Factuality of the content as the speaker presents it (FactBank).", enum_values(Factuality)),
        Taxonomy("stype", "What kind of speaker the source is.", enum_values(SourceType)),
    )


def category_id(prefix: str, value: str, scope: str = "") -> str:
    """``stance.deny``, or within a document ``DOC.stance.deny``, so that documents of one corpus can be joined
    (XInclude) without two elements sharing an xml:id."""
    local = f"{prefix}.{value.replace('+', '_pos').replace('-', '_neg')}"
    return f"{scope}.{local}" if scope else local


def category_value(pointer: str) -> tuple[str, str]:
    """``#DOC.fact.CT_pos`` or ``#fact.CT_pos`` → (``fact``, ``CT+``)."""
    prefix, value = pointer.lstrip("#").rsplit(".", 2)[-2:]
    return prefix, value.replace("_pos", "+").replace("_neg", "-")
