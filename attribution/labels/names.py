"""Proper names in a parsed document: runs of name words with titles and demonyms cut off, what kind of speaker a
name shows by itself, whether two names are the same, and the role words before a name."""
from __future__ import annotations

import re
from functools import lru_cache

from ..extract.view import DocView
from ..lexicon import load_lexicon
from ..model import SourceType
from .lexicons import LabelLexicons

__all__ = ["CONNECTORS", "name_runs", "run_type", "same_name", "guess_bare", "premodifier_role", "text_of", "name_tokens",
           "title_case"]

CONNECTORS = {"of", "for", "the", "de", "on"}
LEGAL_FORMS = {"co", "inc", "corp", "ltd", "llc", "plc"}  # the company-form words an acronym leaves out
PARTICLES = {"van", "von", "der", "den", "ter", "ten", "du", "da", "di", "del", "della", "dos", "bin", "ibn", "'t"}
NAME_JOINERS = {"-", ".", "'"}


def name_runs(view: DocView, lex: LabelLexicons, breaks: frozenset[int] = frozenset()) -> list[list[int]]:
    """Word-index runs of proper names ("Volodymyr Zelenskiy", "Institute for the Study of War"), titles cut."""
    runs: list[list[int]] = []
    run: list[int] = []
    for w in view.words:
        if run and run[-1] >= w.i:
            continue  # inside a nickname already taken
        if run and nickname(view, w.i, lex) and joined(view, run[-1], w.i):
            run.extend([w.i, w.i + 1, w.i + 2])  # George ["Jay"] Keyworth
            continue
        if is_name_word(view, w.i, lex) and (not run or joined(view, run[-1], w.i)) and w.i not in breaks:
            run.append(w.i)
            continue
        if run and (w.lower in CONNECTORS | PARTICLES or w.lower in ("and", "&") or particle_in(view, w.i)) \
                and continues_name(view, w.i, lex):
            run.append(w.i)  # "Institute for the Study of War", "Ursula von der Leyen", "Sophie in 't Veld"
            continue
        runs.append(run)
        run = [w.i] if is_name_word(view, w.i, lex) and w.i not in breaks else []
    runs.append(run)
    out = []
    lowercase = {form for w in view.words if w.text.islower() for form in (w.text, w.lemma)}
    for r in runs:
        if r and r[0] > 0 and lex.place(f"{view.words[r[0] - 1].text} {view.words[r[0]].text}"):
            r = [r[0] - 1, *r]  # "South" tagged as an adjective before "Korean"
        r = without_affiliation(view, without_home_place(view, after_title(view, r, lex), lex), lex)
        institution = len(r) > 1 and institution_word(view, r[1:], lex)  # "Premier League", "General Motors Co."
        while r and (is_title(view, r[0], lex) and not after_honorific(view, r[0], lex) and not institution
                     or is_demonym(view, r[0], lex) and not institution  # not "American Civil Liberties Union"
                     or view.words[r[0]].lower in CONNECTORS
                     or len(r) > 1 and lex.place(view.words[r[0]].text)
                     and view.words[r[1]].lower in lex.types.get("title", {})):  # "U.S. President Joe Biden"
            r = r[1:]
        if r and view.words[r[-1]].text in lex.types.get("party", {}) and all(
                lex.place(view.words[k].text) for k in r[:-1]):
            continue  # "the Kentucky Republican": a description of a party member, no name
        r = without_opener(view, r, lex)
        while r and (view.words[r[-1]].lower in CONNECTORS | {"and", "&"} or view.words[r[-1]].text in NAME_JOINERS):
            r = r[:-1]
        if r and modifier_compound(view, r[-1]):
            continue  # "Oscar-winning actress", "Obama-era rules": a modifier, not a name
        if r and not (lex.place(text_of(view, r)) or ("",))[0] == "demonym" \
                and not is_demonym(view, r[-1], lex) \
                and not common_word_first(view, r, lex, lowercase):  # "African-Americans", "Officials said"
            part = headline_part(view, r)
            if part:
                out.append(part)
    return out


