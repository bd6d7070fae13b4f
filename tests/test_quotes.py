"""Quotation scanning: every mark style, quotes across paragraphs, unbalanced marks."""

from __future__ import annotations

import pytest

from eventledger.extract.quotes import add_quote_splits, find_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('The clerk said "the doors open at nine" and left.', ["the doors open at nine"]),
        ("The clerk said “the doors open at nine” and left.", ["the doors open at nine"]),
        ("The clerk said ‘the doors open at nine’ and left.", ["the doors open at nine"]),
        ("The clerk said 'the doors open at nine' and left.", ["the doors open at nine"]),
        ("Le greffier a dit « les portes ouvrent » puis est parti.", ["les portes ouvrent"]),
        ("Er sagte „die Türen öffnen“ und ging.", ["die Türen öffnen"]),
        ("She read ‹ok› aloud.", ["ok"]),
    ],
)
def test_every_mark_style(text, expected):
    assert quoted(text) == expected


def test_offsets_point_into_the_text_and_marks_are_outside():
    text = "“First words,” the baker said. “Second words.”"
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["First words,", "Second words."]
    for quote in quotes:
        assert text[quote.outer_start] == "“" and text[quote.outer_end - 1] == "”"
        assert quote.closed


def test_apostrophes_are_not_quotes():
    text = "The bakers’ union said it won’t strike, and it's the 90's style."
    assert quoted(text) == []


def test_single_quotes_inside_double_quotes_stay_inside():
    text = "“He called it ‘a fine loaf’ twice,” she said."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert text[quotes[0].start : quotes[0].end] == "He called it ‘a fine loaf’ twice,"


def test_multi_paragraph_quote_runs_to_the_last_closing_mark():
    text = (
        "The mayor spoke for an hour.\n\n"
        "“We will pave the road this spring.\n\n"
        "“We will also fix the lights,” she said.\n\n"
        "Nobody asked questions."
    )
    quotes = find_quotes(text)
    assert len(quotes) == 1
    inner = text[quotes[0].start : quotes[0].end]
    assert inner.startswith("We will pave the road")
    assert inner.endswith("fix the lights,")
    assert quotes[0].closed


def test_unbalanced_opening_mark_runs_to_the_end_of_its_paragraph():
    text = "The coach said “we never give up\n\nThe next game is on Sunday."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert text[quotes[0].start : quotes[0].end] == "we never give up"
    assert not quotes[0].closed


def test_unbalanced_straight_quote_at_text_end():
    text = 'The coach added that "nobody will stop us?'
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["nobody will stop us?"]
    assert not quotes[0].closed


@pytest.mark.parametrize("text", ["", "”", "“", "‘’", '"', "\n\n“\n\n", "« »", "a ’ b ‘ c"])
def test_odd_inputs_never_raise(text):
    for quote in find_quotes(text):
        assert 0 <= quote.start <= quote.end <= len(text)



@pytest.mark.parametrize(
    "text, words",
    [
        ("Mora said,“Look here.”", ["Mora", "said", ",", "“", "Look", "here", ".", "”"]),
        ('the mayor:"We stay."', ["the", "mayor", ":", '"', "We", "stay", ".", '"']),
        ('was over."Then we left', ["was", "over", ".", '"', "Then", "we", "left"]),
    ],
)
def test_a_mark_typed_against_punctuation_is_a_token_of_its_own(nlp, text, words):
    assert [t.text for t in nlp.tokenizer(text)] == words


def test_quote_splits_leave_other_words_as_the_model_has_them(nlp, bare_nlp):
    text = "The U.S. envoy, e.g. Ms. Ray, said 3.5 km; don't go! 'Yes,' he said."
    assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in bare_nlp.tokenizer(text)]
    pattern = nlp.tokenizer.infix_finditer.__self__.pattern
    add_quote_splits(nlp)  # a second call adds nothing
    assert nlp.tokenizer.infix_finditer.__self__.pattern == pattern


def test_a_model_read_with_the_splits_tokenizes_as_one_given_them_afterwards(
    model_name, tmp_path
):
    import spacy

    from eventledger.pipeline import load_model

    given = add_quote_splits(load_model(model_name))
    read = load_model(model_name, quote_splits=True)
    assert read.tokenizer.to_bytes() == given.tokenizer.to_bytes()
    text = "Mora said,“Look here.” The U.S. envoy, e.g. Ms. Ray, said: don't go! 'Yes,' he said."
    assert [t.text for t in read(text)] == [t.text for t in given(text)]
    assert [t.text for t in read.tokenizer("said,“Look")] == ["said", ",", "“", "Look"]
    assert len(load_model(model_name).tokenizer("said,“Look")) == 1  # the model's own
    # a model given by its folder
    folder = tmp_path / "blank"
    spacy.blank("en").to_disk(folder)
    blank = load_model(str(folder), quote_splits=True)
    assert [t.text for t in blank.tokenizer('mayor:"We')] == ["mayor", ":", '"', "We"]
    assert [t.text for t in blank.tokenizer("don't")] == ["do", "n't"]
