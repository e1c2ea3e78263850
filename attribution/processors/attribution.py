"""Stanza processor ``attribution``: finds the claims of each document from its parse and quotations."""
from __future__ import annotations

from stanza.pipeline.processor import Processor

from ..extract import DocView, extract_claims
from ..lexicon import load_lexicon
from ..quotes import find_quotes


class AttributionProcessor(Processor):
    """Sets ``doc.claims`` to a tuple of :class:`attribution.Claim`."""

    REQUIRES_DEFAULT = {"tokenize", "pos", "lemma", "depparse", "quotation"}
    PROVIDES_DEFAULT = {"attribution"}

    def process(self, doc):  # noqa: ANN001 - stanza Document
        quotes = doc.quotations if doc.quotations is not None else find_quotes(doc.text)
        doc.claims = extract_claims(DocView.from_stanza(doc, quotes), load_lexicon())
        return doc
