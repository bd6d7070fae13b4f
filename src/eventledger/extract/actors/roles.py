"""Roles: titles and appositions of a mention ("the group's spokesman", "Amal Haddad, a nurse"),
and the organisation a role names, which gives the actor's affiliation."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..actor_coref import qualifier_country
from .affiliations import its_organisation, named_organisation_before
from .context import Actor, Context, Found, mention_text, same_paragraph, trim_determiners
from .lexicon import DETERMINERS, GROUP_POSSESSIVES


def add_roles(ctx: Context, found: Found, span: Span, actor: Actor) -> None:
    """Titles before the name, appositions and "who is the ..." clauses after it."""
    doc = ctx.doc
    root = span.root
    title = [t for t in doc[root.left_edge.i : span.start] if t.lower_ not in DETERMINERS]
    title = trim_determiners(same_paragraph(title, root))
    if title and not any(
        t.ent_type_ == "PERSON" and t.lower_ not in ctx.lexicon.titles for t in title
    ):
        _add_role(ctx, found, actor, title)
    for child in root.rights:
        if child.dep_ == "appos" and child.ent_type_ != "PERSON":
            _add_role(ctx, found, actor, trim_determiners(list(child.subtree)))
        elif child.dep_ == "relcl" and child.lemma_ == "be":
            for attr in child.children:
                if attr.dep_ == "attr":
                    _add_role(ctx, found, actor, trim_determiners(list(attr.subtree)))


def _add_role(ctx: Context, found: Found, actor: Actor, tokens: list[Token]) -> None:
    tokens = trim_determiners(same_paragraph(tokens, tokens[0])) if tokens else tokens
    if not tokens or len(tokens) > 15 or all(t.like_num for t in tokens):
        return  # "Lina Sabri, 34, a teacher": an age is no role
    if all(t.lower_ in ctx.lexicon.honorifics for t in tokens):
        return  # "Mr Osman": a form of address, not a role
    role = mention_text(ctx.doc, tokens)
    if role and role not in actor.roles:
        actor.roles.append(role)
    found.claimed.update(t.i for t in tokens)
    if actor.country is None:
        for token in tokens:
            country = (
                ctx.lexicon.demonym_country(token.text) if token.text[:1].isupper() else None
            )
            if country:
                actor.country = country
                break
    if actor.affiliation is None:
        affiliation = (
            _organisation_in(ctx, found, tokens)
            or _state_body_in(ctx, found, tokens)
            or _possessor_organisation(ctx, found, tokens)
        )
        if affiliation:
            actor.affiliation = affiliation


def _possessor_organisation(ctx: Context, found: Found, tokens: list[Token]) -> str | None:
    """ "The council's commander, Rasim Bek": the named organisation that a bare
    possessor ("the council's") stands for; "its spokesman, Omar Halloum": the one
    that "its" refers to (``_its_organisation``)."""
    for token in tokens:
        if token.dep_ == "poss" and any(c.lower_ == "the" for c in token.children):
            named = named_organisation_before(ctx, found, token, token.idx)
            if len(named) == 1:
                return found.actors[named.pop()].name
        if token.dep_ == "poss" and token.lower_ in GROUP_POSSESSIVES:
            organisation = its_organisation(ctx, found, token.head)
            if organisation is not None:
                return organisation.name
    return None


def _state_body_in(ctx: Context, found: Found, tokens: list[Token]) -> str | None:
    """ "a former member of the Israeli war cabinet" -> "Israel (government)": a state
    noun qualified by a country, when the dictionary has that state's entry."""
    for token in tokens:
        sector = ctx.lexicon.state_nouns.get(token.lower_)
        country = qualifier_country(token, ctx.lexicon) if sector else None
        index = ctx.lexicon.state_entries.get((country, sector)) if country else None
        if index is not None:
            return ctx.lexicon.entries[index].name
    return None


def _organisation_in(ctx: Context, found: Found, tokens: list[Token]) -> str | None:
    """The best-known organisation named among ``tokens``: a party or armed group
    before an assembly or ministry, else the first one."""
    hits: list[tuple[int, str]] = []
    doc = ctx.doc
    ents = [
        e
        for e in doc.ents
        if e.label_ in ("ORG", "FAC") and e.start >= tokens[0].i and e.end <= tokens[-1].i + 1
    ]
    for ent in ents:
        index = ctx.lexicon.lookup(
            mention_text(doc, trim_determiners(list(ent)) or list(ent)), fuzzy_threshold=ctx.fuzzy_threshold
        )
        if index is not None:
            entry = ctx.lexicon.entries[index]
            rank = 0 if entry.sector in ("party", "armed group") else 1
            hits.append((rank, entry.name))
        else:
            words = trim_determiners(list(ent))
            if words and words[-1].lower_ == "party":
                words = words[:-1]
            if words:
                hits.append((2, mention_text(doc, words)))
    # Dictionary names the NER missed ("Hamas" tagged as nothing).
    for token in tokens:
        index = (
            ctx.lexicon.lookup(token.text, fuzzy_threshold=100)
            if token.pos_ == "PROPN"
            else None
        )
        if index is not None:
            entry = ctx.lexicon.entries[index]
            hits.append((0 if entry.sector in ("party", "armed group") else 1, entry.name))
    return min(hits)[1] if hits else None


def apposed_description(ctx: Context, found: Found, span: Span, actor: Actor) -> None:
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
    elif noun.pos_ != "NOUN" or noun.lemma_.lower() in ctx.lexicon.naming_nouns:
        return  # "identified only by his first name, Hamid": how he is named, no role
    if noun.i in found.claimed:
        return
    words = same_paragraph(list(ctx.doc[noun.left_edge.i : last.i + 1]), noun)
    if not words or any(t.ent_type_ == "PERSON" for t in words):
        return
    _add_role(ctx, found, actor, trim_determiners(words))
    actor.mentions.append((words[0].idx, last.idx + len(last)))
    found.claimed.update(t.i for t in words)


def apposed_org(ctx: Context, found: Found, span: Span, actor: Actor) -> None:
    """ "Hamas' military wing, the Qassam Brigades": the possessor is the affiliation."""
    noun = span.root.head
    if noun.ent_type_ in ("DATE", "TIME") or noun.pos_ != "NOUN":
        return  # "DERAN, June 3 (Kessa Courier)": the dateline, not a description
    for child in noun.lefts:
        if child.dep_ in ("poss", "nmod", "compound") and actor.affiliation is None:
            index = ctx.lexicon.lookup(child.text, fuzzy_threshold=100)
            if index is not None:
                actor.affiliation = ctx.lexicon.entries[index].name
    role = trim_determiners(list(ctx.doc[noun.left_edge.i : noun.i + 1]))
    if role and mention_text(ctx.doc, role) not in actor.roles:
        actor.roles.append(mention_text(ctx.doc, role))
