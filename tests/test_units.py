"""Pure parts that need no pipeline: quotations, decoding, the lexicon, model resolution, the data model."""
from __future__ import annotations

import codecs

import pytest

from attribution import ModelsNotFoundError, Span, resolve_models
from attribution.errors import InputError
from attribution.extract import extract_claims
from attribution.inputs import decode
from attribution.lexicon import load_lexicon
from attribution.quotes import find_quotes
from parses import parsed


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_quotes_straight_curly_and_miscurled():
    assert quoted('"This is it,” he said.') == ['"This is it,”']
    assert quoted('“When we talk," Zelenskiy said.') == ['“When we talk,"']
    assert quoted("It was “highly likely” that it is a 'foreign agent'.") == ["“highly likely”", "'foreign agent'"]


def test_quotes_left_open_run_to_paragraph_end():
    text = "“First paragraph goes on.\n\n“Second one closes.”"
    assert quoted(text) == ["“First paragraph goes on.", "“Second one closes.”"]
    assert [q.closed for q in find_quotes(text)] == [False, True]


def test_apostrophes_are_not_quotes():
    assert quoted("Russia’s army and the officials’ claims") == []


def test_decode_boms_and_errors():
    assert decode(codecs.BOM_UTF8 + "Kyiv’s".encode(), "a.txt") == "Kyiv’s"
    assert decode("Kyiv says".encode("utf-16"), "a.txt") == "Kyiv says"
    with pytest.raises(InputError, match=r"a\.txt: invalid UTF-8 at byte 3"):
        decode(b"abc\xff", "a.txt")
    assert decode(b"abc\xff", "a.txt", "replace") == "abc\ufffd"
    with pytest.raises(InputError, match="binary"):
        decode(b"\x00\x01\x02", "b.bin")


def test_lexicon_is_data_with_classes_and_frames():
    lexicon = load_lexicon()
    assert lexicon.lookup("say", "said", "VERB").cls == "speech"
    assert lexicon.lookup("Claims", "Claims", "VERB").lemma == "claim"  # title-case headline form
    assert lexicon.lookup("deny", "denied", "VERB").frame == "object"
    assert lexicon.lookup("reportedly", "reportedly", "ADV") is not None
    assert {e.frame for e in lexicon.entries.values()} <= {
        "clause", "object", "recipient", "objcomp", "label", "verify", "proof", "quote", "light"}


def test_models_not_found_is_one_clear_error(tmp_path, monkeypatch):
    with pytest.raises(ModelsNotFoundError) as caught:
        resolve_models(tmp_path / "nowhere")
    message = str(caught.value)
    assert "nowhere" in message and "--models" in message and "\n" not in message


def test_models_resolution_order(tmp_path, monkeypatch):
    shared = resolve_models()
    assert shared.origin in ("shared checkout", "$ATTRIBUTION_MODELS", "Stanza resources directory")
    monkeypatch.setenv("ATTRIBUTION_MODELS", str(shared.directory))
    assert resolve_models().origin == "$ATTRIBUTION_MODELS"
    assert resolve_models(shared.directory).origin == "argument"


def test_span_checks_its_text():
    assert Span.of("abcdef", 1, 3) == Span(1, 3, "bc")
    with pytest.raises(ValueError):
        Span(1, 3, "bcd")
    with pytest.raises(ValueError):
        Span(3, 3, "")


ANALYSTS = "Analysts said factors have grown, citing costs."
ANALYSTS_PARSE = [("Analysts", "NOUN", 1, "nsubj", 0), ("said", "VERB", None, "root", 0, "say", "VerbForm=Fin"),
                  ("factors", "NOUN", 4, "nsubj", 0), ("have", "AUX", 4, "aux", 0),
                  ("grown", "VERB", 1, "ccomp", 0, "grow", "VerbForm=Part"), (",", "PUNCT", 6, "punct", 0),
                  ("citing", "VERB", 4, "advcl", 0, "cite", "VerbForm=Ger"), ("costs", "NOUN", 6, "obj", 0),
                  (".", "PUNCT", 1, "punct", 0)]


def source_of(view, cue: str) -> str | None:  # noqa: ANN001 - a DocView
    claim = next(c for c in extract_claims(view, method="rules") if c.cue_text == cue)
    return claim.source.text if claim.source else None