def nickname(view: DocView, i: int, lex: LabelLexicons) -> bool:
    """Does a quoted name word inside a name open at word ``i`` ('George "Jay" Keyworth')?"""
    words = view.words[i:i + 4]
    return len(words) == 4 and words[0].text in ('"', "“") and words[2].text in ('"', "”") \
        and is_name_word(view, i + 1, lex) and is_name_word(view, i + 3, lex) and len({w.sent for w in words}) == 1


def without_home_place(view: DocView, run: list[int], lex: LabelLexicons) -> list[int]:
    """A person's name without the place they come from or stand for ("Sen. James Lankford of Oklahoma"), where
    a name of two or more words with no institution word or connector stands before the "of" ("University of
    Oklahoma", "Bank of America" and "the Armenian Patriarchate of Jerusalem" stay whole)."""
    of = next((n for n in range(len(run) - 1, 1, -1) if view.words[run[n]].lower == "of"), None)
    if of is None or not lex.place(text_of(view, run[of + 1:])):
        return run
    by_name = lex.types.get("name", {})
    return run if any(view.words[k].text in by_name or view.words[k].lower in CONNECTORS for k in run[:of]) \
        else run[:of]


def without_affiliation(view: DocView, run: list[int], lex: LabelLexicons) -> list[int]:
    """A person's name without the institution they belong to: "Lijing Cheng [of the Chinese Academy of
    Sciences]", "Tom Brown [of the Associated Press]", "Priya Natarajan [of Imperial College London]". Only where
    two or more proper nouns, none an institution's word, stand before "of the" or "of" and an institution's name
    ("Bank of the West", "the Ministry of the Interior" stay whole)."""
    of = next((n for n in range(2, len(run) - 1) if view.words[run[n]].lower == "of"), None)
    by_name = lex.types.get("name", {})
    if of is None or view.words[run[of + 1]].lower != "the" and not any(
            by_name.get(view.words[k].text) is SourceType.ORGANIZATION for k in run[of + 1:]):
        return run  # "of the", or "[Priya Natarajan] of Imperial College London"
    before = [view.words[k] for k in run[:of]]
    return run[:of] if all(w.upos == "PROPN" and w.text not in by_name and w.lower not in CONNECTORS
                           for w in before) and not lex.place(text_of(view, run[:of])) else run


def without_opener(view: DocView, run: list[int], lex: LabelLexicons) -> list[int]:
    """A name without the capitalised word that opens its sentence or quotation before a first name ("“[Imagine]
    Brad Thor going up against …”", "[Rabbi] Rick Jacobs"); not an initial ("I. Charles McCullough")."""
    first_names = lex.genders.get("first", {})
    opener = view.words[run[0]] if run else None
    if opener is None or len(run) < 3 or not opens_sentence(view, opener.i) or opener.text in first_names \
            or len(opener.text.rstrip(".")) < 2 or view.words[run[1]].text not in first_names:
        return run
    return run[1:]


def modifier_compound(view: DocView, last: int) -> bool:
    """Is the name glued by a hyphen to a lower-case word after it ("Oscar-winning")?"""
    hyphen, word = last + 1, last + 2
    return word < len(view.words) and view.words[hyphen].text == "-" \
        and view.words[last].end == view.words[hyphen].start == view.words[word].start - 1 \
        and view.words[word].text.isalpha() and view.words[word].text.islower()


