"""Paragraph breaks as sentence starts, set before the parser runs.

spaCy's parser will otherwise run a heading into the paragraph after it ("Market traders
count the cost / The army spokesperson ... said" parsed as one sentence, with "said" a
conjunct of "count" and no subject of its own). A sentence start set before parsing is a
constraint the parser keeps, so a blank line always ends a sentence.

A run of words with no sentence end at all (no full stop, question or exclamation mark,
line break) longer than ``max_run_tokens`` is cut after a comma: text that is one clause
after another ("Officials said two were killed in Gao, officials said ...") would be one
sentence whose every report holds all the reports after it, and the extractors, which read
a report's subtree and its sentence, would take time that grows with the square of its
length. News prose never comes near the default; a cut run is no sentence anyway.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .syntax import holds_blank_line

_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})


class ParagraphStarts:
    def __init__(self, *, max_run_tokens: int) -> None:
        self.max_run_tokens = max_run_tokens

    def __call__(self, doc: Doc) -> Doc:
        """Mark the first word after a blank line as a sentence start, and cut runs without
        a sentence end. A line break is a token of its own in spaCy (a token's trailing
        whitespace is one space at most)."""
        run = 0
        for token in doc[:-1]:
            if token.is_space and holds_blank_line(token.text):
                doc[token.i + 1].is_sent_start = True
            if token.is_space and "\n" in token.text or token.text in _SENTENCE_ENDS:
                run = 0
                continue
            run += 1
            if self.max_run_tokens and run > self.max_run_tokens and token.text == ",":
                following = doc[token.i + 1]
                if not (following.is_space or following.is_punct):
                    following.is_sent_start = True
                    run = 0
        return doc


@Language.factory(
    "eventledger_paragraph_starts",
    assigns=["token.is_sent_start"],
    default_config={"max_run_tokens": 250},
)
def paragraph_starts(nlp: Language, name: str, *, max_run_tokens: int) -> ParagraphStarts:
    """``max_run_tokens``: the longest run of words without a sentence end that is left to
    the parser as it is (0: no limit)."""
    return ParagraphStarts(max_run_tokens=max_run_tokens)


def add_paragraph_starts(nlp: Language) -> Language:
    """Put the component before the model's parser (or sentence recogniser), if it has one."""
    if "eventledger_paragraph_starts" not in nlp.pipe_names:
        for name in ("parser", "senter"):
            if name in nlp.pipe_names:
                nlp.add_pipe("eventledger_paragraph_starts", before=name)
                break
    return nlp