def test_speech_adjunct_hung_on_a_reported_clause_belongs_to_the_reporter():
    assert source_of(parsed(ANALYSTS, ANALYSTS_PARSE), "citing") == "Analysts"


def test_a_cue_verb_never_joins_the_name_run_of_a_source():
    rows = [r if r[0] != "grown" else ("grown", "VERB", 1, "parataxis", 0, "grow", "VerbForm=Part")
            for r in ANALYSTS_PARSE]  # a clause the rules do not see as reported: the nearer subject speaks
    assert source_of(parsed(ANALYSTS, rows), "citing") == "factors"


FIRM = "They hired a firm called Analytica. Aides called it a scheme."
FIRM_PARSE = [("They", "PRON", 1, "nsubj", 0), ("hired", "VERB", None, "root", 0, "hire", "Tense=Past|VerbForm=Fin"),
              ("a", "DET", 3, "det", 0), ("firm", "NOUN", 1, "obj", 0),
              ("called", "VERB", 3, "acl", 0, "call", "Tense=Past|VerbForm=Part|Voice=Pass"),
              ("Analytica", "PROPN", 4, "xcomp", 0), (".", "PUNCT", 1, "punct", 0),
              ("Aides", "NOUN", 8, "nsubj", 1, "aide"),
              ("called", "VERB", None, "root", 1, "call", "Tense=Past|VerbForm=Fin"),
              ("it", "PRON", 8, "obj", 1), ("a", "DET", 11, "det", 1), ("scheme", "NOUN", 8, "xcomp", 1),
              (".", "PUNCT", 8, "punct", 1)]


def test_a_participle_that_names_is_no_claim_but_a_label_is():
    claims = extract_claims(parsed(FIRM, FIRM_PARSE), method="rules")
    assert [(c.source.text if c.source else None, c.cue_text, c.content_text) for c in claims] == [
        ("Aides", "called", "it a scheme")]


CAUCUS = '"Caucuses are fun," said Gov. Branstad.'
CAUCUS_PARSE = [('"', "PUNCT", 3, "punct", 0), ("Caucuses", "NOUN", 6, "nsubj", 0, "caucus"),  # misattached
                ("are", "AUX", 3, "cop", 0, "be"), ("fun", "ADJ", 6, "ccomp", 0), (",", "PUNCT", 3, "punct", 0),
                ('"', "PUNCT", 3, "punct", 0), ("said", "VERB", None, "root", 0, "say", "Tense=Past|VerbForm=Fin"),
                ("Gov.", "PROPN", 6, "nsubj", 0, "gov."), ("Branstad", "PROPN", 7, "flat", 0),
                (".", "PUNCT", 6, "punct", 0)]


def test_the_subject_of_a_quotation_is_not_its_speaker():
    assert source_of(parsed(CAUCUS, CAUCUS_PARSE, quotes=True), "said") == "Gov. Branstad"


ADDING = "Trump said taxes rose, adding that wages fell."
ADDING_PARSE = [("Trump", "PROPN", 1, "nsubj", 0), ("said", "VERB", None, "root", 0, "say", "Tense=Past|VerbForm=Fin"),
                ("taxes", "NOUN", 3, "nsubj", 0, "tax"), ("rose", "VERB", 1, "ccomp", 0, "rise", "VerbForm=Fin"),
                (",", "PUNCT", 5, "punct", 0), ("adding", "VERB", 1, "ccomp", 0, "add", "VerbForm=Ger"),
                ("that", "SCONJ", 8, "mark", 0), ("wages", "NOUN", 8, "nsubj", 0, "wage"),
                ("fell", "VERB", 5, "ccomp", 0, "fall", "VerbForm=Fin"), (".", "PUNCT", 1, "punct", 0)]


def test_a_participle_parsed_as_a_complement_takes_the_reporters_subject():
    assert source_of(parsed(ADDING, ADDING_PARSE), "adding") == "Trump"


