"""Speakers as entities: every source mention joined to the entity it names, with type, role and mentions.

Proper names are found and clustered over the whole document first (so that "he" can mean a person who is only
mentioned, never quoted); sources are then attached to those clusters, descriptions ("the Ukrainian leader") to the
person whose role fits, and pronouns to the nearest compatible entity before them (anaphora.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..extract.view import DocView, Word
from ..model import Claim, Entity, SourceType, Span
from .anaphora import (GENERIC_GOVERNMENT, PERSON_PRONOUNS, described_before, description_target, named_next,
                       pronoun_cluster, recent_institution, recent_person, repeated_head, sentence_at, sole_institution,
                       titled_as)
from .clusters import (NOMINALS, Cluster, cluster_at, head_of, head_type, keyed_cluster, new_cluster, plural,
                       source_noun, strip_determiner)
from .lexicons import LabelLexicons
from .names import (CONNECTORS, guess_bare, headline_part, name_runs, name_tokens, premodifier_role, run_type,
                    same_name, text_of, title_case)

__all__ = ["Resolved", "resolve_entities"]

DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
SET_OFF_OPENERS = {"VERB", "AUX", "DET", "PRON", "ADV"}  # "published by", "a mother of three", "who spoke"
PARTITIVES = {"one", "two", "three", "some", "many", "most", "several", "both", "each", "all", "none"}
MAX_HEADLINE_WORDS = 25  # a headline over its dek, as PolNeAR's first paragraphs are; a lede runs longer


@dataclass(frozen=True)
class Resolved:
    """The document's entities and, per claim id, its speaker's entity id and source type."""

    entities: tuple[Entity, ...]
    entity_of: dict[str, str]
    type_of: dict[str, SourceType]


def resolve_entities(view: DocView, claims: tuple[Claim, ...], lex: LabelLexicons) -> Resolved:
    clusters: list[Cluster] = []
    at: list[tuple[int, Cluster]] = []  # (char offset, cluster) of every mention, for pronouns and descriptions
    cues = frozenset(k for c in claims for s in c.cue for k in view.words_between(s.start, s.end))
    names = name_runs(view, lex, cues)  # "Zelenskiy Claims North Korea …": a headline's cue ends the name
    decided_first = sorted(names, key=lambda r: (len(r) == 1 and bool(lex.place(text_of(view, r))) or run_type(
        view, r, lex) is None))  # a bare "Zelenskiy", or "Jordan", joins the full names given first
    for run in decided_first:
        cluster = cluster_for_name(view, run, clusters, lex)
        if run[0] > 0 and (before := view.words[run[0] - 1].lower.rstrip(".")) in lex.types.get("honorific", {}):
            cluster.honorifics.add(before)
        cluster.mentions.append(Span.of(view.text, view.words[run[0]].start, view.words[run[-1]].end))
        at.append((view.words[run[0]].start, cluster))
    at.sort(key=lambda pair: pair[0])
    for w in view.words:  # "the Ukrainian leader"
        described = description_target(view, w.i, names, at, lex)
        if described is not None:
            first = w.i
            while first > 0 and view.words[first - 1].sent == w.sent and view.words[first - 1].upos in (
                    "ADJ", "PROPN", "DET") and view.words[first].upos != "DET":
                first -= 1
            described.mentions.append(Span.of(view.text, view.words[first].start, w.end))
            at.append((view.words[first].start, described))
    at.sort(key=lambda pair: pair[0])
    entity_of: dict[str, Cluster] = {}
    for claim in sorted(claims, key=lambda c: c.source.start if c.source else -1):
        if claim.source is None:
            continue
        cluster = source_cluster(view, claim, claims, entity_of, names, clusters, at, lex)
        cluster.quoted = True
        if claim.source not in cluster.mentions:
            cluster.mentions.append(claim.source)
        entity_of[claim.id] = cluster
    for claim in claims:
        headline_speaker(view, claim, claims, entity_of, lex)
    kept = [c for c in clusters if c.quoted]
    ids = {id(c): f"e{n}" for n, c in enumerate(sorted(kept, key=lambda c: min(c.mentions)), 1)}
    entities = tuple(sorted((entity(ids[id(c)], c, lex) for c in kept), key=lambda e: int(e.id[1:])))
    return Resolved(entities, {cid: ids[id(c)] for cid, c in entity_of.items()},
                    {cid: c.type for cid, c in entity_of.items()})


def headline_speaker(view: DocView, claim: Claim, claims: tuple[Claim, ...], entity_of: dict[str, Cluster],
                     lex: LabelLexicons) -> None:
    """A headline's speaker named by a title alone ("Mayor Promises …", "Lawmaker Urges …", "… , White
    House Doctor Says") is the person the story then quotes most, preferably one whose role has that title; one
    named by an institution noun alone, the institution (:func:`headline_institution`)."""
    cluster, source = entity_of.get(claim.id), claim.source
    words = view.words_between(source.start, source.end) if source else []
    if cluster is None or source is None or not words or view.words[words[0]].sent != 0 or not headline(view):
        return
    head = view.words[head_of(view, words)]
    described = all(described_mention(m) for m in cluster.mentions if sentence_at(view, m.start) != 0)
    named = not described or any(
        t in lex.genders.get("first", {}) and all(u[:1].isupper() for u in n.split())
        for n in cluster.names for t in n.split())  # "Star striker" is no name; "Star Jones" is
    noun = source_noun(head, lex) or ""
    kind = lex.types.get("head", {}).get(noun)
    person_noun = noun in lex.types.get("title", {}) or kind is SourceType.ANONYMOUS
    if plural(head):  # not "Officials Say …"
        return
    body = [c for c in claims if c.id in entity_of and c.sentences[:1] != (0,)]
    if kind in (SourceType.ORGANIZATION, SourceType.GOVERNMENT, SourceType.MEDIA) and not person_noun:
        if described and not named_in_body(view, head):  # "Airline", not "Congress"
            headline_institution(cluster, strip_determiner(source.text), noun, [entity_of[c.id] for c in body],
                                 entity_of)
        return
    if not person_noun or named:  # not "Zelenskiy Claims …", "Obama Administration …"
        return
    people = [entity_of[c.id] for c in body if entity_of[c.id].type is SourceType.PERSON
              and any(" " in n for n in entity_of[c.id].names)]
    if not people:
        return
    titled = [p for p in people if titled_as(p, noun, lex)]  # "Ohio Gov. Mike DeWine" for "Governor hints …"
    merge(cluster, max(titled or people, key=lambda p: (people.count(p), -people.index(p))), entity_of)


def headline_institution(cluster: Cluster, phrase: str, noun: str, quoted: list[Cluster],
                         entity_of: dict[str, Cluster]) -> None:
    """"Airline blames …" is the Southwest Airlines the story quotes: a headline's bare institution noun joins the
    named institution of its kind quoted most there, preferably one whose name holds the noun; a longer phrase
    only one whose name holds it all ("Obama Administration", not "Clinton team" for the Democrats)."""
    named = [c for c in quoted if c.type is cluster.type and c.names and c is not cluster
             and c.mentions[0].text[:1].isupper()]
    if " " in phrase:
        named = [c for c in named if phrase.lower() in c.name().lower()]
    if named:
        nouned = [c for c in named if noun in c.name().lower()]
        merge(cluster, max(nouned or named, key=lambda c: (named.count(c), -named.index(c))), entity_of)


def named_in_body(view: DocView, w: Word) -> bool:
    """Is the headline word written with its capital inside a later sentence ("Bush and Congress embarked")?"""
    return any(v.text == w.text and v.sent != 0 and v.i != view.sentence_ranges[v.sent][0] for v in view.words)


def described_mention(mention: Span) -> bool:
    """Is the mention a description ("the airline", "the governor") or a pronoun that goes on with one ("he"), not
    a name?"""
    words = mention.text.split()
    return words[0].lower() == "the" and words[-1].islower() or mention.text.lower() in PERSON_PRONOUNS


def merge(cluster: Cluster, into: Cluster, entity_of: dict[str, Cluster]) -> None:
    """A headline's described speaker and the story's descriptions of it ("the governor") become ``into``'s."""
    into.mentions[:] = sorted(into.mentions + cluster.mentions)
    cluster.mentions.clear()
    cluster.quoted = False
    for cid, c in entity_of.items():
        if c is cluster:
            entity_of[cid] = into


