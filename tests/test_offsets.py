"""Offsets slice the original text exactly: curly quotes, quotation marks made of two apostrophes, non-ASCII,
CRLF and CR line endings, batches."""
from __future__ import annotations

from conftest import SEEDS, SHARED

from attribution import AnnotatedDocument


def assert_exact(doc: AnnotatedDocument) -> None:
    for sentence in doc.sentences:
        assert doc.text[sentence.start:sentence.end] == sentence.text
    for claim in doc.claims:
        for span in claim.parts():
            assert doc.text[span.start:span.end] == span.text
        assert claim.content, claim


def test_seed_offsets(annotator):
    for path in sorted(SEEDS.glob("*.txt")):
        doc = annotator.annotate(path.read_text(encoding="utf-8"), path.stem)
        assert len(doc.claims) >= 15
        assert_exact(doc)


def test_windows_and_old_mac_line_endings(annotator):
    text = (SEEDS / "002_d7878f16286ace3a.txt").read_text(encoding="utf-8")
    plain = annotator.annotate(text)
    for newline in ("\r\n", "\r"):
        doc = annotator.annotate(text.replace("\n", newline))
        assert_exact(doc)
        assert [(c.cue_text, c.content_text.replace(newline, "\n")) for c in doc.claims][:10] == \
            [(c.cue_text, c.content_text) for c in plain.claims][:10]


def test_two_apostrophes_quote_like_a_straight_mark(annotator):
    """''This,'' he said (New York Times archive text) reads as "This," he said, with offsets over both
    apostrophes; the tokenizer alone glues the marks to words (''taking, look'')."""
    text = ("''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist. ''It's anti-reform.''\n"
            "Mr. Burman said the plan was ''taking the wrong path.''")
    straight = annotator.annotate(text.replace("''", '"'))
    doc = annotator.annotate(text)
    assert_exact(doc)
    assert [t.form for t in doc.tokens if "''" in t.form] == ["''"] * 6
    assert [(c.kind, c.cue_text, c.content_text.replace("''", '"')) for c in doc.claims] == \
        [(c.kind, c.cue_text, c.content_text) for c in straight.claims]
    assert doc.claims[0].content[0].text == "''This isn't tax reform,''"


def test_batch_equals_one_by_one(annotator):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + ["", "Kyiv says it is fine."]
    batched = list(annotator.annotate_many(texts))
    single = [annotator.annotate(t, f"doc{n}") for n, t in enumerate(texts, 1)]
    assert batched == single


def test_empty_and_blank_documents(annotator):
    for text in ("", "   \n\n  "):
        doc = annotator.annotate(text)
        assert doc.claims == () and doc.sentences == () and doc.text == text


def test_polnear_dev_sample_runs(annotator):
    texts = sorted((SHARED / "data/polnear/dev/text").glob("*.txt"))[:6]
    for doc in annotator.annotate_many([p.read_text(encoding="utf-8") for p in texts]):
        assert_exact(doc)


def test_overlong_sentence_is_split_for_the_parser(annotator):
    text = " ".join(["officials said the army moved"] * 120) + ". Kyiv says it's fine."
    doc = annotator.annotate(text)
    assert doc.warnings == ("sentence 1 has 601 words: split into pieces of at most 250 for the parser",)
    assert_exact(doc)
    assert doc.claims[-1].content[0].text == "it's fine"


def test_split_keeps_multiword_tokens_whole(annotator):
    from stanza.models.common.doc import Document

    from attribution.sentences import bounded_sentences

    text = "I don't know what they'll do now or ever."
    tokenized = annotator._pipeline.process(Document([], text=text), processors="tokenize,mwt")
    doc, warnings = bounded_sentences(tokenized, 3)
    assert warnings and all(len(s.words) <= 3 for s in doc.sentences)
    assert [t.text for s in doc.sentences for t in s.tokens] == [t.text for s in tokenized.sentences for t in s.tokens]
    assert all(t.start_char is not None for s in doc.sentences for t in s.tokens)