ASKED = "Asked whether he would resign, Reid said he would stay."
ASKED_PARSE = [("Asked", "VERB", 7, "advcl", 0, "ask", "Tense=Past|VerbForm=Part"), ("whether", "SCONJ", 4, "mark", 0),
               ("he", "PRON", 4, "nsubj", 0), ("would", "AUX", 4, "aux", 0),
               ("resign", "VERB", 0, "ccomp", 0, "resign", "VerbForm=Inf"), (",", "PUNCT", 0, "punct", 0),
               ("Reid", "PROPN", 7, "nsubj", 0), ("said", "VERB", None, "root", 0, "say", "Tense=Past|VerbForm=Fin"),
               ("he", "PRON", 10, "nsubj", 0), ("would", "AUX", 10, "aux", 0),
               ("stay", "VERB", 7, "ccomp", 0, "stay", "VerbForm=Inf"), (".", "PUNCT", 7, "punct", 0)]


def test_a_past_participle_adjunct_leaves_the_asker_unsaid_and_ends_before_its_host():
    claims = {c.cue_text: c for c in extract_claims(parsed(ASKED, ASKED_PARSE), method="rules")}
    assert claims["Asked"].source is None and claims["Asked"].content_text == "whether he would resign"
    assert claims["said"].source.text == "Reid" and claims["said"].content_text == "he would stay"


SECOND_THAT = "The DNC said the actions were wrong, and that the committee would act."
SECOND_THAT_PARSE = [("The", "DET", 1, "det", 0), ("DNC", "PROPN", 2, "nsubj", 0),
                     ("said", "VERB", None, "root", 0, "say", "Tense=Past|VerbForm=Fin"), ("the", "DET", 4, "det", 0),
                     ("actions", "NOUN", 6, "nsubj", 0, "action"), ("were", "AUX", 6, "cop", 0, "be"),
                     ("wrong", "ADJ", 2, "ccomp", 0), (",", "PUNCT", 13, "punct", 0), ("and", "CCONJ", 13, "cc", 0),
                     ("that", "SCONJ", 13, "mark", 0), ("the", "DET", 11, "det", 0),
                     ("committee", "NOUN", 13, "nsubj", 0), ("would", "AUX", 13, "aux", 0),
                     ("act", "VERB", 2, "conj", 0, "act", "VerbForm=Inf"), (".", "PUNCT", 2, "punct", 0)]


def test_a_second_that_clause_hung_on_the_cue_is_content_too():
    claim = next(c for c in extract_claims(parsed(SECOND_THAT, SECOND_THAT_PARSE), method="rules"))
    assert claim.content_text == "the actions were wrong, and that the committee would act"


CALLING = "Clinton said the plan failed, calling it absurd."
CALLING_PARSE = [("Clinton", "PROPN", 1, "nsubj", 0), ("said", "VERB", None, "root", 0, "say", "Tense=Past|VerbForm=Fin"),
                 ("the", "DET", 3, "det", 0), ("plan", "NOUN", 4, "nsubj", 0),
                 ("failed", "VERB", 1, "ccomp", 0, "fail", "Tense=Past|VerbForm=Fin"), (",", "PUNCT", 6, "punct", 0),
                 ("calling", "VERB", 4, "advcl", 0, "call", "VerbForm=Ger"), ("it", "PRON", 6, "obj", 0),
                 ("absurd", "ADJ", 6, "xcomp", 0), (".", "PUNCT", 1, "punct", 0)]


def test_a_reporting_participle_after_a_comma_ends_the_content_wherever_it_hangs():
    claims = {c.cue_text: c for c in extract_claims(parsed(CALLING, CALLING_PARSE), method="rules")}
    assert claims["said"].content_text == "the plan failed"
    assert claims["calling"].source.text == "Clinton" and claims["calling"].content_text == "it absurd"


BARKED = '"Go back to Univision," Trump barked. The dogs barked.'
BARKED_PARSE = [('"', "PUNCT", 1, "punct", 0), ("Go", "VERB", 8, "ccomp", 0, "go", "Mood=Imp|VerbForm=Fin"),
                ("back", "ADV", 1, "advmod", 0), ("to", "ADP", 4, "case", 0), ("Univision", "PROPN", 1, "obl", 0),
                (",", "PUNCT", 1, "punct", 0), ('"', "PUNCT", 8, "punct", 0), ("Trump", "PROPN", 8, "nsubj", 0),
                ("barked", "VERB", None, "root", 0, "bark", "Tense=Past|VerbForm=Fin"), (".", "PUNCT", 8, "punct", 0),
                ("The", "DET", 11, "det", 1), ("dogs", "NOUN", 12, "nsubj", 1, "dog"),
                ("barked", "VERB", None, "root", 1, "bark", "Tense=Past|VerbForm=Fin"), (".", "PUNCT", 12, "punct", 1)]


