"""attribution: who says so, how they say it, and how far the article stands behind it."""
from __future__ import annotations

__version__ = "0.1.0"

from .annotator import Annotator
from .errors import AttributionError, InputError, ModelsNotFoundError, UsageError
from .model import AnnotatedDocument, Claim, ClaimKind, Span
from .readers import read_json
from .resources import ModelSource, resolve_models

__all__ = [
    "Annotator", "AnnotatedDocument", "Claim", "ClaimKind", "Span",
    "AttributionError", "InputError", "ModelsNotFoundError", "UsageError",
    "ModelSource", "resolve_models", "read_json", "__version__",
]
