"""Descriptions and pronouns: which speaker "the Ukrainian leader", "he", "they", "who" or an unquoted "I" is."""
from __future__ import annotations

import re

from ..extract.view import DocView, Word
from ..model import Claim, SourceType, Span
from .clusters import (Cluster, cluster_at, head_of, head_type, indefinite, keyed_cluster, plural,
                       strip_determiner)
from .lexicons import LabelLexicons
from .names import text_of

GROUPS = {SourceType.GOVERNMENT, SourceType.ORGANIZATION, SourceType.MEDIA, SourceType.ANONYMOUS}  # "it", "they"
INSTITUTIONS = GROUPS - {SourceType.ANONYMOUS}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
GENERIC_GOVERNMENT = {"government", "administration", "authority", "leadership", "regime"}  # a country's, by demonym
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
SELF_PRONOUNS = {"i", "we", "me", "us", "my", "our"}
WRITER_PRONOUNS = {"i", "me", "my"}  # singular: an unquoted "we" is as often a group the writer speaks for
WRITER = "the writer"  # the name of an unsigned writer's entity
OWN_WORDS_CUES = {":"}  # cues whose content is the speaker's own words even without quotation marks
MAX_SIGNATURE_WORDS = 5
RELATIVE_PRONOUNS = {"who", "which", "that"}
TITLED_WINDOW = 3  # sentences back in which a person addressed by a title is who "the TITLE" means
LEDE_SENTENCES = 3  # a headline and the first sentences, where a story may name its speaker by title first
SPEAKER_WINDOW = 2  # sentences back in which the last speaker is the likeliest "he" / "they"
PREDICATE_PARTS = ("nsubj", "nsubj:pass", "cop", "aux", "case", "mark", "advmod")  # not the noun phrase's own
ROLE_COMPLEMENT = re.compile(r"\s(?:of|on|at|for|in|to|with)\s")  # "secretary [of state]": the role noun comes before
SHARED_ROLE = ("appos", "conj")  # the phrase these hang from has the same role in the clause


def description_target(view: DocView, i: int, names: list[list[int]], at: list[tuple[int, Cluster]],
                       lex: LabelLexicons) -> Cluster | None:
    """The person "the Ukrainian leader" stands for: the latest person before it whose role fits. Not "the
    authors" for the lead author: a plural stands for more than one person."""
    w = view.words[i]
    noun = w.lemma.lower()
    if w.upos != "NOUN" or noun not in lex.types.get("title", {}) or plural(w) or not takes_the(view, i):
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
    """"the Vermont senator" for Sanders, named just before, and "the Kentucky Republican" for McConnell: a definite
    title or party member whose role no one was given stands for the person (or, plural, the people named together)
    last named as a subject in its sentence or the one before, if nothing about them contradicts it (another title,
    another gender, another party)."""
    w = view.words[head]
    titles = lex.types.get("title", {})
    noun = next((n for n in (w.lemma.lower(), w.lower.removesuffix("s")) if n in titles), None)  # "senators" as is
    member = w.text in lex.types.get("party", {}) and w.upos in ("NOUN", "PROPN", "ADJ") and not view.kids(
        head, "case", "nmod", "acl")  # "the Kentucky Republican"; not "the Democrat's team", "the Republican from …"
    if not (w.upos == "NOUN" and noun is not None or member) or not takes_the(view, head):
        return None
    noun = noun or w.lower
    plural = w.feat("Number") == "Plur"
    mentions = [(m.start, c) for c in clusters if group(c) for m in c.mentions] if plural else at
    before = [c for s, c in sorted(mentions, key=lambda pair: pair[0]) if s < span.start
              and c.type is SourceType.PERSON and sentence_at(view, s) >= w.sent - 1 and view.quote_at(s) is None
              and subject_at(view, s, c)]
    if not before or group(before[-1]) != plural:
        return None
    person = before[-1]
    if member:  # a party and a state contradict no title, only another party
        others = [p.lower() for p in lex.types.get("party", {}) if p != w.text]
        return None if any(p in r.lower() for p in others for r in person.roles) else person
    titled = [c for s, c in sorted(at, key=lambda pair: pair[0]) if s < span.start and c.type is SourceType.PERSON
              and sentence_at(view, s) >= w.sent - TITLED_WINDOW and titled_as(c, noun, lex)]
    if not plural and titled and not titled_as(person, noun, lex):
        return titled[-1]  # "the governor" after "Ohio Gov. Mike DeWine …", though Grant spoke last
    role = {word for r in person.roles for word in r.lower().split()}
    role_nouns = {(ROLE_COMPLEMENT.split(r.lower())[0].split() or [""])[-1] for r in person.roles}  # "chief rival"
    gender = lex.genders.get("title", {}).get(noun)
    if role_nouns & titles.keys() and noun not in role or gender and gender_of(person, lex) not in (None, gender):
        return None
    former = any(view.words[k].lower in ("former", "ex") for k in view.kids(head, "amod"))
    if person.honorifics & lex.addresses.keys() and not titled_as(person, noun, lex) and not former:
        return None  # not "the striker" for Dr. Alan Reyes, but Sen. Chris Murphy is "the former congressman"
    return person