def headline(view: DocView) -> bool:
    """Is the first sentence a headline: in title case, or a paragraph of its own with no full stop, or a short
    one in the present tense with no article to open it ("Lawmaker urges retaliation on Russia; Member of House
    panel says …", where a lede would say "said")?"""
    start, stop = view.sentence_ranges[0]
    first = view.paragraphs[0] if view.paragraphs else (0, 0)
    if title_case(view, (start, stop)):
        return True
    if view.words[stop - 1].end < first[1] - 1:
        return False
    words = view.words[start:stop]
    return words[-1].text not in (".", "!", "?") or len(words) <= MAX_HEADLINE_WORDS and words[0].upos != "DET" \
        and not any(w.feat("Tense") == "Past" and w.feat("VerbForm") == "Fin" and not view.in_quote(w.i)
                    for w in words)


def entity(entity_id: str, cluster: Cluster, lex: LabelLexicons) -> Entity:
    name = cluster.name()
    if cluster.type is SourceType.GOVERNMENT and cluster.key:
        name = cluster.key
    elif not name:
        name = min((m.text for m in cluster.mentions), key=len)
    role = max(cluster.roles, key=len) if cluster.roles else None
    return Entity(entity_id, name, cluster.type, role, tuple(drop_nested(sorted(set(cluster.mentions)))))


