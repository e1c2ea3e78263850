"""Every user-facing error type and message lives here, so wording stays consistent.

The CLI prints ``str(error)`` as a single line; nothing else reaches the user without ``--debug``.
"""
from __future__ import annotations

import os

__all__ = ["AttributionError", "ModelsNotFoundError", "InputError", "UsageError", "OutputInvalidError"]


class AttributionError(Exception):
    """Base class of every error this package raises on purpose."""


class ModelsNotFoundError(AttributionError):
    """No Stanza models were found in any of the places searched."""

    def __init__(self, searched: list[str]) -> None:
        places = "; ".join(searched)
        super().__init__(
            f"no Stanza English models found (looked in: {places}). Fix: pass --models DIR "
            "(or Annotator(models=DIR)) pointing at a Stanza resources directory, set "
            "ATTRIBUTION_MODELS, or run stanza.download('en') where a network is available"
        )


class InputError(AttributionError):
    """One input document cannot be read; the others in the same run are unaffected."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class OutputInvalidError(AttributionError):
    """An output failed validation before being written: a bug in the tool, reported per document."""

    def __init__(self, path: str | os.PathLike[str], problems: list[str]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{path}: output failed validation, not written: {problems[0]}{more}")


class UsageError(AttributionError):
    """The command line or an API call was used wrongly."""


MESSAGES = {
    "not_text": "not a text document: {why}",
    "bad_record": "not a JSON object with a string 'id' and 'text'",
    "replaced_utf8": "input was not valid UTF-8: {count} invalid byte sequence(s) replaced by U+FFFD, the first at "
                     "byte {offset} (--encoding-errors replace)",
    "bad_utf8": "invalid UTF-8 at byte {offset} (use --encoding-errors replace to proceed)",
    "not_found": "no such file or directory",
    "no_txt": "directory contains no .txt or .xml files",
    "unreadable": "cannot be read: {why}",
    "not_str": "text must be str, not {type}",
    "surrogate": "text contains a lone surrogate at character {offset}",
    "not_attribution_json": "not a valid attribution JSON file: {why}",
    "not_attribution_tei": "not a valid attribution TEI file: {why}",
    "no_texts": "{path}: no .txt files to evaluate",
    "unknown_method": "unknown attribution method {method!r} (choose from {choices})",
    "cannot_validate": "{why} (supported: {supported})",
    "overwrite_input": "output would overwrite this input; choose another -o directory",
    "stdout_one": "-o - writes one document in one single-file format to standard output ({asked}); give a "
                  "directory for more",
    "tei_dtd": "TEI input with a DTD or entity declarations is refused (XXE and entity-expansion protection)",
    "tei_malformed": "malformed XML at line {line}: {why}",
    "tei_not_tei": "not a TEI document (root element is <{tag}>, expected <TEI>)",
    "tei_no_text": "TEI document has no text/body paragraphs",
    "no_tagger": "{path}: no tagger model there (train one with training/train_all.sh)",
}


def message(key: str, **values: object) -> str:
    """The user-facing message ``key`` filled with ``values``."""
    return MESSAGES[key].format(**values)