def test_a_manner_of_speaking_verb_reports_only_beside_a_quotation():
    claims = extract_claims(parsed(BARKED, BARKED_PARSE, quotes=True), method="rules")
    assert [(c.source.text, c.cue_text, c.content_text) for c in claims] == [
        ("Trump", "barked", '"Go back to Univision,"')]



FACT = "Borger brought up the fact that he had no backing."
FACT_PARSE = [("Borger", "PROPN", 1, "nsubj", 0), ("brought", "VERB", None, "root", 0, "bring"),
              ("up", "ADP", 1, "compound:prt", 0), ("the", "DET", 4, "det", 0), ("fact", "NOUN", 1, "obj", 0),
              ("that", "SCONJ", 7, "mark", 0), ("he", "PRON", 7, "nsubj", 0), ("had", "VERB", 4, "acl", 0, "have"),
              ("no", "DET", 9, "det", 0), ("backing", "NOUN", 7, "obj", 0), (".", "PUNCT", 1, "punct", 0)]
SAID = "Borger said that he had no backing."
SAID_PARSE = [("Borger", "PROPN", 1, "nsubj", 0), ("said", "VERB", None, "root", 0, "say"),
              ("that", "SCONJ", 4, "mark", 0), ("he", "PRON", 4, "nsubj", 0), ("had", "VERB", 1, "ccomp", 0, "have"),
              ("no", "DET", 6, "det", 0), ("backing", "NOUN", 4, "obj", 0), (".", "PUNCT", 1, "punct", 0)]


def claim_on(text: str, cue: str, content_from: str):
    from attribution.model import Claim, ClaimKind

    start = text.index(f" {content_from} ") + 1
    return Claim("c1", ClaimKind.INDIRECT, (Span.of(text, text.index(cue), text.index(cue) + len(cue)),), cue,
                 (Span.of(text, start, text.index(".")),), Span.of(text, 0, 6), (0,), 0.9)


@pytest.mark.parametrize("content_from", ["that", "he"])  # with or without the "that" in the content
def test_the_fact_that_presupposes_the_content(content_from):
    from attribution.labels.evidential import fact_that

    assert fact_that(parsed(FACT, FACT_PARSE), claim_on(FACT, "brought up", content_from)).text == "fact"
    assert fact_that(parsed(SAID, SAID_PARSE), claim_on(SAID, "said", content_from)) is None


EX_WIFE = "His ex-wife said the house was sold."
EX_WIFE_PARSE = [("His", "PRON", 3, "nmod:poss", 0, "his"), ("ex", "ADJ", 3, "amod", 0), ("-", "PUNCT", 1, "punct", 0),
                 ("wife", "NOUN", 4, "nsubj", 0), ("said", "VERB", None, "root", 0, "say"),
                 ("the", "DET", 6, "det", 0), ("house", "NOUN", 8, "nsubj:pass", 0), ("was", "AUX", 8, "aux:pass", 0, "be"),
                 ("sold", "VERB", 4, "ccomp", 0, "sell"), (".", "PUNCT", 4, "punct", 0)]


def test_a_hyphen_inside_a_word_does_not_cut_the_source():
    assert source_of(parsed(EX_WIFE, EX_WIFE_PARSE), "said") == "His ex-wife"  # not "wife"
    dashed = "Most recently - his wife said the house was sold."
    rows = [("Most", "ADV", 1, "advmod", 0), ("recently", "ADV", 4, "advmod", 0), ("-", "PUNCT", 4, "punct", 0),
            ("his", "PRON", 4, "nmod:poss", 0), ("wife", "NOUN", 5, "nsubj", 0), ("said", "VERB", None, "root", 0, "say"),
            ("the", "DET", 7, "det", 0), ("house", "NOUN", 9, "nsubj:pass", 0), ("was", "AUX", 9, "aux:pass", 0, "be"),
            ("sold", "VERB", 5, "ccomp", 0, "sell"), (".", "PUNCT", 5, "punct", 0)]
    assert source_of(parsed(dashed, rows), "said") == "his wife"  # a spaced dash still ends what comes before