def drop_nested(spans: list[Span]) -> list[Span]:
    return [s for s in spans if not any(o != s and o.start <= s.start and s.end <= o.end for o in spans)]


def cluster_for_name(view: DocView, run: list[int], clusters: list[Cluster], lex: LabelLexicons) -> Cluster:
    text = text_of(view, run)
    kind = run_type(view, run, lex)
    role = premodifier_role(view, run[0], lex)
    if kind in (None, SourceType.PERSON) and role is None \
            and view.words[run[0]].text not in lex.genders.get("first", {}):  # "secretary of state Madeleine Albright"
        kind = described_as(view, run[0], lex) or kind  # "the newspaper Diario Libre" is not a person's two names
    place = lex.place(text)
    person = surname_owner(view, run, kind, bool(place), clusters, lex)
    if person is not None:
        person.names.append(text)
        return person
    if kind is SourceType.GOVERNMENT and place:
        key = place[1]
        found = next((c for c in clusters if c.key == key and c.type is SourceType.GOVERNMENT), None)
        if found is None:
            found = Cluster(SourceType.GOVERNMENT, key=key)
            clusters.append(found)
        return found
    tokens = [t.lower() for t in text.replace("-", " - ").split()]
    for c in clusters:
        if c.type is SourceType.GOVERNMENT and c.key:
            continue
        if any(same_name(tokens, n) and not after_connector(tokens, n) for n in c.names) \
                and (kind is None or c.type is kind):
            c.names.append(text)
            if role:
                c.roles.append(role)
            return c
    found = given_name_cluster(tokens, clusters) if kind in (None, SourceType.PERSON) else None
    found = found or (company_short_form(tokens, clusters, lex) if kind is None else None)
    if found is None:
        found = Cluster(kind or guess_bare(view, run), names=[text], roles=[role] if role else [])
        clusters.append(found)
    else:
        found.names.append(text)
    return found


