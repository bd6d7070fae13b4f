"""Paragraph breaks as sentence starts, set before the parser runs.

spaCy's parser will otherwise run a heading into the paragraph after it ("Market traders
count the cost / The army spokesperson ... said" parsed as one sentence, with "said" a
conjunct of "count" and no subject of its own). A sentence start set before parsing is a
constraint the parser keeps, so a blank line always ends a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("eventledger_paragraph_starts", assigns=["token.is_sent_start"])
def paragraph_starts(doc: Doc) -> Doc:
    """Mark the first word after a blank line as a sentence start. A line break is a token
    of its own in spaCy (a token's trailing whitespace is one space at most)."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


def add_paragraph_starts(nlp: Language) -> Language:
    """Put the component before the model's parser (or sentence recogniser), if it has one."""
    if "eventledger_paragraph_starts" not in nlp.pipe_names:
        for name in ("parser", "senter"):
            if name in nlp.pipe_names:
                nlp.add_pipe("eventledger_paragraph_starts", before=name)
                break
    return nlp
