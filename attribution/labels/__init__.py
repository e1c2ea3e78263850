"""Labels of each claim beyond who-said-what: speaker entity and type, stance, factuality, evidential status
with its basis, and the links between claims. One pure function over a parsed document and its claims."""
from __future__ import annotations

from dataclasses import replace

from ..extract.view import DocView
from ..model import Claim, ClaimLink, Entity, LinkType, SourceType, Stance
from .entities import resolve_entities
from .evidential import evidential_of, unattributed_sentences
from .lexicons import LabelLexicons, load_label_lexicons
from .links import content_facts, link_claims
from .stance import factuality_of, stance_of

__all__ = ["label_claims"]


def label_claims(view: DocView, claims: tuple[Claim, ...], lex: LabelLexicons | None = None
                 ) -> tuple[tuple[Claim, ...], tuple[Entity, ...], tuple[ClaimLink, ...]]:
    """The claims with every label set, the document's speaker entities, and the claim links."""
    lex = lex or load_label_lexicons()
    resolved = resolve_entities(view, claims, lex)
    entities = {e.id: e for e in resolved.entities}
    facts = []
    for claim in claims:
        stance = stance_of(view, claim, lex)
        entity = entities.get(resolved.entity_of.get(claim.id, ""))
        facts.append(content_facts(view, claim, stance, factuality_of(view, claim, stance, lex), entity, lex))
    links = link_claims(view, facts, lex)
    disputing = {link.source for link in links if link.type is LinkType.DISPUTES}
    facts = [replace(f, stance=Stance.DENY) if f.claim.id in disputing and f.stance is Stance.ASSERT else f
             for f in facts]  # "its troops are not mistreating civilians" in answer to a charge is a denial
    by_id = {f.claim.id: f for f in facts}
    unattributed = unattributed_sentences(view, claims, lex)
    labelled = []
    for f in facts:
        status, basis = evidential_of(view, f, by_id, links, unattributed, lex)
        labelled.append(replace(f.claim, entity=f.entity.id if f.entity else None,
                                source_type=resolved.type_of.get(f.claim.id, SourceType.UNSPECIFIED),
                                stance=f.stance, evidential=status, basis=basis, factuality=f.factuality))
    return tuple(labelled), resolved.entities, tuple(links)
