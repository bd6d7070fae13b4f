"""A content's extent in the parse: the contiguous words of a clause kept in the cue's
paragraph, without the asides, other reports and trailing phrases that are no part of
what was said; the clause a reporting verb takes when the parser hung it elsewhere."""

from __future__ import annotations

from spacy.tokens import Token

from ...data_files import word_lists
from ..syntax import SUBJECT_DEPS
from . import according_frames, channels, cue_words
from .candidates import Candidate, Candidates, block
from .context import Context

_CHANNEL_OPENERS = word_lists("grammar_words")["channel_openers"]
_OF_RELATIVES = word_lists("grammar_words")["of_relatives"]
_THING_PRONOUNS = word_lists("grammar_words")["thing_pronouns"]
_COMPLEMENTIZERS = word_lists("grammar_words")["complementizers"]


def span_of_tokens(
    ctx: Context, found: Candidates, tokens: set[int], anchor: Token, cue: Token
) -> tuple[int, int] | None:
    """The contiguous stretch of ``tokens`` around ``anchor``, kept in the cue's paragraph."""
    doc = ctx.doc
    tokens = {
        i for i in tokens if ctx.same_paragraph(doc[i], cue) or ctx.in_quote(doc[i], cue)
    }
    if anchor.i not in tokens:
        return None
    low, high = block(tokens, anchor.i)
    # Conjunctions and commas at the edges belong to the sentence ("..., but").
    while low < high and (doc[low].dep_ in ("cc", "punct") or doc[low].is_space):
        low += 1
    while high > low and (
        doc[high].dep_ in ("cc", "punct", "prep")
        and doc[high].n_rights == 0
        or doc[high].is_space
    ):
        high -= 1
    high = before_trailing_relative(ctx, low, high)
    high = before_trailing_channel(ctx, found, low, high, cue)
    start, end = ctx.trim(doc[low].idx, doc[high].idx + len(doc[high]))
    return (start, end) if end > start else None


def before_trailing_channel(
    ctx: Context, found: Candidates, low: int, high: int, cue: Token
) -> int:
    """The end before a channel set off by a comma that closes the content ("..., in
    remarks carried by the state news agency"), or that closes the cue's object ("claimed
    responsibility for the attack in a statement on Telegram"): how it was said, not
    what."""
    doc = ctx.doc
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    for token in doc[low : high + 1]:
        comma = token.i - 1
        nouns = channels.channel_nouns_at(ctx, token) if token.lower_ in _CHANNEL_OPENERS else []
        if (
            not nouns
            or token.right_edge.i < high
            or not low < comma
            or any(q.outer_start <= doc[comma].idx < q.outer_end for q in ctx.quotes)
        ):
            continue
        if doc[comma].text == ",":
            found.trailing_channels[cue.i] = nouns[0]
            return comma - 1
        if any(o.i < token.i <= o.right_edge.i for o in objects):
            found.trailing_channels[cue.i] = nouns[0]
            return token.i - 1
    return high


def before_trailing_relative(ctx: Context, low: int, high: int) -> int:
    """The end before a relative clause set off by a comma that closes the content
    ("... the convention, which begins Monday"): an aside on the last noun, outside
    the quotation marks, not part of what was said; so is the writer's gloss on the
    words ("..., a term the army uses for killing", "..., a claim the government
    rejects"). A relative clause that counts part
    of the noun ("14 rockets, most of which were intercepted", "12 wounded, three of
    whom are in critical condition") is more of the claim and stays."""
    doc = ctx.doc
    for token in doc[low : high + 1]:
        gloss = (
            token.dep_ in ("appos", "npadvmod")  # either, as the parser pleases
            and token.lemma_.lower() in ctx.cues.gloss_nouns
            and any(c.dep_ == "relcl" for c in token.children)
        )
        if not (token.dep_ == "relcl" or gloss):
            continue
        comma = token.left_edge.i - 1
        opening = doc[token.left_edge.i : token.left_edge.i + 3]
        if len(opening) == 3 and opening[1].lower_ == "of" and opening[2].lower_ in _OF_RELATIVES:
            continue  # "most of which ...": more of the claim
        if (
            token.right_edge.i >= high
            and low < comma
            and doc[comma].text == ","
            and low <= token.head.i < comma
            and not any(q.outer_start <= doc[comma].idx < q.outer_end for q in ctx.quotes)
        ):
            return comma - 1
    return high


def subtree_minus(root: Token, *, exclude: list[Token]) -> set[int]:
    tokens = {t.i for t in root.subtree}
    for other in exclude:
        if other.i != root.i:
            tokens -= {t.i for t in other.subtree}
    return tokens