def after_title(view: DocView, run: list[int], lex: LabelLexicons) -> list[int]:
    """The personal name after a title inside a run: "Prime Minister Manuel Valls", "Maryland Gov. Martin O'Malley",
    "Former Secretary of State Hillary Clinton" (a title's "of X" goes with it). Only when what is left is a name
    of two or more proper nouns, so that an institution ("General Motors") keeps its words."""
    for title in reversed([n for n, k in enumerate(run[:-1]) if is_title(view, k, lex)]):
        rest = run[title + 1:]
        if rest and view.words[rest[0]].lower == "of":
            rest = rest[1:]
            while rest and view.words[rest[0]].lower in CONNECTORS:
                rest = rest[1:]
            rest = rest[1:]
        while rest and view.words[rest[0]].text in NAME_JOINERS:
            rest = rest[1:]
        proper = [k for k in rest if view.words[k].text not in NAME_JOINERS
                  and view.words[k].lower not in PARTICLES | {"de"}]  # "Ursula von der Leyen"
        if len(proper) >= 2 and all(view.words[k].upos == "PROPN" for k in proper) and not institution_word(
                view, proper, lex):  # "General Motors Co." keeps its words too
            return rest  # "Defence Minister Gen Nakatani": "Gen" leaves one word, so the cut follows "Minister"
    return run


def institution_word(view: DocView, words: list[int], lex: LabelLexicons) -> bool:
    """Is one of the words (a final period aside) a word of an organization's or a medium's name ("League",
    "Motors", "Times")?"""
    by_name = lex.types.get("name", {})
    return any(by_name.get(view.words[k].text.rstrip(".")) in (SourceType.ORGANIZATION, SourceType.MEDIA)
               for k in words)


def is_title(view: DocView, i: int, lex: LabelLexicons) -> bool:
    """A form of address ("Gov.") or a role noun ("President", "Senators")."""
    w = view.words[i]
    return w.lower.rstrip(".") in lex.types.get("honorific", {}) or w.lower in lex.types.get("title", {}) \
        or w.lemma.lower() in lex.types.get("title", {}) or w.text in lex.types.get("party", {})


def after_honorific(view: DocView, i: int, lex: LabelLexicons) -> bool:
    """Does a form of address stand right before word ``i``? Then it is a name, even one that is also a title."""
    k = i - 1 if i > 0 and view.words[i - 1].text != "." else i - 2
    return k >= 0 and view.words[k].lower.rstrip(".") in lex.types.get("honorific", {})


def is_demonym(view: DocView, i: int, lex: LabelLexicons) -> bool:
    """"Korean", and "Russians" by its lemma: peoples, not names."""
    return any(lex.places.get(form, ("",))[0] == "demonym" for form in (view.words[i].text, view.words[i].lemma))


def opens_sentence(view: DocView, i: int) -> bool:
    """Is word ``i`` its sentence's first, or first after an opening quotation mark?"""
    start = view.sentence_ranges[view.words[i].sent][0]
    return i == start or i - 1 == start and view.words[start].upos == "PUNCT"


def common_word_first(view: DocView, run: list[int], lex: LabelLexicons, lowercase: set[str]) -> bool:
    """A lone capitalised word that opens its sentence and is a source noun ("Video shows") or is written in
    lower case elsewhere in the document, or its singular is ("Federal and state officials … federal prosecutors";
    "Patient advocates … two patients")."""
    w = view.words[run[0]]
    if len(run) > 1 or not opens_sentence(view, w.i):
        return False
    lower = w.text.lower()
    return lower in lex.types.get("head", {}) or w.lemma.lower() in lex.types.get("head", {}) or lower in lowercase


def headline_part(view: DocView, run: list[int]) -> list[int]:
    """In a title-case headline every word is capitalised, so a run swallows verbs ("Lawmakers Rip Donald Trump"):
    keep the longest part of it that the rest of the document also writes; none where the rest writes all its
    words in lower case only (common nouns in title case)."""
    sentence = view.sentence_ranges[view.words[run[0]].sent]
    if len(run) == 1 or not title_case(view, sentence):
        return run
    start, end = view.words[sentence[0]].start, view.words[sentence[1] - 1].end
    rest = view.text[view.words[0].start:start] + "\n" + view.text[end:view.words[-1].end]  # this block only
    for size in range(len(run), 0, -1):
        for first in range(len(run) - size + 1):
            part = run[first:first + size]
            if re.search(rf"\b{re.escape(text_of(view, part))}\b", rest):
                return part
    lowercase = set(re.findall(r"\b[a-z]+\b", rest))
    common = all(view.words[k].lower in lowercase or view.words[k].lemma.lower() in lowercase for k in run)
    return [] if common else run  # "Climate Study Finds …" when the story writes "climate" and "a study"