def titled_as(person: Cluster, noun: str, lex: LabelLexicons) -> bool:
    """Does the person's role hold the title noun, or a mention its form of address ("Gov." for governor)?"""
    return any(noun in r.lower() for r in person.roles) or addressed_as(person, noun, lex)


def addressed_as(person: Cluster, noun: str, lex: LabelLexicons) -> bool:
    """Is the person named with a form of address for the title noun ("Dr." for doctor, "Rep." for lawmaker)?"""
    forms = person.honorifics | {t.lower().rstrip(".") for m in person.mentions for t in m.text.split()}
    return any(noun in lex.addresses.get(form, ()) for form in forms)


def named_next(view: DocView, head: int, span: Span, at: list[tuple[int, Cluster]],
               lex: LabelLexicons) -> Cluster | None:
    """"The mayor of Flint Ridge insisted …" opening a story, then "Mayor Linda Park told reporters": a definite
    singular title in a story's first sentences stands for the next person named in the following two sentences
    whose role has that title (further on, "the governor" names someone met before)."""
    w = view.words[head]
    titles = lex.types.get("title", {})
    if w.sent > LEDE_SENTENCES or w.upos != "NOUN" or w.lemma.lower() not in titles or w.feat("Number") == "Plur" \
            or not definite(view, head, span):
        return None
    after = [c for s, c in sorted(at, key=lambda pair: pair[0]) if s >= span.end and c.type is SourceType.PERSON
             and sentence_at(view, s) <= w.sent + 2]
    noun = w.lemma.lower()
    return next((c for c in after if any(noun in r.lower().split() for r in c.roles) or addressed_as(c, noun, lex)),
                None)


def recent_institution(view: DocView, head: int, span: Span, at: list[tuple[int, Cluster]],
                       lex: LabelLexicons) -> Cluster | None:
    """"The agency said" after "the National Highway Traffic Safety Administration said", "the company" after
    "Ameriquest was …": a bare definite institution noun stands for the institution of its kind last named as a
    subject in its sentence or the one before."""
    w = view.words[head]
    kind = bare_institution(view, head, span, lex)
    if kind is None or w.lemma.lower() in GENERIC_GOVERNMENT:
        return None
    before = [c for s, c in sorted(at, key=lambda pair: pair[0]) if s < span.start and c.type is kind and c.names
              and sentence_at(view, s) >= w.sent - 1 and view.quote_at(s) is None and subject_at(view, s, c)]
    return before[-1] if before else None


def bare_institution(view: DocView, head: int, span: Span, lex: LabelLexicons) -> SourceType | None:
    """The kind of institution a source that is "the" and one singular institution noun names ("the agency": a
    government), or None."""
    w = view.words[head]
    kind = lex.types.get("head", {}).get(w.lemma.lower())
    if not bare_definite(view, head, span) or plural(w) \
            or kind not in (SourceType.ORGANIZATION, SourceType.GOVERNMENT, SourceType.MEDIA):
        return None
    return kind


def sentence_subject(view: DocView, w: Word, at: list[tuple[int, Cluster]], clusters: list[Cluster],
                     lex: LabelLexicons) -> Cluster | None:
    """The institution an "it" in a clause below its sentence's main one stands for: that sentence's subject
    ("The company faces allegations of fraud, which [it] has rejected")."""
    start, stop = view.sentence_ranges[w.sent]
    root = next((k for k in range(start, stop) if view.words[k].head is None), None)
    subject = next((k for k in view.kids(root, "nsubj", "nsubj:pass") if k < w.i), None) if root is not None \
        else None
    words = view.subtree(subject) if subject is not None else []
    if subject is None or w.i in words or view.words[subject].upos not in ("NOUN", "PROPN"):
        return None
    named = next((c for s, c in at if view.words[words[0]].start <= s <= view.words[subject].start and any(
        m.start == s and view.words[subject].end <= m.end for m in c.mentions)), None)  # not "[Iowa] jobs report"
    if named is not None:
        return named if named.type in INSTITUTIONS else None
    kind = head_type(view, words, subject, lex)
    if view.words[subject].upos != "NOUN" or plural(view.words[subject]) \
            or kind not in (SourceType.ORGANIZATION, SourceType.GOVERNMENT, SourceType.MEDIA):
        return None
    a, b = view.words[words[0]].start, view.words[words[-1]].end
    span = Span(a, b, view.text[a:b])
    return recent_institution(view, subject, span, at, lex) \
        or keyed_cluster(clusters, kind, strip_determiner(span.text))