def speaker_asides(ctx: Context, clause: Token) -> list[Token]:
    """What the speaker did besides reporting, which the parse joined to the reported
    clause: "said its teams had helped evacuate 60 people but gave no figure for the
    dead", "... but declined to say when". A past-tense verb after "but", with no
    subject of its own, that reports or withholds (a cue verb, or giving a figure); and
    how the speaker spoke, after a comma ("..., speaking on condition of anonymity")."""
    found = [
        c for c in clause.rights
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in ctx.cues.speaking_verbs
        and ctx.doc[c.left_edge.i - 1].text == ","
    ]
    for conj in clause.children:
        if conj.dep_ != "conj" or conj.tag_ != "VBD":
            continue
        if any("subj" in c.dep_ for c in conj.children):
            continue
        if not any(
            c.dep_ == "cc" and c.lower_ == "but" and c.i < conj.i for c in clause.children
        ):
            continue
        objects = {c.lemma_.lower() for c in conj.children if c.dep_ == "dobj"}
        gives = conj.lemma_.lower() in ctx.cues.giving_verbs and objects & ctx.cues.withheld_objects
        if cue_words.is_cue_verb(ctx, conj) or gives:
            found.append(conj)
    return found


def aside_start(ctx: Context, aside: Token) -> Token:
    """Where one of ``speaker_asides`` starts: its "but", or the comma before it."""
    if aside.dep_ == "conj":
        return next(
            c for c in aside.head.children
            if c.dep_ == "cc" and c.lower_ == "but" and c.i < aside.i
        )
    return ctx.doc[aside.left_edge.i - 1]


def conjunction_before(conj: Token) -> Token:
    """Where a conjoined verb's words start: its "and" or "but", else the verb."""
    return min(
        (c for c in conj.head.children if c.dep_ == "cc" and c.i < conj.i),
        key=lambda c: conj.i - c.i, default=conj,
    )


def coordinated_start(ctx: Context, verb: Token) -> Token | None:
    """Where a report joined to another one starts: the coordinator ("and", "but",
    "while", ...: ``coordinators`` in the lexicon) or semicolon before the subject of a
    plain reporting verb with a subject of its own ("X said A, and Y said B", "X said A,
    while Y put the toll at B", "A, X said; Y said B"). None for any other verb: a report
    inside the content with no such word before its speaker is a chain ("The Post
    reported that Klein said ..."); a stance ("..., but she knows that ...") is more of
    what was said; a sentence that opens with the word ("While he acknowledged ...,
    Ham noted ...") joins nothing before it."""
    if not (cue_words.is_cue_verb(ctx, verb) and cue_words.plain_verb(ctx, verb)):
        return None
    subject = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.tag_ in ("WDT", "WP") or (
        subject.pos_ == "PRON" and subject.lower_ in _THING_PRONOUNS
    ):
        return None  # "..., and which asks ...": more of the same noun, no new speaker
    i = subject.left_edge.i - 1
    while i >= 0 and ctx.doc[i].text == ",":
        i -= 1
    if i < 0:
        return None
    word = ctx.doc[i]
    opening = all(t.is_punct or t.is_space for t in ctx.doc[verb.sent.start : i])
    if opening:
        return None
    if word.text == ";" or (word.lower_ in ctx.cues.coordinators and word.dep_ in ("cc", "mark")):
        return word
    return None


def other_cues_below(ctx: Context, root: Token, cue: Token) -> list[Token]:
    """Reporting verbs inside ``root``'s subtree that sit beside the content (a conjoined
    "..., but X said ...", a report of another speaker joined to it, see
    :func:`coordinated_start`), whose words are not part of this content."""
    found = []
    for token in root.subtree:
        if token.i == root.i or token.i == cue.i:
            continue
        if coordinated_start(ctx, token) is not None:
            found.append(token)
            continue
        if token.dep_ == "conj" and cue_words.is_cue_verb(ctx, token) and token.head.i == root.i:
            found.append(token)
        if token.lower_ == "according" and token.head.i == root.i:
            found.append(token)
        if token.dep_ == "advcl" and token.tag_ == "VBG" and cue_words.is_cue_verb(ctx, token):
            found.append(token)  # "..., adding that ...": a report of its own
        if cue_words.is_cite_participle(ctx, token) and token.head.i == root.i:
            found.append(token)
    return found