def title_case(view: DocView, sentence: tuple[int, int]) -> bool:
    """Every longer word capitalised, and not in capitals throughout (a shouted text is no headline)."""
    long_words = [w.text for w in view.words[sentence[0]:sentence[1]] if len(w.text) > 3 and w.text.isalpha()]
    return len(long_words) >= 3 and all(t[:1].isupper() for t in long_words) and not all(
        t.isupper() for t in long_words)


def neighbour_is_propn(view: DocView, i: int) -> bool:
    """Is there a proper noun in the run of capitalised words around ``i``?"""
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(view.words) and view.words[k].sent == view.words[i].sent \
                and view.words[k].text[:1].isupper() and view.words[k].upos != "PUNCT":
            if view.words[k].upos == "PROPN":
                return True
            k += step
    return False


def continues_name(view: DocView, i: int, lex: LabelLexicons) -> bool:
    """Is connector ``i`` inside a name ("Institute for the Study of War")?"""
    if view.words[i].lower in ("and", "&"):  # "Securities and Exchange Commission", not "Quiros and William Stenger"
        k = i + 1
        while k < len(view.words) and view.words[k].sent == view.words[i].sent and is_name_word(view, k, lex):
            if view.words[k].text in lex.types.get("name", {}) and \
                    lex.types["name"][view.words[k].text] is not SourceType.MEDIA:
                return True
            k += 1
        return False
    k = i
    while k < len(view.words) and (view.words[k].lower in CONNECTORS | PARTICLES or particle_in(view, k)) \
            and k - i < 2:
        k += 1
    return k < len(view.words) and view.words[k].sent == view.words[i].sent and is_name_word(view, k, lex) \
        and view.words[k].text[:1].isupper()


def particle_in(view: DocView, i: int) -> bool:
    """The Dutch "in 't" of "Sophie in 't Veld"; elsewhere "in" ends a name."""
    return view.words[i].lower == "in" and i + 1 < len(view.words) and view.words[i + 1].lower == "'t"


def is_name_word(view: DocView, i: int, lex: LabelLexicons) -> bool:
    w = view.words[i]
    if w.text in lex.types.get("notname", {}):
        return False
    if w.upos == "PROPN" and w.text[:1].isupper():
        return True
    if (w.upos in ("ADJ", "NOUN") or w.upos == "VERB" and (w.rel == "amod" or w.text in lex.types.get("name", {}))) \
            and w.text[:1].isupper() and i > 0 \
            and view.words[i - 1].sent == w.sent and view.words[i - 1].upos != "PUNCT" and neighbour_is_propn(view, i):
        return True  # "New York Post", "Government Accountability Office", "The Associated Press": the tagger's
        # adjective, noun or participle
    first = i == 0 or view.words[i - 1].sent != w.sent \
        or view.words[i - 1].upos == "PUNCT" and view.words[i - 1].text != ","
    if w.upos in ("ADJ", "NOUN") and w.text[:1].isupper() and first and opens_name(view, i, lex):
        return True  # a sentence's first word, or the first after a dash or bracket, the tagger calls ADJ
    if i >= 3 and view.words[i - 1].text == "-" and view.words[i - 2].upos == "PROPN" \
            and view.words[i - 2].end == view.words[i - 1].start and view.words[i - 1].end == w.start \
            and (view.words[i - 3].upos == "PROPN" or not (w.text.isalpha() and w.text.islower())):
        return True  # "Kim Yong-hyun", whose "hyun" the tagger may call a noun; not "Oscar-winner"
    if i >= 2 and view.words[i - 1].text.endswith("-") and view.words[i - 1].upos == "PROPN" \
            and view.words[i - 1].end == w.start and view.words[i - 2].upos == "PROPN":
        return True  # the same when the tokenizer keeps the hyphen on the first part: "Shin Won-" "sik"
    return w.text in NAME_JOINERS and 0 < i < len(view.words) - 1 and view.words[i - 1].end == w.start \
        and view.words[i + 1].start == w.end and view.words[i - 1].upos == "PROPN"


