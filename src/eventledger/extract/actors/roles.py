"""Roles: titles and appositions of a mention ("the group's spokesman", "Amal Haddad, a nurse"),
and the organisation a role names, which gives the actor's affiliation."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..actor_coref import qualifier_country
from .lexicon import DETERMINERS
from .mentions import Actor, mention_text, same_paragraph, trim_determiners


class RolesMixin:
    """Roles and the affiliations they give."""

    def _roles(self, span: Span, actor: Actor) -> None:
        """Titles before the name, appositions and "who is the ..." clauses after it."""
        doc = self.doc
        root = span.root
        title = [t for t in doc[root.left_edge.i : span.start] if t.lower_ not in DETERMINERS]
        title = trim_determiners(same_paragraph(title, root))
        if title and not any(
            t.ent_type_ == "PERSON" and t.lower_ not in self.lexicon.titles for t in title
        ):
            self._add_role(actor, title)
        for child in root.rights:
            if child.dep_ == "appos" and child.ent_type_ != "PERSON":
                self._add_role(actor, trim_determiners(list(child.subtree)))
            elif child.dep_ == "relcl" and child.lemma_ == "be":
                for attr in child.children:
                    if attr.dep_ == "attr":
                        self._add_role(actor, trim_determiners(list(attr.subtree)))

    def _add_role(self, actor: Actor, tokens: list[Token]) -> None:
        tokens = trim_determiners(same_paragraph(tokens, tokens[0])) if tokens else tokens
        if not tokens or len(tokens) > 15 or all(t.like_num for t in tokens):
            return  # "Lina Sabri, 34, a teacher": an age is no role
        if all(t.lower_ in self.lexicon.honorifics for t in tokens):
            return  # "Mr Osman": a form of address, not a role
        role = mention_text(self.doc, tokens)
        if role and role not in actor.roles:
            actor.roles.append(role)
        self.claimed.update(t.i for t in tokens)
        if actor.country is None:
            for token in tokens:
                country = (
                    self.lexicon.demonym_country(token.text) if token.text[:1].isupper() else None
                )
                if country:
                    actor.country = country
                    break
        if actor.affiliation is None:
            affiliation = (
                self._organisation_in(tokens)
                or self._state_body_in(tokens)
                or self._possessor_organisation(tokens)
            )
            if affiliation:
                actor.affiliation = affiliation

    def _possessor_organisation(self, tokens: list[Token]) -> str | None:
        """ "The council's commander, Rasim Bek": the named organisation that a bare
        possessor ("the council's") stands for; "its spokesman, Omar Halloum": the one
        that "its" refers to (``_its_organisation``)."""
        for token in tokens:
            if token.dep_ == "poss" and any(c.lower_ == "the" for c in token.children):
                named = self._named_organisation_before(token, token.idx)
                if len(named) == 1:
                    return self.actors[named.pop()].name
            if token.dep_ == "poss" and token.lower_ in ("its", "their"):
                organisation = self._its_organisation(token.head)
                if organisation is not None:
                    return organisation.name
        return None

    def _state_body_in(self, tokens: list[Token]) -> str | None:
        """ "a former member of the Israeli war cabinet" -> "Israel (government)": a state
        noun qualified by a country, when the dictionary has that state's entry."""
        for token in tokens:
            sector = self.lexicon.state_nouns.get(token.lower_)
            country = qualifier_country(token, self.lexicon) if sector else None
            index = self.lexicon.state_entries.get((country, sector)) if country else None
            if index is not None:
                return self.lexicon.entries[index].name
        return None

    def _organisation_in(self, tokens: list[Token]) -> str | None:
        """The best-known organisation named among ``tokens``: a party or armed group
        before an assembly or ministry, else the first one."""
        found: list[tuple[int, str]] = []
        doc = self.doc
        ents = [
            e
            for e in doc.ents
            if e.label_ in ("ORG", "FAC") and e.start >= tokens[0].i and e.end <= tokens[-1].i + 1
        ]
        for ent in ents:
            index = self.lexicon.lookup(
                mention_text(doc, trim_determiners(list(ent)) or list(ent)), fuzzy_threshold=self.fuzzy_threshold
            )
            if index is not None:
                entry = self.lexicon.entries[index]
                rank = 0 if entry.sector in ("party", "armed group") else 1
                found.append((rank, entry.name))
            else:
                words = trim_determiners(list(ent))
                if words and words[-1].lower_ == "party":
                    words = words[:-1]
                if words:
                    found.append((2, mention_text(doc, words)))
        # Dictionary names the NER missed ("Hamas" tagged as nothing).
        for token in tokens:
            index = (
                self.lexicon.lookup(token.text, fuzzy_threshold=100)
                if token.pos_ == "PROPN"
                else None
            )
            if index is not None:
                entry = self.lexicon.entries[index]
                found.append((0 if entry.sector in ("party", "armed group") else 1, entry.name))
        return min(found)[1] if found else None

    def _apposed_description(self, span: Span, actor: Actor) -> None:
        """ "The port spokesperson, Captain Mira Solberg, said": the description is a
        mention of the person (so it is the speaker's name) and her role."""
        noun = span.root.head
        last = noun
        if noun.lower_ == "one":
            # "one of the organisers, Leyla Demir, said"
            last = next(
                (
                    pobj
                    for prep in noun.rights
                    if prep.dep_ == "prep" and prep.lower_ == "of"
                    for pobj in prep.children
                    if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN" and pobj.tag_ == "NNS"
                ),
                None,
            )
            if last is None:
                return
        elif noun.pos_ != "NOUN" or noun.lemma_.lower() in ("name", "nickname", "surname"):
            return  # "identified only by his first name, Hamid": how he is named, no role
        if noun.i in self.claimed:
            return
        words = same_paragraph(list(self.doc[noun.left_edge.i : last.i + 1]), noun)
        if not words or any(t.ent_type_ == "PERSON" for t in words):
            return
        self._add_role(actor, trim_determiners(words))
        actor.mentions.append((words[0].idx, last.idx + len(last)))
        self.claimed.update(t.i for t in words)

    def _apposed_org(self, span: Span, actor: Actor) -> None:
        """ "Hamas' military wing, the Qassam Brigades": the possessor is the affiliation."""
        noun = span.root.head
        if noun.ent_type_ in ("DATE", "TIME") or noun.pos_ != "NOUN":
            return  # "DERAN, June 3 (Kessa Courier)": the dateline, not a description
        for child in noun.lefts:
            if child.dep_ in ("poss", "nmod", "compound") and actor.affiliation is None:
                index = self.lexicon.lookup(child.text, fuzzy_threshold=100)
                if index is not None:
                    actor.affiliation = self.lexicon.entries[index].name
        role = trim_determiners(list(self.doc[noun.left_edge.i : noun.i + 1]))
        if role and mention_text(self.doc, role) not in actor.roles:
            actor.roles.append(mention_text(self.doc, role))
