"""Stanza processor ``attribution``: finds the claims of each document from its parse and quotations."""
from __future__ import annotations

from dataclasses import replace

from stanza.pipeline.processor import Processor

from ..errors import UsageError, message
from ..extract import METHODS, DocView, extract_batch
from ..labels import label_claims
from ..learned.tagger import load_tagger
from ..lexicon import load_lexicon
from ..quotes import find_quotes


BLOCK_SENTENCES = 400  # longer documents are read in blocks: speakers and claim links do not cross blocks


class AttributionProcessor(Processor):
    """Sets ``doc.claims`` (labelled :class:`attribution.Claim`), ``doc.entities`` and ``doc.claim_links``.

    Config: ``attribution_method`` (hybrid, learned, rules) and ``attribution_tagger`` (a tagger model other than
    the one shipped in package data).
    """

    REQUIRES_DEFAULT = {"tokenize", "pos", "lemma", "depparse", "quotation"}
    PROVIDES_DEFAULT = {"attribution"}

    def __init__(self, config, pipeline, device):  # noqa: ANN001 - Stanza's signature
        super().__init__(config, pipeline, device)
        self.method = config.get("method", METHODS[0])
        if self.method not in METHODS:
            raise UsageError(message("unknown_method", method=self.method, choices=", ".join(METHODS)))
        self.tagger = load_tagger(config.get("tagger")) if self.method != "rules" else None

    def process(self, doc):  # noqa: ANN001 - stanza Document
        return self.bulk_process([doc])[0]

    def bulk_process(self, docs):  # noqa: ANN001, ANN201 - stanza Documents
        """All blocks of all documents go through extraction together, so that the tagger batches them."""
        blocks = [(n, first, view) for n, doc in enumerate(docs)
                  for first, view in DocView.from_stanza(doc, quotes_of(doc)).blocks(BLOCK_SENTENCES)]
        found = extract_batch([view for _, _, view in blocks], load_lexicon(), self.method, self.tagger)
        parts: list[tuple[list, list, list]] = [([], [], []) for _ in docs]
        for (n, first, view), claims in zip(blocks, found):
            claims_so_far, entities, links = parts[n]
            renumbered = renumber(*label_claims(view, claims), first_sentence=first,
                                  claims_before=len(claims_so_far), entities_before=len(entities))
            claims_so_far += renumbered[0]
            entities += renumbered[1]
            links += renumbered[2]
        for doc, (doc_claims, doc_entities, doc_links) in zip(docs, parts):
            doc.claims, doc.entities, doc.claim_links = tuple(doc_claims), tuple(doc_entities), tuple(doc_links)
        return docs


def quotes_of(doc):  # noqa: ANN001, ANN201 - stanza Document
    return doc.quotations if doc.quotations is not None else find_quotes(doc.text)


def renumber(claims, entities, links, *, first_sentence: int, claims_before: int,  # noqa: ANN001
             entities_before: int) -> tuple[list, list, list]:
    """A block's claims, entities and links with ids and sentence numbers that follow the blocks before it."""
    if not (first_sentence or claims_before or entities_before):
        return list(claims), list(entities), list(links)
    claim_id = {c.id: f"c{n}" for n, c in enumerate(claims, claims_before + 1)}
    entity_id = {e.id: f"e{n}" for n, e in enumerate(entities, entities_before + 1)}
    claims = [replace(c, id=claim_id[c.id], entity=entity_id.get(c.entity) if c.entity else None,
                      sentences=tuple(s + first_sentence for s in c.sentences),
                      basis=replace(c.basis, claims=tuple(claim_id[k] for k in c.basis.claims))) for c in claims]
    entities = [replace(e, id=entity_id[e.id]) for e in entities]
    links = [replace(k, source=claim_id[k.source], target=claim_id[k.target]) for k in links]
    return claims, entities, links