def previous_subject(view: DocView, w: Word, at: list[tuple[int, Cluster]], clusters: list[Cluster],
                     lex: LabelLexicons) -> Cluster | None:
    """The people a "they" opening the sentence after theirs stands for, where no plural speaker came before: that
    sentence's plural subject ("Researchers at Harvard University followed 100,000 workers. They found …"), not the
    institution its words name."""
    if w.sent == 0 or view.sentence_ranges[w.sent][0] != w.i:
        return None
    start, stop = view.sentence_ranges[w.sent - 1]
    root = next((k for k in range(start, stop) if view.words[k].head is None), None)
    subject = next(iter(view.kids(root, "nsubj")), None) if root is not None else None
    if subject is None or view.words[subject].upos != "NOUN" or not plural(view.words[subject]) \
            or view.quote_at(view.words[subject].start) is not None:  # not '"… Workers need recourse." They differ'
        return None
    words = view.subtree(subject)
    a, b = view.words[words[0]].start, view.words[words[-1]].end
    return cluster_at(at, a) or keyed_cluster(clusters, head_type(view, words, subject, lex),
                                              strip_determiner(view.text[a:b]))


def takes_the(view: DocView, i: int) -> bool:
    """Has word ``i`` "the" for its determiner ("the governor", "the ministry")?"""
    return determined_by(view, i, {"the"})


def determined_by(view: DocView, i: int, determiners: set[str]) -> bool:
    """Has word ``i`` one of these determiners ("a claim", "those figures")?"""
    return any(view.words[d].lower in determiners for d in view.kids(i, "det"))


def definite(view: DocView, head: int, span: Span) -> bool:
    """Is the source a definite description: "the governor", or "the candidate's former doctor" (whose "the" the
    parser may hang from the possessor)?"""
    words = view.words_between(span.start, span.end)
    return takes_the(view, head) or bool(words) and words[0] < head \
        and view.words[words[0]].lower == "the" and any(view.words[k].lemma == "'s" for k in words if k < head)


def bare_definite(view: DocView, head: int, span: Span) -> bool:
    """Is the source "the" and its noun alone ("the ministry", "the agency")?"""
    words = [k for k in view.words_between(span.start, span.end) if view.words[k].upos != "PUNCT"]
    return view.words[head].upos == "NOUN" and words == [head - 1, head] and view.words[head - 1].lower == "the"


def subject_at(view: DocView, char: int, cluster: Cluster) -> bool:
    """Is the mention of ``cluster`` starting at ``char`` a clause's subject ("Oscar-winning actress Susan
    Sarandon … is not sure")? One that opens its sentence counts too where the parser made it the root
    ("Rep. Adam Schiff, the top Democrat …, called on …" with "called" hung from the apposition)."""
    span = next((m for m in cluster.mentions if m.start == char), None)
    words = set(view.words_between(span.start, span.end)) if span else set()
    for k in words:
        while (head := view.words[k].head) is not None and (
                head in words or view.words[k].rel in SHARED_ROLE or view.words[k].rel == "flat"):
            k = head  # "flat": "Adam Schiff" hung from "Rep."
        if view.words[k].rel in ("nsubj", "nsubj:pass") or view.words[k].rel == "root" and opens_clause(view, k, words):
            return True
    return False


def opens_clause(view: DocView, root: int, words: set[int]) -> bool:
    """Does a mention the parser made its sentence's root open a sentence that has a verb (not a heading:
    "ABSTRACT.")?"""
    sentence = view.sentence_of(root)
    return min(words | {root}) == sentence.start and any(view.words[k].upos == "VERB" for k in sentence)