def opens_name(view: DocView, i: int, lex: LabelLexicons) -> bool:
    """Does word ``i``, lemmatised as a name and before proper nouns, open their name: a given name ("Donald
    Trump"; not a title, nor "Junge SVP" before an acronym) or any word before an institution's name word
    ("General Motors Co."; not "Many Republicans", "Other Republicans")?"""
    w, following = view.words[i], []
    for k in range(i + 1, len(view.words)):
        if view.words[k].sent != w.sent or view.words[k].upos != "PROPN":
            break
        following.append(k)
    if following and w.upos == "ADJ" and w.lemma[:1].islower() and lex.types.get("name", {}).get(
            view.words[following[0]].text) is SourceType.GOVERNMENT:
        return True  # "Foreign Ministry spokesman …": a seat of government's name, whatever the lemma
    if not following or not w.lemma[:1].isupper():  # the lemmatizer keeps a name's capital, not "Many"'s
        return False
    return institution_word(view, following, lex) or w.text in lex.genders.get("first", {}) \
        and not is_title(view, i, lex) and not view.words[following[0]].text.isupper()


def joined(view: DocView, a: int, b: int) -> bool:
    return view.words[a].sent == view.words[b].sent and b == a + 1


def text_of(view: DocView, words: list[int]) -> str:
    return view.text[view.words[words[0]].start:view.words[words[-1]].end]


def run_type(view: DocView, run: list[int], lex: LabelLexicons) -> SourceType | None:
    """The type a name shows by itself, or None when nothing in it decides (a bare surname)."""
    text = text_of(view, run)
    place = lex.place(text)
    if place and place[0] != "demonym":
        return SourceType.GOVERNMENT
    words = [view.words[k].text for k in run]
    by_name = lex.types.get("name", {})
    for kind in (SourceType.MEDIA, SourceType.GOVERNMENT, SourceType.ORGANIZATION):
        if any(by_name.get(t) is kind or by_name.get(t.rstrip(".")) is kind for t in words):  # "Zentro Inc."
            return kind
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return SourceType.ORGANIZATION
    if in_state(view, run[-1], lex):
        return SourceType.GOVERNMENT  # "Palo Alto, Calif.": a city, which speaks for its government
    first = run[0]
    before = view.words[first - 1] if first > 0 else None
    after = view.words[run[-1] + 1] if run[-1] + 1 < len(view.words) else None
    if len(run) == 1 and before is not None and before.text == "The" and before.sent == view.words[first].sent \
            and (after is None or after.upos not in ("NOUN", "PROPN", "ADJ")):
        return SourceType.ORGANIZATION  # "The Sun reported": no person's name takes an article ("The Trump
        # campaign" is no run of its own)
    if before is not None and (before.lower.rstrip(".") in lex.types.get("honorific", {})
                               or before.lower in lex.types.get("title", {})):
        return SourceType.PERSON
    if len([t for t in words if t[:1].isupper()]) >= 2 and not any(w.lower in CONNECTORS for w in map(
            view.words.__getitem__, run)):
        return SourceType.PERSON
    return None


def in_state(view: DocView, last: int, lex: LabelLexicons) -> bool:
    """Do a comma and a U.S. state's name set off on its own follow the name ("Palo Alto, Calif., …")?"""
    words = view.words[last + 1:last + 4]
    return len(words) == 3 and words[0].text == "," and (lex.place(words[1].text) or ("",))[0] == "state" \
        and words[2].upos == "PUNCT"


def same_name(tokens: list[str], other: str) -> bool:
    """"Zelenskiy" = "Volodymyr Zelenskiy"; "ISW" = "Institute for the Study of War"."""
    theirs = name_tokens(other)
    mine = tuple(tokens)
    if mine == theirs:
        return True
    short, long_ = sorted((mine, theirs), key=len)
    if short and short[-1] == long_[-1] and all(t in long_ for t in short):
        return True
    letters = short[0].replace(".", "") if len(short) == 1 else ""
    return len(letters) > 1 and letters == acronym(long_)