def after_connector(tokens: list[str], name: str) -> bool:
    """Is one name a lone word that only follows "for" or "of" in the other ("Trump", "Hispanic Patriots for
    Trump")? That is whom the longer name is about, not its short form."""
    short, long_ = sorted((tuple(tokens), name_tokens(name)), key=len)
    return len(short) == 1 and len(long_) > 2 and long_[-2] in CONNECTORS and short[0] == long_[-1]


def surname_owner(view: DocView, run: list[int], kind: SourceType | None, place: bool, clusters: list[Cluster],
                  lex: LabelLexicons) -> Cluster | None:
    """The person a lone word read as something else is the surname of: a place named after the person's first
    mention ("Police Chief Chuck Jordan … Jordan said"), or a word in capitals ("TRUMP:" in a transcript) for a
    person named with a first name."""
    text = text_of(view, run)
    people = [c for c in clusters if c.type is SourceType.PERSON and c.surname == text.lower()] if len(run) == 1 \
        else []
    if kind is SourceType.GOVERNMENT and place:
        start = view.words[run[0]].start
        return next((c for c in people if any(m.start < start for m in c.mentions)), None)
    if kind is SourceType.ORGANIZATION and text.isupper():
        first_names = lex.genders.get("first", {})
        return next((c for c in people if len(c.names[0].split()) > 1
                     and c.names[0].split()[0].capitalize() in first_names), None)
    return None


def described_as(view: DocView, first: int, lex: LabelLexicons) -> SourceType | None:
    """The kind of institution the noun right before a name says it is: "drugmaker Novaxis", "the newspaper Le
    Monde", "militant group Hamas". Nouns for unnamed people ("aide") leave the name to the other evidence."""
    before = view.words[first - 1] if first > 0 else None
    if before is None or before.sent != view.words[first].sent or before.upos != "NOUN" or not before.text.islower():
        return None
    kind = lex.types.get("head", {}).get(before.lemma.lower())
    return kind if kind in (SourceType.ORGANIZATION, SourceType.MEDIA, SourceType.GOVERNMENT) else None


def company_short_form(tokens: list[str], clusters: list[Cluster], lex: LabelLexicons) -> Cluster | None:
    """The one company whose name a lone name opens before the words that only say it is a company ("Southwest"
    for Southwest Airlines, "Pfizer" for Pfizer Inc)."""
    if len(tokens) != 1:
        return None
    companies = [c for c in clusters if c.type is SourceType.ORGANIZATION and any(
        len(n) > 1 and n[0] == tokens[0] and all(t.rstrip(".") in lex.company_words for t in n[1:])
        for n in map(name_tokens, c.names))]
    return companies[0] if len(companies) == 1 else None


def given_name_cluster(tokens: list[str], clusters: list[Cluster]) -> Cluster | None:
    """The one person whose full name a lone name opens ("Alwaleed" for Alwaleed Bin Talal, "Xi" for Xi Jinping,
    "Hillary" for Hillary Clinton); none where two people share it."""
    if len(tokens) != 1:
        return None
    people = [c for c in clusters if c.type is SourceType.PERSON
              and any(len(n) > 1 and n[0] == tokens[0] and n[1] != "-" for n in map(name_tokens, c.names))]
    return people[0] if len(people) == 1 else None


