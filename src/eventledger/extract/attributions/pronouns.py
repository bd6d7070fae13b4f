"""Sources resolved to actors: a participle's speaker from its head verb, pronouns ("he",
"it", "they") to the latest compatible actor or unnamed speaker, "who" to its noun, "the
statement" to whoever made it."""

from __future__ import annotations

from spacy.tokens import Token

from ...data_files import word_lists
from ..actor_coref import gender_fits
from ..base import actor_at, add_mention, mention_index
from ..syntax import SUBJECT_DEPS
from . import sources
from .candidates import Candidate
from .context import Context

# With the possessives: "His statement said" is his.
PERSON_PRONOUNS = word_lists("grammar_words")["person_pronouns"]
ORG_PRONOUNS = word_lists("grammar_words")["org_pronouns"]
PLURAL_PRONOUNS = word_lists("grammar_words")["plural_pronouns"]
_FEMALE_PRONOUNS = word_lists("grammar_words")["female_pronouns"]
_DEFINITE = word_lists("grammar_words")["definite_determiners"]
# endswith takes a tuple; which ending fits first does not matter
_PLURAL_ENDINGS = tuple(sorted(word_lists("grammar_words")["plural_name_endings"]))


def resolve_sources(ctx: Context, attrs: list[Candidate]) -> None:
    by_token = {a.cue_token.i: a for a in attrs if a.cue_token is not None}
    ordered = sorted(attrs, key=lambda a: a.cue[0] if a.cue else a.content[0])
    done: list[Candidate] = []
    for attr in ordered:
        if attr.source is None and attr.inherit_from is not None:
            head = by_token.get(attr.inherit_from.i)
            if head is not None and head is not attr and head.source is not None:
                attr.source, attr.source_token = head.source, head.source_token
                attr.name, attr.actor = head.name, head.actor
                if attr.channel is None and attr.cue_token is not None and (
                    attr.cue_token.tag_ == "VBG"
                ):
                    # "... in a statement on Telegram, saying ...": the same statement.
                    attr.channel = head.channel
            else:
                subject = sources.subject_of(ctx, attr.inherit_from)
                if subject is not None:
                    attr.source_token, attr.source = subject, sources.source_extent(ctx, subject)
        if attr.source is not None and attr.actor is None:
            resolve(ctx, attr, done)
        done.append(attr)


def resolve(ctx: Context, attr: Candidate, done: list[Candidate]) -> None:
    start, end = attr.source
    word = ctx.text[start:end].lower()
    pronoun = attr.source_token is not None and attr.source_token.pos_ == "PRON"
    if pronoun and word in PERSON_PRONOUNS | ORG_PRONOUNS | PLURAL_PRONOUNS:
        # "The Courier quoted him": an object pronoun is never its own verb's subject.
        token = attr.source_token
        verb = token.head if token.dep_ in ("dobj", "dative") else None
        found = latest_antecedent(ctx, word, start, done, not_subject_of=verb)
        unnamed = unnamed_speaker(ctx, word, start, done)
        if unnamed is not None and (found is None or unnamed.source[0] > found[0]):
            # "a diplomat who spoke on condition of anonymity ... She said": the
            # latest speaker is one the text does not name; kept as written.
            attr.name = ctx.text[unnamed.source[0] : unnamed.source[1]]
            return
        actor = found[1] if found is not None else None
        if actor is not None:
            if not any(m["start"] == start for m in actor["mentions"]):
                add_mention(ctx.doc, actor, start, end)
            attr.name, attr.actor = actor["name"], actor
        return
    token = attr.source_token
    if token is not None and token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
        # "X, who said ...": the source is written "who" and is X.
        antecedent = token.head.head
        if antecedent.dep_ == "appos" and antecedent.head.pos_ == "PROPN":
            # "Amira Tal, a student who said ...": the one the description is of.
            antecedent = antecedent.head
        extent = sources.source_extent(ctx, antecedent)
        actor = actor_at(ctx.doc, *extent)
        if actor is not None:
            attr.name, attr.actor = actor["name"], actor
        else:
            attr.name = ctx.text[extent[0] : extent[1]]
        return
    if token is not None and sources.conjuncts(ctx, token):
        return  # two or more speakers: the source is no one actor, and named as written
    actor = actor_at(ctx.doc, start, end)
    if actor is None and token is not None:
        through = earlier_channel(ctx, token, done)
        if through is not None:
            # "X said in a statement ... The statement said": X speaks through it.
            written = ctx.text[through.source[0] : through.source[1]]
            attr.name, attr.actor = through.name or written, through.actor
            return
    if actor is None:
        actor = written_alike(ctx, start, end)
        if actor is not None:
            add_mention(ctx.doc, actor, start, end)
    if actor is not None:
        attr.name, attr.actor = actor["name"], actor


