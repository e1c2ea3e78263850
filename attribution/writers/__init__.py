"""Output formats: one module per format, each with ``SUFFIX`` and ``render(doc) -> str``."""
from __future__ import annotations

from types import ModuleType

from . import json as json_format
from . import table as table_format

__all__ = ["FORMATS", "writer"]

FORMATS: dict[str, ModuleType] = {"json": json_format, "table": table_format}


def writer(name: str) -> ModuleType:
    return FORMATS[name]