def time_after_verb(verb: Token, clause: Token) -> set[int]:
    """ "said on Monday its fighters had ...", "said Monday its troops ...": when the
    report was made, right after the verb, which the parser hung on the clause ahead of
    its subject. Not part of what was said."""
    subject = next((c for c in clause.lefts if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return set()
    found: set[int] = set()
    following = verb.i + 1
    for child in clause.lefts:
        if child.i >= subject.left_edge.i or child.left_edge.i != following:
            break
        timed = child.ent_type_ in ("DATE", "TIME") or (
            child.dep_ == "prep"
            and any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in child.children)
        )
        if not (timed and child.dep_ in ("prep", "npadvmod", "advmod")):
            break
        found |= {t.i for t in child.subtree}
        following = child.right_edge.i + 1
    return found


def fronted_before_aside(ctx: Context, verb: Token, *, clauses_only: bool = False) -> set[int]:
    """ "After the court approved the law, Hebert said, most laws were thought safe":
    what the parser hung on the aside ahead of its speaker and a comma opens the
    sentence that is reported. ``clauses_only``: only a subordinate clause ("After
    ..."), where the verb heads the sentence and a phrase ("In a call with reporters")
    may be its own."""
    deps = ("advcl",) if clauses_only else ("advcl", "prep", "advmod", "npadvmod")
    subject = next((c for c in verb.lefts if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return set()
    found: set[int] = set()
    for child in verb.lefts:
        comma = child.right_edge.i + 1
        if (
            child.i < subject.i
            and child.dep_ in deps
            and comma < len(ctx.doc)
            and ctx.doc[comma].text == ","
        ):
            found |= {t.i for t in child.subtree} | {comma}
    return found


def conjoined_complements(verb: Token, clause: Token) -> set[int]:
    """ "X said that A, and that B": the second clause hangs on the verb as a conjunct."""
    tokens: set[int] = set()
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i < clause.i:
            continue
        if any(
            m.dep_ == "mark" and m.lower_ in _COMPLEMENTIZERS for m in conj.children
        ):
            tokens |= {t.i for t in conj.subtree}
            tokens |= {
                t.i
                for t in verb.children
                if clause.i < t.i < conj.i and t.dep_ in ("cc", "punct")
            }
    return tokens


def clause_continued(verb: Token, clause: Token, tokens: set[int]) -> set[int]:
    """ "X said the ceasefire signed in March would hold": the parser may read the
    participle (no auxiliary of its own) as the clause and hang the rest on the verb as
    a second clause, with no subject of its own, right after the first. Not "said the
    army was ready and warned ...", a second report of the speaker's."""
    if clause.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in clause.children):
        return set()
    doc = verb.doc
    last = max(tokens)
    for other in verb.children:
        if (
            other.dep_ == "ccomp"
            and other.left_edge.i == last + 1
            and doc[last].dep_ not in ("cc", "punct")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in other.children)
        ):
            return {t.i for t in other.subtree}
    return set()


def snap_to_quote(ctx: Context, content: tuple[int, int]) -> tuple[int, int]:
    """Content that lies inside one quotation becomes that whole quotation."""
    start, end = content
    for quote in ctx.quotes:
        if quote.outer_start <= start and end <= quote.outer_end and quote.start <= start + 1:
            return ctx.trim(quote.start, quote.end)
    return content


def set_kind(ctx: Context, attr: Candidate) -> None:
    start, end = attr.content
    for quote in ctx.quotes:
        if quote.start <= start and end <= quote.end + 1:
            attr.kind = "direct"
            return
        if quote.outer_start < end and start < quote.outer_end:
            attr.kind = "mixed"
            return


def two_subjects(ctx: Context, verb: Token) -> tuple[Token, Token] | None:
    """ "The ceasefire held overnight, the mission said": the parser made both the
    claim's subject and the speaker subjects of the verb. (claim, speaker), split by a
    comma."""
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
    if len(subjects) < 2:
        return None
    claim, speaker = subjects[-2], subjects[-1]
    between = ctx.doc[claim.right_edge.i + 1 : speaker.left_edge.i]
    if not any(t.text == "," for t in between):
        return None
    return claim, speaker


def clause_after_cite(ctx: Context, verb: Token) -> tuple[Token, Token] | None:
    """The participle and the clause of "said, citing police, that ...", where the parser
    made the reported clause a complement of "citing"."""
    for child in verb.rights:
        if cue_words.is_cite_participle(ctx, child) and ctx.doc[child.i - 1].text == ",":
            for clause in child.rights:
                if clause.dep_ == "ccomp" and clause.pos_ in ("VERB", "AUX"):
                    return child, clause
    return None


def that_after_according(ctx: Context, verb: Token) -> Token | None:
    """The "that" of "said, according to X, that ...", where the parser did not make
    its clause the reporting verb's complement."""
    doc = ctx.doc
    i = verb.i
    if i + 2 >= len(doc) or doc[i + 1].text != "," or doc[i + 2].lower_ != "according":
        return None
    that = according_frames.that_after(ctx, doc[i + 2])
    if that is None:
        return None
    clause = that.head
    if clause.i == verb.i or clause.pos_ not in ("VERB", "AUX") or clause.dep_ == "ccomp":
        return None  # a complement of the verb: the plain frame reads it
    return that