# -- sources ---------------------------------------------------------------------------------------------------
def source_cluster(view: DocView, claim: Claim, claims: tuple[Claim, ...], entity_of: dict[str, Cluster],
                   names: list[list[int]], clusters: list[Cluster], at: list[tuple[int, Cluster]],
                   lex: LabelLexicons) -> Cluster:
    span = claim.source
    assert span is not None
    words = view.words_between(span.start, span.end)
    if not words:
        return new_cluster(clusters, SourceType.ANONYMOUS, span.text)
    head = noun_after_name(view, words, head_of(view, words), lex)
    own_name = next((r for r in names if head in r), [])  # a conjunct needs its own "and": not ", a division of"
    conjuncts = [k for k in view.kids(head, "conj") if k in words and k not in own_name
                 and view.words[k].upos in NOMINALS and any(
        view.words[j].upos == "CCONJ" and j not in own_name for j in range(min(head, k), max(head, k)))]
    inside = [[k for k in r if k in set(words)] for r in names if set(r) & set(words)]
    between = [view.words[j] for j in range(inside[0][-1] + 1, inside[-1][0])] if len(inside) == 2 else []
    if not conjuncts and any(w.lower == "and" for w in between) and all(
            w.lower == "and" or w.upos in ("ADJ", "PROPN", "NOUN", "PUNCT") for w in between):
        conjuncts = [inside[1][-1]]  # the parser hung "… Clinton and former … O'Malley" from a title
    if conjuncts:  # "Mr. Grassley and Mr. Leahy": one group, named after its members' fullest names
        members = [cluster_at(at, view.words[r[0]].start) for r in inside]
        kinds = {m.type for m in members if m is not None} | {
            SourceType.GOVERNMENT if lex.place(text_of(view, r)) else run_type(view, r, lex)
            for r, m in zip(inside, members) if m is None}
        single = next(iter(kinds)) if len(kinds) == 1 else None
        kind = head_type(view, words, head, lex) if not inside else single or SourceType.ORGANIZATION
        if members and all(m is not None and m.name() for m in members) and len(members) == len(conjuncts) + 1:
            return keyed_cluster(clusters, kind, " and ".join(m.name() for m in members if m is not None))
        return keyed_cluster(clusters, kind, strip_determiner(span.text))
    w = view.words[head]
    pronoun = w.upos == "PRON" and (w.lemma.islower() or w.lemma == "I")  # not a name tagged PRON ("Thor said")
    if pronoun and (len(words) <= 2 or not any(view.words[k].upos in NOMINALS for k in words if k != head)):
        return pronoun_cluster(view, claim, claims, entity_of, w, at, clusters, lex)
    group = next((k for k in view.kids(head, "nmod") if k in words and view.words[k].lower == "them"), None) \
        if w.lower in PARTITIVES and not inside else None
    if group is not None:  # "One of them, who spoke on condition of anonymity,": the sources just quoted; not
        # "one of them, The Associated Press's Lisa Lerer," who is named
        return pronoun_cluster(view, claim, claims, entity_of, view.words[group], at, clusters, lex)
    place = lex.place(strip_determiner(span.text)) or lex.place(w.text)
    named_cluster = cluster_at(at, view.words[own_name[0]].start) if own_name else None
    person_named = named_cluster is not None and named_cluster.type is SourceType.PERSON
    person_inside = any((c := cluster_at(at, view.words[r[0]].start)) is not None and c.type is SourceType.PERSON
                        for r in inside)  # "Texas Sen. Ted Cruz": the parser made the state the head
    if place and place[0] != "demonym" and not person_named and not person_inside:
        found = next((c for c in clusters if c.key == place[1] and c.type is SourceType.GOVERNMENT), None)
        return found or keyed_cluster(clusters, SourceType.GOVERNMENT, place[1], key=place[1])
    if not inside and bare_name(view, words, lex):  # "Sanders: Clinton needs …", the tagger's NOUN
        inside = [[k for k in words if view.words[k].upos != "PUNCT"]]
    named = own_name if person_named and own_name[0] in words else next((r for r in inside if (not any(
        view.words[k].upos == "ADP" for k in words if k < r[0]) or set_off_name(view, r, head))
        and not possessive(view, r[-1])), None) \
        or next((r for r in inside if head in r), None)  # "Tulsa police Chief Chuck Jordan" is Jordan
    named = titled_after(view, named, inside, lex) or named
    modifies = named is not None and head not in named and (
        lex.place(text_of(view, named)) or named[-1] < head and not possessive(view, named[-1]))
    if modifies and named is not None and not any(view.words[k].upos == "PUNCT" for k in range(named[-1] + 1, head)) \
            and (w.lemma.lower() in lex.types.get("title", {}) or source_noun(w, lex) and w.text.islower()):
        named = None  # "the Vermont senator", "McConnell aides": a name modifying a source noun is not the speaker
    if named is None and w.lemma.lower() in lex.types.get("title", {}) and not plural(w):
        named = next((r for r in inside if r[0] > head and not lex.place(text_of(view, r))
                      and not (view.words[r[0] - 1].lower == "of" and view.kids(head, "det"))
                      and not possessive(view, r[-1]) and run_type(view, r, lex) in (None, SourceType.PERSON)),
                     None)  # "Secretary of State Anna Berg" parsed as its title (but "a spokeswoman for YouTube"
        # speaks for YouTube, and "Former secretary of State Clinton" is Clinton); not "an executive at [Google]"
        # nor "the mayor of [Flint Ridge]"
    if named is not None:
        cluster = cluster_at(at, view.words[named[0]].start) or cluster_for_name(view, named, clusters, lex)
        role = apposition_role(view, words, named, head) or fronted_role(view, words, named, head) \
            or premodifier_role(view, named[0], lex)
        if role and cluster.type is not SourceType.GOVERNMENT:
            cluster.roles.append(role)
        return cluster
    documents = lex.types.get("document", {})
    owner = document_owner(view, head) if w.lemma.lower() in documents or w.lower in documents else None
    if owner is not None:  # "filing" may be read as a verb
        if view.words[owner].upos == "PRON":  # "her account" → whoever "her" is
            return pronoun_cluster(view, claim, claims, entity_of, view.words[owner], at, clusters, lex)
        run = next((r for r in names if owner in r), [owner])
        found = cluster_at(at, view.words[run[0]].start)
        if found is not None:  # "Mariano's memoir", "a statement from the Consumer Brands Association"
            return found
        if view.words[owner].upos == "NOUN":  # "the court's opinion", "the company's filing": the court, the company
            phrase = [k for k in view.subtree(owner) if view.words[k].rel != "case"]
            return keyed_cluster(clusters, head_type(view, phrase, owner, lex),
                                 strip_determiner(text_of(view, phrase)))
    description = description_target(view, head, names, at, lex) or repeated_head(view, head, span, clusters) \
        or recent_institution(view, head, span, at, lex) or recent_person(view, head, span, at, clusters, lex) \
        or named_next(view, head, span, at, lex) or described_before(view, head, span, clusters) \
        or sole_institution(view, head, span, at, lex)
    if description is not None:
        return description
    kind = head_type(view, words, head, lex)
    country = demonym_country(view, words, lex)
    if kind is SourceType.GOVERNMENT and country and w.lemma.lower() in GENERIC_GOVERNMENT:
        found = next((c for c in clusters if c.key == country and c.type is SourceType.GOVERNMENT), None)
        return found or keyed_cluster(clusters, kind, country, key=country)
    name = strip_determiner(description_name(view, words, head))
    owner = pronoun_owner(view, words, head)
    if owner is not None and kind is not SourceType.ANONYMOUS and name.split()[0] == view.words[owner].text:
        name = owned_name(name, pronoun_cluster(view, claim, claims, entity_of, view.words[owner], at, clusters, lex))
    return keyed_cluster(clusters, kind, name)


