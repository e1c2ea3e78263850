"""Stanza processor ``attribution``: finds the claims of each document from its parse and quotations."""
from __future__ import annotations

from stanza.pipeline.processor import Processor

from ..errors import UsageError, message
from ..extract import METHODS, DocView, extract_claims
from ..labels import label_claims
from ..learned.tagger import load_tagger
from ..lexicon import load_lexicon
from ..quotes import find_quotes


class AttributionProcessor(Processor):
    """Sets ``doc.claims`` (labelled :class:`attribution.Claim`), ``doc.entities`` and ``doc.claim_links``.

    Config: ``attribution_method`` (hybrid, rules, learned) and ``attribution_tagger`` (a CRF model
    other than the one shipped in package data).
    """

    REQUIRES_DEFAULT = {"tokenize", "pos", "lemma", "depparse", "quotation"}
    PROVIDES_DEFAULT = {"attribution"}

    def __init__(self, config, pipeline, device):  # noqa: ANN001 - Stanza's signature
        super().__init__(config, pipeline, device)
        self.method = config.get("method", "hybrid")
        if self.method not in METHODS:
            raise UsageError(message("unknown_method", method=self.method, choices=", ".join(METHODS)))
        self.tagger = load_tagger(config.get("tagger")) if self.method != "rules" else None

    def process(self, doc):  # noqa: ANN001 - stanza Document
        quotes = doc.quotations if doc.quotations is not None else find_quotes(doc.text)
        view = DocView.from_stanza(doc, quotes)
        doc.claims, doc.entities, doc.claim_links = label_claims(
            view, extract_claims(view, load_lexicon(), self.method, self.tagger))
        return doc
