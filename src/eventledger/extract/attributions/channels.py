"""Channels: how something was said ("in a statement", "in an interview with Radio
Kestrel", "told reporters"), and whom a speaker cites ("citing hospital sources")."""

from __future__ import annotations

from spacy.tokens import Token

from ..base import actor_at
from ..syntax import SUBJECT_DEPS
from . import cue_words
from .context import Context


def channel(ctx: Context, verb: Token) -> tuple[int, int] | None:
    # "Speaking in an interview with Radio Kestrel, the mayor said": the channel may
    # hang on a participle beside the verb; a reporting participle after it reports
    # words of its own ("said ..., adding in a later statement that ...").
    beside = [
        c for c in verb.children
        if c.dep_ == "advcl" and c.tag_ == "VBG"
        and not (c.i > verb.i and c.lemma_.lower() in ctx.cues.verbs)
    ]
    # "A spokesman, speaking to the Times, insisted": or on the speaker.
    beside += [
        c for s in verb.children if s.dep_ in SUBJECT_DEPS
        for c in s.children if c.dep_ == "acl" and c.tag_ == "VBG"
    ]
    # "claimed responsibility in a post on its channel": or on the verb's object.
    beside += [c for c in verb.children if c.dep_ == "dobj"]
    for child in [*verb.children, *(g for c in beside for g in c.children)]:
        for pobj in channel_nouns_at(ctx, child):
            return channel_extent(ctx, pobj, clause_on_channel(ctx, verb))
        if (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and child.head in beside
            and child.head.lemma_.lower() in ctx.cues.speaking_verbs
        ):
            # "speaking to the Orvania Times": whom the speaker spoke to, as with "told".
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj.left_edge.idx, pobj.idx + len(pobj)
        if child.dep_ in ("dative", "dobj") and verb.lemma_.lower() in ctx.cues.briefing_verbs:
            return child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i:
        # "In a video posted on Telegram, a commander stood by a hangar and said ...":
        # the phrase that opens the sentence holds for both verbs.
        for child in verb.head.children:
            if child.i < verb.head.i and child.i == child.sent.start:
                for pobj in channel_nouns_at(ctx, child):
                    return channel_extent(ctx, pobj)
    return None


def channel_extent(ctx: Context, pobj: Token, clause: Token | None = None) -> tuple[int, int]:
    """The channel as written: the channel noun's phrase without its leading article
    or possessive ("statement posted on its Telegram channel"). A comma ends it: what
    follows is most often the speaker, mis-parsed as an apposition to it. So does a
    reported ``clause`` the parser hung on the channel noun."""
    tokens = [
        t for t in pobj.subtree
        if not (t.i == pobj.left_edge.i and t.dep_ in ("det", "poss") and t.i < pobj.i)
    ]
    stop = next(
        (t.i for t in tokens if t.text == "," and t.i > pobj.i),
        clause.left_edge.i if clause is not None else None,
    )
    if stop is not None:
        tokens = [t for t in tokens if t.i < stop]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return ctx.trim(start, end)


