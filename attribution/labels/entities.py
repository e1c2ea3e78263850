"""Speakers as entities: every source mention joined to the entity it names, with type, role and mentions.

Proper names are found and clustered over the whole document first (so that "he" can mean a person who is only
mentioned, never quoted); sources are then attached to those clusters, descriptions ("the Ukrainian leader") to the
person whose role fits, and pronouns to the nearest compatible entity before them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..extract.view import DocView, Word
from ..lexicon import naive_stems
from ..model import Claim, Entity, SourceType, Span
from .lexicons import LabelLexicons
from .names import guess_bare, name_runs, premodifier_role, run_type, same_name, text_of

__all__ = ["Resolved", "resolve_entities"]

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
SELF_PRONOUNS = {"i", "we", "me", "us", "my", "our"}
WRITER_PRONOUNS = {"i", "me", "my"}  # singular: an unquoted "we" is as often a group the writer speaks for
WRITER = "the writer"  # the name of an unsigned writer's entity
OWN_WORDS_CUES = {":"}  # cues whose content is the speaker's own words even without quotation marks
MAX_SIGNATURE_WORDS = 5
RELATIVE_PRONOUNS = {"who", "which", "that"}
NOMINALS = {"NOUN", "PROPN", "PRON"}  # a pronoun source with none of these besides is the pronoun alone ("who in 2010")
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
QUANTIFIERS = {"the", "a", "an", "many", "some", "several", "most", "few", "other", "all", "both", "two", "three"}
SPEAKER_WINDOW = 2  # sentences back in which the last speaker is the likeliest "he" / "they"
PREDICATE_PARTS = ("nsubj", "nsubj:pass", "cop", "aux", "case", "mark", "advmod")  # not the noun phrase's own
ROLE_COMPLEMENT = re.compile(r"\s(?:of|on|at|for|in|to)\s")  # "secretary [of state]": the role noun comes before
SHARED_ROLE = ("appos", "conj")  # the phrase these hang from has the same role in the clause
GENERIC_GOVERNMENT = {"government", "administration", "authority", "leadership", "regime"}


@dataclass
class Cluster:
    """Mentions believed to name one speaker, before it becomes an :class:`Entity`."""

    type: SourceType
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    key: str | None = None  # the country a government cluster stands for
    quoted: bool = False   # has at least one source mention

    @property
    def surname(self) -> str:
        return self.names[0].split()[-1].lower() if self.names else ""

    def name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n))) if self.names else ""


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
        cluster.mentions.append(Span.of(view.text, view.words[run[0]].start, view.words[run[-1]].end))
        at.append((view.words[run[0]].start, cluster))
    at.sort(key=lambda pair: pair[0])
    for w in view.words:  # "the Ukrainian leader"
        cluster = description_target(view, w.i, names, at, lex)
        if cluster is not None:
            first = w.i
            while first > 0 and view.words[first - 1].sent == w.sent and view.words[first - 1].upos in (
                    "ADJ", "PROPN", "DET") and view.words[first].upos != "DET":
                first -= 1
            cluster.mentions.append(Span.of(view.text, view.words[first].start, w.end))
            at.append((view.words[first].start, cluster))
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
    kept = [c for c in clusters if c.quoted]
    ids = {id(c): f"e{n}" for n, c in enumerate(sorted(kept, key=lambda c: min(c.mentions)), 1)}
    entities = tuple(sorted((entity(ids[id(c)], c, lex) for c in kept), key=lambda e: int(e.id[1:])))
    return Resolved(entities, {cid: ids[id(c)] for cid, c in entity_of.items()},
                    {cid: c.type for cid, c in entity_of.items()})


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
    if kind is SourceType.GOVERNMENT and lex.place(text):
        start = view.words[run[0]].start
        person = next((c for c in clusters if c.type is SourceType.PERSON and c.surname == text.lower()
                       and any(m.start < start for m in c.mentions)), None) if len(run) == 1 else None
        if person is not None:  # "Police Chief Chuck Jordan … Jordan said": the surname, not the country
            person.names.append(text)
            return person
        key = lex.place(text)[1]
        found = next((c for c in clusters if c.key == key and c.type is SourceType.GOVERNMENT), None)
        if found is None:
            found = Cluster(SourceType.GOVERNMENT, key=key)
            clusters.append(found)
        return found
    tokens = [t.lower() for t in text.replace("-", " - ").split()]
    for c in clusters:
        if c.type is SourceType.GOVERNMENT and c.key:
            continue
        if any(same_name(tokens, n) for n in c.names) and (kind is None or c.type is kind):
            c.names.append(text)
            if role:
                c.roles.append(role)
            return c
    found = Cluster(kind or guess_bare(view, run), names=[text], roles=[role] if role else [])
    clusters.append(found)
    return found


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
    conjuncts = [k for k in view.kids(head, "conj") if k in words and k not in own_name and any(
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
        kind = head_type(view, words, head, lex) if not inside else kinds.pop() if len(kinds) == 1 and (
            None not in kinds) else SourceType.ORGANIZATION
        if members and all(m is not None and m.name() for m in members) and len(members) == len(conjuncts) + 1:
            return keyed_cluster(clusters, kind, " and ".join(m.name() for m in members if m is not None))
        return keyed_cluster(clusters, kind, strip_determiner(span.text))
    w = view.words[head]
    if w.upos == "PRON" and (len(words) <= 2 or not any(view.words[k].upos in NOMINALS for k in words if k != head)):
        return pronoun_cluster(view, claim, claims, entity_of, w, at, clusters, lex)
    place = lex.place(strip_determiner(span.text)) or lex.place(w.text)
    named_cluster = cluster_at(at, view.words[own_name[0]].start) if own_name else None
    person_named = named_cluster is not None and named_cluster.type is SourceType.PERSON
    if place and place[0] != "demonym" and not person_named:
        found = next((c for c in clusters if c.key == place[1] and c.type is SourceType.GOVERNMENT), None)
        return found or keyed_cluster(clusters, SourceType.GOVERNMENT, place[1], key=place[1])
    if not inside and bare_name(view, words, lex):  # "Sanders: Clinton needs …", the tagger's NOUN
        inside = [[k for k in words if view.words[k].upos != "PUNCT"]]
    named = own_name if person_named and own_name[0] in words else next((r for r in inside if not any(
        view.words[k].upos == "ADP" for k in words if k < r[0]) and not possessive(view, r[-1])), None) \
        or next((r for r in inside if head in r), None)  # "Tulsa police Chief Chuck Jordan" is Jordan
    modifies = named is not None and head not in named and (
        lex.place(text_of(view, named)) or named[-1] < head and not possessive(view, named[-1]))
    if modifies and (w.lemma.lower() in lex.types.get("title", {}) or source_noun(w, lex) and w.text.islower()
                     and not any(view.words[k].upos == "PUNCT" for k in range(named[-1] + 1, head))):
        named = None  # "the Vermont senator", "McConnell aides": a name modifying a source noun is not the speaker
    if named is None and w.lemma.lower() in lex.types.get("title", {}):
        named = next((r for r in inside if r[0] > head and not lex.place(text_of(view, r))
                      and not possessive(view, r[-1])), None)  # "Secretary of State Anna Berg" parsed as its title
    if named is not None:
        cluster = cluster_at(at, view.words[named[0]].start) or cluster_for_name(view, named, clusters, lex)
        role = apposition_role(view, words, named, head) or premodifier_role(view, named[0], lex)
        if role and cluster.type is not SourceType.GOVERNMENT:
            cluster.roles.append(role)
        return cluster
    owner = next(iter(view.kids(head, "nmod:poss")), None)
    if owner is not None and w.lemma.lower() in lex.types.get("document", {}):
        owner_span = Span.of(view.text, view.words[owner].start, view.words[owner].end)
        if view.words[owner].upos == "PRON":  # "her account" → whoever "her" is
            return pronoun_cluster(view, claim, claims, entity_of, view.words[owner], at, clusters, lex)
        found = next((c for s, c in at if s == owner_span.start), None)
        if found is not None:  # "Mariano's memoir"
            return found
    description = description_target(view, head, names, at, lex) or repeated_head(view, head, span, clusters) \
        or recent_person(view, head, span, at, clusters, lex)
    if description is not None:
        return description
    kind = head_type(view, words, head, lex)
    country = demonym_country(view, words, lex)
    if kind is SourceType.GOVERNMENT and country and w.lemma.lower() in GENERIC_GOVERNMENT:
        found = next((c for c in clusters if c.key == country and c.type is SourceType.GOVERNMENT), None)
        return found or keyed_cluster(clusters, kind, country, key=country)
    return keyed_cluster(clusters, kind, strip_determiner(span.text))


def bare_name(view: DocView, words: list[int], lex: LabelLexicons) -> bool:
    """A short source of capitalised words that are no source nouns: a name the tagger did not tag as one."""
    kept = [view.words[k] for k in words if view.words[k].upos != "PUNCT"]
    return 0 < len(kept) <= 3 and all(w.text[:1].isupper() and w.lower not in DETERMINERS and not lex.source_nouns & {
        w.lower, w.lemma.lower(), w.lower.removesuffix("s")} for w in kept)  # "Officials", lemma left as is


def source_noun(w: Word, lex: LabelLexicons) -> str | None:
    """The title or source-head noun a word is, tried on naive stems ("aides" the tagger took for a verb)."""
    return next((s for form in (w.lemma.lower(), w.lower) for s in naive_stems(form) if s in lex.source_nouns), None)


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


def head_of(view: DocView, words: list[int]) -> int:
    inside = set(words)
    heads = [k for k in words if view.words[k].head not in inside
             and view.words[k].upos not in ("PUNCT", "DET", "ADP", "INTJ", "CCONJ", "SCONJ", "AUX")]
    proper = [k for k in heads if view.words[k].upos == "PROPN"]
    nominal = [k for k in heads if view.words[k].upos in NOMINALS]  # "who [in 2010]": a span of two roots
    return (proper or nominal or heads or words)[-1]


def head_type(view: DocView, words: list[int], head: int, lex: LabelLexicons) -> SourceType:
    w = view.words[head]
    lemma = source_noun(w, lex) or w.lemma.lower()
    heads = lex.types.get("head", {})
    if lemma in heads:  # "the agency" is a government's unless a media word modifies it ("news agency")
        modifiers = [heads.get(view.words[k].lemma.lower()) for k in view.kids(head, "compound", "amod")]
        return SourceType.MEDIA if SourceType.MEDIA in modifiers else heads[lemma]
    if lemma in lex.types.get("title", {}):  # "the senator"; but unnamed people ("judges") are anonymous
        return SourceType.ANONYMOUS if w.feat("Number") == "Plur" else SourceType.PERSON
    if lex.place(w.text):
        return SourceType.GOVERNMENT
    return SourceType.ANONYMOUS


def demonym_country(view: DocView, words: list[int], lex: LabelLexicons) -> str | None:
    for k in words:
        place = lex.places.get(view.words[k].text)
        if place:
            return place[1]
    return None


def apposition_role(view: DocView, words: list[int], named: list[int], head: int) -> str | None:
    """Role after the name inside the source: "Tatyana Moskalkova, Russia's human rights commissioner"."""
    after = [k for k in words if k > named[-1]]
    cut = [k for k in after if view.words[k].text in (",", "(", ")")]
    if not cut:
        appos = [k for k in view.kids(head, "appos") if k not in words]
        if not appos:
            return None
        role_words = [k for k in view.subtree(appos[0]) if view.words[k].upos != "PUNCT"]
    else:
        role_words = [k for k in after if k > cut[-1]]
    while role_words and view.words[role_words[0]].lower in DETERMINERS:
        role_words = role_words[1:]
    if not role_words or all(view.words[k].upos == "PROPN" for k in role_words):
        return None  # "(ISW)" is an alias, not a role
    return text_of(view, role_words)


def strip_determiner(text: str) -> str:
    """A description as an entity name: without its article or quantifier, and without what follows a comma
    ("officials at Homeland Security Investigations[, a division of …]")."""
    text = re.split(r"\s*\(|,\s+(?=(?:a|an|the|who|which|now)\b)", text, maxsplit=1)[0] or text
    words = text.split()
    if words and words[-1][-1:] in ("’", "'") and words[-1][:-1].endswith("s"):
        words[-1] = words[-1][:-1]  # "the judges’ statement": the judges
    while len(words) > 1 and words[0].lower() in QUANTIFIERS:
        words = words[1:]
        if len(words) > 1 and words[0].lower() == "of":  # "Many of Europe's …", "All of the GOP candidates"
            words = words[1:]
    return " ".join(words)


def new_cluster(clusters: list[Cluster], kind: SourceType, name: str) -> Cluster:
    cluster = Cluster(kind, names=[name])
    clusters.append(cluster)
    return cluster


def keyed_cluster(clusters: list[Cluster], kind: SourceType, name: str, key: str | None = None) -> Cluster:
    """The description cluster with this text (descriptions repeat verbatim: "officials" … "officials")."""
    for c in clusters:
        if c.type is kind and c.names and c.names[0].lower() == name.lower() and c.key == key:
            return c
    cluster = Cluster(kind, names=[] if key else [name], key=key)
    clusters.append(cluster)
    return cluster


def cluster_at(at: list[tuple[int, Cluster]], start: int) -> Cluster | None:
    return next((c for s, c in at if s == start), None)


# -- descriptions and pronouns ---------------------------------------------------------------------------------
def description_target(view: DocView, i: int, names: list[list[int]], at: list[tuple[int, Cluster]],
                       lex: LabelLexicons) -> Cluster | None:
    """The person "the Ukrainian leader" stands for: the latest person before it whose role fits."""
    w = view.words[i]
    noun = w.lemma.lower()
    if w.upos != "NOUN" or noun not in lex.types.get("title", {}) or not any(
            view.words[d].lower == "the" for d in view.kids(i, "det")):
        return None
    if any(i in r or i + 1 in r and view.words[i + 1].sent == w.sent for r in names):
        return None  # a title before a name is a role, not a description
    modifiers = {view.words[k].text.lower() for k in view.kids(i, "amod", "compound", "nmod:poss")}
    before = [c for s, c in sorted(at, key=lambda pair: pair[0]) if s < w.start and c.type is SourceType.PERSON
              and c.roles]
    for cluster in reversed(before):
        role = " ".join(cluster.roles).lower()
        fits = noun in role or noun == "leader" and any(t in role for t in lex.markers.get("leader", {}))
        if fits and all(m in role for m in modifiers):
            return cluster
    return None


def recent_person(view: DocView, head: int, span: Span, at: list[tuple[int, Cluster]], clusters: list[Cluster],
                  lex: LabelLexicons) -> Cluster | None:
    """"the Vermont senator" for Sanders, named just before: a definite title whose role no one was given stands
    for the person (or, plural, the people named together) last named as a subject in its sentence or the one
    before, if nothing about them contradicts it (another title, another gender)."""
    w = view.words[head]
    titles = lex.types.get("title", {})
    noun = next((n for n in (w.lemma.lower(), w.lower.removesuffix("s")) if n in titles), None)  # "senators" as is
    if w.upos != "NOUN" or noun is None or not any(view.words[d].lower == "the" for d in view.kids(head, "det")):
        return None
    plural = w.feat("Number") == "Plur"
    mentions = [(m.start, c) for c in clusters if group(c) for m in c.mentions] if plural else at
    before = [c for s, c in sorted(mentions, key=lambda pair: pair[0]) if s < span.start
              and c.type is SourceType.PERSON and sentence_at(view, s) >= w.sent - 1 and view.quote_at(s) is None
              and subject_at(view, s, c)]
    if not before or group(before[-1]) != plural:
        return None
    person = before[-1]
    role = {word for r in person.roles for word in r.lower().split()}
    role_nouns = {(ROLE_COMPLEMENT.split(r.lower())[0].split() or [""])[-1] for r in person.roles}  # "chief rival"
    gender = lex.genders.get("title", {}).get(noun)
    if role_nouns & titles.keys() and noun not in role or gender and gender_of(person, lex) not in (None, gender):
        return None
    return person


def subject_at(view: DocView, char: int, cluster: Cluster) -> bool:
    """Is the mention of ``cluster`` starting at ``char`` a clause's subject ("Oscar-winning actress Susan
    Sarandon … is not sure")?"""
    span = next((m for m in cluster.mentions if m.start == char), None)
    words = set(view.words_between(span.start, span.end)) if span else set()
    for k in words:
        while view.words[k].head is not None and (view.words[k].head in words or view.words[k].rel in SHARED_ROLE):
            k = view.words[k].head
        if view.words[k].rel in ("nsubj", "nsubj:pass"):
            return True
    return False


