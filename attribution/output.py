"""Writing output files so that a reader never sees a partial one: temporary file, then rename."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import OutputInvalidError

__all__ = ["write_atomic"]


def write_atomic(path: Path, text: str, validate: Callable[[str], list[str]] | None = None) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same directory and an atomic rename.

    With ``validate``, the text is checked first; an invalid output is never written (it would be a bug).
    """
    if validate is not None and (problems := validate(text)):
        raise OutputInvalidError(path, problems)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
