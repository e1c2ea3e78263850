"""attribution: who says so, how they say it, and how far the article stands behind it."""
from __future__ import annotations

__version__ = "0.1.0"

from .annotator import Annotator
from .errors import AttributionError, InputError, ModelsNotFoundError, UsageError
from .model import (AnnotatedDocument, Basis, Claim, ClaimKind, ClaimLink, Entity, Evidential, Factuality, LinkType,
                    SourceType, Span, Stance)
from .readers import read_json, read_tei
from .resources import ModelSource, resolve_models

__all__ = [
    "Annotator", "AnnotatedDocument", "Claim", "ClaimKind", "Span", "Entity", "ClaimLink", "Basis",
    "SourceType", "Stance", "Evidential", "Factuality", "LinkType",
    "AttributionError", "InputError", "ModelsNotFoundError", "UsageError",
    "ModelSource", "resolve_models", "read_json", "read_tei", "__version__",
]