def repeated_head(view: DocView, head: int, span: Span, clusters: list[Cluster]) -> Cluster | None:
    """"the ministry" after "China's foreign ministry": a bare definite description that repeats the head noun of
    an earlier speaker who is no person."""
    w = view.words[head]
    words = [k for k in view.words_between(span.start, span.end) if view.words[k].upos != "PUNCT"]
    if w.upos != "NOUN" or words != [head - 1, head] or view.words[head - 1].lower != "the":
        return None
    noun = w.lemma.lower()
    for cluster in reversed(clusters):
        if cluster.type is SourceType.PERSON or not cluster.names:
            continue
        last = cluster.name().split()[-1].lower()
        if last in (noun, w.lower) and any(m.start < span.start for m in cluster.mentions) \
                and cluster.name().lower() != f"the {noun}":
            return cluster
    return None


def relative_antecedent(view: DocView, i: int) -> int | None:
    """The noun a relative clause hangs from, past appositions."""
    verb = view.words[i].head
    if verb is None or view.words[verb].deprel != "acl:relcl":
        return None
    noun = view.words[verb].head
    while noun is not None and view.words[noun].deprel == "appos":
        noun = view.words[noun].head
    return noun


def relative_cluster(view: DocView, w, at: list[tuple[int, Cluster]], clusters: list[Cluster],  # noqa: ANN001
                     lex: LabelLexicons) -> Cluster | None:
    """Who "who" / "which" / "that" is: the named antecedent ("… McConnell, who said"), else for "who" the last
    person named before it in the sentence (the parser often misses the relative clause), else the described
    antecedent ("officials who said")."""
    antecedent = relative_antecedent(view, w.i)
    clause = frozenset(view.kids(antecedent, *PREDICATE_PARTS)) if antecedent is not None else frozenset()
    phrase = [k for k in view.subtree(antecedent, clause | {w.head}) if k <= antecedent] \
        if antecedent is not None else []  # "targets are [centrist leaders] who", "win over [the community], which"
    if antecedent is not None and view.words[antecedent].upos == "PROPN":
        found = next((c for s, c in at for k in phrase if s == view.words[k].start), None)
        if found is not None:
            return found
    if w.lower == "who":
        people = [c for s, c in at if s < w.start and c.type is SourceType.PERSON and sentence_at(view, s) == w.sent]
        if people:
            return people[-1]
    if antecedent is None:
        return None
    return keyed_cluster(clusters, head_type(view, phrase, antecedent, lex), strip_determiner(text_of(view, phrase)))