def repeated_head(view: DocView, head: int, span: Span, clusters: list[Cluster]) -> Cluster | None:
    """"the ministry" after "China's foreign ministry", "the people" after "two people familiar with the matter": a
    bare definite description that repeats the head noun of an earlier speaker who is no person."""
    w = view.words[head]
    if not bare_definite(view, head, span):
        return None
    noun = w.lemma.lower()
    for cluster in reversed(clusters):
        if cluster.type is SourceType.PERSON or not cluster.names:
            continue
        words = cluster.name().lower().split()  # the head is the last word, unless a complement follows it
        complement = bool(ROLE_COMPLEMENT.search(cluster.name()))  # ("Critics of the …", "people familiar with …")
        if (words[-1] in (noun, w.lower) and not complement or complement and words[0] in (noun, w.lower)
                and "and" not in words) \
                and any(m.start < span.start for m in cluster.mentions) \
                and cluster.name().lower() != f"the {noun}":
            return cluster
    return None


def described_before(view: DocView, head: int, span: Span, clusters: list[Cluster]) -> Cluster | None:
    """"The company has denied …" for Nexora Corp, quoted as "the company" in the lede though not named nearby: a
    bare definite description already taken to mean a named institution."""
    if not bare_definite(view, head, span):
        return None
    for cluster in reversed(clusters):
        if cluster.type is not SourceType.PERSON and cluster.names and any(
                m.start < span.start and m.text.lower() == span.text.lower() for m in cluster.mentions):
            return cluster
    return None


def sole_institution(view: DocView, head: int, span: Span, at: list[tuple[int, Cluster]],
                     lex: LabelLexicons) -> Cluster | None:
    """"The company told the Wall Street Journal …" paragraphs after "Nexon Corp." was last a subject: a bare definite
    institution noun stands for the one named institution of its kind that has been a subject or cited ("according
    to …") before it."""
    if bare_institution(view, head, span, lex) is not SourceType.ORGANIZATION:  # not "the video" for Fox News
        return None
    named = {id(c): c for s, c in at if s < span.start and c.type is SourceType.ORGANIZATION and c.names
             and view.quote_at(s) is None
             and (subject_at(view, s, c) or cited_at(view, s))}  # a speaker, not "a professor at Vanderbilt …"
    return next(iter(named.values())) if len(named) == 1 else None


def cited_at(view: DocView, char: int) -> bool:
    """Does the mention starting at ``char`` follow "according to" ("according to (the) National Golf Foundation")?"""
    return view.text[max(0, char - 20):char].lower().rstrip().removesuffix(" the").endswith("according to")


def relative_antecedent(view: DocView, i: int) -> int | None:
    """The noun a relative clause hangs from, past appositions."""
    verb = view.words[i].head
    if verb is None or not (view.words[verb].deprel == "acl:relcl" or view.words[verb].deprel == "acl"
                            and view.words[i].lower in ("who", "whom", "which")):  # the parser's plain "acl"
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


def individual(view: DocView, cluster: Cluster, lex: LabelLexicons) -> bool:
    """Can "he" or "she" stand for this speaker: a person, named or introduced by a title and left unnamed ("A
    federal judge ruled … He said")?"""
    if cluster.type is SourceType.PERSON:
        return True
    heads = [head_of(view, words) for m in cluster.mentions if (words := view.words_between(m.start, m.end))]
    return cluster.type is SourceType.ANONYMOUS and any(
        view.words[h].lemma.lower() in lex.types.get("title", {}) and not plural(view.words[h])
        and indefinite(view, h) for h in heads)


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
    last = view.words[[k for k in words if view.words[k].upos != "PUNCT"][-1]]
    noun_as_verb = last.upos == "VERB" and last.text.islower() and last.text.endswith("s") \
        and not last.text.endswith("ss")  # "McConnell aides", the tagger's verb with "McConnell" for its subject
    return w.feat("Number") == "Plur" and not looks_plural or noun_as_verb \
        or any(k in words for k in view.kids(head, "conj"))


def gender_of(cluster: Cluster, lex: LabelLexicons) -> str | None:
    """"f" or "m" where the speaker's first name, form of address or role says so, or a "he"/"she" already taken
    to mean them ("He calls for …; she backs …" alternates between two people), and nothing says otherwise."""
    said = set()
    for text in {*cluster.names, *(m.text for m in cluster.mentions)}:
        first = text.split(maxsplit=1)[0].removesuffix("’s").removesuffix("'s") if text.strip() else ""
        said.add(lex.genders.get("honorific", {}).get(first.lower().rstrip(".")))
        said.add(PRONOUN_GENDER.get(first.lower()))
        if first.lower() != cluster.surname:  # "Clinton" alone is Mrs. Clinton's surname, not the man's first name
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


