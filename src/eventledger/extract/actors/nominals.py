"""Nominal actors: noun phrases whose head names a kind of actor ("police", "resistance
fighters", "an Israeli news website")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..base import is_excluded
from .lexicon import (
    ACTOR_DEPS,
    DETERMINERS,
    PERSONAL_PRONOUNS,
    QUANTIFIERS,
    normalise,
)
from .mentions import mention_text, same_paragraph, trim_determiners


class NominalsMixin:
    """Nominal actors."""

    # -- nominal mentions -----------------------------------------------------------------
    def add_nominals(self) -> None:
        doc = self.doc
        for chunk, root in self._nominal_candidates():
            # A lower-case "proper noun" is the tagger's slip ("the defence ministry").
            common = root.pos_ == "NOUN" or (root.pos_ == "PROPN" and root.text.islower())
            if root.i in self.claimed or not common:
                continue
            if root.dep_ not in ACTOR_DEPS:
                continue
            if root.dep_ == "pobj" and not self._pobj_acts(root):
                continue
            if any(t.like_num or t.pos_ == "NUM" or t.lower_ in QUANTIFIERS for t in chunk):
                continue  # "27 people", "several people": a figure, not an actor
            if any(t.lower_ in PERSONAL_PRONOUNS for t in chunk):
                continue
            sector = self.lexicon.head_sector(root)
            if sector is None:
                if root.i == chunk.root.i:
                    self._short_name(chunk)
                continue
            if is_excluded(doc, chunk.start_char, chunk.end_char):
                continue
            if sector == "other":
                sector = self._modifier_sector(root) or sector
            elif sector == "military" and self._modifier_sector(root) == "armed group":
                sector = "armed group"  # "a rebel commander", "militia fighters"
            tokens = trim_determiners(same_paragraph(list(chunk), root)) or [root]
            if tokens[0].i > chunk.start and doc[tokens[0].i - 1].lower_ in DETERMINERS:
                tokens = [doc[tokens[0].i - 1], *tokens]  # as written: "The Israeli media"
            text = mention_text(doc, tokens)
            key = f"nominal:{normalise(text)}"
            if tokens[0].lower_ in ("a", "an") and key in self.actors:
                # "A spokesman said ... A spokesman for the mayor said": each "a" brings in
                # someone new (and "the spokesman" after both may be either).
                key = f"{key}#{sum(k.startswith(f'{key}#') for k in self.actors) + 2}"
            kind = self._nominal_kind(root)
            country = None
            for token in chunk:
                if token.i != root.i and token.text[:1].isupper():
                    country = self.lexicon.demonym_country(token.text)
                    if country:
                        break
            actor = self._get(
                key,
                {
                    "name": text,
                    "kind": kind,
                    "country": country,
                    "sector": None if sector == "other" else sector,
                },
            )
            actor.mentions.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1])))
            self.claimed.update(t.i for t in chunk)

    @staticmethod
    def _pobj_acts(root: Token) -> bool:
        """An object of a preposition that names someone acting or speaking: "by the
        army", "according to the army"."""
        prep = root.head
        if prep.lower_ == "by" or prep.dep_ == "agent":
            return True
        return prep.lower_ == "to" and prep.head.lower_ == "according"

    def _modifier_sector(self, root: Token) -> str | None:
        """A role with no sector of its own takes its modifier's: "a police spokesman",
        "an army officer", "a rebel commander"."""
        for child in root.lefts:
            if child.dep_ in ("compound", "amod", "nmod") and child.pos_ in ("NOUN", "ADJ"):
                sector = self.lexicon.head_sector(child)
                if sector not in (None, "other"):
                    return sector
        return None

    def _nominal_candidates(self) -> list[tuple[Span, Token]]:
        """Noun chunks with their roots, each preceded by the possessor noun inside it:
        in "the council's statement" the council is someone too."""
        candidates = []
        for chunk in self.doc.noun_chunks:
            for owner in chunk.root.children:
                if owner.dep_ == "poss" and owner.pos_ == "NOUN" and owner.left_edge.i >= chunk.start:
                    candidates.append((self.doc[owner.left_edge.i : owner.i + 1], owner))
            candidates.append((chunk, chunk.root))
        return candidates

    def _short_name(self, chunk: Span) -> None:
        """ "the Human Security Monitor ... the monitor": "the" and the last word of one
        organisation named before (``_named_organisation_before``), whose head has no
        sector of its own, is that one."""
        root = chunk.root
        if root.tag_ != "NN" or [t.lower_ for t in chunk] != ["the", root.lower_]:
            return
        if is_excluded(self.doc, chunk.start_char, chunk.end_char):
            return
        named = self._named_organisation_before(root, chunk.start_char)
        if len(named) == 1:
            self.actors[named.pop()].mentions.append((chunk.start_char, chunk.end_char))
            self.claimed.update(t.i for t in chunk)

    def _nominal_kind(self, root: Token) -> str:
        lemma = root.lemma_.lower()
        if lemma in self.lexicon.org_heads and root.tag_ not in ("NNS", "NNPS"):
            return "organization"
        if lemma in self.lexicon.person_heads and root.tag_ == "NN":
            return "person"
        return "group"