SHOULD = "“Others should stick to promises,” the ministry said."
SHOULD_PARSE = [("“", "PUNCT", 1, "punct", 0), ("Others", "NOUN", 9, "nsubj", 0), ("should", "AUX", 3, "aux", 0),
                ("stick", "VERB", 9, "advcl", 0), ("to", "ADP", 5, "case", 0), ("promises", "NOUN", 3, "obl", 0),
                (",", "PUNCT", 3, "punct", 0), ("”", "PUNCT", 1, "punct", 0), ("the", "DET", 8, "det", 0),
                ("ministry", "NOUN", 9, "nsubj", 0), ("said", "VERB", None, "root", 0, "say"), (".", "PUNCT", 9, "punct", 0)]
ROOTED = "Any action would have consequences, Carter said."
ROOTED_PARSE = [("Any", "DET", 1, "det", 0), ("action", "NOUN", 7, "nsubj", 0), ("would", "AUX", 3, "aux", 0),
                ("have", "VERB", None, "root", 0), ("consequences", "NOUN", 3, "obj", 0), (",", "PUNCT", 7, "punct", 0),
                ("Carter", "PROPN", 7, "nsubj", 0), ("said", "VERB", 3, "parataxis", 0, "say"), (".", "PUNCT", 7, "punct", 0)]

IF_CLAUSE = "He said that if he were president, the program would grow."  # the parser's two ccomps (as on PolNeAR)
IF_CLAUSE_PARSE = [("He", "PRON", 1, "nsubj", 0), ("said", "VERB", None, "root", 0, "say"), ("that", "SCONJ", 11, "mark", 0),
                   ("if", "SCONJ", 6, "mark", 0), ("he", "PRON", 6, "nsubj", 0), ("were", "AUX", 6, "cop", 0, "be"),
                   ("president", "ADJ", 1, "ccomp", 0), (",", "PUNCT", 6, "punct", 0), ("the", "DET", 9, "det", 0),
                   ("program", "NOUN", 11, "nsubj", 0), ("would", "AUX", 11, "aux", 0), ("grow", "VERB", 1, "ccomp", 0),
                   (".", "PUNCT", 1, "punct", 0)]


@pytest.mark.parametrize("text, rows, content, root", [
    (SHOULD, SHOULD_PARSE, "Others should stick to promises", "stick"),  # not the subject the parser gave the cue
    (ROOTED, ROOTED_PARSE, "Any action would have consequences", "have"),  # the cue hangs from the content
    (IF_CLAUSE, IF_CLAUSE_PARSE, "that if he were president, the program would grow", "grow"),  # not the condition
])
def test_content_root_is_the_clause_despite_the_parser(text, rows, content, root):
    from attribution.labels.content import content_root

    view = parsed(text, rows)
    start = text.index(content)
    words = view.words_between(start, start + len(content))
    assert view.words[content_root(view, list(words))].text == root


OUTLINED = "He outlined his plan and vowed to act."
OUTLINED_PARSE = [("He", "PRON", 1, "nsubj", 0), ("outlined", "VERB", None, "root", 0, "outline"),
                  ("his", "PRON", 3, "nmod:poss", 0), ("plan", "NOUN", 1, "obj", 0), ("and", "CCONJ", 5, "cc", 0),
                  ("vowed", "VERB", 1, "conj", 0, "vow"), ("to", "PART", 7, "mark", 0), ("act", "VERB", 5, "xcomp", 0),
                  (".", "PUNCT", 1, "punct", 0)]


def test_a_content_ends_before_the_next_claims_coordinated_cue():
    from attribution.extract import before_coordinated_cue
    from attribution.extract.draft import Draft
    from attribution.model import ClaimKind

    view = parsed(OUTLINED, OUTLINED_PARSE)
    start, end = OUTLINED.index("his"), OUTLINED.index(".")
    outlined = Draft(ClaimKind.INDIRECT, [1], "outline", [0], [(start, end)], 0.9)  # as the tagger ran it on
    vowed = Draft(ClaimKind.INDIRECT, [5], "vow", [0], [(OUTLINED.index("to"), end)], 0.9)
    assert before_coordinated_cue(view, outlined, [outlined, vowed]).content == [(start, OUTLINED.index(" and"))]
    assert before_coordinated_cue(view, outlined, [outlined]).content == [(start, end)]  # no claim, no cut