def pronoun_owner(view: DocView, words: list[int], head: int) -> int | None:
    """The possessive pronoun of a source that is only it and its noun ("his campaign", "Her office"; not "His
    campaign and much of the media")."""
    if [k for k in words if view.words[k].upos != "PUNCT"] != list(range(words[0], head + 1)):
        return None
    return next((k for k in view.kids(head, "nmod:poss") if k in words and view.words[k].upos == "PRON"), None)


def owned_name(name: str, owner: Cluster) -> str:
    """"Her office" named after the person "her" stands for ("Linda Brooks's office"), where that is a proper
    name (not "judge")."""
    if owner.type is not SourceType.PERSON or not owner.names or " " not in name \
            or not all(t[:1].isupper() for t in owner.name().split()):
        return name
    return f"{owner.name()}'s {name.split(maxsplit=1)[1]}"


def description_name(view: DocView, words: list[int], head: int) -> str:
    """A described speaker's name: the source up to the dash, bracket or comma that follows its head and sets off
    what adds to it ("The study[, published by …,]", "officials[, who spoke …]"); not a comma of a list ("officials
    in the Donetsk, Kharkiv, and Kherson regions") nor one inside a quotation."""
    comma = next((k for k in words if k > head and not view.in_quote(k) and (
        view.words[k].text in ("—", "--", "(") or view.words[k].text == "," and k + 1 < len(view.words)
        and view.words[k + 1].upos in SET_OFF_OPENERS)), None)
    return text_of(view, [k for k in words if comma is None or k < comma])