def signed_writer(view: DocView, w, at: list[tuple[int, Cluster]]) -> Cluster | None:  # noqa: ANN001 - a Word
    """The writer of a signed letter or comment: the person named alone in the first paragraph after ``w``
    ("… I hope in 2017 America says …" ¶ "Chris Smith.")."""
    for start, end in view.paragraphs:
        if start <= w.start:
            continue
        words = [k for k in view.words_between(start, end) if view.words[k].upos != "PUNCT"]
        if not words or len(words) > MAX_SIGNATURE_WORDS:
            continue
        first, last = view.words[words[0]].start, view.words[words[-1]].end
        person = cluster_at(at, first)
        if person is not None and person.type is SourceType.PERSON and any(
                m.start == first and m.end >= last for m in person.mentions):
            return person
    return None


def sentence_at(view: DocView, char: int) -> int:
    words = view.words_overlapping(char, char + 1) or [0]
    return view.words[words[0]].sent


def is_plural(view: DocView, span: Span) -> bool:
    """A coordinated or plural source ("Mr. Grassley and Mr. Leahy", "critics")."""
    words = view.words_between(span.start, span.end)
    if not words:
        return False
    head = head_of(view, words)
    w = view.words[head]
    looks_plural = w.upos == "PROPN" and w.lemma == w.text  # "Sanders": a name the tagger reads as a plural
    return w.feat("Number") == "Plur" and not looks_plural or any(k in words for k in view.kids(head, "conj"))