ARGUING = "He rejected the plan, arguing that it costs too much."
ARGUING_PARSE = [("He", "PRON", 1, "nsubj", 0), ("rejected", "VERB", None, "root", 0, "reject"),
                 ("the", "DET", 3, "det", 0), ("plan", "NOUN", 1, "obj", 0), (",", "PUNCT", 5, "punct", 0),
                 ("arguing", "VERB", 1, "advcl", 0, "argue"), ("that", "SCONJ", 8, "mark", 0),
                 ("it", "PRON", 8, "nsubj", 0), ("costs", "VERB", 5, "ccomp", 0, "cost"), ("too", "ADV", 10, "advmod", 0),
                 ("much", "ADV", 8, "advmod", 0), (".", "PUNCT", 1, "punct", 0)]


def test_a_content_ends_before_the_next_claims_participle_cue():
    from attribution.extract import before_coordinated_cue
    from attribution.extract.draft import Draft
    from attribution.model import ClaimKind

    view = parsed(ARGUING, ARGUING_PARSE)
    start, end = ARGUING.index("the"), ARGUING.index(".")
    rejected = Draft(ClaimKind.INDIRECT, [1], "reject", [0], [(start, end)], 0.9)
    arguing = Draft(ClaimKind.INDIRECT, [5], "argue", [0], [(ARGUING.index("that"), end)], 0.9)
    assert before_coordinated_cue(view, rejected, [rejected, arguing]).content == [(start, ARGUING.index(","))]


def test_a_tagged_claim_whose_content_is_only_an_article_says_nothing():
    from attribution.extract.draft import Draft
    from attribution.extract.methods import says_something
    from attribution.model import ClaimKind

    text = "Pitman granted the request. He hailed these."
    view = parsed(text, [("Pitman", "PROPN", 1, "nsubj", 0), ("granted", "VERB", None, "root", 0),
                         ("the", "DET", 3, "det", 0), ("request", "NOUN", 1, "obj", 0), (".", "PUNCT", 1, "punct", 0),
                         ("He", "PRON", 6, "nsubj", 1), ("hailed", "VERB", None, "root", 1),
                         ("these", "DET", 6, "obj", 1), (".", "PUNCT", 6, "punct", 1)])

    def draft(cue, start, end):
        return Draft(ClaimKind.INDIRECT, [cue], view.words[cue].lemma, [], [(start, end)], 0.7, "speech")

    assert not says_something(draft(1, 15, 18), view)  # "the": the tagger cut the content short
    assert says_something(draft(6, 38, 43), view)  # "these": a demonstrative stands for what was said


LEE = "Dr. Ann Lee, who was the team doctor and later retired, said the club lied."
LEE_PARSE = [("Dr.", "PROPN", 8, "nsubj", 0, "dr."), ("Ann", "PROPN", 0, "flat", 0), ("Lee", "PROPN", 0, "flat", 0),
             (",", "PUNCT", 2, "punct", 0), ("who", "PRON", 8, "nsubj", 0), ("was", "AUX", 8, "cop", 0, "be"),
             ("the", "DET", 8, "det", 0), ("team", "NOUN", 8, "compound", 0), ("doctor", "NOUN", None, "root", 0),
             ("and", "CCONJ", 11, "cc", 0), ("later", "ADV", 11, "advmod", 0),
             ("retired", "VERB", 8, "conj", 0, "retire", "Tense=Past|VerbForm=Fin"), (",", "PUNCT", 11, "punct", 0),
             ("said", "VERB", 11, "conj", 0, "say", "Tense=Past|VerbForm=Fin"), ("the", "DET", 15, "det", 0),
             ("club", "NOUN", 16, "nsubj", 0), ("lied", "VERB", 13, "ccomp", 0, "lie", "Tense=Past|VerbForm=Fin"),
             (".", "PUNCT", 8, "punct", 0)]  # the parse the compact models gave a sentence of PolNeAR dev