def goes_on_speaking(view: DocView, pronoun: str, source: Span, cluster: Cluster, lex: LabelLexicons) -> bool:
    """Can a speaker's pronoun be the speaker just quoted: "they" a plural source, "he" or "she" one person of that
    gender, "it" one institution or document ("The report … It said …")?"""
    if pronoun in ("they", "them", "their"):
        return is_plural(view, source)
    if is_plural(view, source):
        return False
    if pronoun in PERSON_PRONOUNS:
        return individual(view, cluster, lex) and not group(cluster) and agrees(pronoun, cluster, lex)
    return pronoun == "it" and cluster.type in GROUPS and not individual(view, cluster, lex)


def accused(view: DocView, claim: Claim, claims: tuple[Claim, ...], w: Word, at: list[tuple[int, Cluster]],
            clusters: list[Cluster], lex: LabelLexicons) -> Cluster | None:
    """Who a pronoun denying the charge just made stands for ("… accused Russia of arming the rebels, a charge [it]
    denies", "…, which [it] denies", "Ukraine says Russia shelled the plant, a claim [it] rejects"): the one
    charged, the first subject or object in the charge's content, not the accuser the sentence opens with."""
    if len(claim.content) != 1 or claim.source is None:
        return None
    content = claim.content[0]
    words = [view.words[k].lower for k in view.words_between(content.start, content.end)]
    if not (len(words) == 2 and words[0] in ("a", "an") or words == ["which"]) \
            or view.text[content.end:claim.source.start].strip():
        return None  # not "[a charge] it denies"
    charge = next((c for c in claims if c.content and c.content[-1].end <= content.start
                   and view.text[c.content[-1].end:content.start].strip() == ","), None)
    inside = [k for s in charge.content for k in view.words_between(s.start, s.end)] if charge else []
    target = next((k for k in inside if view.words[k].rel in ("nsubj", "obj") and view.words[k].head not in inside
                   or view.words[k].deprel in ("nsubj", "obj") and view.words[k].upos in ("PROPN", "NOUN")), None)
    if target is None:
        return None
    phrase = [k for k in view.subtree(target) if k in inside and view.words[k].rel not in ("acl", "advcl")]
    phrase = [k for k in phrase if k <= target] or [target]
    a, b = view.words[phrase[0]].start, view.words[target].end
    found = cluster_at(at, a) or next((c for s, c in at if a <= s < b), None) or keyed_cluster(
        clusters, head_type(view, phrase, target, lex), strip_determiner(view.text[a:b]))
    return found if agrees(w.lower, found, lex) else None


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
    found = relative_cluster(view, w, at, clusters, lex) if lower in RELATIVE_PRONOUNS else accused(
        view, claim, claims, w, at, clusters, lex)
    if found is not None:
        return found
    subject = sentence_subject(view, w, at, clusters, lex) if lower in ("it", "its") else None
    if subject is not None:
        return subject
    plural = lower in ("they", "them", "their")
    speakers = [(c.source, entity_of[c.id]) for c in claims if c.id in entity_of and c.source
                and c.source.start < w.start and w.sent - sentence_at(view, c.source.start) <= SPEAKER_WINDOW]
    for source, cluster in sorted(speakers, key=lambda pair: pair[0].start, reverse=True):
        if goes_on_speaking(view, lower, source, cluster, lex):
            return cluster
    if lower == "they":
        found = previous_subject(view, w, at, clusters, lex)
        if found is not None:
            return found
    personal = lower in PERSON_PRONOUNS | SELF_PRONOUNS
    fits = (lambda c: individual(view, c, lex)) if personal else (
        lambda c: c.type in GROUPS and not individual(view, c, lex))
    earlier = sorted([(s, c) for s, c in at if s < w.start and fits(c)]
                     + [(c.source.start, entity_of[c.id]) for c in claims
                        if c.id in entity_of and c.source and c.source.start < w.start
                        and fits(entity_of[c.id])
                        and (plural or not is_plural(view, c.source) and not group(entity_of[c.id]))],
                     key=lambda pair: pair[0])  # "he" is not "Clinton and O'Malley"
    if plural:
        groups = [(s, c) for s, c in earlier if c.type is not SourceType.PERSON]
        earlier = groups or earlier
    found = next((c for _, c in reversed(earlier) if agrees(lower, c, lex)), None)
    if found is not None:
        return found
    kind = SourceType.PERSON if personal else SourceType.ANONYMOUS
    return keyed_cluster(clusters, kind, w.text)
