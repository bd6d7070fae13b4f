"""Mention building: named mentions (the dictionary's, newspaper titles, spaCy's entities) keyed to
one actor each, their extents, and surnames alone joined to the full name."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..base import is_excluded
from .context import Actor, Context, Found, mention_text, same_paragraph, trim_determiners
from .lexicon import (
    ACTOR_DEPS,
    DETERMINERS,
    MEDIUM_PREPS,
    NOMINAL_SUBJECT_DEPS,
    is_acronym,
    normalise,
)
from .roles import add_roles, apposed_description, apposed_org


# -- named mentions -------------------------------------------------------------------
def entity_spans(ctx: Context, found: Found) -> list[Span]:
    spans = []
    for ent in ctx.doc.ents:
        label = ent.label_
        if label == "FAC" and ent[-1].lower_ in ctx.lexicon.org_words:
            label = "ORG"
        if label == "PERSON":
            start = ent.start
            # "Principal Amira Haddad": the NER sometimes takes the title into the name.
            while start < ent.end - 1 and ctx.doc[start].lower_ in ctx.lexicon.titles:
                start += 1
            spans.append(Span(ctx.doc, start, ent.end, label=label))
        elif label == "ORG":
            if _is_platform(ctx, found, ent):
                continue
            end = ent.end
            # "accused the ministry of 'playing ...'": the NER ran on into "of '".
            while end > ent.start + 1 and ctx.doc[end - 1].pos_ in (
                "ADP", "PUNCT", "CCONJ", "DET"
            ):
                end -= 1
            spans.append(Span(ctx.doc, ent.start, end, label=label))
        elif label == "NORP" and _norp_is_group(ctx, found, ent):
            spans.append(Span(ctx.doc, ent.start, ent.end, label="NORP"))
        elif label == "GPE" and _gpe_acts(ctx, found, ent):
            spans.append(Span(ctx.doc, ent.start, ent.end, label="GPE"))
    return spans


def newspaper_spans(ctx: Context, found: Found) -> list[Span]:
    """Newspaper names the NER may miss or take for a person: after "the", capitalised
    proper nouns ending in a title word ("the Vellan Observer", "the Kessa Courier")."""
    spans = []
    unsure = []
    for token in ctx.doc:
        if not _newspaper_title(ctx, found, token):
            continue
        start = token.i
        while start > 0 and ctx.doc[start - 1].tag_ == "NNP" and (
            ctx.doc[start - 1].text[:1].isupper()
        ):
            start -= 1
        if start == token.i:
            continue
        name = Span(ctx.doc, start, token.i + 1, label="ORG")
        if start > 0 and ctx.doc[start - 1].lower_ == "the":
            spans.append(name)
            found.newspaper_names.add(name.text)
        else:
            unsure.append(name)
    # "(Kessa Courier)" in the dateline: the same name as "the Kessa Courier" after it.
    spans += [name for name in unsure if name.text in found.newspaper_names]
    return spans


def _newspaper_title(ctx: Context, found: Found, token: Token) -> bool:
    return (
        token.tag_ == "NNP"
        and token.text[:1].isupper()
        and token.lower_ in ctx.lexicon.newspaper_titles
    )


def _newspaper_name(ctx: Context, found: Found, span: Span) -> bool:
    """Whether ``span`` is a name ``newspaper_spans`` found written after "the" ("the
    Kessa Courier"; a person's name takes no article)."""
    return mention_text(ctx.doc, trim_determiners(list(span))) in found.newspaper_names


def _is_platform(ctx: Context, found: Found, ent: Span) -> bool:
    """A media platform used as a medium, not an actor: "its Telegram channel",
    "posted on Telegram", "on his X account"."""
    if normalise(ent.text) not in ctx.lexicon.platforms:
        return False
    root = ent.root
    if root.dep_ == "compound" and root.head.lemma_.lower() in ctx.lexicon.medium_nouns:
        return True
    return root.dep_ == "pobj" and root.head.lower_ in MEDIUM_PREPS


def _norp_is_group(ctx: Context, found: Found, ent: Span) -> bool:
    root = ent.root
    return (
        root.pos_ in ("PROPN", "NOUN")
        and root.dep_ in ACTOR_DEPS
        and root.text[:1].isupper()
        and ctx.lexicon.demonym_country(root.text) is not None
    )


def _gpe_acts(ctx: Context, found: Found, ent: Span) -> bool:
    root = ent.root
    if root.dep_ in NOMINAL_SUBJECT_DEPS:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.dep_ == "agent"


def _key_for(ctx: Context, found: Found, span: Span) -> tuple[str, dict]:
    """The merge key and the fields of the actor that ``span`` names."""
    label = span.label_
    tokens = trim_determiners(list(span))
    if not tokens:
        tokens = list(span)
    text = mention_text(ctx.doc, tokens)
    index: int | None = None
    if label.startswith("DICT"):
        index = int(label[4:])
    elif label in ("ORG", "PERSON", "GPE", "NORP"):
        index = ctx.lexicon.lookup(text, fuzzy_threshold=ctx.fuzzy_threshold)
        if label == "GPE" and index is None:
            index = ctx.lexicon.lookup(f"{text} (government)", fuzzy_threshold=100)
    if index is not None:
        entry = ctx.lexicon.entries[index]
        return f"dict:{index}", {
            "name": entry.name,
            "kind": entry.kind,
            "country": entry.country,
            "sector": entry.sector,
            "affiliation": entry.affiliation,
            "gender": entry.gender,
        }
    if label == "PERSON" and (
        is_acronym(text)
        or (tokens and tokens[-1].lower_ in ctx.lexicon.org_words)
        or _newspaper_name(ctx, found, span)
    ):
        label = "ORG"  # "the Nasr Brigades", "PFLP" tagged as a person: he/she skip it
    elif (
        label == "ORG"
        and span.root.dep_ == "appos"
        and span.root.head.lemma_.lower() in ctx.lexicon.person_heads
        and 2 <= len(tokens) <= 3
        and all(t.pos_ == "PROPN" and t.lower_ not in ctx.lexicon.org_words for t in tokens)
    ):
        label = "PERSON"  # "the UN's humanitarian coordinator, Grace Obi," as an org
    if label == "PERSON":
        words = [t for t in tokens if not t.is_punct]
        surname = words[-1].text if words else text
        key = f"person:{surname.casefold()}"
        same = found.actors.get(key)
        if (
            len(words) > 1
            and same is not None
            and same.full_name
            and same.name.split()[0].casefold() != words[0].text.casefold()
        ):
            # "its leader, Sara Kamal ... her husband, Adel Kamal": two people.
            key = f"{key}:{normalise(text)}"
        return key, {
            "name": text,
            "kind": "person",
            "full_name": len(words) > 1,
        }
    if label == "GPE":
        return f"gpe:{normalise(text)}", {
            "name": text,
            "kind": "location",
            "country": ctx.lexicon.countries.get(normalise(text)),
        }
    if label == "NORP":
        return f"norp:{normalise(text).rstrip('s')}", {
            "name": text,
            "kind": "group",
            "country": ctx.lexicon.demonym_country(text),
        }
    # An organisation the dictionary lacks has its head noun's sector ("the interior
    # ministry", "the Kessa Herald newspaper"), if the noun has one.
    sector = ctx.lexicon.head_sector(tokens[-1]) if tokens[-1].pos_ == "NOUN" else None
    if _newspaper_name(ctx, found, span):
        sector = "media"
    return f"org:{normalise(text)}", {
        "name": text,
        "kind": "organization",
        "sector": None if sector == "other" else sector,
    }


def add_named(ctx: Context, found: Found, span: Span) -> None:
    key, fields = _key_for(ctx, found, span)
    mention = _mention_extent(ctx, found, span)
    if is_excluded(ctx.doc, *mention):
        mention = (span.start_char, span.end_char)
    actor = actor_by_key(ctx, found, key, fields)
    if fields.get("kind") == "person" and fields.get("full_name") and not actor.full_name:
        actor.name, actor.full_name = fields["name"], True
    actor.mentions.append(mention)
    found.claimed.update(
        t.i for t in ctx.doc.char_span(*mention, alignment_mode="expand") or span
    )
    if actor.kind == "person":
        add_roles(ctx, found, span, actor)
        if span.root.dep_ == "appos" and span.root.head.i < span.start:
            apposed_description(ctx, found, span, actor)
    elif span.root.dep_ == "appos" and span.root.head.i < span.start:
        apposed_org(ctx, found, span, actor)


def actor_by_key(ctx: Context, found: Found, key: str, fields: dict) -> Actor:
    actor = found.actors.get(key)
    if actor is None:
        actor = Actor(
            key=key,
            name=fields["name"],
            kind=fields.get("kind", "organization"),
            country=fields.get("country"),
            sector=fields.get("sector"),
            affiliation=fields.get("affiliation"),
            full_name=fields.get("full_name", True),
            gender=fields.get("gender"),
        )
        found.actors[key] = actor
    return actor


def _mention_extent(ctx: Context, found: Found, span: Span) -> tuple[int, int]:
    """The characters of a mention: the name, grown over its title ("Hamas spokesperson
    Jihad Taha"), over an organisation noun it heads or that heads it ("Qatar-based
    Al Jazeera news network", "the resistance movement of Hamas"), or over the noun it
    stands in apposition to ("Hamas' military wing, the Qassam Brigades").

    Not :func:`..syntax.noun_phrase`, which grows a head's phrase over its dependents on both
    sides: this starts from the entity's span and keeps its right end (but for a wrapper
    noun), takes whole subtrees of a few roles on the left, grows through the lexicon's
    wrapper and organisation nouns, and trims determiners rather than punctuation."""
    doc = ctx.doc
    start, end = span.start, span.end
    root = span.root
    head = root.head
    # A title or an organisation noun of which the name is a compound modifier.
    if root.dep_ == "compound" and head.i >= end and head.lower_ in ctx.lexicon.wrapper_heads:
        end = head.i + 1
    elif root.dep_ == "compound":
        return span.start_char, span.end_char
    else:
        head = root
    # Words to the left in the same noun phrase: titles, adjectives, possessors.
    left = [
        t
        for t in head.lefts
        if t.i < start
        and t.dep_ in ("compound", "amod", "poss", "nmod", "det", "case", "punct")
    ]
    if left:
        start = min(start, min(t.left_edge.i for t in left))
    # "the <wrapper> of <name>"
    if (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lower_ in ctx.lexicon.wrapper_heads
    ):
        wrapper = root.head.head
        start = min(start, wrapper.left_edge.i)
    # "<noun phrase>, <name>" apposition
    if root.dep_ == "appos" and root.head.i < start and root.head.pos_ in ("NOUN", "PROPN"):
        noun = root.head
        lexicon = ctx.lexicon
        if noun.lower_ in lexicon.wrapper_heads or noun.lemma_.lower() in lexicon.org_heads:
            start = min(start, noun.left_edge.i)
    tokens = trim_determiners(same_paragraph(list(doc[start:end]), span.root))
    if not tokens:
        return span.start_char, span.end_char
    if tokens[0].lower_ in DETERMINERS:
        tokens = tokens[1:]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def add_surnames(ctx: Context, found: Found) -> None:
    """A known person's surname standing alone where the NER saw no name ("Brandt
    added ...")."""
    surnames: dict[str, Actor] = {}
    for actor in found.actors.values():
        if actor.kind == "person" and " " in actor.name:
            surnames.setdefault(actor.name.split()[-1], actor)
    if not surnames:
        return
    for token in ctx.doc:
        actor = surnames.get(token.text)
        if actor is None or token.i in found.claimed or token.pos_ != "PROPN":
            continue
        if is_excluded(ctx.doc, token.idx, token.idx + len(token)):
            continue
        actor.mentions.append((token.idx, token.idx + len(token)))
        found.claimed.add(token.i)