def gender_of(cluster: Cluster, lex: LabelLexicons) -> str | None:
    """"f" or "m" where the speaker's first name, form of address or role says so (and nothing says otherwise)."""
    said = set()
    for text in {*cluster.names, *(m.text for m in cluster.mentions)}:
        first = text.split(maxsplit=1)[0].removesuffix("’s").removesuffix("'s") if text.strip() else ""
        said.add(lex.genders.get("honorific", {}).get(first.lower().rstrip(".")))
        said.add(lex.genders.get("first", {}).get(first))
    for role in cluster.roles:
        said |= {lex.genders.get("title", {}).get(word.lower()) for word in role.split()}
    said.discard(None)
    return said.pop() if len(said) == 1 else None


def agrees(pronoun: str, cluster: Cluster, lex: LabelLexicons) -> bool:
    """Could "he" / "she" be this speaker? Unknown genders agree with both."""
    wanted = PRONOUN_GENDER.get(pronoun)
    found = gender_of(cluster, lex) if wanted else None
    return found is None or found == wanted


def group(cluster: Cluster) -> bool:
    """People named together ("Hillary Clinton and Martin O'Malley"): never one "he" or "she"."""
    return cluster.type is SourceType.PERSON and " and " in cluster.name()


def pronoun_cluster(view: DocView, claim: Claim, claims: tuple[Claim, ...], entity_of: dict[str, Cluster],
                    w, at: list[tuple[int, Cluster]], clusters: list[Cluster],  # noqa: ANN001 - a view Word
                    lex: LabelLexicons) -> Cluster:
    lower = w.lower
    if lower in SELF_PRONOUNS:
        quote = view.quote_at(w.start)
        outer = next((c for c in claims if quote and c.id in entity_of and any(
            s.start <= quote.start < s.end for s in c.content)), None)
        if outer is not None:
            return entity_of[outer.id]
        spoken = next((c for c in claims if c.id in entity_of and c.cue_lemma in OWN_WORDS_CUES and any(
            s.start <= w.start < s.end for s in c.content)), None)  # "PENCE: I think …"
        if spoken is not None:
            return entity_of[spoken.id]
        if quote is None and lower in WRITER_PRONOUNS:  # the article's own "I": its writer
            return signed_writer(view, w, at) or keyed_cluster(clusters, SourceType.PERSON, WRITER)
    found = relative_cluster(view, w, at, clusters, lex) if lower in RELATIVE_PRONOUNS else None
    if found is not None:
        return found
    plural = lower in ("they", "them", "their")
    speakers = [c for c in claims if c.id in entity_of and c.source and c.source.start < w.start
                and w.sent - sentence_at(view, c.source.start) <= SPEAKER_WINDOW]
    for c in sorted(speakers, key=lambda c: c.source.start, reverse=True):  # the last speaker goes on speaking
        cluster = entity_of[c.id]
        if plural and is_plural(view, c.source) or not plural and lower in PERSON_PRONOUNS \
                and cluster.type is SourceType.PERSON and not is_plural(view, c.source) and not group(cluster) \
                and agrees(lower, cluster, lex):
            return cluster
    wanted = {SourceType.PERSON} if lower in PERSON_PRONOUNS | SELF_PRONOUNS else {
        SourceType.GOVERNMENT, SourceType.ORGANIZATION, SourceType.MEDIA, SourceType.ANONYMOUS}
    earlier = sorted([(s, c) for s, c in at if s < w.start and c.type in wanted]
                     + [(c.source.start, entity_of[c.id]) for c in claims
                        if c.id in entity_of and c.source and c.source.start < w.start
                        and entity_of[c.id].type in wanted
                        and (plural or not is_plural(view, c.source) and not group(entity_of[c.id]))],
                     key=lambda pair: pair[0])  # "he" is not "Clinton and O'Malley"
    if plural:
        groups = [(s, c) for s, c in earlier if c.type is not SourceType.PERSON]
        earlier = groups or earlier
    found = next((c for _, c in reversed(earlier) if agrees(lower, c, lex)), None)
    if found is not None:
        return found
    kind = SourceType.PERSON if lower in PERSON_PRONOUNS | SELF_PRONOUNS else SourceType.ANONYMOUS
    return keyed_cluster(clusters, kind, w.text)
