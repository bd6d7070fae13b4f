"""What the stages of actor building share: a read-only context of one document (its
Doc, the lexicon, the fuzzy threshold), the actors found so far, and helpers over mentions."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..syntax import doc_text, on_line
from .lexicon import DETERMINERS, ActorLexicon


@dataclass(frozen=True)
class Context:
    """One document and what is read while its actors are built; never changed."""

    doc: Doc
    lexicon: ActorLexicon
    fuzzy_threshold: float


@dataclass
class Found:
    """The result that the stages build in order: the actors by key, the tokens already
    inside a mention, and the newspaper names seen after "the"."""

    actors: dict[str, Actor] = field(default_factory=dict)
    claimed: set[int] = field(default_factory=set)
    newspaper_names: set[str] = field(default_factory=set)  # "Kessa Courier"


@dataclass
class Actor:
    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    affiliation: str | None = None
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    full_name: bool = True  # a person known by more than a surname
    gender: str | None = None


def trim_determiners(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].lower_ in DETERMINERS or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS" or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def same_paragraph(tokens: list[Token], anchor: Token) -> list[Token]:
    """The tokens in ``anchor``'s paragraph: the parser sometimes runs a heading or a
    caption into the next sentence, and a mention never crosses a line break."""
    return on_line(tokens, anchor, whole=True)


def mention_text(doc: Doc, tokens: list[Token]) -> str:
    return doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1])] if tokens else ""
