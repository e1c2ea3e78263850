"""Shared fixtures: one Stanza pipeline for the whole test session, built from the shared models."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).parent))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"

# Property tests: a quick, reproducible profile for CI (the default) and a thorough one to run on demand:
#   HYPOTHESIS_PROFILE=thorough python3 -m pytest tests/test_properties.py
QUIET_CHECKS = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=10, deadline=None, derandomize=True, suppress_health_check=QUIET_CHECKS)
settings.register_profile("thorough", max_examples=400, deadline=None, suppress_health_check=QUIET_CHECKS)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


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


@pytest.fixture(scope="session")
def tei_all():
    """The official TEI P5 schema, compiled once per session (~15 s); never copied into the project."""
    from lxml import etree

    path = SHARED / "schemas" / "tei_all.rng"
    if not path.exists():
        pytest.skip("official TEI schema not available at ../shared/schemas/tei_all.rng")
    return etree.RelaxNG(etree.parse(str(path)))