def set_off_name(view: DocView, run: list[int], head: int) -> bool:
    """Is the name an apposition set off by a comma after a common-noun or pronoun head ("A spokeswoman for
    Governor Greg Abbott, Renae Eze, said", "one of them, The Associated Press's Lisa Lerer,")? It names the head,
    wherever the parser hung it."""
    return view.words[head].upos in ("NOUN", "NUM", "PRON") and run[0] > head and view.words[run[0] - 1].text == "," \
        and any(view.words[k].rel == "appos" and view.words[k].head not in run for k in run)


def titled_after(view: DocView, named: list[int] | None, inside: list[list[int]],
                 lex: LabelLexicons) -> list[int] | None:
    """The name that follows ``named`` across nothing but title words: "[Washington Post] columnist [Michael
    Gerson]" is the columnist, whom the parser may hang from the paper."""
    if named is None:
        return None
    titles = lex.types.get("title", {})
    return next((r for r in inside if r[0] > named[-1] + 1 and all(
        view.words[k].lower in titles or view.words[k].lemma.lower() in titles for k in range(named[-1] + 1, r[0]))),
        None)


def document_owner(view: DocView, head: int) -> int | None:
    """Whose text a document noun is: its possessor ("Mariano's memoir") or where it comes from ("a statement from
    the White House", "a report by the agency")."""
    return next(iter(view.kids(head, "nmod:poss")), None) or next((k for k in view.kids(head, "nmod") if any(
        view.words[c].lower in ("from", "by") for c in view.kids(k, "case"))), None)


def bare_name(view: DocView, words: list[int], lex: LabelLexicons) -> bool:
    """A short source of capitalised words that are no source nouns: a name the tagger did not tag as one."""
    kept = [view.words[k] for k in words if view.words[k].upos != "PUNCT"]
    if len(kept) == 1 and (plural_opener(view, kept[0]) or written_lower(view, kept[0])) \
            and kept[0].text not in lex.types.get("name", {}) \
            or kept and not headline_part(view, [w.i for w in kept]):  # "Climate Study Finds …": common nouns
        return False
    return 0 < len(kept) <= 3 and all(w.text[:1].isupper() and w.lower not in DETERMINERS and w.upos != "DET"
                                      and not lex.source_nouns & {
        w.lower, w.lemma.lower(), w.lower.removesuffix("s")} for w in kept)  # "Officials", lemma left as is


def plural_opener(view: DocView, w: Word) -> bool:
    """A plural common noun capitalised only because it opens a body sentence ("Fans had called for …"), and
    nowhere else capitalised inside a sentence, as a surname the tagger took for a plural is ("Sanders")."""
    sentence = view.sentence_ranges[w.sent]
    return w.i == sentence[0] and w.upos == "NOUN" and w.feat("Number") == "Plur" and not title_case(view, sentence) \
        and not any(o.text == w.text and o.i != view.sentence_ranges[o.sent][0] for o in view.words)  # "Sanders"


