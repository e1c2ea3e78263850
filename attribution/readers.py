"""Reading back what the tool wrote: validated first, so a reader never builds claims from a broken file."""
from __future__ import annotations

import os
from pathlib import Path

from .errors import InputError, message
from .model import AnnotatedDocument
from .validate import validate_json
from .writers import json as json_format

__all__ = ["read_json"]


def read_json(path: str | os.PathLike[str]) -> AnnotatedDocument:
    """The annotated document in a JSON file written by ``attribution annotate --format json``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, message("unreadable", why=error)) from error
    problems = validate_json(text)
    if problems:
        raise InputError(path, message("not_attribution_json", why=problems[0]))
    return json_format.parse(text)
