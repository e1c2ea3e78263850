"""The project's Stanza processors, registered here and nowhere else.

Importing this module adds ``quotation`` and ``attribution`` to Stanza's processor registry
and the ``quotations``, ``claims``, ``entities`` and ``claim_links`` properties to Stanza's ``Document``.
"""
from __future__ import annotations

from stanza.models.common.doc import Document
from stanza.pipeline.processor import register_processor

from .attribution import AttributionProcessor
from .quotation import QuotationProcessor

__all__ = ["PROCESSORS", "register"]

PROCESSORS = {"quotation": QuotationProcessor, "attribution": AttributionProcessor}


def register() -> None:
    """Idempotently register our processors and document properties with Stanza."""
    from stanza.pipeline.registry import NAME_TO_PROCESSOR_CLASS

    for name, cls in PROCESSORS.items():
        if NAME_TO_PROCESSOR_CLASS.get(name) is not cls:
            register_processor(name)(cls)
    for prop in ("quotations", "claims", "entities", "claim_links"):
        if not hasattr(Document, prop):
            Document.add_property(prop, default=None, setter=lambda self, value, p=prop: setattr(self, f"_{p}", value))


register()