def written_lower(view: DocView, w: Word) -> bool:
    """A plural common noun capitalised by a headline's title case that the story writes in lower case ("Rebels
    Say …" and "the rebels claimed"), which the tagger may take for a name ("Protesters Say Police Used …")."""
    return (w.upos == "NOUN" and plural(w) or w.upos == "PROPN" and w.lower.endswith("s")) and w.text != w.lower \
        and any(o.text == w.lower for o in view.words)


def noun_after_name(view: DocView, words: list[int], head: int, lex: LabelLexicons) -> int:
    """The source's head, or the lower-case source noun that ends it right after a name ("McConnell aides",
    whose "aides" the compact parser may make a verb)."""
    kept = [k for k in words if view.words[k].upos != "PUNCT"]
    last = kept[-1] if kept else head
    compound = all(view.words[k].upos in ("PROPN", "NOUN", "ADJ") for k in range(head + 1, last))
    if last > head and compound and view.words[head].upos == "PROPN" and view.words[last].text.islower() \
            and source_noun(view.words[last], lex):
        return last
    return head


def possessive(view: DocView, i: int) -> bool:
    return i + 1 < len(view.words) and view.words[i + 1].lower in ("'s", "’s", "'")


def demonym_country(view: DocView, words: list[int], lex: LabelLexicons) -> str | None:
    for k in words:
        place = lex.places.get(view.words[k].text)
        if place:
            return place[1]
    return None


def apposition_role(view: DocView, words: list[int], named: list[int], head: int) -> str | None:
    """Role after the name inside the source: "Tatyana Moskalkova, Russia's human rights commissioner"."""
    after = [k for k in words if k > named[-1]]
    while after and view.words[after[-1]].text == ",":  # "Lee Gelernt, a lawyer with the ACLU[,] told"
        after = after[:-1]
    cut = [k for k in after if view.words[k].text in (",", "(", ")")]
    if not cut:
        appos = [k for k in view.kids(head, "appos") if k not in words]
        if not appos:
            return None
        role_words = [k for k in view.subtree(appos[0]) if view.words[k].upos != "PUNCT"]
    else:
        role_words = [k for k in after if k > cut[-1]]
    return role_text(view, role_words)


def fronted_role(view: DocView, words: list[int], named: list[int], head: int) -> str | None:
    """Role before the name, set off by a comma: "Egypt's foreign minister, Sameh Shoukry"."""
    before = [k for k in words if k < named[0]]
    if len(before) > 2 and view.words[before[-1]].text[:1].isupper() and view.words[before[-2]].text == ",":
        before = before[:-1]  # "A Pentagon spokesman, [Major] Eric Chen": a rank or form of address
    if not before or view.words[before[-1]].text != "," or head not in before:
        return None
    return role_text(view, [k for k in before[:-1] if view.words[k].upos != "PUNCT"])


def role_text(view: DocView, role_words: list[int]) -> str | None:
    """The words as a role, without their article; none for an alias ("(ISW)"), an age ("33"), a relative clause
    ("who served as …", "whose roots …") or a phrase that is no description ("like Sen. Ted Cruz", "including …").
    A relative clause inside the description is no part of the role."""
    while role_words and view.words[role_words[0]].lower in DETERMINERS:
        role_words = role_words[1:]
    first = view.words[role_words[0]] if role_words else None
    if first is None or all(view.words[k].upos in ("PROPN", "NUM") for k in role_words) \
            or first.upos in ("ADP", "SCONJ", "CCONJ", "VERB", "AUX", "PUNCT") or first.lower == "whose" \
            or first.upos == "PRON" and first.feat("Poss") != "Yes":  # but "[her] campaign manager"
        return None
    clause = min((min(view.subtree(k)) for k in role_words if view.words[k].deprel == "acl:relcl"
                  and view.words[k].head in role_words), default=None)  # "a neurologist at Johns Hopkins [who …]"
    role_words = [k for k in role_words if clause is None or k < clause]
    while role_words and view.words[role_words[-1]].upos == "PUNCT":
        role_words = role_words[:-1]
    return text_of(view, role_words)
