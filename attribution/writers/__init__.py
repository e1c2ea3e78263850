"""Output formats: one module per format, each with ``SUFFIX``, ``render(doc) -> str`` and optionally
``outputs(doc) -> {suffix: text}`` when a format writes more than one file per document."""
from __future__ import annotations

from types import ModuleType

from ..model import AnnotatedDocument
from . import brat as brat_format
from . import conllu as conllu_format
from . import csv as csv_format
from . import json as json_format
from . import jsonl as jsonl_format
from . import table as table_format
from . import tei as tei_format

__all__ = ["FORMATS", "STDOUT_FORMATS", "outputs"]

FORMATS: dict[str, ModuleType] = {"tei": tei_format, "json": json_format, "jsonl": jsonl_format, "csv": csv_format,
                                   "brat": brat_format, "conllu": conllu_format, "table": table_format}
STDOUT_FORMATS = {"table"}


def outputs(fmt: ModuleType, doc: AnnotatedDocument) -> dict[str, str]:
    """Every file (by suffix) that format ``fmt`` writes for ``doc``."""
    if hasattr(fmt, "outputs"):
        return fmt.outputs(doc)
    return {fmt.SUFFIX: fmt.render(doc)}
