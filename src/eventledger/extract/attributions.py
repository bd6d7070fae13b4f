"""Attributions: who said what, with the words that report it.

Four frames, all read from spaCy's dependency parse and the cue lexicon (``data/cues.json``,
extensible through ``extra_cues_path``):

- a reporting verb and its complement: "X said (that) CONTENT", "CONTENT, X said",
  "X reported CONTENT", "X vowed to CONTENT", "X called for CONTENT"; a participle
  ("..., adding that CONTENT") reports for the subject of the verb it hangs on;
- "according to X, CONTENT", or ``cited_by`` when the clause already has a reporting verb
  ("..., he added, according to Palestine Chronicle");
- a quotation with no reporting verb, given to the speaker of the quote just before it
  in the same or the previous paragraph ("“Q1,” X said. “Q2”"), else to no one;
- "citing Y" beside a reporting verb adds Y to ``cites``; "in a statement ...", "in an
  interview with ..." and the like give the ``channel``.

A pronoun source is resolved to the latest compatible actor (he/she: a person; it: an
organisation; they: a group or organisation), preferring earlier speakers and subjects,
and the pronoun is added to that actor's mentions; he/she skip a person whose known gender
is the other one. Headings and captions are skipped. Afterwards a plain group noun inside an
armed group's statement ("resistance fighters") joins that group (``actor_coref``).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..data_files import packaged_json, user_json
from ..errors import ConfigError
from .actor_coref import attach_member_nouns, gender_fits
from .actors import ActorLexicon, ActorsExtractor
from .attribution_spans import SPANS_KEY
from .base import actor_at, get_list, is_excluded, overlap_ratio, span
from .locate import PLACE_NOUNS, TERRITORY_NOUNS, dateline_extent
from .quotes import QUOTE_MARKS, Quote, quotes_of

log = logging.getLogger(__name__)

# With the possessives: "His statement said" is his.
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_ORG_PRONOUNS = {"it", "its"}
_PLURAL_PRONOUNS = {"they", "them", "their"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_TRIM = set(QUOTE_MARKS) | set(",;:—–-") | {" ", "\n", "\t", "\u00a0"}
_LEADING_WORDS = {"that"}
# How far a learned cue may lie from its content, and a learned source from its cue (tokens).
_LEARNED_CUE_GAP = 20
# How far from a content a tagged cue may stand to replace a rule cue the tagger does not
# read as one (``_cues_the_tagger_reads``).
_RETAGGED_CUE_GAP = 8
_LEARNED_SOURCE_GAP = 10
# Places a stance verb can act on ("defending the town"): then it is no report. Common nouns
# only, as a named place is often its government ("criticized Washington"); none that
# politics uses for views ("his positions", "the party line", "his base").
_PLACE_OBJECTS = (PLACE_NOUNS | TERRITORY_NOUNS | {
    "building", "compound", "checkpoint", "bridge", "airport", "road", "hill", "frontline",
    "trench", "hospital", "school", "embassy", "headquarters",
}) - {"part", "parts", "side", "state", "country", "republic", "kingdom", "community",
      "heart", "land", "soil", "south", "north", "east", "west", "position", "base"}

# What a party denies besides a claim ("denied any role in the attack").
_DENIED_NOUNS = {"role", "involvement", "responsibility", "charge", "rumour", "rumor",
                 "knowledge", "wrongdoing", "link", "presence", "participation"}

# A tagged content and a rule attribution overlapping by more than this are one claim.
_LEARNED_AGREEMENT = 0.6
# A tagged content becomes an attribution of its own only if the tagger's confidence in it
# (``attribution_spans``' "scores") is at least this; below it, most are not claims. The
# three thresholds are chosen for the shipped tagger on the held-out training articles.
_LEARNED_MIN_SCORE = 0.7
# ... or at least this, when the tagger is sure (``_LEARNED_SURE_CUE``) of the cue that
# reports it: "the massive tax cut package" after a sure "talks over".
_LEARNED_MIN_SCORE_SURE_CUE = 0.6
_LEARNED_SURE_CUE = 0.7
# What outlets do with a story, not people with their words: "X reported, according to
# sources" names X's sources.
_OUTLET_VERBS = {"report", "publish", "broadcast"}
# Nouns of the writer's gloss on what was said, set off at the end of a content: "...
# a cell of gunmen, a term the army uses for killing".
_GLOSS_NOUNS = {
    "term", "word", "phrase", "euphemism", "label", "claim", "charge", "accusation",
    "allegation", "assertion", "account", "version", "description", "figure", "number",
}
# Where a clause of its own begins, right before its subject: ", while", "; but", " - and".
_CLAUSE_BOUNDARY = re.compile(
    r"\s*(?:,|;|\s[\u2014\u2013-])\s*(?:(?:while|whereas|but|and|though|although)\s+)?$"
)
# The values each mode of the component takes, its default first.
_MODES = {
    "continued_quotes": ("separate", "join"),
    "carried_reports": ("cited_by", "outer"),
    "nested_reports": ("keep", "outer"),
    "uncued_quotes": ("keep", "drop"),
}
# A verb outside the lexicon reporting a "that" clause ("X hopes that ..."): that frame only.
_CLAUSE_ENTRY = {"frames": ["ccomp"], "plain": False, "strict": True}


@dataclass
class CueLexicon:
    """Reporting verbs with their frames, noun cues, and the phrase lists."""

    verbs: dict[str, dict]
    nouns: set[str]
    according_to: list[str]
    survey_nouns: set[str]
    channel_nouns: set[str]
    channel_prepositions: set[str]
    cite_verbs: set[str]
    person_nouns: set[str]
    anonymity_contents: list[str]

    @classmethod
    def load(cls, extra_path: str | Path | None = None) -> CueLexicon:
        data = packaged_json("cues.json")
        if extra_path:
            extra = user_json(extra_path, "cues")
            data["verbs"].update(extra.get("verbs", {}))
            data["nouns"].update(extra.get("nouns", {}))
            for key in (
                "according_to", "survey_nouns", "channel_nouns", "channel_prepositions",
                "cite_verbs", "person_nouns", "anonymity_contents",
            ):
                data[key] = list(data[key]) + list(extra.get(key, []))
        return cls(
            verbs={lemma.lower(): entry for lemma, entry in data["verbs"].items()},
            nouns={n.lower() for n in data["nouns"]},
            according_to=[p.lower() for p in data["according_to"]],
            survey_nouns={n.lower() for n in data["survey_nouns"]},
            channel_nouns={n.lower() for n in data["channel_nouns"]},
            channel_prepositions={p.lower() for p in data["channel_prepositions"]},
            cite_verbs={v.lower() for v in data["cite_verbs"]},
            person_nouns={n.lower() for n in data["person_nouns"]},
            anonymity_contents=[p.lower() for p in data["anonymity_contents"]],
        )


@dataclass
class _Attr:
    kind: str
    cue: tuple[int, int] | None
    content: tuple[int, int]
    cue_token: Token | None = None
    source: tuple[int, int] | None = None
    source_token: Token | None = None  # the subject word (for pronouns)
    inherit_from: Token | None = None  # a participle reports for its head verb's speaker
    unstated_source: bool = False  # "Asked whether ...": the text leaves the asker out
    refused_from: int | None = None  # "declined [to comment on] the report": where "to" is
    # A frame narrow enough to stand without the tagger's confirming ("as reported by X").
    sure: bool = False
    channel: tuple[int, int] | None = None
    cites: list[tuple[int, int]] = field(default_factory=list)
    cited_by: list[tuple[int, int]] = field(default_factory=list)
    # "..., he said, according to the Courier": the cue and source of the outlet's report
    carrier: tuple[tuple[int, int], tuple[int, int]] | None = None
    name: str | None = None
    actor: dict | None = None


def _paragraph_bounds(text: str, index: int) -> tuple[int, int]:
    low = text.rfind("\n", 0, index) + 1
    high = text.find("\n", index)
    return low, len(text) if high < 0 else high


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut marks, commas and a leading conjunction "that" from the edges of a content span."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in _TRIM:
            start, changed = start + 1, True
        while start < end and text[end - 1] in _TRIM:
            end, changed = end - 1, True
        quoted = start > 0 and text[start - 1] in QUOTE_MARKS
        for word in _LEADING_WORDS:
            # The conjunction of "said that ..." is lower case and outside the quotation
            # marks; "“That depends ...”" keeps its first word.
            if not quoted and text[start : start + len(word) + 1] == word + " ":
                start, changed = start + len(word) + 1, True
    if start < end and text[end - 1] == "." and text[start:end].count(" ") > 0:
        end -= 1  # the sentence's full stop belongs to the sentence, not the claim
    return start, end


def _nearest(spans: list[Span], anchor: Span, max_gap: int) -> Span | None:
    """The span of ``spans`` fewest tokens away from ``anchor``, if within ``max_gap``."""

    def gap(other: Span) -> int:
        return max(other.start - anchor.end, anchor.start - other.end, 0)

    best = min(spans, key=gap, default=None)
    return best if best is not None and gap(best) <= max_gap else None


def _within(spans: list[Span], low: int, high: int) -> list[Span]:
    """The ``spans`` that lie between characters ``low`` and ``high``."""
    return [s for s in spans if low <= s.start_char and s.end_char <= high]


def _whole(attr: _Attr) -> tuple[int, int]:
    """An attribution's cue and content together."""
    return min(attr.cue[0], attr.content[0]), max(attr.cue[1], attr.content[1])


def _report_extent(attr: _Attr) -> tuple[int, int]:
    """An attribution's content, cue and source together: the whole report."""
    parts = [attr.content, *(x for x in (attr.cue, attr.source) if x is not None)]
    return min(p[0] for p in parts), max(p[1] for p in parts)


def _extent(tagged: Span) -> tuple[int, int]:
    """A tagged cue or source without the punctuation at its edges ("said:", "the mayor,
    Ilse Varn,"); a span of punctuation alone (a colon as the cue) stays as it is."""
    words = [t for t in tagged if not (t.is_punct or t.is_space)]
    if not words:
        return tagged.start_char, tagged.end_char
    return words[0].idx, words[-1].idx + len(words[-1])


def _names_speaker(attr: _Attr) -> bool:
    """Whether an attribution names a speaker of its own rather than a pronoun: inside
    another's claim it is a chain ("The Post reported that Klein said ...")."""
    return attr.source is not None and (
        attr.source_token is None or attr.source_token.pos_ != "PRON"
    )


def _after_all(
    cue: tuple[int, int], extents: list[tuple[int, int]], content: tuple[int, int]
) -> bool:
    """Whether a cue stands after the end of every extent that holds ``content``."""
    holding = [(low, high) for low, high in extents if low <= content[0] and content[1] <= high]
    return bool(holding) and all(cue[0] >= high for _low, high in holding)


def _inside_any(extent: tuple[int, int], extents: list[tuple[int, int]]) -> bool:
    return any(low <= extent[0] and extent[1] <= high for low, high in extents)


def _overlaps_any(extent: tuple[int, int], extents: list[tuple[int, int]]) -> bool:
    """Whether ``extent`` shares a character with one of ``extents``."""
    return any(extent[0] < high and low < extent[1] for low, high in extents)


def _block(tokens: set[int], anchor: int) -> tuple[int, int]:
    """The run of consecutive token indices in ``tokens`` around ``anchor``."""
    low = high = anchor
    while low - 1 in tokens:
        low -= 1
    while high + 1 in tokens:
        high += 1
    return low, high


class AttributionsExtractor:
    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        extra_cues_path: str | None,
        min_quote_words: int,
        continued_quotes: str,
        inside_quotes: bool = False,
        carried_reports: str = "cited_by",
        nested_reports: str = "keep",
        uncued_quotes: str = "keep",
    ):
        modes = {
            "continued_quotes": continued_quotes,
            "carried_reports": carried_reports,
            "nested_reports": nested_reports,
            "uncued_quotes": uncued_quotes,
        }
        for setting, value in modes.items():
            allowed = _MODES[setting]
            if value not in allowed:
                raise ConfigError(
                    f"{setting} must be {' or '.join(map(repr, allowed))}, not {value!r}"
                )
        self.carried_reports = carried_reports
        self.nested_reports = nested_reports
        self.uncued_quotes = uncued_quotes
        self.name = name
        self.cues = CueLexicon.load(extra_cues_path)
        self.min_quote_words = min_quote_words
        self.continued_quotes = continued_quotes
        self.inside_quotes = inside_quotes
        # The actors component's lexicon (with the user's file) for the member-noun rule.
        actors = next(
            (
                nlp.get_pipe(n)
                for n in nlp.pipe_names
                if isinstance(nlp.get_pipe(n), ActorsExtractor)
            ),
            None,
        )
        self.actor_lexicon = actors.lexicon if actors is not None else None
        # Gendered words ("spokeswoman", "Mr"), lower case: he/she skip the other gender.
        lexicon = self.actor_lexicon or ActorLexicon.load()
        self.gender_words = {g: {w.lower() for w in ws} for g, ws in lexicon.gender_words.items()}
        # Nouns that stand for a body ("police", "army"): "a police statement" is its. Not
        # the media's ("a news report" is no one's).
        self.body_nouns = {
            n for n, sector in lexicon.head_sectors.items() if sector not in (None, "media")
        }
        self.media_nouns = {n for n, sector in lexicon.head_sectors.items() if sector == "media"}

    def __call__(self, doc: Doc) -> Doc:
        records = get_list(doc, "el_attributions")
        records.clear()
        finder = _Finder(
            doc, self.cues, self.min_quote_words, self.gender_words, body_nouns=self.body_nouns,
            media_nouns=self.media_nouns,
        )
        finder.join_quotes = self.continued_quotes == "join"
        finder.inside_quotes = self.inside_quotes
        finder.outer_carriers = self.carried_reports == "outer"
        finder.outer_only = self.nested_reports == "outer"
        finder.drop_uncued = self.uncued_quotes == "drop"
        records.extend(finder.run())
        if self.actor_lexicon is not None:
            # "the Brigades said that resistance fighters ..." -> the fighters are Hamas.
            attach_member_nouns(doc, records, self.actor_lexicon)
        return doc


