"""The library's annotations hold: mypy finds no error in the package (which ships py.typed, so that code built
on it is checked against them too)."""
from __future__ import annotations

from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[1]


def test_the_package_type_checks():
    report, errors, status = api.run(["--config-file", str(ROOT / "setup.cfg"), str(ROOT / "attribution")])
    assert status == 0, report + errors
    assert (ROOT / "attribution" / "py.typed").is_file()