@lru_cache(maxsize=8192)
def name_tokens(name: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in name.replace("-", " - ").split())


@lru_cache(maxsize=8192)
def acronym(tokens: tuple[str, ...]) -> str:
    while len(tokens) > 2 and tokens[-1].rstrip(".") in LEGAL_FORMS:  # "GM" for "General Motors Co."
        tokens = tokens[:-1]
    return "".join(t[0] for t in tokens if t not in CONNECTORS and t not in ("-", "and", "&"))


def guess_bare(view: DocView, run: list[int]) -> SourceType:
    """A lone unknown name is a person when it acts (subject of a verb, or a speaker's label before a colon), else
    unclassified (organization)."""
    head = view.words[run[-1]]
    governor = view.words[head.head] if head.head is not None else None
    speaks = governor is not None and governor.upos == "VERB" and load_lexicon().lookup(
        governor.lemma, governor.text, "VERB") is not None
    label = head.i + 1 < len(view.words) and view.words[head.i + 1].text == ":" \
        and run[0] == view.sentence_ranges[head.sent][0] and not any(
            w.lower == head.lower and w.text.islower() for w in view.words)  # "Milbank: …", not "Poll: … the poll"
    if label or head.rel == "nsubj" and speaks or head.deprel == "obl:agent" \
            or head.rel == "nmod" and head.feat("Poss") == "Yes" \
            or any(view.words[k].lower in ("'s", "’s") for k in view.kids(head.i, "case")):
        return SourceType.PERSON
    return SourceType.ORGANIZATION


def premodifier_role(view: DocView, first: int, lex: LabelLexicons) -> str | None:
    """Title words right before a name: "South Korean defence minister" Kim Yong-hyun, "Secretary of State" Antony
    Blinken; or a noun for unnamed people, which before a name says what the person is ("resident Tom Alvarez")."""
    k = first - 1
    seen_title = False
    titles = lex.types.get("title", {})
    while k >= 0 and view.words[k].sent == view.words[first].sent and (
            view.words[k].upos in ("ADJ", "NOUN", "PROPN") or view.words[k].text in ("'s", "’s", "-")
            or view.words[k].lower in titles  # the tagger may take "ombudsman" for a verb
            or title_complement(view, k, first, lex)):
        if view.words[k].lower in titles or view.words[k].text in lex.types.get("party", {}) \
                or view.words[k].upos in ("NOUN", "ADJ") and lex.types.get("head", {}).get(
                view.words[k].lower) is SourceType.ANONYMOUS:  # "resident Tom Alvarez", "aide Huma Abedin"
            seen_title = True
        k -= 1
    if not seen_title:
        return None
    words = list(range(k + 1, first))
    honorifics = lex.types.get("honorific", {})
    while len(words) > 1 and (view.words[words[-1]].lower.rstrip(".") in honorifics
                              or view.words[words[-1]].upos == "PUNCT"):
        words = words[:-1]  # "Chief Medical Officer [Dr.]": a form of address is no role
    return text_of(view, words) if words else None


def title_complement(view: DocView, k: int, first: int, lex: LabelLexicons) -> bool:
    """Is word ``k`` the "of" or "for" inside a capitalised title before the name at ``first`` ("Secretary of
    State", "Chief of Staff")? Not in "a spokesman for Mrs. Clinton", whose title is someone else's."""
    before = view.words[k - 1] if k > 0 else None
    between = [view.words[j] for j in range(k + 1, first)]
    return view.words[k].lower in ("of", "for") and before is not None and before.text[:1].isupper() \
        and before.lower in lex.types.get("title", {}) and bool(between) and all(
            w.text[:1].isupper() and w.lower.rstrip(".") not in lex.types.get("honorific", {}) for w in between)
