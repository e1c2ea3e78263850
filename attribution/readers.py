"""Reading back what the tool wrote: validated first, so a reader never builds claims from a broken file."""
from __future__ import annotations

import os
from pathlib import Path

from .errors import InputError, message
from .model import AnnotatedDocument
from .validate import validate_json
from .writers import json as json_format

__all__ = ["read_json", "read_tei"]


def read_json(path: str | os.PathLike[str]) -> AnnotatedDocument:
    """The annotated document in a JSON file written by ``attribution annotate --format json``."""
    return json_format.parse(validated_text(path, validate_json, "not_attribution_json"))


def read_tei(path: str | os.PathLike[str]) -> AnnotatedDocument:
    """The annotated document in a TEI file written by ``attribution annotate`` (either TEI style)."""
    from .teireader import parse_tei
    from .validate import validate_tei

    return parse_tei(validated_text(path, validate_tei, "not_attribution_tei"))


def validated_text(path: str | os.PathLike[str], validate, problem: str) -> str:  # noqa: ANN001 - a validator
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, message("unreadable", why=error)) from error
    problems = validate(text)
    if problems:
        raise InputError(path, message(problem, why=problems[0]))
    return text