def is_outlet(ctx: Context, token: Token) -> bool:
    """Whether the noun ``token`` names a news outlet: an organisation of the media
    sector, or a phrase with a noun of the media that names no person ("the regional
    broadcaster Radio Okapi", "Radio Kestrel", "state television"; not "reporters"). A
    medium owned by someone ("its channel") is no outlet."""
    if any(c.dep_ == "poss" for c in token.children):
        return False
    names = [token, *(c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN")]
    phrase = [
        t for name in names for t in name.subtree
        if t.i == name.i or (t.head.i == name.i and t.dep_ in ("compound", "amod"))
    ]
    for name in names:
        actor = actor_at(ctx.doc, name.idx, name.idx + len(name))
        if actor is not None and actor.get("kind") in ("person", "group"):
            return False
        if actor is not None and actor.get("sector") == "media":
            return True
    outlet_nouns = ctx.media_nouns - ctx.cues.person_nouns
    lowered = [t.lower_ for t in sorted(phrase, key=lambda t: t.i)]
    words = set(lowered) | {t.lemma_.lower() for t in phrase}
    words |= {" ".join(pair) for pair in zip(lowered, lowered[1:], strict=False)}
    return bool(words & outlet_nouns)


def agents(verb: Token) -> list[Token]:
    """The objects of ``verb``'s "by" agent: "quoted by the Courier" -> "Courier"."""
    return [
        obj for agent in verb.children if agent.dep_ == "agent"
        for obj in agent.children if obj.dep_ == "pobj"
    ]


def is_channel_noun(ctx: Context, token: Token) -> bool:
    words = [token.lemma_.lower(), token.lower_]
    compound = " ".join(  # "press conference", "social media"
        [t.lower_ for t in token.lefts if t.dep_ in ("compound", "amod")] + [token.lower_]
    )
    return any(w in ctx.cues.channel_nouns for w in [*words, compound])


def channel_nouns_at(ctx: Context, prep: Token) -> list[Token]:
    """The channel nouns ``prep`` introduces, if it is a channel preposition ("in a
    statement", "on its Telegram channel")."""
    if prep.lower_ == "by":
        # "said by telephone": a bare noun is the means; "quoted by the channel" (and
        # any "by" with an article) is who carried the words.
        if prep.dep_ not in ("prep", "agent"):
            return []
        return [
            c for c in prep.children
            if c.dep_ == "pobj" and is_channel_noun(ctx, c)
            and not any(d.dep_ in ("det", "poss") for d in c.children)
        ]
    if prep.dep_ != "prep" or prep.lower_ not in ctx.cues.channel_prepositions:
        return []
    return [c for c in prep.children if c.dep_ == "pobj" and is_channel_noun(ctx, c)]


def channel_nouns_of(ctx: Context, token: Token) -> list[Token]:
    """The channel nouns of ``token``'s channel phrases ("in a post on its channel")."""
    return [noun for prep in token.children for noun in channel_nouns_at(ctx, prep)]


def clause_on_channel(ctx: Context, verb: Token) -> Token | None:
    """The "that" clause of "X stressed in a statement that ...", parsed as a clause of
    the channel noun, when the verb has no complement of its own."""
    if any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return None
    for noun in channel_nouns_of(ctx, verb):
        # "in a message posted online that ...": or on a participle of the noun.
        heads = [noun, *(c for c in noun.rights if channel_participle(ctx, c))]
        for head in heads:
            for clause in head.rights:
                if (
                    clause.dep_ in ("acl", "relcl", "ccomp")
                    and clause.pos_ in ("VERB", "AUX")
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
                ):
                    return clause
    return None


def channel_participle(ctx: Context, token: Token) -> bool:
    """ "posted" in "a message posted online": a participle describing a channel noun,
    which reports nothing itself."""
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and token.head.dep_ == "pobj"
        and is_channel_noun(ctx, token.head)
    )


def cites(ctx: Context, verb: Token) -> list[tuple[int, int]]:
    """ "citing hospital sources", "quoting officials" beside the verb or its subject."""
    found = []
    candidates = list(verb.children)
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            candidates += list(child.children)
        elif child.dep_ == "ccomp" and child.i > verb.i:
            # "They said 40 were detained, citing lawyers": the parser hangs the
            # participle that closes the sentence on the reported clause.
            words = [t.i for t in child.sent if not (t.is_punct or t.is_space)]
            candidates += [
                c
                for c in child.children
                if c.i > child.i
                and c.right_edge.i >= max(words)
                and ctx.doc[c.left_edge.i - 1].text == ","
            ]
    after = verb.i + 2
    if after < len(ctx.doc) and ctx.doc[after - 1].text == ",":
        # "The army said, quoting a commander, that ...": wherever the parser hung it.
        candidates.append(ctx.doc[after])
    for token in {t.i: t for t in candidates}.values():
        if cue_words.is_cite_participle(ctx, token):
            # Only what stands before a clause the parser hung on the participle is cited.
            clause = next((c.i for c in token.rights if c.dep_ == "ccomp"), len(ctx.doc))
            for obj in token.children:
                if obj.dep_ in ("dobj", "pobj") and obj.i < clause:
                    start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
                    found.append(ctx.trim(start, end))
    return found