def earlier_channel(ctx: Context, token: Token, done: list[Candidate]) -> Candidate | None:
    """The latest earlier attribution, in the paragraph before or this one, whose
    channel is what a definite source like "the statement" or "the video" names."""
    lemma = token.lemma_.lower()
    if lemma not in ctx.cues.channel_nouns or not any(
        c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children
    ):
        return None
    low = ctx.paragraph_bounds(token.idx)[0]
    low = ctx.paragraph_bounds(max(0, low - 2))[0]  # and the paragraph before
    for earlier in reversed(done):
        if earlier.channel is None or earlier.channel[0] < low or earlier.channel[0] > token.idx:
            continue
        words = ctx.doc.char_span(*earlier.channel, alignment_mode="expand")
        if words is not None and any(t.lemma_.lower() == lemma for t in words):
            return earlier if earlier.source is not None else None
    return None


def written_alike(ctx: Context, start: int, end: int) -> dict | None:
    """The one actor with an earlier mention written as the source is, whatever the
    case ("Police said ... A police statement said": the police)."""
    found = mention_index(ctx.doc).written_as(ctx.text[start:end].lower(), start)
    return found[0] if len(found) == 1 else None


def unnamed_speaker(
    ctx: Context, word: str, position: int, done: list[Candidate]
) -> Candidate | None:
    """The latest earlier attribution, before ``position``, whose source the text leaves
    unnamed: one person ("a diplomat", "an official") for "he" or "she", people
    ("protest organisers", "witnesses") for "they", and for "it" a name no actor was
    found for ("Channel 9 reported ... it said", where the NER missed the name)."""

    def fits(token: Token) -> bool:
        lemma = token.lemma_.lower()
        if word in PERSON_PRONOUNS:
            other = ctx.gender_words.get("m" if word in _FEMALE_PRONOUNS else "f", set())
            return (
                token.tag_ == "NN"
                and lemma in ctx.cues.person_nouns
                and token.lower_ not in other
            )
        if word in ORG_PRONOUNS:
            return (
                token.tag_ in ("NN", "NNP")
                and token.text[:1].isupper()
                and lemma not in ctx.cues.person_nouns
            )
        return word in PLURAL_PRONOUNS and token.tag_ == "NNS"

    best = None
    for attr in done:
        token = attr.source_token
        if (
            attr.actor is None
            and attr.source is not None
            and attr.source[0] < position
            and token is not None
            and fits(token)
            and (best is None or attr.source[0] > best.source[0])
        ):
            best = attr
    return best


def latest_antecedent(
    ctx: Context,
    word: str,
    position: int,
    done: list[Candidate],
    *,
    not_subject_of: Token | None = None,
) -> tuple[int, dict] | None:
    """The latest compatible actor before ``position``, with the position of the
    mention that makes it so: earlier speakers and sentence subjects compete on
    position; the subject of ``not_subject_of`` does not."""

    def fits(actor: dict, mention: dict | None) -> bool:
        kind = actor.get("kind")
        if word in PERSON_PRONOUNS:
            return kind == "person" and gender_fits(actor, word)
        if word in ORG_PRONOUNS:
            return kind == "organization"
        text = (mention or {}).get("text", actor["name"])
        return kind in ("group", "organization") and (
            kind == "group" or text.lower().rstrip().endswith(_PLURAL_ENDINGS)
        )

    best: tuple[int, dict] | None = None
    for attr in done:
        if (
            attr.actor is not None
            and attr.source
            and attr.source[0] < position
            and fits(attr.actor, None)
        ):
            if best is None or attr.source[0] > best[0]:
                best = (attr.source[0], attr.actor)
    for actor in ctx.doc._.el_actors or ():
        for mention in actor["mentions"]:
            if mention["start"] >= position or not fits(actor, mention):
                continue
            tokens = ctx.doc.char_span(
                mention["start"], mention["end"], alignment_mode="expand"
            )
            if tokens is None or tokens.root.dep_ not in SUBJECT_DEPS:
                continue
            if not_subject_of is not None and tokens.root.head.i == not_subject_of.i:
                continue
            if best is None or mention["start"] > best[0]:
                best = (mention["start"], actor)
    return best

