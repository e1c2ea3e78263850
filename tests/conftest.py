"""Shared fixtures: one Stanza pipeline for the whole test session, built from the shared models."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def annotator():
    from attribution import Annotator

    return Annotator()


@pytest.fixture(scope="session")
def claims_of(annotator):
    """Claims of one text as (source, cue, content) strings, content parts joined by ' | '."""
    def run(text: str) -> list[tuple[str | None, str, str]]:
        doc = annotator.annotate(text)
        return [(c.source.text if c.source else None, c.cue_text, " | ".join(s.text for s in c.content))
                for c in doc.claims]
    return run