def test_a_word_split_with_no_apostrophe_is_one_word_again_and_contractions_stay_split(annotator):
    from stanza.models.common.doc import Document

    from attribution.sentences import whole_words

    text = "Its president, Donna Brazile, said it cannot be done. It's late; he's gonna go."
    doc = whole_words(annotator._pipeline.process(Document([], text=text), processors="tokenize,mwt"))
    words = [w.text for s in doc.sentences for w in s.words]
    assert words[:4] == ["Its", "president", ",", "Donna"]
    assert {"can", "not", "It", "'s", "gon", "na"} <= set(words)
    assert all(text[t.start_char:t.end_char] == t.text for s in doc.sentences for t in s.tokens)
    assert all([w.id for w in s.words] == list(range(1, len(s.words) + 1)) for s in doc.sentences)


def tokenized_as(text: str, sentences: list[list[str]]):
    """A Stanza Document with these sentences of tokens, as the tokenizer would give them for ``text``."""
    from stanza.models.common.doc import Document

    entries, at = [], 0
    for sentence in sentences:
        rows = []
        for n, token in enumerate(sentence, 1):
            at = text.index(token, at)
            rows.append({"id": n, "text": token, "start_char": at, "end_char": at + len(token)})
            at += len(token)
        entries.append(rows)
    return Document(entries, text=text)


def test_a_sentence_ending_on_a_form_of_address_joins_the_name():
    from attribution.sentences import joined_after_honorifics

    text = "He has endorsed Sen. Ted Cruz. Mrs. Clinton has not."
    doc = joined_after_honorifics(tokenized_as(text, [["He", "has", "endorsed", "Sen", "."], ["Ted", "Cruz", "."],
                                                      ["Mrs."], ["Clinton", "has", "not", "."]]))
    assert [[t.text for t in s.tokens] for s in doc.sentences] == [
        ["He", "has", "endorsed", "Sen.", "Ted", "Cruz", "."], ["Mrs.", "Clinton", "has", "not", "."]]
    assert all(text[t.start_char:t.end_char] == t.text for s in doc.sentences for t in s.tokens)
    assert [w.id for w in doc.sentences[0].words] == list(range(1, 8))


def test_a_sentence_cut_after_a_first_name_or_title_joins_the_rest_of_the_name():
    from attribution.sentences import joined_after_honorifics

    text = "\"Go,\" said Jennifer Wu, a former aide. Prime Minister Theresa May agreed.\n\nSAVE A QUARTER Let's say."
    sentences = [["\"", "Go", ",", "\"", "said", "Jennifer"], ["Wu", ",", "a", "former", "aide", "."],
                 ["Prime", "Minister"], ["Theresa", "May", "agreed", "."], ["SAVE", "A", "QUARTER"],
                 ["Let", "'s", "say", "."]]
    doc = joined_after_honorifics(tokenized_as(text, sentences))
    assert [[t.text for t in s.tokens] for s in doc.sentences] == [
        sentences[0] + sentences[1], sentences[2] + sentences[3], sentences[4], sentences[5]]


def test_a_form_of_address_before_a_paragraph_break_or_a_small_letter_stays_a_sentence_end():
    from attribution.sentences import joined_after_honorifics

    text = "He wrote to the Gov.\n\nThe Gov. replied. The reply went to the Rep. and the aide."
    sentences = [["He", "wrote", "to", "the", "Gov."], ["The", "Gov.", "replied", "."],
                 ["The", "reply", "went", "to", "the", "Rep."], ["and", "the", "aide", "."]]
    doc = joined_after_honorifics(tokenized_as(text, sentences))
    assert [[t.text for t in s.tokens] for s in doc.sentences] == sentences


def test_a_name_after_a_form_of_address_at_a_paragraph_start_stays_in_its_sentence(annotator):
    doc = annotator.annotate("The bill passed.\n\nSen. Tom Reed said it would help farmers.")
    assert [s.text for s in doc.sentences] == ["The bill passed.", "Sen. Tom Reed said it would help farmers."]
    assert [(c.source.text, c.cue_text) for c in doc.claims] == [("Sen. Tom Reed", "said")]