class _Finder:
    def __init__(
        self,
        doc: Doc,
        cues: CueLexicon,
        min_quote_words: int,
        gender_words: dict[str, set[str]],
        *,
        body_nouns: set[str] | None = None,
        media_nouns: set[str] | None = None,
    ):
        self.doc = doc
        self.body_nouns = body_nouns or set()
        self.media_nouns = media_nouns or set()
        self.text = doc.text
        self.cues = cues
        self.min_quote_words = min_quote_words
        self.gender_words = gender_words
        self.quotes = [
            self._closed_before_speaker(q)
            for q in quotes_of(doc)
            if not is_excluded(doc, q.outer_start, q.outer_end)
        ]
        self.by_cue: dict[int, _Attr] = {}
        # '"Q1," X said. "Q2"': one attribution from Q1 to Q2 (PolNeAR's convention) or two.
        self.join_quotes = False
        # Reports inside a quotation belong to the quoted words (PolNeAR leaves them out).
        self.inside_quotes = False
        self.outer_carriers = False
        # Only the outermost report of a chain, as PolNeAR's single layer of spans marks it.
        self.outer_only = False
        # Only attributions with a cue, as PolNeAR annotates every one with its cue.
        self.drop_uncued = False
        # (reporting verb, outlet, its word, the "according to" cue) of the phrases that
        # hang on a reporting verb
        self._pending_cited_by: list[
            tuple[Token, tuple[int, int], Token, tuple[int, int]]
        ] = []
        # "..., in remarks carried by the state news agency": by cue token, the channel
        # noun of the phrase a content ended with, which is the report's channel.
        self._trailing_channels: dict[int, Token] = {}

    def _closed_before_speaker(self, quote: Quote) -> Quote:
        """A quotation left open to the end of its paragraph that ends with its speaker
        and a reporting verb ('"We need safe passage now, the director, Amira Sol, told
        reporters.'): the closing mark was forgotten before the comma; the quotation ends
        there."""
        if quote.closed:
            return quote
        words = self.doc.char_span(quote.start, quote.end, alignment_mode="contract")
        if words is None:
            return quote
        last = words[-1].sent
        for verb in last:
            if (
                verb.i < words.start
                or verb.i >= words.end
                or verb.tag_ not in ("VBD", "VBZ")
                or verb.lemma_.lower() not in self.cues.verbs
            ):
                continue
            subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            comma = subject.left_edge.i - 1
            # The speaker's clause after a comma, hung on nothing quoted after it.
            if (
                comma > words.start
                and self.doc[comma].text == ","
                and (verb.dep_ in ("ROOT", "parataxis") or verb.head.i < comma)
            ):
                end = self.doc[comma].idx
                return Quote(quote.start, end, quote.outer_start, end, False, quote.family)
        return quote

    # -- helpers --------------------------------------------------------------------------
    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """:func:`_trim`, keeping a leading "that" that is a determiner ("disputed that
        account"), not the conjunction of "said that"."""
        trimmed, stop = _trim(self.text, start, end)
        that = trimmed - len("that ")
        if that >= start and self.text[that:trimmed] == "that ":
            words = self.doc.char_span(that, that + len("that"))
            if words is not None and words[0].dep_ == "det":
                trimmed = that
        return trimmed, stop

    def _excluded(self, token: Token) -> bool:
        return is_excluded(self.doc, token.idx, token.idx + len(token))

    def _same_paragraph(self, token: Token, anchor: Token) -> bool:
        low, high = _paragraph_bounds(self.text, anchor.idx)
        return low <= token.idx < high

    def _quote_at(self, start: int, end: int) -> Quote | None:
        for quote in self.quotes:
            if quote.outer_start <= start and end <= quote.outer_end + 1:
                return quote
        return None

    def _span_of_tokens(
        self, tokens: set[int], anchor: Token, cue: Token
    ) -> tuple[int, int] | None:
        """The contiguous stretch of ``tokens`` around ``anchor``, kept in the cue's paragraph."""
        doc = self.doc
        tokens = {
            i for i in tokens if self._same_paragraph(doc[i], cue) or self._in_quote(doc[i], cue)
        }
        if anchor.i not in tokens:
            return None
        low, high = _block(tokens, anchor.i)
        # Conjunctions and commas at the edges belong to the sentence ("..., but").
        while low < high and (doc[low].dep_ in ("cc", "punct") or doc[low].is_space):
            low += 1
        while high > low and (
            doc[high].dep_ in ("cc", "punct", "prep")
            and doc[high].n_rights == 0
            or doc[high].is_space
        ):
            high -= 1
        high = self._before_trailing_relative(low, high)
        high = self._before_trailing_channel(low, high, cue)
        start, end = self._trim(doc[low].idx, doc[high].idx + len(doc[high]))
        return (start, end) if end > start else None

    def _before_trailing_channel(self, low: int, high: int, cue: Token) -> int:
        """The end before a channel set off by a comma that closes the content ("..., in
        remarks carried by the state news agency"), or that closes the cue's object ("claimed
        responsibility for the attack in a statement on Telegram"): how it was said, not
        what."""
        doc = self.doc
        objects = [c for c in cue.children if c.dep_ == "dobj"]
        for token in doc[low : high + 1]:
            comma = token.i - 1
            nouns = self._channel_nouns_at(token) if token.lower_ in ("in", "during") else []
            if (
                not nouns
                or token.right_edge.i < high
                or not low < comma
                or any(q.outer_start <= doc[comma].idx < q.outer_end for q in self.quotes)
            ):
                continue
            if doc[comma].text == ",":
                self._trailing_channels[cue.i] = nouns[0]
                return comma - 1
            if any(o.i < token.i <= o.right_edge.i for o in objects):
                self._trailing_channels[cue.i] = nouns[0]
                return token.i - 1
        return high

    def _before_trailing_relative(self, low: int, high: int) -> int:
        """The end before a relative clause set off by a comma that closes the content
        ("... the convention, which begins Monday"): an aside on the last noun, outside
        the quotation marks, not part of what was said; so is the writer's gloss on the
        words ("..., a term the army uses for killing", "..., a claim the government
        rejects"). A relative clause that counts part
        of the noun ("14 rockets, most of which were intercepted", "12 wounded, three of
        whom are in critical condition") is more of the claim and stays."""
        doc = self.doc
        for token in doc[low : high + 1]:
            gloss = (
                token.dep_ in ("appos", "npadvmod")  # either, as the parser pleases
                and token.lemma_.lower() in _GLOSS_NOUNS
                and any(c.dep_ == "relcl" for c in token.children)
            )
            if not (token.dep_ == "relcl" or gloss):
                continue
            comma = token.left_edge.i - 1
            opening = doc[token.left_edge.i : token.left_edge.i + 3]
            if len(opening) == 3 and opening[1].lower_ == "of" and opening[2].lower_ in (
                "which", "whom"
            ):
                continue  # "most of which ...": more of the claim
            if (
                token.right_edge.i >= high
                and low < comma
                and doc[comma].text == ","
                and low <= token.head.i < comma
                and not any(q.outer_start <= doc[comma].idx < q.outer_end for q in self.quotes)
            ):
                return comma - 1
        return high

    def _in_quote(self, token: Token, cue: Token) -> bool:
        """A token of a quote that spans paragraphs and touches the cue's paragraph."""
        low, high = _paragraph_bounds(self.text, cue.idx)
        for quote in self.quotes:
            if (
                quote.outer_start <= token.idx < quote.outer_end
                and quote.outer_start < high
                and low < quote.outer_end
            ):
                return True
        return False

    def _in_quoted_words(self, token: Token) -> bool:
        """Whether ``token`` is inside a quotation, where it is the speaker's words and
        reports nothing of its own (unless the component reads reports inside quotes)."""
        return not self.inside_quotes and any(q.start <= token.idx < q.end for q in self.quotes)

    def _subtree_minus(self, root: Token, *, exclude: list[Token]) -> set[int]:
        tokens = {t.i for t in root.subtree}
        for other in exclude:
            if other.i != root.i:
                tokens -= {t.i for t in other.subtree}
        return tokens

    def _speaker_asides(self, clause: Token) -> list[Token]:
        """What the speaker did besides reporting, which the parse joined to the reported
        clause: "said its teams had helped evacuate 60 people but gave no figure for the
        dead", "... but declined to say when". A past-tense verb after "but", with no
        subject of its own, that reports or withholds (a cue verb, or giving a figure); and
        how the speaker spoke, after a comma ("..., speaking on condition of anonymity")."""
        found = [
            c for c in clause.rights
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in ("speak", "talk")
            and self.doc[c.left_edge.i - 1].text == ","
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
            gives = conj.lemma_.lower() in ("give", "provide", "offer") and objects & {
                "figure", "number", "detail", "evidence", "toll", "breakdown", "estimate"
            }
            if self._is_cue_verb(conj) or gives:
                found.append(conj)
        return found

    def _aside_start(self, aside: Token) -> Token:
        """Where one of ``_speaker_asides`` starts: its "but", or the comma before it."""
        if aside.dep_ == "conj":
            return next(
                c for c in aside.head.children
                if c.dep_ == "cc" and c.lower_ == "but" and c.i < aside.i
            )
        return self.doc[aside.left_edge.i - 1]

    def _conjunction_before(self, conj: Token) -> Token:
        """Where a conjoined verb's words start: its "and" or "but", else the verb."""
        return min(
            (c for c in conj.head.children if c.dep_ == "cc" and c.i < conj.i),
            key=lambda c: conj.i - c.i, default=conj,
        )

    def _other_cues_below(self, root: Token, cue: Token) -> list[Token]:
        """Reporting verbs inside ``root``'s subtree that sit beside the content (a conjoined
        "..., but X said ..."), whose words are not part of this content."""
        found = []
        for token in root.subtree:
            if token.i == root.i or token.i == cue.i:
                continue
            if token.dep_ == "conj" and self._is_cue_verb(token) and token.head.i == root.i:
                found.append(token)
            if token.lower_ == "according" and token.head.i == root.i:
                found.append(token)
            if token.dep_ == "advcl" and token.tag_ == "VBG" and self._is_cue_verb(token):
                found.append(token)  # "..., adding that ...": a report of its own
            if self._is_cite_participle(token) and token.head.i == root.i:
                found.append(token)
        return found

    def _is_cue_verb(self, token: Token) -> bool:
        if token.pos_ not in ("VERB", "AUX") or token.lower_ == "according":
            return False
        lemma = token.lemma_.lower()
        if lemma in self.cues.cite_verbs or lemma not in self.cues.verbs:
            return False
        objects = self.cues.verbs[lemma].get("objects")
        if objects is not None and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in objects for c in token.children
        ):
            return False  # "put the toll at 12" reports; "put pressure on" does not
        if (
            not self.cues.verbs[lemma].get("plain")
            and any(c.dep_ == "dobj" and c.lemma_.lower() in _PLACE_OBJECTS for c in token.children)
            and not any(c.dep_ in ("xcomp", "ccomp") for c in token.children)
        ):
            # "defended the town": an act on a place, not a stance ("ordered the city to
            # publish it" still reports).
            return False
        return token.dep_ not in ("amod", "compound")

    def _inside_xcomp_report(self, verb: Token) -> bool:
        """ "asked the council to confirm it": a base-form cue that is what another cue
        asks or wants is part of that report's content."""
        head = verb.head
        return (
            verb.tag_ == "VB"
            and verb.dep_ == "xcomp"
            and self._is_cue_verb(head)
            and "xcomp" in self.cues.verbs[head.lemma_.lower()].get("frames", [])
        )

    @staticmethod
    def _unrealised(verb: Token) -> bool:
        """A base-form cue inside another clause that is only possible or denied ("he said
        he would not confirm it"), or that qualifies a noun ("the right to respond"):
        no one reports anything there (PolNeAR train: about one in seven is annotated)."""
        if verb.tag_ != "VB":
            return False
        if verb.dep_ == "acl":
            return True
        return verb.dep_ in ("ccomp", "relcl") and any(
            c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in verb.children
        )

    # -- frames ---------------------------------------------------------------------------
    def run(self) -> list[dict]:
        doc = self.doc
        for token in doc:
            if self._excluded(token):
                continue
            if (
                token.lower_ == "according"
                and token.i + 1 < len(doc)
                and doc[token.i + 1].lower_ == "to"
            ):
                self._according_to(token)
            elif token.lower_ == "in":
                self._in_survey(token)
            elif self._is_cue_verb(token):
                if not (
                    self._as_reported_by(token)
                    or self._unrealised(token)
                    or self._inside_xcomp_report(token)
                    or self._channel_participle(token)
                ):
                    self._verb_cue(token)
            elif self._is_clause_verb(token):
                self._verb_cue(token, entry=_CLAUSE_ENTRY)
            elif token.pos_ == "NOUN" and token.lemma_.lower() in self.cues.nouns:
                self._noun_cue(token)
        attrs = sorted(self.by_cue.values(), key=lambda a: a.content[0])
        attrs = self._resolve_cited_by(attrs)
        attrs += self._bare_quotes(attrs)
        attrs = self._learned(attrs)
        attrs += self._answered_glosses(attrs)
        # "who asked not to be named": how a source is kept unnamed, not a report.
        anonymity = tuple(self.cues.anonymity_contents)
        attrs = [
            a for a in attrs if not self.text[slice(*a.content)].lower().startswith(anonymity)
        ]
        # "No group has claimed responsibility": nothing was said. Dropped after the tagger's
        # attributions are added, so that none of them stands in for it.
        attrs = [a for a in attrs if not self._nobody(a.source_token)]
        attrs.sort(key=lambda a: (a.content[0], a.cue[0] if a.cue else 0))
        if self.join_quotes:
            attrs = self._join_split_quotes(attrs)
        self._resolve_sources(attrs)
        attrs = self._drop_self_reports(attrs)
        self._before_other_speakers(attrs)
        self._keep_closing_marks(attrs)
        self._after_dateline(attrs)
        if self.outer_carriers:
            # The outlet's report stands once: not again as the tagger read its cue.
            carried = {a.carrier[0] for a in attrs if a.carrier is not None}
            attrs = [a for a in attrs if a.carrier is not None or a.cue not in carried]
        if self.outer_only:
            attrs = self._outermost(attrs)
        if self.drop_uncued:
            attrs = [a for a in attrs if a.cue is not None]
        return [self._record(number, a) for number, a in enumerate(attrs, start=1)]

    @staticmethod
    def _outermost(attrs: list[_Attr]) -> list[_Attr]:
        """The attributions whose source, cue and content lie inside no other's content."""
        return [
            a
            for a in attrs
            if not any(
                b is not a
                and b.content != a.content
                and _inside_any(_report_extent(a), [b.content])
                for b in attrs
            )
        ]

    def _answered_glosses(self, attrs: list[_Attr]) -> list[_Attr]:
        """ "The army said twelve fighters were killed, a claim the Front denied": the
        writer's gloss on a report, with a reporting verb in its relative clause, is that
        verb's subject answering the same content."""
        found = []
        reported = {a.cue_token.i for a in attrs if a.cue_token is not None}
        for attr in attrs:
            if attr.cue_token is None or attr.kind == "according_to":
                continue
            sentence = attr.cue_token.sent
            last = _report_extent(attr)[1]
            for noun in sentence:
                if (
                    noun.idx < last
                    or noun.pos_ != "NOUN"
                    or noun.lemma_.lower() not in _GLOSS_NOUNS
                    or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
                ):
                    continue
                comma = noun.left_edge.i - 1
                between = self.text[last : self.doc[comma].idx] if comma >= 0 else "x"
                if self.doc[comma].text != "," or between.strip(" \"'”’»"):
                    continue
                for verb in noun.children:
                    if (
                        verb.dep_ != "relcl"
                        or verb.i in reported
                        or not self._is_cue_verb(verb)
                        or not any(c.dep_ == "nsubj" for c in verb.children)
                    ):
                        continue
                    answer = _Attr(
                        kind="indirect",
                        cue=(verb.idx, verb.idx + len(verb)),
                        content=attr.content,
                        cue_token=verb,
                    )
                    self._set_source(answer, verb)
                    found.append(answer)
        return found

    def _after_dateline(self, attrs: list[_Attr]) -> None:
        """A content that takes in the dateline ("KESSA, Orvania (Halvik Courier) -
        Government forces shelled ...") starts after it: where and by whom the story was
        filed is not what the source said."""
        dateline = dateline_extent(self.text)
        if dateline is None:
            return
        for attr in attrs:
            start, end = attr.content
            if start < dateline[1] < end:  # from the place or from the date after it
                attr.content = self._trim(dateline[1], end)

    def _keep_closing_marks(self, attrs: list[_Attr]) -> None:
        """A content that starts outside quotation marks and ends with quoted words keeps
        their closing mark, so the words stay marked as quoted: "the attack was «a crime
        against civilians»", not "the attack was «a crime against civilians"."""
        for attr in attrs:
            start, end = attr.content
            if any(q.outer_start <= start < q.outer_end for q in self.quotes):
                continue  # a quotation's own words, given without their marks
            for quote in self.quotes:
                if (
                    quote.closed
                    and start < quote.outer_start
                    and quote.start < end <= quote.end
                    # The full stop may sit inside the marks ("as «pure fabrication.»").
                    and all(c in _TRIM or c in ".?!" for c in self.text[end : quote.end])
                ):
                    attr.content = (start, quote.outer_end)
                    break

    @staticmethod
    def _drop_self_reports(attrs: list[_Attr]) -> list[_Attr]:
        """A report inside what the same speaker is reported to say is part of it: in
        "Obama said that he opposes sending troops", "he opposes" is Obama's own words,
        not a second claim. A different speaker inside ("The Post reported that Klein
        said ...") is a chain and stays."""

        def same_speaker(inner: _Attr, outer: _Attr) -> bool:
            if inner.actor is not None and inner.actor is outer.actor:
                return True
            return inner.source is not None and inner.source == outer.source

        return [
            inner
            for inner in attrs
            if not any(
                outer is not inner
                and outer.content[0] <= inner.content[0]
                and inner.content[1] <= outer.content[1]
                and outer.content != inner.content
                and inner.cue is not None
                and outer.content[0] <= inner.cue[0]
                and same_speaker(inner, outer)
                for outer in attrs
            )
        ]

    def _time_after_verb(self, verb: Token, clause: Token) -> set[int]:
        """ "said on Monday its fighters had ...", "said Monday its troops ...": when the
        report was made, right after the verb, which the parser hung on the clause ahead of
        its subject. Not part of what was said."""
        subject = next((c for c in clause.lefts if c.dep_ in _SUBJECT_DEPS), None)
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

    def _fronted_before_aside(self, verb: Token, *, clauses_only: bool = False) -> set[int]:
        """ "After the court approved the law, Hebert said, most laws were thought safe":
        what the parser hung on the aside ahead of its speaker and a comma opens the
        sentence that is reported. ``clauses_only``: only a subordinate clause ("After
        ..."), where the verb heads the sentence and a phrase ("In a call with reporters")
        may be its own."""
        deps = ("advcl",) if clauses_only else ("advcl", "prep", "advmod", "npadvmod")
        subject = next((c for c in verb.lefts if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None:
            return set()
        found: set[int] = set()
        for child in verb.lefts:
            comma = child.right_edge.i + 1
            if (
                child.i < subject.i
                and child.dep_ in deps
                and comma < len(self.doc)
                and self.doc[comma].text == ","
            ):
                found |= {t.i for t in child.subtree} | {comma}
        return found

    def _before_other_speakers(self, attrs: list[_Attr]) -> None:
        """A content ends before a clause set off by a comma in which someone else reports
        ("74 percent said they would vote for him, while 22 percent said they might change
        their mind"): a second claim beside the first, not part of it."""
        for outer in attrs:
            if outer.kind == "direct":
                continue
            for inner in attrs:
                if (
                    inner is outer
                    or inner.source is None
                    or inner.cue is None
                    or not outer.content[0] < inner.source[0] < inner.cue[0]
                    or inner.content[1] > outer.content[1]
                    or (inner.actor is not None and inner.actor is outer.actor)
                    or inner.source == outer.source
                    # "38 percent, who said ...": a relative clause of a word in the claim
                    or (inner.source_token is not None and inner.source_token.tag_ in ("WP", "WDT"))
                ):
                    continue
                before = self.text[outer.content[0] : inner.source[0]]
                boundary = _CLAUSE_BOUNDARY.search(before)
                if boundary is not None:
                    end = outer.content[0] + boundary.start()
                    outer.content = self._trim(outer.content[0], end)

    def _is_clause_verb(self, token: Token) -> bool:
        """A verb outside the lexicon that takes a "that" clause and has a speaker-like
        subject ("X hopes that ...", "X fears that ...")."""
        if token.pos_ != "VERB" or token.dep_ in ("amod", "compound"):
            return False
        for child in token.children:
            if (
                child.dep_ == "ccomp"
                and child.pos_ in ("VERB", "AUX")
                and child.i > token.i
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children)
            ):
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                return subject is not None and (
                    subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                    or subject.lower_ in ("he", "she", "they", "i", "we", "you")
                    or actor_at(self.doc, subject.idx, subject.idx + len(subject)) is not None
                )
        return False

    def _verb_cue(self, verb: Token, *, entry: dict | None = None) -> None:
        if self._in_quoted_words(verb):
            return  # "“I have always said that ...,” he said": the speaker's own words
        entry = entry or self.cues.verbs[verb.lemma_.lower()]
        frames = entry.get("frames", ["ccomp"])
        content = self._verb_content(
            verb, frames, entry.get("preps", []), strict=entry.get("strict", False)
        )
        if content is None:
            return
        start, end = content
        relative = self._relative_word(verb)
        if relative is not None and relative.idx < start and relative.i < verb.i:
            # "which he said was unacceptable": the clause is about the relative word's noun.
            start = relative.idx
        cue_start, cue_end = verb.idx, verb.idx + len(verb)
        refused = self._refused_report(verb, entry)
        if refused is not None:
            # "declined to say how many were hurt": the cue is "declined to say", and what
            # goes unsaid is the content, not "to say ...".
            cue_end = refused[0].idx + len(refused[0])
            start, end = refused[1]
        passive = self._quoted_as(verb)
        if passive is not None:
            cue_start = passive.idx  # "was quoted as saying"
        for child in verb.children:
            if child.dep_ == "prt" and child.i == verb.i + 1:
                cue_end = child.idx + len(child)  # "pointed out"
        attr = _Attr(
            kind="indirect",
            cue=(cue_start, cue_end),
            content=(start, end),
            cue_token=verb,
            refused_from=refused[0].left_edge.idx if refused is not None else None,
        )
        self._set_kind(attr)
        self._set_source(attr, verb)
        if not entry.get("plain", True) and not self._speaker_like(attr):
            return  # "the debate threatened to ...", "a book calling for ...": no one speaks
        trailing = self._trailing_channels.get(verb.i)
        if trailing is not None and attr.channel is None:
            attr.channel = self._channel_extent(trailing)
            # "in remarks carried by the agency": the outlet that carried them.
            attr.cited_by += [
                self._source_extent(obj) for t in trailing.subtree for obj in self._agents(t)
            ]
        attr.channel = attr.channel or self._channel(verb)
        if attr.channel is not None and overlap_ratio(attr.channel, attr.content) >= 0.5:
            attr.channel = None  # "has not commented on the report": what, not how
        attr.cites = self._cites(verb)
        attr.cited_by += self._quoted_by(attr.source_token, passive)
        self.by_cue[verb.i] = attr

    def _refused_report(
        self, verb: Token, entry: dict
    ) -> tuple[Token, tuple[int, int]] | None:
        """The report a negating verb refuses ("declined to comment on the report",
        "refused to confirm that ..."), with its content; None if it has none."""
        if not entry.get("negates"):
            return None
        for child in verb.children:
            inner = self.cues.verbs.get(child.lemma_.lower())
            if child.dep_ != "xcomp" or child.tag_ != "VB" or not inner or inner.get("negates"):
                continue
            content = self._verb_content(
                child, inner.get("frames", ["ccomp"]), inner.get("preps", []), strict=True
            )
            if content is not None:
                return child, content
        return None

    def _quoted_by(self, subject: Token | None, passive: Token | None) -> list[tuple[int, int]]:
        """ "A police source, quoted by the state news agency, said", "She was quoted by
        the Courier as saying", "Residents interviewed by the Courier said": the outlet
        that carried what the speaker said."""
        quoted = [passive] if passive is not None else []
        if subject is not None:
            quoted += [
                acl for acl in subject.children
                if acl.dep_ == "acl" and acl.tag_ == "VBN"
                and acl.lemma_.lower() in ("quote", "cite", "interview")
            ]
        carriers = [
            obj
            for verb in quoted
            for obj in self._agents(verb) + [
                # "The newspaper quoted him as saying": the subject carried the words.
                c for c in verb.children
                if c.dep_ == "nsubj" and any(d.dep_ == "dobj" for d in verb.children)
            ]
        ]
        return [self._source_extent(obj) for obj in carriers]

    @staticmethod
    def _nobody(subject: Token | None) -> bool:
        """A subject that names no one: "no group", "nobody", "none of the parties"."""
        if subject is None:
            return False
        if subject.lower_ in ("nobody", "none", "no-one", "neither"):
            return True
        if subject.lower_ == "one" and subject.i > 0 and subject.nbor(-1).lower_ == "no":
            return True  # "no one"
        return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subject.children)

    @staticmethod
    def _relative_word(verb: Token) -> Token | None:
        """The relative pronoun opening the relative clause of which the cue verb is the
        head ("the plan, which she said ...")."""
        if verb.dep_ != "relcl":
            return None
        first = verb.left_edge
        if first.tag_ not in ("WDT", "WP") or (
            first.head.i == verb.i and first.dep_ in ("nsubj", "nsubjpass")
        ):
            return None  # "the ministry, which said ...": the relative word is the speaker
        return first

    def _noun_cue(self, noun: Token) -> None:
        """ "the ministry's statement that CONTENT", "a claim by X that CONTENT"."""
        clause = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp")
                and c.i > noun.i
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        if clause is None:
            return
        prep = noun.head
        if prep.dep_ == "prep" and self._is_cue_verb(prep.head):
            reported = self._clause_on_channel(prep.head)
            if reported is not None and reported.i == clause.i:
                return  # "stressed in a statement that ...": the verb reports it
        content = self._span_of_tokens({t.i for t in clause.subtree}, clause, noun)
        if content is None:
            return
        attr = _Attr(
            kind="other", cue=(noun.idx, noun.idx + len(noun)), content=content, cue_token=noun
        )
        self._set_kind(attr)
        if attr.kind == "indirect":
            attr.kind = "other"
        speaker = self._noun_speaker(noun)
        if speaker is not None:
            attr.source_token, attr.source = speaker, self._source_extent(speaker)
        self.by_cue[noun.i] = attr

    def _noun_speaker(self, noun: Token) -> Token | None:
        """Whose statement: the possessor (not a date, "Monday's statement", nor a word
        that is itself a statement, "the report's claim"), the object of "by"/"from", also
        after a participle ("a report published by the monitor"), or an actor before the
        noun ("a police statement")."""
        for child in noun.children:
            if child.dep_ == "poss":
                if child.ent_type_ in ("DATE", "TIME") or child.lemma_.lower() in self.cues.nouns:
                    break
                return child
        for child in noun.lefts:
            if (
                child.dep_ == "compound"
                and child.pos_ in ("NOUN", "PROPN")
                and (
                    child.lemma_.lower() in self.body_nouns
                    or actor_at(self.doc, child.idx, child.idx + len(child)) is not None
                )
            ):
                return child
        preps = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                preps.append(child)
            elif child.dep_ == "acl" and child.tag_ == "VBN" and child.i == noun.i + 1:
                preps += [c for c in child.children if c.dep_ == "agent"]
        for prep in preps:
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or pobj.pos_ not in ("PROPN", "NOUN", "PRON"):
                    continue
                if (
                    prep.lower_ == "from"
                    and pobj.pos_ == "NOUN"
                    and pobj.lemma_.lower() not in self.body_nouns
                    and actor_at(self.doc, pobj.idx, pobj.idx + len(pobj)) is None
                ):
                    continue  # "reports from the convention": where from, not who
                return pobj
        return None

    def _verb_content(
        self, verb: Token, frames: list[str], preps: list[str], *, strict: bool = False
    ) -> tuple[int, int] | None:
        """The content of a reporting verb; a ``strict`` verb ("show", "find") reports only
        through its frames, never through a nearby quote or the rest of the sentence."""
        children = list(verb.children)
        # X said (that) CONTENT / "CONTENT," X said
        if "ccomp" in frames:
            pair = self._two_subjects(verb)
            if pair is not None:
                claim = pair[0]
                result = self._span_of_tokens({t.i for t in claim.subtree}, claim, verb)
                if result:
                    return self._snap_to_quote(result)
            cited = self._clause_after_cite(verb)
            if cited is not None:
                # "The ministry said, citing police, that nine died": the parser hangs the
                # reported clause on the participle; the words from the clause on are said.
                participle, clause = cited
                tokens = {t.i for t in participle.subtree if t.i >= clause.left_edge.i}
                result = self._span_of_tokens(tokens, clause, verb)
                if result:
                    return self._snap_to_quote(result)
            that = self._that_after_according(verb)
            if that is not None:
                # "reported, according to sources, that ...": the parser may conjoin the
                # clause to the verb; the words from "that" on are reported.
                clause = that.head
                tokens = {t.i for t in clause.subtree if t.i >= that.i}
                result = self._span_of_tokens(tokens, clause, verb)
                if result:
                    return self._snap_to_quote(result)
            clause = self._clause_on_channel(verb)
            if clause is not None:
                # "stressed in a statement that ...": the parser hung the clause on the noun.
                result = self._span_of_tokens({t.i for t in clause.subtree}, clause, verb)
                if result:
                    return self._snap_to_quote(result)
            for child in children:
                if child.dep_ == "parataxis" and self._is_cue_verb(child):
                    continue  # "A wall would address X, she said, ...": the aside reports
                if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
                    tokens = self._subtree_minus(
                        child,
                        exclude=[
                            *self._other_cues_below(child, verb),
                            *self._speaker_asides(child),
                        ],
                    )
                    tokens |= self._conjoined_complements(verb, child)
                    tokens |= self._clause_continued(verb, child, tokens)
                    tokens -= self._time_after_verb(verb, child)
                    result = self._span_of_tokens(tokens, child, verb)
                    fronted = (
                        self._fronted_before_aside(verb, clauses_only=True)
                        if child.i > verb.i + 2
                        and self.doc[verb.i + 1].text == ","
                        and not self.doc[verb.i + 2].is_quote
                        else set()
                    )
                    if result and fronted and self._same_paragraph(self.doc[min(fronted)], verb):
                        # "After ..., Hadid said, most ...": the aside sits inside the content.
                        result = (self.doc[min(fronted)].idx, result[1])
                    if result:
                        return self._snap_to_quote(result)
            # "CONTENT, he said": the parser made the cue a parenthetical of the content.
            if (
                verb.dep_ in ("parataxis", "ccomp")
                and verb.head.i != verb.i
                and verb.head.pos_ in ("VERB", "AUX")
            ):
                head = verb.head
                if verb.dep_ == "parataxis" or verb.i > head.i:
                    tokens = self._subtree_minus(
                        head, exclude=[verb, *self._other_cues_below(head, verb)]
                    )
                    if verb.dep_ == "parataxis":
                        tokens |= self._fronted_before_aside(verb)
                    result = self._span_of_tokens(tokens, head, verb)
                    if result and verb.dep_ == "parataxis":
                        # "A, economists say, B": the aside sits inside the content.
                        # "A, she said, B": the aside sits inside the content, whichever
                        # side of it the parser put the clause's head on.
                        # Not the line break after the paragraph, which the parser hangs
                        # on its last word.
                        words = [t for t in tokens if not self.doc[t].is_space]
                        inside = [t for t in words if t > verb.i] and min(words) < verb.i
                        first, last = self.doc[min(words)], self.doc[max(words)]
                        if (
                            inside
                            and self._same_paragraph(last, verb)
                            and self._same_paragraph(first, verb)
                        ):
                            result = self._trim(
                                min(result[0], first.idx),
                                max(result[1], last.idx + len(last)),
                            )
                        return self._snap_to_quote(result)
        if "xcomp" in frames or "dobj" in frames:
            result = self._directive(verb, children)
            if result:
                return self._snap_to_quote(result)
        if "xcomp" in frames:
            for child in children:
                if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and child.i > verb.i:
                    result = self._span_of_tokens({t.i for t in child.subtree}, child, verb)
                    if result:
                        return self._snap_to_quote(result)
        for child in children:
            if child.dep_ == "prep" and child.lower_ in preps and child.i > verb.i:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects and objects[0].ent_type_ in ("DATE", "TIME"):
                    continue  # "called it a crime on Monday": a time, not "call on"
                if objects:
                    result = self._span_of_tokens(
                        {t.i for t in objects[0].subtree}, objects[0], verb
                    )
                    if result:
                        return self._snap_to_quote(result)
        if "dobj" in frames and any(c.dep_ == "agent" for c in children):
            # "The plan was rejected by the council": the passive subject is what is reported.
            for child in children:
                if child.dep_ == "nsubjpass" and child.i < verb.i:
                    result = self._span_of_tokens({t.i for t in child.subtree}, child, verb)
                    if result:
                        return self._snap_to_quote(result)
        if "dobj" in frames:
            for child in children:
                if child.dep_ == "dobj" and child.i > verb.i:
                    tokens = {t.i for t in child.subtree}
                    for noun in self._channel_nouns_of(child):
                        tokens -= {t.i for t in noun.head.subtree}  # "... in a post on X"
                    # Adjuncts right after the object ("... casualties in Ashkelon").
                    for other in children:
                        if other.dep_ == "oprd" and other.i > child.i:
                            # "called the plan a waste": the object with what it is called
                            tokens |= {t.i for t in other.subtree}
                        elif (
                            other.dep_ == "prep"
                            and other.i > child.i
                            and other.lower_ not in self.cues.channel_prepositions | {"according"}
                        ):
                            tokens |= {t.i for t in other.subtree}
                        elif (
                            other.dep_ == "prep"
                            and other.i > child.i
                            and other.lower_ == "at"
                            and any(t.like_num for t in other.subtree)
                        ):
                            tokens |= {t.i for t in other.subtree}  # "the toll at 31"
                        elif other.dep_ == "prep" and other.i > child.i and other.lower_ == "in":
                            pobj = [c for c in other.children if c.dep_ == "pobj"]
                            if pobj and pobj[0].lemma_.lower() not in self.cues.channel_nouns:
                                tokens |= {t.i for t in other.subtree}
                    result = self._span_of_tokens(tokens, child, verb)
                    if result:
                        return self._snap_to_quote(result)
        if "dobj" in frames:
            # "denied shelling the district": a gerund the parse made an xcomp is the object.
            for child in children:
                if child.dep_ == "xcomp" and child.tag_ == "VBG" and child.i > verb.i:
                    result = self._span_of_tokens({t.i for t in child.subtree}, child, verb)
                    if result:
                        return self._snap_to_quote(result)
        if strict:
            return None
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and self._is_cue_verb(verb.head):
            return None  # "Writing in a letter, the union said ...": the head verb reports
        return self._adjacent_quote(verb) or self._rest_of_sentence(verb, frames)

    def _directive(self, verb: Token, children: list[Token]) -> tuple[int, int] | None:
        """ "urged both sides to return to talks", "called on the rebels to withdraw": whom
        the speaker addresses (the object, or the object of "on"), with what they are told to
        do (the infinitive the parser hangs on the verb). Without an addressee, None."""
        for clause in children:
            if not (
                clause.dep_ == "xcomp"
                and clause.i > verb.i
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            ):
                continue
            between = [c for c in children if verb.i < c.i < clause.i]
            addressees = [c for c in between if c.dep_ == "dobj"] + [
                o
                for prep in between
                if prep.dep_ == "prep" and prep.lower_ in ("on", "upon")
                for o in prep.children
                if o.dep_ == "pobj"
            ]
            # "vowed on Wednesday to rebuild": a time is addressed by no one.
            addressees = [a for a in addressees if a.ent_type_ not in ("DATE", "TIME")]
            if not addressees:
                return None
            tokens = {t.i for t in addressees[0].subtree} | {t.i for t in clause.subtree}
            return self._span_of_tokens(tokens, clause, verb)
        return None

    def _rest_of_sentence(self, verb: Token, frames: list[str]) -> tuple[int, int] | None:
        """ "X said having ... puts ...": when the parser found no complement for a verb
        that takes a clause, what follows the verb in its sentence (past an addressee, a
        channel phrase or a time word) is taken as the content."""
        if "ccomp" not in frames or verb.tag_ == "VBN":
            return None
        doc = self.doc
        sentence = verb.sent
        i = verb.i + 1
        skip_deps = ("dobj", "dative", "npadvmod", "advmod", "prt", "punct")
        while i < sentence.end:
            token = doc[i]
            # The verb's own dependent this token belongs to.
            while (
                token.head.i != verb.i
                and token.head.i != token.i
                and verb.i < token.head.i < sentence.end
            ):
                token = token.head
            if (
                token.head.i == verb.i
                and token.dep_ in skip_deps
                and (
                    token.dep_ != "dobj"
                    or verb.lemma_.lower() in ("tell", "inform", "assure", "remind")
                )
            ):
                i = token.right_edge.i + 1
            elif (
                token.head.i == verb.i
                and token.dep_ == "prep"
                and token.lower_ in ("in", "on", "to", "at")
            ):
                i = token.right_edge.i + 1
            elif doc[i].lower_ == "that":
                i += 1
            elif self._is_cite_participle(doc[i]) and doc[i - 1].text == ",":
                i = doc[i].right_edge.i + 1  # "reported, citing port workers, that ..."
            else:
                break
        if i < sentence.end and doc[i].dep_ == "cc":
            return None  # "ready to respond and warned ...": a next predicate, not said
        end = sentence.end
        # "A spokesman, who was not authorized to brief reporters, said ...": the rest of a
        # relative clause, not of the sentence around it.
        clause = next((a for a in [verb, *verb.ancestors] if a.dep_ in ("relcl", "acl")), None)
        if clause is not None:
            end = min(end, clause.right_edge.i + 1)
        for j in range(i, end):
            token = doc[j]
            stops = token.lower_ == "according" or (
                token.tag_ == "VBG" and token.dep_ == "advcl" and self._is_cue_verb(token)
            )
            if stops or token.text in (";",):
                end = j
                break
        if end - i < 3 or any(doc[j].tag_.startswith("VB") for j in range(i, end)) is False:
            return None
        return self._span_of_tokens(set(range(i, end)), doc[i], verb)

    @staticmethod
    def _conjoined_complements(verb: Token, clause: Token) -> set[int]:
        """ "X said that A, and that B": the second clause hangs on the verb as a conjunct."""
        tokens: set[int] = set()
        for conj in verb.children:
            if conj.dep_ != "conj" or conj.i < clause.i:
                continue
            if any(
                m.dep_ == "mark" and m.lower_ in ("that", "whether", "if") for m in conj.children
            ):
                tokens |= {t.i for t in conj.subtree}
                tokens |= {
                    t.i
                    for t in verb.children
                    if clause.i < t.i < conj.i and t.dep_ in ("cc", "punct")
                }
        return tokens

    @staticmethod
    def _clause_continued(verb: Token, clause: Token, tokens: set[int]) -> set[int]:
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

    def _speaker_like(self, attr: _Attr) -> bool:
        """A subject that can say things: a person or organisation, a personal pronoun, a
        name; or a participle that reports for the subject of its verb."""
        if attr.source is None:
            return True
        token = attr.source_token
        # PolNeAR train: dropping non-person subjects costs more recall than it buys precision.
        return token is None or token.lower_ not in ("it", "this", "that", "which")

    def _adjacent_quote(self, verb: Token) -> tuple[int, int] | None:
        """A quotation right after "X said:" or right before "..., X said" in the paragraph."""
        low, high = _paragraph_bounds(self.text, verb.idx)
        for quote in self.quotes:
            if not (low <= quote.outer_start < high):
                continue
            between_after = self.text[verb.idx + len(verb) : quote.outer_start]
            if (
                quote.outer_start >= verb.idx
                and len(between_after) <= 40
                and between_after.strip(" ,:") == between_after.strip(" ,:").split("\n")[0]
                and ("." not in between_after)
            ):
                if len(between_after.split()) <= 4:
                    return quote.start, quote.end
            between_before = self.text[quote.outer_end : verb.idx]
            if (
                quote.outer_end <= verb.idx
                and len(between_before) <= 40
                and "." not in between_before
                and len(between_before.split()) <= 4
            ):
                return self._trim(quote.start, quote.end)
        return None

    def _snap_to_quote(self, content: tuple[int, int]) -> tuple[int, int]:
        """Content that lies inside one quotation becomes that whole quotation."""
        start, end = content
        for quote in self.quotes:
            if quote.outer_start <= start and end <= quote.outer_end and quote.start <= start + 1:
                return self._trim(quote.start, quote.end)
        return content

    def _set_kind(self, attr: _Attr) -> None:
        start, end = attr.content
        for quote in self.quotes:
            if quote.start <= start and end <= quote.end + 1:
                attr.kind = "direct"
                return
            if quote.outer_start < end and start < quote.outer_end:
                attr.kind = "mixed"
                return

    def _set_source(self, attr: _Attr, verb: Token) -> None:
        subject = self._subject(verb)
        if subject is None:
            if self._asked_first(verb):
                # "Asked whether ..., he said": someone the text leaves unnamed asked.
                attr.unstated_source = True
                return
            if self._infinitive(verb):
                # "They met in Algiers to discuss X": whoever met discusses (control),
                # not whoever reports the meeting.
                attr.inherit_from = verb.head
            elif verb.tag_ == "VBG" or verb.dep_ in ("advcl", "conj", "xcomp"):
                attr.inherit_from = self._reporting_ancestor(verb) or verb.head
            return
        subject = self._through_statement(attr, subject)
        attr.source_token = subject
        attr.source = self._source_extent(subject)

    def _through_statement(self, attr: _Attr, subject: Token) -> Token:
        """ "A statement by the council said ...", "The council's statement said ...": the
        council speaks through it; the channel is the statement, without whose. The speaker
        is returned (``subject`` itself where the statement is no one's)."""
        if (
            subject.lemma_.lower() not in self.cues.nouns
            or actor_at(self.doc, subject.idx, subject.idx + len(subject)) is not None
        ):
            return subject
        speaker = self._noun_speaker(subject)
        if speaker is None:
            return subject
        first = subject.left_edge
        if speaker.dep_ == "poss":
            first = self.doc[speaker.right_edge.i + 1]
        elif first.dep_ == "det" and first.i < subject.i:
            first = self.doc[first.i + 1]  # "statement by ...", as a channel is written
        attr.channel = self._trim(first.idx, subject.right_edge.idx + len(subject.right_edge))
        return speaker

    def _speaker_behind_statement(self, attr: _Attr) -> None:
        """Where the source is a statement someone makes (``_through_statement``), that
        speaker becomes the source, and the statement its channel."""
        subject = attr.source_token
        speaker = self._through_statement(attr, subject)
        if speaker.i != subject.i:
            attr.source_token, attr.source = speaker, self._source_extent(speaker)

    @staticmethod
    def _asked_first(verb: Token) -> bool:
        """A participle opening the clause before its head verb ("Asked whether ..., he
        said"): whoever did it goes unnamed."""
        return verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i == verb.left_edge.i < verb.head.i

    @staticmethod
    def _infinitive(verb: Token) -> bool:
        return (
            verb.dep_ in ("advcl", "xcomp")
            and verb.tag_ == "VB"
            and any(c.tag_ == "TO" for c in verb.children)
        )

    def _quoted_as(self, verb: Token) -> Token | None:
        """The "quoted" of "She was quoted as saying ...", whose subject speaks, or of
        "The paper quoted him as saying ...", whose object does."""
        head = verb.head
        if verb.dep_ != "pcomp" or head.lower_ != "as":
            return None
        passive = head.head
        if passive.lemma_.lower() in self.cues.cite_verbs and any(
            c.dep_ in ("nsubjpass", "dobj") for c in passive.children
        ):
            return passive
        return None

    def _subject(self, verb: Token) -> Token | None:
        passive = self._quoted_as(verb)
        if passive is not None:
            return next(c for c in passive.children if c.dep_ in ("nsubjpass", "dobj"))
        pair = self._two_subjects(verb)
        if pair is not None:
            return pair[1]
        # A subject the parser found in a heading or caption run into the sentence is not one,
        # nor is a closing guillemet it took for a noun ('«...,» said Mariam Dede').
        subjects = [
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "csubj")
            and self._same_paragraph(c, verb)
            and not self._excluded(c)
            and not c.is_quote
        ]
        for child in subjects:
            if child.dep_ in ("nsubj", "csubj"):
                return child  # "X, who said ...": "who", resolved to X later
        agents = self._agents(verb)
        if agents:
            return agents[0]
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        return self._noun_before(verb) or self._noun_after(verb)

    def _noun_after(self, verb: Token) -> Token | None:
        """'"...," said Kevin Madden': the speaker after the verb, when the parser took it
        for an object."""
        before = self.text[max(0, verb.idx - 4) : verb.idx]
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or not any(
            mark in before for mark in QUOTE_MARKS + ","
        ):
            return None
        for child in verb.rights:
            if (
                child.dep_
                in (
                    "dobj",
                    "attr",
                    "npadvmod",
                    "appos",
                    "nsubj",
                    "dative",
                )
                and child.pos_ in ("PROPN", "NOUN")
                and child.ent_type_ not in ("DATE", "TIME")
            ):
                return child
        return None

    def _noun_before(self, verb: Token) -> Token | None:
        """The noun right before a finite verb the parser left without a subject (it tends
        to glue a heading onto the first sentence after it)."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP"):
            return None
        j = verb.i - 1
        while j >= 0 and self.doc[j].pos_ in ("ADV", "PART", "AUX"):
            j -= 1
        if j > 0 and self.doc[j].text == "," and self.doc[j - 1].dep_ == "appos":
            # "the mayor, Ilse Varn, said": the parser hung the speaker on an earlier noun.
            j -= 1
        if j < 0:
            return None
        token = self.doc[j]
        if (
            token.pos_ in ("NOUN", "PROPN", "PRON")
            and self._same_paragraph(token, verb)
            and not self._excluded(token)
        ):
            return token
        return None

    def _reporting_ancestor(self, verb: Token) -> Token | None:
        """The reporting verb a participle ultimately hangs on ("She said the port needed
        cranes, adding that ..." reports for "She")."""
        head = verb.head
        while head.i != head.head.i and not self._is_cue_verb(head):
            head = head.head
        return head if self._is_cue_verb(head) and head.i != verb.i else None

    def _source_extent(self, subject: Token) -> tuple[int, int]:
        """The source as written: the subject's noun phrase without relative clauses,
        appositions and trailing commas (an acronym in parentheses kept), widened to the
        actor mention holding the subject word."""
        if subject.pos_ == "PRON":
            return subject.idx, subject.idx + len(subject)
        start, stop = self._noun_phrase(subject)
        for other in self._conjuncts(subject):
            end = self._noun_phrase(other)[1]
            if self.text[end : end + 1] == "-":
                break  # "its co-founder", cut by the parse: not a phrase to end on
            stop = max(stop, end)  # "police and witnesses"
        mention = next(
            (
                m
                for actor in self.doc._.el_actors or ()
                for m in actor["mentions"]
                if m["start"] <= subject.idx < m["end"]
            ),
            None,
        )
        if mention is not None:
            # "Officials at the hospital": the mention with the phrase's modifiers.
            start, stop = min(start, mention["start"]), max(stop, mention["end"])
        return start, stop

    def _conjuncts(self, subject: Token) -> list[Token]:
        """The nouns coordinated with ``subject`` after it, in its paragraph ("the camp's
        administrator and a local rescue service"): together they are the source."""
        found = []
        head = subject
        while True:
            nxt = next(
                (
                    c for c in head.rights
                    if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
                    and self._same_paragraph(c, subject)
                ),
                None,
            )
            if nxt is None:
                return found
            found.append(nxt)
            head = nxt

    def _noun_phrase(self, subject: Token) -> tuple[int, int]:
        doc = self.doc
        end = subject.i
        for child in subject.rights:
            if (
                child.text == "("
                and child.i == end + 1
                and child.i + 2 < len(doc)
                and doc[child.i + 2].text == ")"
            ):
                end = child.i + 2  # "The UN refugee agency (UNHCR)": its acronym
                continue
            if child.dep_ == "appos" and child.i == end + 1 and child.pos_ == "PROPN":
                end = child.right_edge.i  # "the state news agency NNA": its name, no comma
                continue
            if child.i <= end:
                continue
            if child.dep_ in ("relcl", "appos", "punct", "acl", "cc", "conj", "case"):
                break
            end = child.right_edge.i
        following = doc[end + 1] if end + 1 < len(doc) else None
        if (
            following is not None
            and following.pos_ == "PROPN"
            and following.dep_ == "nsubj"
            and following.head.i == subject.head.i != subject.i
        ):
            end = following.right_edge.i  # "news agency NNA reported": two subjects parsed
        tokens = [
            t for t in self.doc[subject.left_edge.i : end + 1] if self._same_paragraph(t, subject)
        ]
        if not tokens:
            return subject.idx, subject.idx + len(subject)
        start, stop = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        while stop > start and self.text[stop - 1] in _TRIM:
            stop -= 1
        while start < stop and self.text[start] in _TRIM:
            start += 1  # a closing mark the parser hung on the speaker: '," a commander'
        return start, stop

    def _channel(self, verb: Token) -> tuple[int, int] | None:
        # "Speaking in an interview with Radio Kestrel, the mayor said": the channel may
        # hang on a participle beside the verb; a reporting participle after it reports
        # words of its own ("said ..., adding in a later statement that ...").
        beside = [
            c for c in verb.children
            if c.dep_ == "advcl" and c.tag_ == "VBG"
            and not (c.i > verb.i and c.lemma_.lower() in self.cues.verbs)
        ]
        # "A spokesman, speaking to the Times, insisted": or on the speaker.
        beside += [
            c for s in verb.children if s.dep_ in _SUBJECT_DEPS
            for c in s.children if c.dep_ == "acl" and c.tag_ == "VBG"
        ]
        # "claimed responsibility in a post on its channel": or on the verb's object.
        beside += [c for c in verb.children if c.dep_ == "dobj"]
        for child in [*verb.children, *(g for c in beside for g in c.children)]:
            for pobj in self._channel_nouns_at(child):
                return self._channel_extent(pobj, self._clause_on_channel(verb))
            if (
                child.dep_ == "prep"
                and child.lower_ == "to"
                and child.head in beside
                and child.head.lemma_.lower() in ("speak", "talk")
            ):
                # "speaking to the Orvania Times": whom the speaker spoke to, as with "told".
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj.left_edge.idx, pobj.idx + len(pobj)
            if child.dep_ in ("dative", "dobj") and verb.lemma_.lower() in (
                "tell",
                "brief",
                "inform",
            ):
                return child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i:
            # "In a video posted on Telegram, a commander stood by a hangar and said ...":
            # the phrase that opens the sentence holds for both verbs.
            for child in verb.head.children:
                if child.i < verb.head.i and child.i == child.sent.start:
                    for pobj in self._channel_nouns_at(child):
                        return self._channel_extent(pobj)
        return None

    def _channel_extent(self, pobj: Token, clause: Token | None = None) -> tuple[int, int]:
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
        return self._trim(start, end)

    @staticmethod
    def _agents(verb: Token) -> list[Token]:
        """The objects of ``verb``'s "by" agent: "quoted by the Courier" -> "Courier"."""
        return [
            obj for agent in verb.children if agent.dep_ == "agent"
            for obj in agent.children if obj.dep_ == "pobj"
        ]

    def _is_channel_noun(self, token: Token) -> bool:
        words = [token.lemma_.lower(), token.lower_]
        compound = " ".join(  # "press conference", "social media"
            [t.lower_ for t in token.lefts if t.dep_ in ("compound", "amod")] + [token.lower_]
        )
        return any(w in self.cues.channel_nouns for w in [*words, compound])

    def _channel_nouns_at(self, prep: Token) -> list[Token]:
        """The channel nouns ``prep`` introduces, if it is a channel preposition ("in a
        statement", "on its Telegram channel")."""
        if prep.lower_ == "by":
            # "said by telephone": a bare noun is the means; "quoted by the channel" (and
            # any "by" with an article) is who carried the words.
            if prep.dep_ not in ("prep", "agent"):
                return []
            return [
                c for c in prep.children
                if c.dep_ == "pobj" and self._is_channel_noun(c)
                and not any(d.dep_ in ("det", "poss") for d in c.children)
            ]
        if prep.dep_ != "prep" or prep.lower_ not in self.cues.channel_prepositions:
            return []
        return [c for c in prep.children if c.dep_ == "pobj" and self._is_channel_noun(c)]

    def _channel_nouns_of(self, token: Token) -> list[Token]:
        """The channel nouns of ``token``'s channel phrases ("in a post on its channel")."""
        return [noun for prep in token.children for noun in self._channel_nouns_at(prep)]

    def _clause_on_channel(self, verb: Token) -> Token | None:
        """The "that" clause of "X stressed in a statement that ...", parsed as a clause of
        the channel noun, when the verb has no complement of its own."""
        if any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
            return None
        for noun in self._channel_nouns_of(verb):
            # "in a message posted online that ...": or on a participle of the noun.
            heads = [noun, *(c for c in noun.rights if self._channel_participle(c))]
            for head in heads:
                for clause in head.rights:
                    if (
                        clause.dep_ in ("acl", "relcl", "ccomp")
                        and clause.pos_ in ("VERB", "AUX")
                        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
                    ):
                        return clause
        return None

    def _channel_participle(self, token: Token) -> bool:
        """ "posted" in "a message posted online": a participle describing a channel noun,
        which reports nothing itself."""
        return (
            token.dep_ == "acl"
            and token.tag_ == "VBN"
            and token.head.dep_ == "pobj"
            and self._is_channel_noun(token.head)
        )

    def _is_cite_participle(self, token: Token) -> bool:
        return token.lemma_.lower() in self.cues.cite_verbs and token.tag_ == "VBG"

    def _two_subjects(self, verb: Token) -> tuple[Token, Token] | None:
        """ "The ceasefire held overnight, the mission said": the parser made both the
        claim's subject and the speaker subjects of the verb. (claim, speaker), split by a
        comma."""
        subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
        if len(subjects) < 2:
            return None
        claim, speaker = subjects[-2], subjects[-1]
        between = self.doc[claim.right_edge.i + 1 : speaker.left_edge.i]
        if not any(t.text == "," for t in between):
            return None
        return claim, speaker

    def _clause_after_cite(self, verb: Token) -> tuple[Token, Token] | None:
        """The participle and the clause of "said, citing police, that ...", where the parser
        made the reported clause a complement of "citing"."""
        for child in verb.rights:
            if self._is_cite_participle(child) and self.doc[child.i - 1].text == ",":
                for clause in child.rights:
                    if clause.dep_ == "ccomp" and clause.pos_ in ("VERB", "AUX"):
                        return child, clause
        return None

    def _that_after_according(self, verb: Token) -> Token | None:
        """The "that" of "said, according to X, that ...", where the parser did not make
        its clause the reporting verb's complement."""
        doc = self.doc
        i = verb.i
        if i + 2 >= len(doc) or doc[i + 1].text != "," or doc[i + 2].lower_ != "according":
            return None
        that = self._that_after(doc[i + 2])
        if that is None:
            return None
        clause = that.head
        if clause.i == verb.i or clause.pos_ not in ("VERB", "AUX") or clause.dep_ == "ccomp":
            return None  # a complement of the verb: the plain frame reads it
        return that

    def _as_reported_by(self, verb: Token) -> bool:
        """ "As reported by the Meridian website, the governor visited the camp", "...,
        as reported by Radio Meridian": the outlet's report of the clause the phrase hangs
        on, as with "according to" (the phrase is in the lexicon's ``according_to``)."""
        if verb.tag_ != "VBN" or verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX"):
            return False
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if mark is None or source is None or not mark.i < verb.i < agent.i:
            return False
        phrase = self.text[mark.idx : agent.idx + len(agent)].lower()
        if phrase not in self.cues.according_to:
            return False
        head = verb.head
        tokens = self._subtree_minus(head, exclude=[verb])
        content = self._span_of_tokens(tokens, head, verb)
        if content is None:
            return False
        self.by_cue[verb.i] = _Attr(
            kind="according_to",
            cue=(mark.idx, agent.idx + len(agent)),
            content=content,
            cue_token=verb,
            source=self._source_extent(source),
            source_token=source,
            sure=True,
        )
        return True

    def _according_object(self, according: Token) -> Token | None:
        """Whom "according to" names, wherever the parser hung the object."""
        to = self.doc[according.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] or [
            c for c in according.children if c.dep_ == "pobj"
        ]
        return objects[0] if objects else None

    def _that_after(self, according: Token) -> Token | None:
        """The "that" right after "according to X, ", if the phrase is followed by one."""
        doc = self.doc
        source = self._according_object(according) if according.i + 1 < len(doc) else None
        if source is None:
            return None
        after = source.right_edge.i + 1
        if after + 1 >= len(doc) or doc[after].text != "," or doc[after + 1].lower_ != "that":
            return None
        return doc[after + 1]

    def _cites(self, verb: Token) -> list[tuple[int, int]]:
        """ "citing hospital sources", "quoting officials" beside the verb or its subject."""
        found = []
        candidates = list(verb.children)
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS:
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
                    and self.doc[c.left_edge.i - 1].text == ","
                ]
        after = verb.i + 2
        if after < len(self.doc) and self.doc[after - 1].text == ",":
            # "The army said, quoting a commander, that ...": wherever the parser hung it.
            candidates.append(self.doc[after])
        for token in {t.i: t for t in candidates}.values():
            if self._is_cite_participle(token):
                # Only what stands before a clause the parser hung on the participle is cited.
                clause = next((c.i for c in token.rights if c.dep_ == "ccomp"), len(self.doc))
                for obj in token.children:
                    if obj.dep_ in ("dobj", "pobj") and obj.i < clause:
                        start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
                        found.append(self._trim(start, end))
        return found

    def _survey_in(self, prep: Token) -> Token | None:
        """The poll of "In a poll released Monday, 50 percent chose ...", "leads in the
        polls", "in the average of recent polls": a survey noun of the lexicon's
        ``survey_nouns`` that "in" takes, which reports the clause as "according to" does.
        None for a poll that people take part in ("voters who took part in the poll")."""
        if prep.dep_ != "prep" or prep.head.dep_ in ("relcl", "acl"):
            return None
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            of = [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"]
            if obj.lemma_.lower() in self.cues.survey_nouns or any(
                c.dep_ == "pobj" and c.lemma_.lower() in self.cues.survey_nouns
                for p in of for c in p.children
            ):  # "a poll", "the average of recent polls"
                # "“He is holding his own in the polls,” he said": the speaker's words.
                return None if self._in_quoted_words(prep) else obj
        return None

    def _in_survey(self, prep: Token) -> None:
        """ "In a poll released Monday, ...": the poll's report, as "according to" gives
        it, with the poll as written, what it was and when, as its source. The frame is
        narrow, and the tagger seldom reads a poll's finding as a claim, so it stands
        without the tagger's confirming (PolNeAR's held-out training articles: +6 cue hits
        for 6 attributions)."""
        survey = self._survey_in(prep)
        if survey is None:
            return
        edge = survey.right_edge
        words = self._trim(survey.left_edge.idx, edge.idx + len(edge))
        self._according_to(prep, last=prep, source_token=survey, source=words, sure=True)

    def _according_to(
        self,
        according: Token,
        *,
        last: Token | None = None,
        source_token: Token | None = None,
        source: tuple[int, int] | None = None,
        sure: bool = False,
    ) -> None:
        """ "According to X, ...": X's report of the clause the phrase hangs on, or the
        outlet that carried a report. ``last`` is the cue's last word ("to" by default),
        ``source_token`` its object and ``source`` the source's words, for other phrases
        of the frame ("in a poll"); ``sure``: the frame stands without the tagger's
        confirming (``_Attr.sure``)."""
        doc = self.doc
        last = last or doc[according.i + 1]
        source_token = source_token or self._according_object(according)
        if source_token is None:
            return
        source = source or self._source_extent(source_token)
        head = according.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        cue = (according.idx, last.idx + len(last))
        after = source_token.right_edge.i + 1
        if (
            according.i >= 2
            and doc[according.i - 1].text == ","
            and self._is_cue_verb(doc[according.i - 2])
            and self._that_after(according) is not None
        ):
            # "The ministry said, according to the Gazette, that ...", wherever the parser
            # hung the phrase: the outlet that carried the report.
            head = doc[according.i - 2]
        elif (
            head.dep_ == "ccomp"
            and not self._is_cue_verb(head)
            and self._is_cue_verb(head.head)
            and head.head.i < according.i
            and doc[according.i - 1].text == ","
            and all(t.is_punct or t.is_space for t in doc[after : according.sent.end])
        ):
            # "The army said its units shelled Kessa, according to a statement ...": the
            # phrase closes the report, wherever the parser hung it.
            head = head.head
        # "According to the mission, no casualties were reported": a passive report with
        # no one reporting is what the source says, not a report the source carried.
        unreported = not any(c.dep_ in ("nsubj", "agent") for c in head.children)
        passive = unreported and any(c.dep_ == "nsubjpass" for c in head.children)
        if head.i in self.by_cue or (
            self._is_cue_verb(head) and head.i != according.i and not passive
        ):
            # Already reported by a verb: the outlet that carried it.
            self._pending_cited_by.append((head, source, source_token, cue))
            return
        # The whole sentence is sourced, its conjoined clauses too ("A; B and C").
        while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.i == according.i:
            return
        tokens = self._subtree_minus(
            head, exclude=[according, *self._other_cues_below(head, according)]
        )
        # The cue and its source are no part of the content, wherever the parser hung them,
        # nor is the "that" of an outer report ("reported that, according to X, ...").
        tokens -= set(range(according.i, source_token.right_edge.i + 1))
        tokens -= {
            c.i
            for c in head.children
            if c.dep_ == "mark" and c.lower_ == "that" and c.i < according.i
        }
        content = self._span_of_tokens(tokens, head, according)
        if content is None:
            return
        # "X, according to Y, was Z": the aside sits inside the content.
        low, high = _paragraph_bounds(self.text, according.idx)
        kept = [doc[i] for i in tokens if low <= doc[i].idx < high and not doc[i].is_punct]
        if kept and min(t.i for t in kept) < according.i < max(t.i for t in kept):
            first = min(kept, key=lambda t: t.i)
            last = max(kept, key=lambda t: t.i)
            content = self._trim(
                min(content[0], first.idx), max(content[1], last.idx + len(last))
            )
        attr = _Attr(
            kind="according_to",
            cue=cue,
            content=content,
            cue_token=according,
            source=source,
            source_token=source_token,
        )
        # "according to a statement from the camp's committee": the committee's, by it.
        self._speaker_behind_statement(attr)
        attr.sure = sure
        self.by_cue[according.i] = attr

    def _resolve_cited_by(self, attrs: list[_Attr]) -> list[_Attr]:
        for head, source, source_token, cue in self._pending_cited_by:
            attr = self.by_cue.get(head.i)
            if attr is None:
                continue
            if self._reports_from(attr, source_token):
                attr.cites.append(source)  # "Politico reported, according to sources, ..."
            elif (
                attr.channel is None
                and self._is_channel_noun(source_token)
                and source_token.pos_ != "PROPN"  # "the World Food Programme" is a body
                and not any(c.dep_ == "poss" for c in source_token.children)
            ):
                # "..., according to a statement posted on its website"
                attr.channel = self._channel_extent(source_token)
            else:  # "..., he added, according to the Chronicle" / "to Farley's account"
                attr.cited_by.append(source)
                attr.carrier = attr.carrier or (cue, source)
        return attrs

    def _reports_from(self, attr: _Attr, according: Token) -> bool:
        """Whether "according to X" after a report names whom the speaker had it from, not
        the outlet that carried it: an outlet reports (by its verb or its name's head noun)
        according to people it leaves unnamed ("sources in the meetings", "officials")."""
        lemma = according.lemma_.lower()
        if according.pos_ != "NOUN" or not (
            lemma in self.cues.person_nouns or lemma in ("people", "person")
        ):
            return False
        cue = attr.cue_token
        speaker = attr.source_token
        return (cue is not None and cue.lemma_.lower() in _OUTLET_VERBS) or (
            speaker is not None and speaker.lemma_.lower() in self.media_nouns
        )

    def _bare_quotes(self, attrs: list[_Attr]) -> list[_Attr]:
        """Quotations no reporting verb took: given to the previous speaker nearby."""
        found = []
        for quote in self.quotes:
            words = self.text[quote.start : quote.end].split()
            after = self._verb_after_quote(quote)
            if len(words) < self.min_quote_words and after is None:
                continue  # a scare quote ("the «operation»"), unless a verb reports it
            covered = False
            for attr in attrs:
                start, end = attr.content
                overlap = min(end, quote.end) - max(start, quote.start)
                if overlap > 0.5 * (quote.end - quote.start) or (
                    start <= quote.start and quote.end <= end
                ):
                    covered = True
                    break
            if covered or not self._quote_stands_alone(quote):
                continue
            start, end = self._trim(quote.start, quote.end)
            attr = _Attr(kind="direct", cue=None, content=(start, end))
            if after is not None:
                verb, subject = after
                attr.cue, attr.cue_token = (verb.idx, verb.idx + len(verb)), verb
                attr.source_token, attr.source = subject, self._source_extent(subject)
                attr.channel = self._channel(verb)
                found.append(attr)
                continue
            author = self._byline_after(quote)
            if author is not None:
                # '"Why the old ferry still matters," by Omar Haddad': a title and its
                # author, whoever spoke in the paragraph before. "by" reports nothing, so
                # there is no cue.
                attr.source_token, attr.source = author, self._source_extent(author)
                found.append(attr)
                continue
            speaker = self._previous_speaker(quote, attrs + found)
            quoted = self._previous_speaker(quote, attrs + found, quoted=True)
            if (
                self.join_quotes
                and quoted is not None
                and quoted.cue is not None
                and quoted.cue[0] < quote.outer_start
                and self._continues(quoted, quote)
            ):
                quoted.content = (quoted.content[0], end)
                continue
            subject = self._subject_before_colon(quote)
            if subject is not None:
                # "Her deputy, Lina Sorel, was blunter: ‘They want time.’": the subject of
                # the clause that announces the quotation says it.
                attr.source_token, attr.source = subject, self._source_extent(subject)
            elif speaker is not None and speaker.cue_token is not None:
                attr.inherit_from = speaker.cue_token  # resolved with the speaker's source
                # The verb that reported the first quote reports the one that goes on.
                attr.cue = speaker.cue if speaker.kind == "direct" else None
            elif speaker is not None:
                attr.source, attr.source_token = speaker.source, speaker.source_token
            found.append(attr)
        return found

    def _join_split_quotes(self, attrs: list[_Attr]) -> list[_Attr]:
        """'"Q1," X said, "Q2"': the two quotations around one cue are one attribution
        (the "join" convention), from the first quotation to the end of the second."""
        result: list[_Attr] = []
        for attr in attrs:
            previous = result[-1] if result else None
            if (
                previous is not None
                and previous.cue is not None
                and attr.cue == previous.cue
                and previous.kind in ("direct", "mixed")
                and attr.kind in ("direct", "mixed")
                and previous.content[1] <= previous.cue[0] < attr.content[0]
                and self._quote_at(*attr.content) is not None
                and self._quote_at(*previous.content) is not None
            ):
                gap = self.text[previous.content[1] : attr.content[0]]
                if "\n" not in gap and len(gap.split()) <= 8:
                    previous.content = (previous.content[0], attr.content[1])
                    previous.kind = "direct"
                    continue
            result.append(attr)
        return result

    def _continues(self, attr: _Attr, quote: Quote) -> bool:
        """A quote goes on an earlier report when it is in the same paragraph as its cue,
        or opens the next paragraph."""
        low, _high = _paragraph_bounds(self.text, quote.outer_start)
        cue_low, _ = _paragraph_bounds(self.text, attr.cue[0])
        return low == cue_low or quote.outer_start == low

    def _subject_before_colon(self, quote: Quote) -> Token | None:
        """The subject of the clause a colon ends right before ``quote``, when it names
        someone: a name, an actor, or a person noun ("the deputy")."""
        i = quote.outer_start
        while i > 0 and self.text[i - 1].isspace():
            i -= 1
        if i == 0 or self.text[i - 1] != ":":
            return None
        colon = self.doc.char_span(i - 1, i)
        if colon is None:
            return None
        head = colon[0].head
        if head.pos_ not in ("VERB", "AUX") or head.i > colon[0].i:
            return None
        for child in head.children:
            if child.dep_ != "nsubj" or self._excluded(child):
                continue
            if (
                child.pos_ == "PROPN"
                or child.lemma_.lower() in self.cues.person_nouns
                or actor_at(self.doc, child.idx, child.idx + len(child)) is not None
            ):
                return child
        return None

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.idx for t in self.doc]

    def _index_after_quote(self, quote: Quote) -> int:
        """The first token after a quotation, past the comma and marks that close it
        (``len(doc)`` at the end of the text)."""
        doc = self.doc
        i = bisect_left(self._token_starts, quote.outer_end)
        while i < len(doc) and doc[i].is_punct and doc[i].text in ",”\"'’":
            i += 1
        return i

    def _byline_after(self, quote: Quote) -> Token | None:
        """'"...," by the Courier's Lena Ward': the named author right after a quotation."""
        doc = self.doc
        i = self._index_after_quote(quote)
        if i >= len(doc) or doc[i].lower_ != "by":
            return None
        if not self._same_paragraph(doc[i], doc[i - 1]):
            return None
        author = next((c for c in doc[i].children if c.dep_ == "pobj"), None)
        if author is None or author.pos_ != "PROPN":
            return None
        return author

    def _verb_after_quote(self, quote: Quote) -> tuple[Token, Token] | None:
        """'"...," he continued.' / '"...," laughed Ms Ray.': any verb right after a quote,
        with its subject, ending the sentence, reports the quote."""
        doc = self.doc
        i = self._index_after_quote(quote)
        window = [t for t in doc[i : i + 12] if not t.is_space]
        if not window or not self._same_paragraph(window[0], doc[i]):
            return None
        for k, token in enumerate(window):
            if token.pos_ != "VERB" or token.tag_ not in ("VBD", "VBZ", "VBP"):
                continue
            following = window[k + 1] if k + 1 < len(window) else None
            before = window[:k]
            whole = self._subject_spanning(token, before)
            if whole is not None:
                # '"...," the senator and candidate said': a long subject, all of it the
                # verb's own, however many words it has.
                subject = whole
                after_ok = following is None or following.is_punct or following.dep_ == "prep"
            elif k >= 6:
                return None
            elif before and all(
                t.pos_ in ("PRON", "PROPN", "NOUN", "DET", "ADJ") for t in before
            ):
                subject = before[-1]
                after_ok = following is None or following.is_punct
            elif (
                not before
                and following is not None
                and following.pos_ in ("PROPN", "NOUN", "PRON", "DET")
            ):
                # '"...," said the mayor': the subject after the verb, past its article.
                subject = next(
                    (c for c in token.children if c.dep_ == "nsubj" and c.i > token.i),
                    None if following.pos_ == "DET" else following,
                )
                if subject is None:
                    return None
                after_ok = True
            else:
                return None
            if after_ok and subject.lower_ not in ("it", "this", "that", "which"):
                return token, subject
            return None
        return None

    @staticmethod
    def _subject_spanning(verb: Token, words: list[Token]) -> Token | None:
        """The subject of ``verb`` whose phrase is exactly ``words``, if there is one."""
        if not words:
            return None
        wanted = {t.i for t in words}
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and {
                t.i for t in child.subtree if not t.is_space
            } == wanted:
                return child
        return None

    def _quote_stands_alone(self, quote: Quote) -> bool:
        """A quotation that is a sentence of its own, not a phrase in running text."""
        low, _high = _paragraph_bounds(self.text, quote.outer_start)
        before = self.text[low : quote.outer_start].rstrip()
        return (
            not before
            or before[-1] in ".:!?"
            or len(self.text[quote.start : quote.end].split()) >= 8
        )

    def _previous_speaker(
        self, quote: Quote, attrs: list[_Attr], *, quoted: bool = False
    ) -> _Attr | None:
        """The speaker of the latest attribution in this or the previous paragraph (with
        ``quoted``: the latest one that reports a quotation)."""
        low, _high = _paragraph_bounds(self.text, quote.outer_start)
        previous_low, _ = _paragraph_bounds(self.text, max(low - 2, 0))
        while previous_low > 0 and not self.text[previous_low:low].strip():
            previous_low, _ = _paragraph_bounds(self.text, max(previous_low - 2, 0))
        best = None
        for attr in attrs:
            where = attr.cue[0] if attr.cue else attr.content[0]
            if quoted and attr.kind not in ("direct", "mixed"):
                continue
            if previous_low <= where < quote.outer_start and (attr.source or attr.inherit_from):
                if best is None or where > (best.cue[0] if best.cue else best.content[0]):
                    best = attr
        return best

    # -- learned spans --------------------------------------------------------------------
    def _learned(self, attrs: list[_Attr]) -> list[_Attr]:
        """The rules' attributions checked against ``eventledger_attribution_spans``, and
        the tagger's own.

        A rule attribution that no tagged CONTENT span agrees with is dropped, unless it
        is a direct quotation or a chain (see ``_confirmed``): the tagger, trained on
        annotated articles, tells a report from a cue word used otherwise.

        Where a tagged CONTENT span mostly covers one rule attribution, the other rule
        attributions inside it are pieces of that one claim and are dropped (see
        ``_drop_pieces``; in PolNeAR's training articles they are mostly the same
        speaker's stance inside the claim: "he believes").

        Each CONTENT span that the tagger is sure of (``_LEARNED_MIN_SCORE``, or less when
        it is sure of the cue: ``_LEARNED_MIN_SCORE_SURE_CUE``), that no rule
        attribution overlaps and that has a CUE span within ``_LEARNED_CUE_GAP`` tokens
        that no other attribution has becomes an attribution, with the SOURCE span nearest
        that cue (within ``_LEARNED_SOURCE_GAP``). An attribution still without a cue takes
        a tagged one beside it (``_tagged_cues``)."""
        if SPANS_KEY not in self.doc.spans:
            return attrs
        group = self.doc.spans[SPANS_KEY]
        # Spans set by hand, without the tagger's scores, count as sure.
        scores = group.attrs.get("scores") or [1.0] * len(group)
        # Headings and captions produce no attribution, nor lend one a cue or a source.
        cues = [s for s in group if s.label_ == "CUE" and not self._excluded(s[0])]
        cue_scores = {
            (s.start, s.end): score for s, score in zip(group, scores, strict=True)
            if s.label_ == "CUE"
        }
        sources = [s for s in group if s.label_ == "SOURCE" and not self._excluded(s[0])]
        # The speaker's next report in past tense, without a subject of its own.
        conjoined = [
            a.cue_token for a in attrs
            if a.cue_token is not None and a.cue_token.dep_ == "conj"
            and a.cue_token.tag_ == "VBD"
            and not any("subj" in c.dep_ for c in a.cue_token.children)
        ]
        contents = []
        cut: set[int] = set()
        for content, score in zip(group, scores, strict=True):
            if content.label_ != "CONTENT" or self._excluded(content[0]):
                continue  # headings and captions produce no attribution
            start, end = self._trim(content.start_char, content.end_char)
            words = self.doc.char_span(start, end, alignment_mode="contract")
            if words is not None and len(words) > 1 and words[-1].dep_ == "prep":
                # "... the district on" (its object left out): the tagger stopped short.
                start, end = self._trim(start, words[-2].idx + len(words[-2]))
            elif words is not None and self._noun_left_out(words[-1]):
                # "denied shelling the" (its noun left out): the tagger stopped short.
                noun = words[-1].head
                start, end = self._trim(start, noun.idx + len(noun))
                words = self.doc.char_span(start, end, alignment_mode="contract")
            if words is not None:
                # "... but gave no figure for the dead", "..., speaking to reporters": the
                # speaker's, not the claim's.
                asides = [
                    self._aside_start(a) for t in words for a in self._speaker_asides(t)
                ]
                # "said two soldiers were killed and called for calm": a report of the
                # rules' joined to the claim by "and" is the speaker's next report.
                reports = [t for t in conjoined if t in words and start < t.idx < end]
                asides += [self._conjunction_before(t) for t in reports]
                asides = [a for a in asides if start < a.idx < end]
                # The tagger read that report as part of the claim: it is one.
                cut.update(t.i for t in reports)
                if asides:
                    start, end = self._trim(start, min(a.idx for a in asides))
            if end > start:
                cue = self._learned_cue(cues, content, start, end)
                contents.append((content, start, end, score, cue))
        extents = [(start, end) for _, start, end, _, _ in contents]
        uncued = [(start, end) for _, start, end, _, cue in contents if cue is None]
        attrs = self._confirmed(attrs, extents, uncued, cut)
        attrs = self._drop_pieces(attrs, extents, keep_quotes=not self.join_quotes)
        taken = [a.content for a in attrs]
        cues_taken = [a.cue for a in attrs if a.cue is not None]
        cited = [c for a in attrs for c in a.cites]
        speakers = [x for a in attrs for x in (a.source, a.cue) if x is not None]
        found = []
        for _content, start, end, score, cue in contents:
            # "X said that A. B, he added": the claim ends where B, reported after it, begins.
            later = [
                a.content[0] for a in attrs
                if a.cue is not None and start < a.content[0]
                and _after_all(a.cue, [(start, end)], a.content)
            ]
            if later:
                start, end = self._trim(start, min(later))
            if _overlaps_any((start, end), taken):
                continue
            if self._only_speakers((start, end), speakers):
                continue  # "Aid workers warned": who reports and how, not what
            if cue is None:
                continue  # no word reports it: what is left is not an attribution
            if score < _LEARNED_MIN_SCORE and not (
                score >= _LEARNED_MIN_SCORE_SURE_CUE
                and cue_scores[(cue.start, cue.end)] >= _LEARNED_SURE_CUE
            ):
                continue  # the tagger is unsure it is a claim, and of the word reporting it
            if _overlaps_any((start, end), cited):
                continue  # "citing lawyers": whom a speaker cites, kept in its cites
            if _overlaps_any((cue.start_char, cue.end_char), cues_taken):
                continue  # one cue reports one thing; the rules' reading of it stands
            source = _nearest(self._in_paragraph_of(sources, cue), cue, _LEARNED_SOURCE_GAP)
            attr = _Attr(
                kind="indirect",
                cue=_extent(cue),
                content=(start, end),
                cue_token=cue.root,
                source=_extent(source) if source is not None else None,
                source_token=source.root if source is not None else None,
            )
            if source is not None:
                self._speaker_behind_statement(attr)  # "A ministry statement accused ..."
            root = cue.root
            if self._asked_first(root):
                # "Asked about the closure, the minister told ...": the one asked is no asker;
                # the text leaves the asker out, as in the rules.
                attr.source = attr.source_token = None
                attr.unstated_source = True
            elif source is None and root.tag_ == "VBG" and root.dep_ in ("advcl", "conj"):
                # "..., calling on the authorities to ...": the participle reports for the
                # speaker of the verb it hangs on, as in the rules.
                attr.inherit_from = self._reporting_ancestor(root)
            if cue.root.pos_ in ("VERB", "AUX"):
                channel = self._channel(cue.root)  # "vowed revenge in an audio message"
                if channel is not None and not _overlaps_any(channel, [(start, end)]):
                    attr.channel = channel
            self._set_kind(attr)
            found.append(attr)
            taken.append(attr.content)
            cues_taken.append(attr.cue)
        attrs += found
        self._tagged_cues(attrs, cues)
        self._cues_the_tagger_reads(attrs, cues)
        self._tagged_sources(attrs, sources)
        return attrs

    def _only_speakers(self, extent: tuple[int, int], speakers: list[tuple[int, int]]) -> bool:
        """Whether every word in ``extent`` is a source or cue of the rules'."""
        words = self.doc.char_span(*extent, alignment_mode="expand")
        return words is not None and all(
            t.is_punct or t.is_space or _inside_any((t.idx, t.idx + len(t)), speakers)
            for t in words
        )

    @staticmethod
    def _noun_left_out(last: Token) -> bool:
        """Whether ``last`` is a determiner or modifier whose noun comes after it in its
        sentence ("the", "two", "its", "southern")."""
        head = last.head
        return (
            last.dep_ in ("det", "amod", "compound", "nummod", "poss")
            and head.i > last.i
            and head.sent == last.sent
            and head.pos_ in ("NOUN", "PROPN", "NUM")
        )

    def _learned_cue(
        self, cues: list[Span], content: Span, start: int, end: int
    ) -> Span | None:
        """The tagged cue nearest a tagged content, within ``_LEARNED_CUE_GAP`` tokens and
        the paragraphs the content is in (and the one before, if it announces it with a
        colon: "Hewitt writes:"). Another paragraph before may end with a cue that has its
        own content ("..., according to the agency.")."""
        low = _paragraph_bounds(self.text, start)[0]
        high = _paragraph_bounds(self.text, end - 1)[1]
        if self.text[:low].rstrip().endswith(":"):
            # "Hewitt writes:" announces the paragraph after it.
            low = _paragraph_bounds(self.text, len(self.text[:low].rstrip()) - 1)[0]
        return _nearest(_within(cues, low, high), content, _LEARNED_CUE_GAP)

    def _in_paragraph_of(self, spans: list[Span], anchor: Span) -> list[Span]:
        """The ``spans`` in ``anchor``'s paragraph: a speaker is named beside the cue, not in
        the paragraph before ("... according to a tally by the Courier." / "The Front
        claimed ...")."""
        return _within(spans, *_paragraph_bounds(self.text, anchor.start_char))

    def _plain_verb(self, token: Token | None) -> bool:
        """Whether ``token`` is a verb the lexicon marks as a plain reporting verb."""
        if token is None or token.pos_ not in ("VERB", "AUX"):
            return False
        return bool(self.cues.verbs.get(token.lemma_.lower(), {}).get("plain"))

    def _tagged_cues(self, attrs: list[_Attr], cues: list[Span]) -> None:
        """A cue from the tagger for an attribution the rules found none for, mostly a
        quotation inside a report ("She also argued that it was late, “because ...”") or
        after a colon: the tagged CUE nearest the content, outside it, within
        ``_LEARNED_CUE_GAP`` tokens, that no other attribution has."""
        taken = [a.cue for a in attrs if a.cue is not None]
        for attr in attrs:
            if attr.cue is not None:
                continue
            best = self._free_cue_beside(attr.content, cues, taken, _LEARNED_CUE_GAP)
            if best is not None:
                attr.cue = _extent(best)
                attr.cue_token = best.root
                taken.append(attr.cue)

    def _free_cue_beside(
        self,
        content: tuple[int, int],
        cues: list[Span],
        taken: list[tuple[int, int]],
        max_gap: int,
    ) -> Span | None:
        """The tagged cue fewest tokens from ``content`` (within ``max_gap``), starting
        outside it, that overlaps no cue in ``taken``."""
        start, end = content
        free = [
            cue
            for cue in cues
            if not start <= cue.start_char < end
            and not _overlaps_any((cue.start_char, cue.end_char), taken)
        ]
        words = self.doc.char_span(start, end, alignment_mode="expand")
        return _nearest(free, words, max_gap) if words is not None else None

    def _cues_the_tagger_reads(self, attrs: list[_Attr], cues: list[Span]) -> None:
        """A tagged cue for a rule attribution whose cue the tagger does not read as one,
        when it stands beside the content (within ``_RETAGGED_CUE_GAP`` tokens, in its
        paragraph) and no other attribution has it: "charged him after determining that a
        video showed him grabbing ...", where the rules took "showed". The speaker is then
        the tagged cue's: its subject, else the tagged source beside it
        (``_tagged_sources``). Plain reporting verbs ("said") keep their reading, as do
        the narrow frames ("according to", "in a poll") and reports an outlet carried.
        """
        taken = [a.cue for a in attrs if a.cue is not None]
        taken += [a.carrier[0] for a in attrs if a.carrier is not None]
        tagged = [(c.start_char, c.end_char) for c in cues]
        for attr in attrs:
            if (
                attr.cue is None
                or attr.carrier is not None
                or attr.kind == "according_to"  # the narrow frames, "sure" ones among them
                or self._plain_verb(attr.cue_token)
                or _overlaps_any(attr.cue, tagged)
            ):
                continue
            start, end = attr.content
            low = _paragraph_bounds(self.text, start)[0]
            high = _paragraph_bounds(self.text, end - 1)[1]
            best = self._free_cue_beside(
                attr.content, _within(cues, low, high), taken, _RETAGGED_CUE_GAP
            )
            if best is None:
                continue
            taken.remove(attr.cue)
            attr.cue, attr.cue_token = _extent(best), best.root
            taken.append(attr.cue)
            attr.source = attr.source_token = attr.inherit_from = attr.channel = None
            attr.unstated_source = False
            if best.root.pos_ in ("VERB", "AUX"):
                self._set_source(attr, best.root)
                channel = self._channel(best.root)
                if channel is not None and not _overlaps_any(channel, [attr.content]):
                    attr.channel = channel

    def _tagged_sources(self, attrs: list[_Attr], sources: list[Span]) -> None:
        """Sources from the tagger where the parse gave none, or gave a common noun phrase
        the tagger does not see as a source ("a court document" for "state attorney
        Dave Aronberg"): the tagged SOURCE nearest the cue, outside the content, within
        ``_LEARNED_SOURCE_GAP`` tokens (and in the cue's sentence to replace one).
        A named source stays, and so does one whose noun phrase holds the tagged source
        ("The harbour master, Ines Varga")."""
        for attr in attrs:
            if attr.cue_token is None or attr.inherit_from is not None or attr.unstated_source:
                continue  # a participle's speaker is its head verb's ("..., adding that")
            cue = self.doc[attr.cue_token.i : attr.cue_token.i + 1]
            # Not inside the content, nor an outlet or source the speaker names ("said,
            # according to the Gazette, ...", "citing police").
            named = [*attr.cited_by, *attr.cites]
            outside = [
                s
                for s in sources
                if not attr.content[0] <= s.start_char < attr.content[1]
                and not _overlaps_any((s.start_char, s.end_char), named)
            ]
            if attr.source is None:
                best = _nearest(self._in_paragraph_of(outside, cue), cue, _LEARNED_SOURCE_GAP)
            elif (
                attr.source_token is None
                or attr.source_token.pos_ == "PROPN"
                or any(overlap_ratio(attr.source, (s.start_char, s.end_char)) for s in sources)
            ):
                continue  # a name, or the tagger agrees
            else:
                sentence = attr.cue_token.sent
                best = _nearest(
                    [
                        s for s in outside
                        if s.sent == sentence and not self._speaks_elsewhere(s, attr, attrs)
                    ],
                    cue,
                    _LEARNED_SOURCE_GAP,
                )
                subject = attr.source_token
                if (
                    best is not None
                    and subject.left_edge.i <= best.start
                    and best.end <= subject.right_edge.i + 1
                ):
                    continue  # the same noun phrase ("The harbour master, Ines Varga")
            if best is not None:
                attr.source = _extent(best)
                attr.source_token = best.root

    @staticmethod
    def _speaks_elsewhere(source: Span, attr: _Attr, attrs: list[_Attr]) -> bool:
        """Whether a tagged source is the subject of another report's cue while the parse
        gives ``attr``'s cue a subject of its own ("witnesses said, and the ministry said
        ..."): the tagger missed this speaker, it did not find a better one."""
        subject, cue = attr.source_token, attr.cue_token
        if subject is None or cue is None or subject.head != cue or "subj" not in subject.dep_:
            return False
        root = source.root
        return "subj" in root.dep_ and any(
            a.cue_token is not None and a.cue_token != cue and root.head == a.cue_token
            for a in attrs
        )

    @staticmethod
    def _agrees(content: tuple[int, int], extents: list[tuple[int, int]]) -> bool:
        """Whether the tagger read ``content`` as a claim: one tagged content mostly the
        same, or tagged pieces inside it that cover most of it (the tagger leaves an aside
        out: "Many of the shops, she said, have closed")."""
        if any(overlap_ratio(content, extent) > _LEARNED_AGREEMENT for extent in extents):
            return True
        covered = sum(
            end - start for start, end in extents if content[0] <= start and end <= content[1]
        )
        return covered > _LEARNED_AGREEMENT * (content[1] - content[0])

    def _claim_with_relative(
        self, content: tuple[int, int], extents: list[tuple[int, int]]
    ) -> tuple[int, int] | None:
        """The tagged content that is the rules' content and a relative clause after a
        comma, which the rules leave out as an aside and the tagger reads as part of the
        claim ("the commander was Hassan Idris, who had led the group since 2021")."""
        start, end = content
        for low, high in extents:
            if abs(low - start) <= 1 and high > end:
                between = self.text[end:high]
                rest = between.lstrip(", ").lower()
                if (
                    between.lstrip().startswith(",")
                    and rest.startswith(("who ", "which ", "whose ", "where "))
                    and not any(end <= q.outer_start < high for q in self.quotes)
                ):
                    return low, high
        return None

    def _by_object(self, attr: _Attr) -> bool:
        """Whether the cue is a verb that reports only with a given object ("put the death
        toll at 12", ``objects`` in the lexicon): a frame that narrow needs no confirming."""
        verb = attr.cue_token
        entry = self.cues.verbs.get(verb.lemma_.lower()) if verb is not None else None
        return entry is not None and entry.get("objects") is not None

    def _claim_around_aside(
        self, attr: _Attr, extents: list[tuple[int, int]]
    ) -> tuple[int, int] | None:
        """The claim in which the tagger read the attribution's source and cue as an aside
        ("A convoy arrived on Monday, the agency said, after a long delay"), as PolNeAR
        marks such claims: the rules' content, a comma, the source and the cue, and one
        tagged content that holds the rules' content and goes on past the cue.

        What follows the cue and hangs on it in the parse is the writer's, not the claim's
        ("Four were killed, officials said, as fighting intensified"): the report is kept
        with the rules' content."""
        if attr.cue is None or attr.source is None or attr.content[1] > attr.source[0]:
            return None
        # Only a comma between the content and the source, nothing between it and the cue.
        between = self.text[attr.content[1] : attr.source[0]]
        if between.strip() != "," or self.text[attr.source[1] : attr.cue[0]].strip():
            return None
        start, end = attr.content
        for low, high in extents:
            if low <= start and end <= high and attr.cue[1] < high:
                after = self.doc.char_span(attr.cue[1], high, alignment_mode="expand")
                if after is not None and any(
                    t.head == attr.cue_token and not t.is_punct for t in after
                ):
                    return attr.content
                return low, high
        return None

    def _confirmed(
        self,
        attrs: list[_Attr],
        extents: list[tuple[int, int]],
        uncued: list[tuple[int, int]],
        cut: set[int],
    ) -> list[_Attr]:
        """The rule attributions the tagger agrees with, direct quotations, reports of a
        figure by a verb that needs its object (``_by_object``), reports the tagger reads as
        an aside inside a longer claim (which becomes their content, ``_claim_around_aside``),
        and chains: a named speaker's report inside a kept one's content ("The Ledger
        reported that Governor Brenner said ..."), which PolNeAR's single layer of spans
        cannot mark. A named speaker's report, cue and all, inside a tagged content that no
        cue reports (``uncued``) is kept too, if a plain reporting verb ("said") reports
        it: the tagger read it as part of a claim no one makes. So is a denial whose
        content holds a kept report, and the speaker's next report whose cue (token index
        in ``cut``) ended a tagged content ("said two soldiers were killed and called for
        calm")."""
        kept = set()
        for a in attrs:
            if (
                a.kind == "direct"
                or a.sure
                or self._by_object(a)
                or self._agrees(a.content, extents)
                # the tagger marks "to comment on the report" where the rules say "the report"
                or (a.refused_from is not None and self._agrees((a.refused_from, a.content[1]), extents))
                or (a.cue_token is not None and a.cue_token.i in cut)
            ):
                kept.add(id(a))
                continue
            claim = self._claim_around_aside(a, extents) or self._claim_with_relative(
                a.content, extents
            )
            if claim is not None:
                a.content = claim  # the claim goes on past its source and cue
                kept.add(id(a))
            elif (
                a.cue is not None
                and _names_speaker(a)
                and self._plain_verb(a.cue_token)
                and _inside_any(_whole(a), uncued)
            ):
                kept.add(id(a))
            elif (
                a.cue is not None
                and self._plain_verb(a.cue_token)
                and _after_all(a.cue, extents, a.content)
            ):
                # "X said that A. B, he added", where the tagger ran B into X's first
                # claim: the verb after it reports B.
                kept.add(id(a))
            elif self._denies_claim(a) and not _overlaps_any(_whole(a), extents):
                # "The army denied firing at the market", where the tagger, trained on
                # political news, marks nothing: a party's denial is a claim in itself.
                kept.add(id(a))
        # "The ministry's claim that ... was denied by the rebels": a denial whose content
        # holds a kept report, cue and all, stands with it (the tagger marks the claim).
        claims = [_whole(b) for b in attrs if id(b) in kept and b.cue is not None]
        for a in attrs:
            if id(a) not in kept and self._denies(a):
                if any(_inside_any(claim, [a.content]) for claim in claims):
                    kept.add(id(a))
        outer = [a.content for a in attrs if id(a) in kept]
        return [
            a
            for a in attrs
            if id(a) in kept or (_names_speaker(a) and _inside_any(a.content, outer))
        ]

    def _denies_claim(self, attr: _Attr) -> bool:
        """A "deny" whose speaker is given and whose content is an act or a claim:
        "denied firing at the market", "denied that ...", "denied reports of ...", "denied
        any role in the attack"; not "denied the convoy entry" or "denied the request"."""
        verb = attr.cue_token
        if verb is None or verb.lemma_.lower() != "deny" or attr.source is None:
            return False
        content = self.doc.char_span(*attr.content, alignment_mode="expand")
        if content is None:
            return False
        root = content.root
        if root.pos_ in ("VERB", "AUX"):
            return True
        return root.lemma_.lower() in self.cues.nouns or root.lemma_.lower() in _DENIED_NOUNS

    @staticmethod
    def _drop_pieces(
        attrs: list[_Attr], contents: list[tuple[int, int]], *, keep_quotes: bool
    ) -> list[_Attr]:
        """The rule attributions that are not pieces of another's claim. A tagged content
        that agrees with one rule attribution claims it; another rule attribution that lies
        inside the claim is a piece and goes, unless it names a speaker of its own (a chain:
        "The Post reported that Klein said ...") or, with continued quotes kept separate,
        it is a direct quotation."""
        claims: dict[int, tuple[int, int]] = {}
        for content in contents:
            ratios = [overlap_ratio(a.content, content) for a in attrs]
            best = max(range(len(attrs)), key=ratios.__getitem__, default=None)
            if best is not None and best not in claims and ratios[best] > _LEARNED_AGREEMENT:
                claims[best] = content
        extents = [
            (min(content[0], attrs[i].content[0]), max(content[1], attrs[i].content[1]))
            for i, content in claims.items()
        ]

        def piece(i: int, attr: _Attr) -> bool:
            if i in claims or (keep_quotes and attr.kind == "direct"):
                return False
            return not _names_speaker(attr) and _inside_any(attr.content, extents)

        return [a for i, a in enumerate(attrs) if not piece(i, a)]

    # -- sources --------------------------------------------------------------------------
    def _resolve_sources(self, attrs: list[_Attr]) -> None:
        by_token = {a.cue_token.i: a for a in attrs if a.cue_token is not None}
        ordered = sorted(attrs, key=lambda a: a.cue[0] if a.cue else a.content[0])
        done: list[_Attr] = []
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
                    subject = self._subject(attr.inherit_from)
                    if subject is not None:
                        attr.source_token, attr.source = subject, self._source_extent(subject)
            if attr.source is not None and attr.actor is None:
                self._resolve(attr, done)
            done.append(attr)

    def _resolve(self, attr: _Attr, done: list[_Attr]) -> None:
        start, end = attr.source
        word = self.text[start:end].lower()
        pronoun = attr.source_token is not None and attr.source_token.pos_ == "PRON"
        if pronoun and word in _PERSON_PRONOUNS | _ORG_PRONOUNS | _PLURAL_PRONOUNS:
            # "The Courier quoted him": an object pronoun is never its own verb's subject.
            token = attr.source_token
            verb = token.head if token.dep_ in ("dobj", "dative") else None
            found = self._antecedent(word, start, done, not_subject_of=verb)
            unnamed = self._unnamed_speaker(word, start, done)
            if unnamed is not None and (found is None or unnamed.source[0] > found[0]):
                # "a diplomat who spoke on condition of anonymity ... She said": the
                # latest speaker is one the text does not name; kept as written.
                attr.name = self.text[unnamed.source[0] : unnamed.source[1]]
                return
            actor = found[1] if found is not None else None
            if actor is not None:
                if not any(m["start"] == start for m in actor["mentions"]):
                    actor["mentions"].append(span(self.text, start, end))
                    actor["mentions"].sort(key=lambda m: m["start"])
                attr.name, attr.actor = actor["name"], actor
            return
        token = attr.source_token
        if token is not None and token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
            # "X, who said ...": the source is written "who" and is X.
            antecedent = token.head.head
            if antecedent.dep_ == "appos" and antecedent.head.pos_ == "PROPN":
                # "Amira Tal, a student who said ...": the one the description is of.
                antecedent = antecedent.head
            extent = self._source_extent(antecedent)
            actor = actor_at(self.doc, *extent)
            if actor is not None:
                attr.name, attr.actor = actor["name"], actor
            else:
                attr.name = self.text[extent[0] : extent[1]]
            return
        if token is not None and self._conjuncts(token):
            return  # two or more speakers: the source is no one actor, and named as written
        actor = actor_at(self.doc, start, end)
        if actor is None and token is not None:
            through = self._earlier_channel(token, done)
            if through is not None:
                # "X said in a statement ... The statement said": X speaks through it.
                written = self.text[through.source[0] : through.source[1]]
                attr.name, attr.actor = through.name or written, through.actor
                return
        if actor is None:
            actor = self._written_alike(start, end)
            if actor is not None:
                actor["mentions"].append(span(self.text, start, end))
                actor["mentions"].sort(key=lambda m: m["start"])
        if actor is not None:
            attr.name, attr.actor = actor["name"], actor

    def _earlier_channel(self, token: Token, done: list[_Attr]) -> _Attr | None:
        """The latest earlier attribution, in the paragraph before or this one, whose
        channel is what a definite source like "the statement" or "the video" names."""
        lemma = token.lemma_.lower()
        if lemma not in self.cues.channel_nouns or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children
        ):
            return None
        low = _paragraph_bounds(self.text, token.idx)[0]
        low = _paragraph_bounds(self.text, max(0, low - 2))[0]  # and the paragraph before
        for earlier in reversed(done):
            if earlier.channel is None or earlier.channel[0] < low or earlier.channel[0] > token.idx:
                continue
            words = self.doc.char_span(*earlier.channel, alignment_mode="expand")
            if words is not None and any(t.lemma_.lower() == lemma for t in words):
                return earlier if earlier.source is not None else None
        return None

    def _written_alike(self, start: int, end: int) -> dict | None:
        """The one actor with an earlier mention written as the source is, whatever the
        case ("Police said ... A police statement said": the police)."""
        written = self.text[start:end].lower()
        found = [
            actor
            for actor in self.doc._.el_actors or ()
            if any(m["text"].lower() == written and m["start"] < start for m in actor["mentions"])
        ]
        return found[0] if len(found) == 1 else None

    def _unnamed_speaker(self, word: str, position: int, done: list[_Attr]) -> _Attr | None:
        """The latest earlier attribution, before ``position``, whose source the text leaves
        unnamed: one person ("a diplomat", "an official") for "he" or "she", people
        ("protest organisers", "witnesses") for "they", and for "it" a name no actor was
        found for ("Channel 9 reported ... it said", where the NER missed the name)."""

        def fits(token: Token) -> bool:
            lemma = token.lemma_.lower()
            if word in _PERSON_PRONOUNS:
                other = self.gender_words.get("m" if word in ("she", "her") else "f", set())
                return (
                    token.tag_ == "NN"
                    and lemma in self.cues.person_nouns
                    and token.lower_ not in other
                )
            if word in _ORG_PRONOUNS:
                return (
                    token.tag_ in ("NN", "NNP")
                    and token.text[:1].isupper()
                    and lemma not in self.cues.person_nouns
                )
            return word in _PLURAL_PRONOUNS and token.tag_ == "NNS"

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

    def _antecedent(
        self, word: str, position: int, done: list[_Attr], *, not_subject_of: Token | None = None
    ) -> tuple[int, dict] | None:
        """The latest compatible actor before ``position``, with the position of the
        mention that makes it so: earlier speakers and sentence subjects compete on
        position; the subject of ``not_subject_of`` does not."""

        def fits(actor: dict, mention: dict | None) -> bool:
            kind = actor.get("kind")
            if word in _PERSON_PRONOUNS:
                return kind == "person" and gender_fits(actor, word)
            if word in _ORG_PRONOUNS:
                return kind == "organization"
            text = (mention or {}).get("text", actor["name"])
            return kind in ("group", "organization") and (
                kind == "group" or text.lower().rstrip().endswith(("s", "media", "police"))
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
        for actor in self.doc._.el_actors or ():
            for mention in actor["mentions"]:
                if mention["start"] >= position or not fits(actor, mention):
                    continue
                tokens = self.doc.char_span(
                    mention["start"], mention["end"], alignment_mode="expand"
                )
                if tokens is None or tokens.root.dep_ not in _SUBJECT_DEPS:
                    continue
                if not_subject_of is not None and tokens.root.head.i == not_subject_of.i:
                    continue
                if best is None or mention["start"] > best[0]:
                    best = (mention["start"], actor)
        return best

    # -- output ---------------------------------------------------------------------------
    def _named(self, extent: tuple[int, int]) -> dict:
        result = span(self.text, *extent)
        actor = actor_at(self.doc, *extent)
        result["name"] = actor["name"] if actor else result["text"]
        result["actor"] = actor["id"] if actor else None
        return result

    def _record(self, number: int, attr: _Attr) -> dict:
        if self.outer_carriers and attr.carrier is not None:
            return self._carried_record(number, attr)
        return self._record_of(number, attr)

    def _record_of(self, number: int, attr: _Attr) -> dict:
        source = None
        if attr.source is not None and attr.source[1] > attr.source[0]:
            # A source trimmed to nothing (only quotation marks) names no one.
            source = span(self.text, *attr.source)
            if attr.actor is not None:
                source["name"], source["actor"] = attr.actor["name"], attr.actor["id"]
            else:
                source["name"], source["actor"] = attr.name or source["text"], None
        negation = self._negation(attr)
        cue = attr.cue
        if cue is not None and negation is not None:
            cue = (min(cue[0], negation), cue[1])  # "did not say", not "say"
        return {
            "id": f"A{number}",
            "kind": attr.kind,
            "source": source,
            "cue": span(self.text, *cue) if cue else None,
            "content": span(self.text, *attr.content),
            "channel": span(self.text, *attr.channel) if attr.channel else None,
            "cites": [self._named(c) for c in attr.cites],
            "cited_by": [self._named(c) for c in attr.cited_by],
            "negated": negation is not None or self._denies(attr),
        }

    def _carried_record(self, number: int, attr: _Attr) -> dict:
        """The outlet's report as the attribution, with the speaker's report inside its
        content and the speaker in its ``cites`` ('"...," Hewitt said, according to a
        transcript': the transcript's account, citing Hewitt), as PolNeAR annotates it."""
        record = self._record_of(number, attr)
        cue, source = attr.carrier
        record.update(
            kind="according_to",
            source=self._named(source),
            cue=span(self.text, *cue),
            content=span(self.text, *_report_extent(attr)),
            cites=[record["source"]] if record["source"] else [],
            cited_by=[c for c in record["cited_by"] if (c["start"], c["end"]) != source],
        )
        return record

    def _denies(self, attr: _Attr) -> bool:
        """Whether the cue is a verb by which the speaker denies the content or keeps it
        back ("denied that", "declined to confirm"; ``negates`` in the lexicon)."""
        verb = attr.cue_token
        entry = self.cues.verbs.get(verb.lemma_.lower()) if verb is not None else None
        return bool(entry and entry.get("negates") and verb.pos_ in ("VERB", "AUX"))

    @staticmethod
    def _negation(attr: _Attr) -> int | None:
        """Where the words that negate a verb cue start ("did not say", "has never
        confirmed"): the negation and the auxiliaries right before the verb; None when the
        cue is not negated."""
        verb = attr.cue_token
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        if not any(c.dep_ == "neg" for c in verb.children):
            return None
        if any(c.tag_ == "TO" for c in verb.children):
            return None  # "not to mention": an idiom, or an infinitive inside another clause
        first = verb
        while first.i > 0:
            before = first.doc[first.i - 1]
            if before.head != verb or before.dep_ not in ("neg", "aux", "auxpass", "advmod"):
                break
            first = before
        while first.dep_ == "advmod" and first != verb:  # "now did not say": not "now"
            first = first.doc[first.i + 1]
        return first.idx


@Language.factory(
    "eventledger_attributions",
    requires=["token.dep", "token.lemma", "doc._.el_actors", "doc._.el_excluded"],
    assigns=["doc._.el_attributions", "doc._.el_actors"],
    default_config={
        "extra_cues_path": None,
        "min_quote_words": 3,
        "continued_quotes": "separate",
        "inside_quotes": False,
        "carried_reports": "cited_by",
        "nested_reports": "keep",
        "uncued_quotes": "keep",
    },
)
def make_attributions(
    nlp: Language,
    name: str,
    *,
    extra_cues_path: str | None,
    min_quote_words: int,
    continued_quotes: str,
    inside_quotes: bool,
    carried_reports: str,
    nested_reports: str,
    uncued_quotes: str,
) -> AttributionsExtractor:
    """``continued_quotes``: "separate" gives a quote that goes on after "X said." its own
    attribution; "join" stretches the first one over it, as PolNeAR annotates.
    ``inside_quotes``: also report "said" and the like inside a quotation.
    ``carried_reports``: for '"...," X said, according to Y', "cited_by" gives X's report
    with Y in its ``cited_by``; "outer" gives Y's report, its content taking in X's words
    and verb and its ``cites`` naming X, as PolNeAR annotates.
    ``nested_reports``: "keep" gives a report inside another's content its own attribution
    too (a chain: "The Ledger reported that the governor said ..."); "outer" gives only the
    outermost one, as PolNeAR's single layer of spans mostly marks it.
    ``uncued_quotes``: "keep" gives a quotation that no word reports (a quoted headline,
    a quote standing alone after another speaker's) an attribution without a cue; "drop"
    leaves such attributions out, as PolNeAR annotates every attribution with its cue."""
    return AttributionsExtractor(
        nlp,
        name,
        extra_cues_path=extra_cues_path,
        min_quote_words=min_quote_words,
        continued_quotes=continued_quotes,
        inside_quotes=inside_quotes,
        carried_reports=carried_reports,
        nested_reports=nested_reports,
        uncued_quotes=uncued_quotes,
    )
