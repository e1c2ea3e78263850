"""Stanza processor ``quotation``: finds quotation spans in the raw text of each document."""
from __future__ import annotations

from stanza.pipeline.processor import Processor

from ..quotes import find_quotes


class QuotationProcessor(Processor):
    """Sets ``doc.quotations`` to the document's quotations (character offsets, marks included)."""

    REQUIRES_DEFAULT = {"tokenize"}
    PROVIDES_DEFAULT = {"quotation"}

    def process(self, doc):  # noqa: ANN001 - stanza Document
        doc.quotations = find_quotes(doc.text)
        return doc