def lee_claims(source: list[int]):  # noqa: ANN201 - claims of a draft on "said" with the given source words
    from attribution.extract import finalize
    from attribution.extract.draft import Draft
    from attribution.model import ClaimKind

    view = parsed(LEE, LEE_PARSE)
    content = (LEE.index("the club"), LEE.index(" lied") + len(" lied"))
    return view, finalize(view, [Draft(ClaimKind.INDIRECT, [13], "say", source, [content], 0.6)])


def test_a_source_that_opens_on_a_relative_clause_takes_the_name_it_is_about():
    _, claims = lee_claims(list(range(4, 13)))  # what the tagger marked: "who … retired,"
    assert claims[0].source.text == "Dr. Ann Lee, who was the team doctor and later retired,"


def test_a_relative_word_alone_stays_the_source_of_a_cue_in_its_clause():
    _, claims = lee_claims([4])
    assert claims[0].source.text == "who"


def test_a_verb_that_closes_its_sentence_taken_for_a_noun_still_cues_its_claim():
    text = "Secrecy is nothing new, the team's former doctor maintains."
    rows = [("Secrecy", "PROPN", 3, "nsubj", 0), ("is", "AUX", 3, "cop", 0, "be", "Tense=Pres|VerbForm=Fin"),
            ("nothing", "PRON", 3, "advmod", 0), ("new", "ADJ", None, "root", 0), (",", "PUNCT", 10, "punct", 0),
            ("the", "DET", 10, "det", 0), ("team", "NOUN", 10, "nmod", 0), ("'s", "PART", 6, "case", 0, "'s"),
            ("former", "ADJ", 10, "amod", 0), ("doctor", "NOUN", 10, "compound", 0),
            ("maintains", "NOUN", 3, "conj", 0, "maintain"), (".", "PUNCT", 3, "punct", 0)]
    claims = extract_claims(parsed(text, rows), method="rules")
    assert [(c.source.text, c.cue_text, c.content_text) for c in claims] == [
        ("the team's former doctor", "maintains", "Secrecy is nothing new")]


def test_a_clause_coordinated_in_a_relative_clause_makes_no_group_of_speakers():
    from attribution.labels.entities import resolve_entities
    from attribution.labels.lexicons import load_label_lexicons

    view, claims = lee_claims(list(range(4, 13)))
    resolved = resolve_entities(view, claims, load_label_lexicons())
    entity = resolved.entities[0]
    assert (entity.name, entity.type.value) == ("Ann Lee", "person")  # not a group of "doctor" and "retired"


def test_a_plural_source_noun_the_tagger_took_for_a_verb_is_still_plural():
    from attribution.labels.anaphora import is_plural

    text = "McConnell aides acknowledged a good relationship."
    view = parsed(text, [("McConnell", "PROPN", 1, "nsubj", 0), ("aides", "VERB", None, "root", 0, "aides"),
                         ("acknowledged", "VERB", 1, "xcomp", 0, "acknowledge"), ("a", "DET", 5, "det", 0),
                         ("good", "ADJ", 5, "amod", 0), ("relationship", "NOUN", 2, "obj", 0),
                         (".", "PUNCT", 1, "punct", 0)])  # the compact models' parse of a PolNeAR dev sentence
    assert is_plural(view, Span.of(text, 0, len("McConnell aides")))


def test_a_closing_cue_parsed_as_a_reduced_passive_still_has_its_speaker():
    text = "The study could not prove cause, the authors acknowledged."
    rows = [("The", "DET", 1, "det", 0), ("study", "NOUN", 4, "nsubj", 0), ("could", "AUX", 4, "aux", 0, "can"),
            ("not", "PART", 4, "advmod", 0), ("prove", "VERB", None, "root", 0, "prove", "VerbForm=Inf"),
            ("cause", "NOUN", 4, "obj", 0), (",", "PUNCT", 9, "punct", 0), ("the", "DET", 8, "det", 0),
            ("authors", "NOUN", 9, "nsubj:pass", 0, "author"),
            ("acknowledged", "VERB", 5, "acl", 0, "acknowledge", "Tense=Past|VerbForm=Part|Voice=Pass"),
            (".", "PUNCT", 4, "punct", 0)]  # the parse the compact models gave a made-up report
    claims = extract_claims(parsed(text, rows), method="rules")
    assert [(c.source.text, c.cue_text, c.content_text) for c in claims] == [
        ("the authors", "acknowledged", "The study could not prove cause")]
