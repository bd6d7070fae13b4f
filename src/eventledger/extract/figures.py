"""Casualty figures (how many were killed, injured, held, ...) and where sources disagree.

A figure is a count expression (see :mod:`eventledger.extract.numbers`) tied by the parse to
a casualty word of ``figure_triggers`` in ``data/event_triggers.json``:

- the counted people are the subject of a passive or intransitive verb ("27 people were
  killed", "15 died", "1,200 injured") or the object of a transitive one ("killing five"),
  or a state ("three remain missing", "45 dead"), or "treated for injuries";
- the count qualifies a casualty noun ("12 deaths", "59 hostages"); prisoners and hostages
  are ``held`` with "remain", "hold", "keep" (not when released);
- a toll: "the death toll rose to 45" -> killed 45.

``who`` is the counted noun with its adjectives ("Palestinian civilians"); when no noun
names the people ("15 were injured", "11 of the injured") it is the number itself. A lone
singular victim ("a soldier was killed") counts 1 (option ``singular_counts``). A part of a
count given on its own ("two of the 12 killed") is not a second figure.

Frames beside these (:mod:`.casualty_frames`): lives taken ("the blast claimed nine
lives"), the absolute "with" ("six were killed, with two others injured"), casualty verbs
joined on one count ("were mutilated, injured and traumatised": one figure; "were killed or
injured": casualties), and the text's headline, read though it is a heading ("7 militants
killed in blasts"; "Roadside bomb kills army general": one). A death or an injury told
from an illness is none ("died of the disease", :mod:`.casualty_senses`).

"casualties" is kept as category ``other``: in news use it means killed and injured
together, or either. Counts that are ages, dates, durations, money, percentages, units
("one of the missiles", "a 50-year-old") are not figures.

Location: a place in the clause ("injured in Ashkelon"), else the linked event's, else a
site named earlier in the same sentence, else, when the sentence points back ("the city",
"there"), the last place named earlier in the paragraph, else the dateline's place
(:mod:`.locate`).

Disagreements: figures of one category about one incident (same place or same event)
whose counts differ and come from different sources are listed together; none is picked.
"""

from __future__ import annotations

import logging
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..data_files import packaged_json, word_lists
from ..provenance import FROM_DATELINE, denied, stated
from ..units import Units
from .base import attribution_covering, get_list, is_excluded
from .casualty_frames import (
    LIFE_NOUNS,
    among_casualties,
    bare_victims,
    headline,
    joined_participle,
    joined_verbs,
    lives_taken,
    verbs_joined_to,
    with_participle,
)
from .casualty_senses import (
    absent_from,
    attempted,
    harm_words,
    illness_told,
    life_told,
    only_possible,
    speaking_body,
)
from .events import load_lexicon
from .locate import FALLBACK_PREPS as _FALLBACK_PREPS
from .locate import SITE_PREPS as _SITE_PREPS
from .locate import dateline_place, locate_event, place_ref, with_tokens
from .locate import place_under as _place_under
from .numbers import Count, find_counts, is_age, quantities
from .place_words import place_words
from .syntax import Entities, doc_text, paragraph_start
from .syntax import token_range as _token_range
from .toll_parts import in_breakdown

log = logging.getLogger(__name__)

_NON_FIGURE_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
_TIME_WORDS = word_lists("figure_words")["time_words"]
_CURRENCY = word_lists("figure_words")["currency_words"]
# "the city", "the site", "there": words that point back to a place (data/place_words.json).
_BACK_WORDS = place_words()["back_nouns"] | place_words()["back_words_of_figures"]
_CATEGORY_WORDS = {"killed": "killed", "injured": "injured", "missing": "missing",
                   "arrested": "arrested", "displaced": "displaced", "held": "held",
                   "other": "affected"}
# adjectives used as nouns for the people themselves
_PEOPLE_STATES = word_lists("figure_words")["people_states"]
_PLURAL = {"person": "people", "man": "men", "woman": "women", "child": "children"}
# Categories in which one named person counts as one ("Major Smith died").
_NAMED_CATEGORIES = {"killed", "injured", "missing"}
# Verbs whose active subject is the one who suffers it.
_INTRANSITIVE = word_lists("figure_words")["sufferer_verbs"]
_PERCENT = word_lists("figure_words")["percent_words"]
_AGE_UNITS = word_lists("figure_words")["age_units"]
_AGE_WORDS = word_lists("figure_words")["age_words"]
_COUNT_NOUNS = word_lists("figure_words")["count_nouns"]
_ANCHOR_PREPS = word_lists("figure_words")["count_anchor_preps"]
_MANY_VICTIMS = word_lists("figure_words")["many_victim_nouns"]
# "hurt": an injury in the passive ("two were hurt") or done by an attack or a weapon, else
# a harm to one's chances ("an effort to hurt Clinton")
_PASSIVE_ONLY = word_lists("figure_words")["passive_only_verbs"]
_INDEFINITE = word_lists("grammar_words")["indefinite_articles"]
_DEFINITE = word_lists("grammar_words")["definite_determiners"]
# Events that harm people: a casualty figure is the toll of one of these, never of what was
# said, asked or alleged around it.
_TOLL_TYPES = {t.upper() for t in word_lists("figure_words")["toll_types"]}
_CASUALTIES = ("killed", "injured", "missing", "other")
_MORE = word_lists("figure_words")["more_words"]
_RELATIVES = word_lists("grammar_words")["relative_pronouns"]
# Roles of a named person that the figure's verb says suffered it.
_VICTIM_ROLES = ("nsubj", "nsubjpass", "dobj")


class FiguresExtractor:
    """The ``eventledger_figures`` component."""

    def __init__(self, nlp: Language, name: str, *, extra_triggers_path: str | None = None,
                 singular_counts: bool = True, extra_units_path: str | None = None,
                 disagreements: bool = True):
        self.name = name
        self.disagreements = disagreements
        self.unit_nouns = Units.load(extra_units_path or None)
        lexicon = load_lexicon(extra_triggers_path or None)
        self.lex = lexicon["figure_triggers"]
        self.person_words = set(lexicon["person_words"])
        self.units = set(quantities()["non_count_units"])
        self.ages = set(quantities()["age_words"])
        self.singular_counts = singular_counts
        self.harm = harm_words(lexicon)
        self.denials = frozenset(lexicon["negating_words"])  # "no one was killed"
        # what makes a killing one meant or tried: the events' verbs of intention, plans
        self.intent_verbs = frozenset(lexicon["hypothetical_governors"])
        self.plan_nouns = frozenset(lexicon["plan_nouns"])
        self.verbs = {k: v for k, v in self.lex["verbs"].items() if " " not in k}
        self.verb_phrases = {tuple(k.split()): v for k, v in self.lex["verbs"].items()
                             if " " in k}
        # verbs of killing and wounding, whose bare object in a headline is one victim
        self.victim_verbs = {k: v for k, v in self.verbs.items() if v in ("killed", "injured")}
        self.people = frozenset(self.person_words) | frozenset(
            packaged_json("actors.json")["person_heads"])

    # -- what is not a figure ----------------------------------------------------------
    def not_a_figure(self, doc: Doc, count: Count, entities: Entities) -> bool:
        tokens = [doc[i] for i in range(count.start, count.end)]
        for ent in entities.overlapping(count.start, count.end):
            if ent.label_ in _NON_FIGURE_ENTS - {"DATE", "TIME"}:
                return True
            # the tagger calls some plain counts dates; a time word makes it one
            if ent.label_ in ("DATE", "TIME") and any(
                t.lemma_.lower() in _TIME_WORDS for t in ent
            ):
                return True
        before = doc[count.start - 1] if count.start > 0 else None
        after = doc[count.end] if count.end < len(doc) else None
        after2 = doc[count.end + 1] if count.end + 1 < len(doc) else None
        if before is not None and (before.lower_ in _CURRENCY or before.lower_ in self.ages
                                   or before.lower_ in self.denials):
            return True  # "$5", "aged 30", "no one was killed", "not one soldier"
        if after is not None:
            if after.lower_ in _PERCENT or after.lower_ in _CURRENCY:
                return True
            if after.lower_ in ("-", "–") and after2 is not None and after2.lemma_ in _AGE_UNITS:
                return True  # a 50-year-old
            if after.lower_.startswith("-year") or after.lower_ in _AGE_WORDS:
                return True
        for token in tokens:
            text = token.text
            if text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100 and not (
                after is not None and after.pos_ == "NOUN" and token.dep_ == "nummod"
                and after.tag_ == "NNS"
            ):
                # a year, unless it counts the (plural) noun after it ("1900 people"; not
                # "his 2004 death")
                return True
        return False

    # -- reading one count -------------------------------------------------------------
    def _role_token(self, doc: Doc, count: Count) -> Token:
        span = doc[count.start:count.end]
        outside = [t for t in span if not (count.start <= t.head.i < count.end) or t.head == t]
        numbers = [t for t in outside if t.like_num or t.pos_ in ("NUM", "NOUN", "ADJ", "DET")]
        return numbers[-1] if numbers else span.root

    def _who_from_of(self, doc: Doc, count: Count) -> Token | None:
        """"dozens of civilians", "one of the missiles": the noun after "of"."""
        for i in range(count.start, count.end):
            for child in doc[i].children:
                if child.dep_ == "prep" and child.lower_ == "of" and child.i >= count.end:
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        # "tens of thousands of people": follow the chain
                        nested = next((c for c in pobj.children if c.dep_ == "prep"
                                       and c.lower_ == "of"), None)
                        if pobj.like_num and nested is not None:
                            deeper = next((c for c in nested.children if c.dep_ == "pobj"),
                                          None)
                            return deeper or pobj
                        return pobj
        return None

    def read(self, doc: Doc, count: Count) -> dict | None:
        """``{"category", "trigger": (start, end) tokens, "who": Token|None}`` or None."""
        role = self._role_token(doc, count)
        anchor, who = role, None
        if (
            role.dep_ in ("nummod", "quantmod", "amod", "det", "compound", "nmod", "npadvmod")
            and not (count.start <= role.head.i < count.end)
            and role.head.pos_ in ("NOUN", "PROPN", "ADJ", "PRON")
            and role.head.i > role.i
        ):
            anchor = role.head
            who = anchor
        if who is None:
            who = self._who_from_of(doc, count)
            if who is not None and who.like_num:
                return None  # "two of the 12 killed": a part of a count given on its own
        for token in (anchor, who):
            if token is not None and (token.lemma_.lower() in self.units
                                      or token.lower_ in self.units):
                return None
        if who is not None and self._members_count(who) is not None:
            return None  # "a family of five": the five are the figure, not one family
        household = self._household_of(role)
        if household is not None:
            anchor, who = household, role  # the five of "a family of five" are people
        found = self._category(doc, anchor, who, lone=count.low == count.high == 1)
        if found is None and who is not None and who is not anchor and (
            who.lower_ in _PEOPLE_STATES
        ):
            category = self._noun_category(who) or self.lex["states"].get(who.lower_)
            if category:
                found = category, (who.i, who.i + 1)
        if found is None:
            found = self._linear(doc, count, who)
        if found is None:
            found = self._frame(anchor, who)
            if found is not None and who is not None and who.lemma_.lower() in LIFE_NOUNS:
                who = role  # "nine lives": the number stands for the people
        if found is None:
            return None
        category, trigger = found
        if trigger[1] - trigger[0] == 1:
            # "were mutilated, injured and traumatised", "were killed or injured"
            category, trigger = joined_verbs(doc[trigger[0]], self._casualty) or found
        if who is not None and (who.lower_ in _PEOPLE_STATES or who.lemma_.lower()
                                in _PEOPLE_STATES):
            who = role  # "11 of the injured", "the 130 injured": the number is who
        elif who is not None and who.lemma_.lower() in self.lex["nouns"] and (
            who.lemma_.lower() not in self.lex["who_nouns"]
        ):
            who = None  # "12 deaths": the noun is the trigger, not who
        if who is None and (anchor is role or anchor.lower_ in _PEOPLE_STATES) and (
            self._noun_category(anchor) is None or anchor.lower_ in _PEOPLE_STATES
            or anchor is role
        ):
            who = role  # "15 were injured", "the toll rose to 45": the number stands for them
        return {"category": category, "trigger": trigger, "who": who}

    def _frame(self, anchor: Token, who: Token | None):
        """Lives taken ("claimed nine lives") and the absolute "with" ("killed, with two
        others injured"), of :mod:`.casualty_frames`."""
        taken = lives_taken(anchor, who)
        if taken is not None:
            return "killed", taken
        told = with_participle(anchor, self._participle)
        if told is not None:
            return told[0], (told[1].i, told[1].i + 1)
        return None

    def _participle(self, token: Token) -> str | None:
        """The category of a participle or state ("injured", "wounded", "dead")."""
        for form in (token.lower_, token.lemma_.lower()):
            if form in self.lex["states"]:
                return self.lex["states"][form]
        return self.verbs.get(token.lemma_.lower()) if token.tag_ in ("VBN", "VBD") else None

    def _casualty(self, token: Token) -> str | None:
        """The casualty category of a verb or state joined to a figure's trigger."""
        category = self._participle(token)
        return category if category in _CASUALTIES else None

    def _members_count(self, noun: Token) -> Token | None:
        """The number that counts the members of ``noun`` ("a family of five")."""
        if not self.unit_nouns.counted_by_members(noun.lower_):
            return None
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i > noun.i:
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.like_num:
                    return pobj
        return None

    def _household_of(self, number: Token) -> Token | None:
        """The unit noun whose members ``number`` counts ("five" in "a family of five")."""
        if number.dep_ != "pobj" or number.head.lower_ != "of":
            return None
        noun = number.head.head
        return noun if self._members_count(noun) == number else None

    def _noun_category(self, token: Token | None) -> str | None:
        if token is None:
            return None
        for form in (token.lemma_.lower(), token.lower_):
            if form in self.lex["nouns"]:
                return self.lex["nouns"][form]
        return None

    def _predicate(self, anchor: Token) -> tuple[Token | None, str]:
        """The verb the counted noun depends on, and how (subject, passive subject,
        object)."""
        current = anchor
        for _ in range(3):
            if current.dep_ == "conj" and current.head.i != current.i or (
                current.dep_ == "appos" and current.pos_ == "PROPN"
            ):  # "Khan and Malik were killed", "killed the mayor, Ahmed Khan"
                current = current.head
                continue
            break
        if current.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd"):
            return current.head, current.dep_
        return None, ""

    def _category(self, doc: Doc, anchor: Token, who: Token | None, *, lone: bool = False):
        # participles and states on the noun: "15 people killed", "45 dead"
        for token in (anchor, who):
            if token is None:
                continue
            for child in token.children:
                if child.dep_ in ("acl", "amod", "appos") and child.i > token.i:
                    category = self._state_or_verb(child)
                    if category:
                        return category, (child.i, child.i + 1)
            joined = joined_participle(token, self._state_or_verb)  # "two women and a man hurt"
            if joined:
                return joined
        # "the six guards who were killed", "Major Smith, who was shot dead"; not one
        # person "who died" (in 2013, of cancer): a life told, no casualty
        for token in (anchor, who):
            for clause in token.children if token is not None else ():
                if clause.dep_ != "relcl" or clause.i <= token.i:
                    continue
                pronoun = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                                and c.lower_ in _RELATIVES), None)
                if pronoun is not None and not (lone and clause.lemma_.lower() in _INTRANSITIVE):
                    found = self._verb_category(doc, clause, pronoun.dep_)
                    if found:
                        return found
        verb, role = self._predicate(anchor)
        if verb is None and who is not None and who is not anchor:
            verb, role = self._predicate(who)
        noun_category = self._noun_category(who) or self._noun_category(anchor)
        held_who = who is not None and who.lemma_.lower() in self.lex["who_nouns"]
        if verb is not None and verb.pos_ in ("VERB", "AUX"):
            lemma = verb.lemma_.lower()
            if held_who and lemma in self.lex["release_verbs"]:
                return None  # released, not held
            # "were shot and killed": the verb joined to the count's, on its subject
            found = self._verb_category(doc, verb, role) or verbs_joined_to(
                verb, lambda t: (self._verb_category(doc, t, role) or (None,))[0])
            if found:
                return found
            if held_who and noun_category == "held" and lemma in self.lex["held_verbs"]:
                return "held", (verb.i, verb.i + 1)
            # toll: "the death toll rose to 45", "the toll is 45"
        # "the killing of seven demonstrators"
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "of":
            event_noun = anchor.head.head
            category = self._noun_category(event_noun) or self.lex["verbs"].get(
                event_noun.lemma_.lower())
            if category and event_noun.pos_ == "NOUN" and event_noun.lemma_.lower() not in _COUNT_NOUNS:
                return category, (event_noun.i, event_noun.i + 1)
        toll = self._toll(anchor)
        if toll:
            return toll
        if noun_category is not None:
            token = anchor if self._noun_category(anchor) else who
            return noun_category, (token.i, token.i + 1)
        return None

    def _state_or_verb(self, token: Token) -> str | None:
        for form in (token.lower_, token.lemma_.lower()):
            if form in self.lex["states"]:
                return self.lex["states"][form]
        lemma = token.lemma_.lower()
        # a verb qualifying a noun ("the six members killed") is a participle, whatever
        # past tag the tagger gave it
        if lemma in self.verbs and (token.tag_ == "VBN" or (
            token.tag_ == "VBD" and token.dep_ == "acl"
        )):
            return self.verbs[lemma]
        return None

    def _verb_category(self, doc: Doc, verb: Token, role: str):
        lemma = verb.lemma_.lower()
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
            verb.tag_ == "VBN" and not any(c.lemma_ == "have" and c.dep_ == "aux"
                                           for c in verb.children)
        )
        # phrases: lose their lives, treated for injuries, taken hostage, went missing
        for words, category in self.verb_phrases.items():
            if words[0] != lemma:
                continue
            end = self._phrase_end(verb, words[1:])
            if end is None:
                continue
            outside = self._object_outside(verb, words[1:])
            if role == "nsubjpass" or role == "nsubj" and not (
                outside and any(c.dep_ == "dobj" for c in verb.children)
            ) or role == "dobj" and outside:
                # "30 were rounded up", "police rounded up 30", "they lost their lives";
                # not "suffered injuries", nor the mob of "a mob hacked two men to death"
                return category, (verb.i, end)
        group = among_casualties(verb, role, self._state_or_verb)  # "were among the dead"
        if group:
            return group
        # states after a copula or "remain": "three remain missing", "were found dead";
        # with an object, the state is the object's ("the blast left nine dead"), not the
        # subject's ("a church that left nine dead")
        has_object = any(c.dep_ == "dobj" for c in verb.children)
        for child in verb.children:
            if child.dep_ in ("acomp", "oprd", "attr", "xcomp") and (
                role in ("nsubj", "nsubjpass") and not has_object
                or role == "dobj" and child.dep_ in ("oprd", "xcomp")
            ) or role == "dobj" and child.i == verb.i + 1 and child.dep_ in (
                "advmod", "dep", "acomp"
            ):  # "shot dead two protesters": the state before the object, however parsed
                category = self._state_or_verb(child)
                if category:
                    return category, (child.i, child.i + 1)
        if lemma not in self.verbs:
            return None
        if role == "nsubjpass" or (role == "nsubj" and (passive or lemma in _INTRANSITIVE)):
            return self.verbs[lemma], (verb.i, verb.i + 1)
        if role == "dobj" and lemma not in _INTRANSITIVE and (
            lemma not in _PASSIVE_ONLY or any(
                c.dep_ == "nsubj" and c.lemma_.lower() in self.harm for c in verb.children)
        ):  # "the blast hurt two officers"; not "an effort to hurt Clinton"
            return self.verbs[lemma], (verb.i, verb.i + 1)
        return None

    @staticmethod
    def _object_outside(verb: Token, rest: tuple[str, ...]) -> bool:
        """Whether the verb's object is not a word of its phrase: the people of
        "rounded up 30 people", not the injuries of "suffered injuries"."""
        return not any(c.dep_ == "dobj" and (c.lemma_.lower() in rest or c.lower_ in rest)
                       for c in verb.children)

    @staticmethod
    def _phrase_end(verb: Token, rest: tuple[str, ...]) -> int | None:
        """Token end of "treated for injuries" when ``rest`` lemmas follow in the verb's
        subtree, in order, within a few tokens (an object between: "forced more than
        20,000 people from their homes")."""
        doc = verb.doc
        position = verb.i + 1
        last = verb.right_edge.i
        for word in rest:
            hit = None
            for i in range(position, min(position + 6, last + 1)):
                if doc[i].lemma_.lower() == word or doc[i].lower_ == word:
                    hit = i
                    break
            if hit is None:
                return None
            position = hit + 1
        return position

    def _toll(self, anchor: Token):
        head = anchor.head
        toll = None
        if anchor.dep_ == "pobj" and head.lower_ in _ANCHOR_PREPS:
            if head.lower_ == "of" and head.head.lemma_.lower() == "toll":
                toll = head.head
            elif head.head.lemma_.lower() in self.lex["toll_verbs"]:
                toll = next((c for c in head.head.children
                             if c.dep_ == "nsubj" and c.lemma_.lower() == "toll"), None)
            elif head.lower_ == "at" and head.head.lemma_.lower() in self.lex[
                    "toll_setting_verbs"] or head.lower_ == "to" and (
                    head.head.lemma_.lower() in self.lex["toll_raising_verbs"]):
                # "officials put the death toll at 31", "put the number of injured at 8",
                # "bringing the death toll to 12"
                toll = next((c for c in head.head.children
                             if c.dep_ == "dobj" and c.lemma_.lower() in self.lex["toll_nouns"]),
                            None)
        elif anchor.dep_ in ("attr", "dobj") and head.lemma_.lower() in self.lex["toll_verbs"]:
            toll = next((c for c in head.children
                         if c.dep_ == "nsubj" and c.lemma_.lower() == "toll"), None)
        if toll is None:
            return None
        start = toll.i
        category = "killed" if toll.lemma_.lower() == "toll" else None
        for child in toll.children:
            if child.dep_ in ("compound", "amod") and child.i < toll.i:
                start = min(start, child.i)
                kind = self._noun_category(child)
                if kind in ("injured", "other"):
                    category = kind
                elif kind is not None and category is None:
                    category = kind
            elif child.dep_ == "prep" and child.lower_ == "of" and category is None:
                # "the number of injured", "the count of dead": whose number it is
                for pobj in child.children:
                    kind = self._noun_category(pobj) or self._state_or_verb(pobj)
                    if pobj.dep_ == "pobj" and kind is not None:
                        category = kind
        if category is None:
            return None  # a number of something else ("the number of trucks at 40")
        return category, (start, toll.i + 1)

    def _linear(self, doc: Doc, count: Count, who: Token | None):
        """Fallback for a count at the head of its clause whose parse went astray:
        COUNT [people] [were|have been] VERB."""
        i = count.end
        if who is not None and who.i >= i:
            i = who.i + 1
        elif i < len(doc) and doc[i].pos_ in ("NOUN",) and (
            doc[i].lemma_.lower() in self.person_words
        ):
            i += 1
        while i < len(doc) and doc[i].pos_ == "AUX":
            i += 1
        if i >= len(doc) or i == count.end and doc[i].pos_ != "VERB":
            return None
        token = doc[i]
        category = self._state_or_verb(token)
        if category and token.pos_ in ("VERB", "ADJ"):
            return category, (i, i + 1)
        return None

    # -- singular counts ("a soldier was killed") -------------------------------------
    def singular(self, doc: Doc, sent: Span, taken: set[int],
                 entities: Entities) -> list[Count]:
        result = []
        for token in sent:
            if token.lower_ not in _INDEFINITE or token.dep_ != "det" or token.i in taken:
                continue
            noun = token.head
            # any singular noun: the casualty word it must go with keeps out "a car"; a
            # nationality is a person ("an Afghan")
            if not (noun.tag_ == "NN" or noun.tag_ == "NNP" and noun.ent_type_ == "NORP") or (
                noun.ent_type_ in _NON_FIGURE_ENTS
            ):
                continue
            if noun.lemma_.lower() in _COUNT_NOUNS or noun.lemma_.lower() in _MANY_VICTIMS:
                continue  # "a massacre", "taking a toll on the campaign": no one victim
            result.append(Count(token.i, token.i + 1, 1, 1, True))
        # a named person: "Major Smith died", "Smith was killed", "they shot Smith dead"
        for start, end in named_victims(sent, entities):
            if not any(i in taken for i in range(start, end)):
                result.append(Count(start, end, 1, 1, True))
        return result

    # -- places and links --------------------------------------------------------------
    def _clause_place(self, doc: Doc, tokens: list[Token], places: list) -> dict | None:
        for token in tokens:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in _SITE_PREPS:
                    found = _place_under(child, places)
                    if found is not None:
                        return found
        return None

    def _earlier_site(self, doc: Doc, sent: Span, before: int, places: list) -> dict | None:
        best = None
        for place in places:
            tok_start, tok_end = place["_tokens"]
            if tok_start < sent.start or tok_end > before:
                continue
            root = doc[tok_start:tok_end].root
            if root.dep_ == "pobj" and root.head.lower_ in _FALLBACK_PREPS:
                best = place
        return best

    def _back_reference(self, doc: Doc, sent: Span, places: list) -> dict | None:
        # "killed there", "the city"; not the "there" of "there were ten injured"
        words = [t for t in sent if t.lower_ in _BACK_WORDS and (
            t.lower_ == "there" and t.dep_ != "expl"
            or any(c.lower_ in _DEFINITE for c in t.children)
        )]
        if not words:
            return None
        want_city = any(t.lower_ in place_words()["city_nouns"] for t in words)
        first = paragraph_start(doc_text(doc), sent.start_char)
        earlier = [p for p in places if first <= p["start"] < sent.start_char]
        if want_city:  # "the city" is no country or region named before it
            earlier = [p for p in earlier if p.get("kind") in ("city", None)]
        if not earlier:
            return None
        return max(earlier, key=lambda p: p["start"])

    def _event_for(self, doc: Doc, trigger: tuple[int, int], sent: Span, events: list,
                   category: str) -> dict | None:
        start_char = doc[trigger[0]].idx
        end_char = doc[trigger[1] - 1].idx + len(doc[trigger[1] - 1])
        in_sentence = [e for e in events
                       if sent.start_char <= e["trigger"]["start"] < sent.end_char]
        for event in in_sentence:
            if event["trigger"]["start"] < end_char and start_char < event["trigger"]["end"]:
                return event
        head = doc[trigger[0]]
        below = {t.i for t in head.subtree}
        above = {t.i for t in head.ancestors}
        for event in in_sentence:
            tokens = _token_range(doc, event["trigger"]["start"], event["trigger"]["end"])
            if not tokens:
                continue
            # an event told below the killing is its cause ("killed 13 when the cult
            # released sarin"); one above it may be what was said of it ("called for protests
            # following the killing of seven"), the toll of no request or statement
            if any(i in below for i in range(*tokens)) or any(
                i in above for i in range(*tokens)) and (
                category not in _CASUALTIES or event["type"] in _TOLL_TYPES
            ):
                return event
        # otherwise the nearest violent event of the sentence, for casualties only
        if category in _CASUALTIES:
            candidates = [e for e in in_sentence if e["type"] == "ASSAULT"]
        elif category == "arrested":
            candidates = [e for e in in_sentence if e["type"] == "COERCE"]
        else:
            candidates = []
        if not candidates:
            return None
        return min(candidates, key=lambda e: abs(e["trigger"]["start"] - start_char))

    # -- the component -----------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        figures = get_list(doc, "el_figures")
        figures.clear()
        if not doc.has_annotation("DEP"):
            log.warning("eventledger_figures needs a dependency parse; no figures for this doc")
            doc._.el_disagreements = []
            return doc
        places = with_tokens(doc)
        events = doc._.el_events or []
        by_place = {p["id"]: p for p in places}
        entities = Entities(doc)
        filed = dateline_place(doc, places)  # the same for every figure of the document
        title = headline(doc)
        for sent in doc.sents:
            counts = find_counts(doc, sent.start, sent.end)
            in_title = title is not None and sent.start_char < title[1]
            if self.singular_counts:
                taken = {i for c in counts for i in range(c.start, c.end)}
                counts = counts + self.singular(doc, sent, taken, entities)
                if in_title:  # "Roadside bomb kills army general": one
                    counts += [Count(start, end, 1, 1, True) for start, end in bare_victims(
                        sent, self.victim_verbs, self.people, taken)]
                counts = sorted(counts, key=lambda c: c.start)
            for count in counts:
                figure = self.figure(doc, sent, count, places, events, by_place, entities,
                                     filed, title if in_title else None)
                if figure is not None:
                    figure["id"] = f"F{len(figures) + 1}"
                    figures.append(figure)
        if self.disagreements:
            doc._.el_disagreements = find_disagreements(
                figures, doc._.el_attributions or [], doc._.el_places or [])
        return doc

    def figure(self, doc, sent, count, places, events, by_place, entities,
               filed: dict | None, title: tuple[int, int] | None = None) -> dict | None:
        """The figure of ``count``, or None; ``title``: the text's headline, which the
        figures read though it is a heading ("7 militants killed in blasts")."""
        start_char = doc[count.start].idx
        end_char = doc[count.end - 1].idx + len(doc[count.end - 1])
        if _skipped(doc, start_char, end_char, title) or self.not_a_figure(doc, count,
                                                                          entities):
            return None
        read = self.read(doc, count)
        if read is None:
            return None
        named = is_named(doc, count)
        if named and read["category"] not in _NAMED_CATEGORIES:
            return None  # a named person counts as a casualty, not as an arrest or a hostage
        trig_start, trig_end = read["trigger"]
        t_start = doc[trig_start].idx
        t_end = doc[trig_end - 1].idx + len(doc[trig_end - 1])
        if _skipped(doc, t_start, t_end, title):
            return None
        trigger = doc[trig_start]
        if trigger.pos_ == "NOUN" and speaking_body(doc, trigger) or (
            read["category"] == "missing" and absent_from(trigger)
        ):
            return None  # "an Islamic body declared", "missing from ''Rush Hour''"
        who: Token | None = read["who"]
        event = self._event_for(doc, read["trigger"], sent, events, read["category"])
        if event is None and _one_named(doc, count, who) and life_told(trigger, self.harm):
            return None  # "two weeks after Justice Kane died": a life told, no casualty
        if read["category"] in _CASUALTIES and illness_told(trigger, self.harm):
            return None  # "eight people died of the disease": an illness, no harm done
        if read["category"] in _CASUALTIES and (
            attempted(trigger, self.intent_verbs, self.plan_nouns) or only_possible(trigger)
        ):
            return None  # "the attempted murder of two officers", "could kill hundreds"
        clause_tokens = [doc[i] for i in range(trig_start, trig_end)]
        if who is not None:
            clause_tokens.append(who)
        place = self._clause_place(doc, clause_tokens, places)
        own_place = stated(event.get("location")) if event is not None else None
        if place is None and own_place:
            place = by_place.get(own_place["place"]) or {"id": own_place["place"]}
        if place is None and (event is None or not _overlaps(event, t_start, t_end)):
            # a killing that is no event of its own ("killed in a raid on X") is placed
            # by the same reading of the parse as an event
            others = [doc[r[0]] for e in events
                      if sent.start_char <= e["trigger"]["start"] < sent.end_char
                      and (r := _token_range(doc, e["trigger"]["start"], e["trigger"]["end"]))]
            place, _origin = locate_event(doc, read["trigger"], places, sentence=sent,
                                          others=others, dateline=False)
        if place is None:
            place = self._earlier_site(doc, sent, min(count.start, trig_start), places)
        if place is None:
            place = self._back_reference(doc, sent, places)
        source = None
        if place is None:
            # where the report was filed, not where the text says the people were
            place, source = filed, FROM_DATELINE
        low, high = min(start_char, t_start), max(end_char, t_end)
        attribution = attribution_covering(doc, low, high) or attribution_covering(
            doc, start_char, end_char)
        return {
            "id": "",
            "category": read["category"],
            "trigger": {"text": doc_text(doc)[t_start:t_end], "start": t_start, "end": t_end},
            "count": {"text": doc_text(doc)[start_char:end_char], "start": start_char,
                      "end": end_char, "low": count.low, "high": count.high,
                      "exact": count.exact},
            "who": (_who_span(doc, who, count) if who is not None and not (
                count.start <= who.i < count.end) else _count_who(doc, who, count)),
            # "several families had fled": 2 families, not 2 people
            "unit": self.unit_nouns.of_words(who.lower_, who.lemma_) if who is not None
            else self.unit_nouns.default,
            "location": place_ref(place, source),
            "event": event["id"] if event else None,
            "attribution": attribution["id"] if attribution else None,
            # a named victim, a breakdown: some of the people a toll counts, no toll
            "part": named or in_breakdown(who),
        }


def named_victims(sent: Span, entities: Entities) -> list[tuple[int, int]]:
    """Token ranges of the people named in a role where a casualty verb may tell what
    they suffered: a person's name as subject or object ("Smith was killed"), each name of
    a list of them ("Khan and Malik died"), the name after a role that no number counts
    ("killed the mayor, Ahmed Khan"), and a name given an age ("Baktash, 31, died"), which
    makes it a person's whatever the tagger called it."""
    doc = sent.doc
    names: dict[int, tuple[int, int]] = {}
    for ent in entities.within(sent.start, sent.end):
        if ent.label_ == "PERSON":
            names[ent.root.i] = (ent.start, ent.end)
    for token in sent:
        if token.pos_ == "PROPN" and token.i not in names and token.dep_ in _VICTIM_ROLES and (
            any(c.dep_ == "appos" and is_age(c) for c in token.children)
        ):
            start = min((c.i for c in token.children if c.dep_ == "compound" and c.i < token.i),
                        default=token.i)
            names[token.i] = (start, token.i + 1)
    result = []
    for root_i, bounds in names.items():
        root = doc[root_i]
        slot = root
        for _ in range(3):  # up a list of names: "Khan and Malik"
            if slot.dep_ != "conj" or slot.head.i not in names:
                break
            slot = slot.head
        if slot.dep_ == "appos" and root.pos_ == "PROPN":
            # "the mayor, Ahmed Khan": one person, unless the role is counted ("two
            # people, Khan and Malik") or is a count already ("a guard, Khan")
            head = slot.head
            if head.tag_ != "NN" or any(c.dep_ in ("nummod", "det") and (
                c.like_num or c.lower_ in _INDEFINITE) for c in head.children
            ):
                continue
            slot = head
        if slot.dep_ in _VICTIM_ROLES or any(c.dep_ == "relcl" for c in root.children):
            result.append(bounds)  # "a vigil for Smith, who was killed": the clause tells
    return sorted(result)


def _skipped(doc: Doc, start: int, end: int, title: tuple[int, int] | None) -> bool:
    """In a heading or caption that extraction skips, unless in the text's headline (a
    heading; a caption on the first line stays skipped)."""
    if title is None or not (title[0] <= start and end <= title[1]):
        return is_excluded(doc, start, end)
    return any(start < ex_end and ex_start < end and kind != "heading"
               for ex_start, ex_end, kind in doc._.el_excluded or ())


def is_named(doc: Doc, count: Count) -> bool:
    """Whether ``count`` is a named person (one), not a number."""
    first = doc[count.start]
    return count.low == count.high == 1 and count.exact and (
        first.ent_type_ == "PERSON" or first.pos_ == "PROPN")


def _one_named(doc: Doc, count: Count, who: Token | None) -> bool:
    """One person, named: a name counted as one, or one given a name beside it or beside
    the people it is one of ("one of the justices, Antonin Kane,")."""
    tokens = [doc[i] for i in range(count.start, count.end)] + ([who] if who is not None else [])
    return is_named(doc, count) or count.low == count.high == 1 and any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" for t in tokens for c in t.children)


def _overlaps(event: dict, start: int, end: int) -> bool:
    return event["trigger"]["start"] < end and start < event["trigger"]["end"]


def _who_span(doc: Doc, who: Token, count: Count) -> dict:
    """The counted noun with its adjectives and compounds ("Palestinian civilians"), each
    with its own words ("12-year-old boy", not "old boy")."""
    start = who.i
    for child in sorted(who.children, key=lambda t: -t.i):
        if child.i < who.i and child.i == start - 1 and child.dep_ in ("amod", "compound") and (
            not (count.start < child.i + 1 and child.left_edge.i < count.end)
        ):
            start = child.left_edge.i
    start_char = doc[start].idx
    end_char = who.idx + len(who)
    return {"text": doc_text(doc)[start_char:end_char], "start": start_char, "end": end_char}


def _count_who(doc: Doc, who: Token | None, count: Count) -> dict | None:
    """The count as who ("15 were injured"), without its bound words."""
    if who is None:
        return None
    if who.ent_type_ == "PERSON" or is_named(doc, count):  # a named person: the whole name
        start, last = doc[count.start], doc[count.end - 1]
        return {"text": doc_text(doc)[start.idx:last.idx + len(last)], "start": start.idx,
                "end": last.idx + len(last)}
    last = who
    after = doc[count.end] if count.end < len(doc) and who.i == count.end - 1 else None
    if after is not None and after.lower_ in _MORE and after.dep_ in ("amod", "advmod") and (
        after.head.i in (who.i, who.head.i)
    ):
        last = after  # "three more were wounded": more people, not a number
    return {"text": doc_text(doc)[who.idx:last.idx + len(last)], "start": who.idx,
            "end": last.idx + len(last)}


def figure_source_keys(attributions: list[dict]) -> dict[str, tuple]:
    """Who each attribution's figures come from, by attribution id: its source and what it
    cites (see ``figure_source_key``)."""
    keys: dict[str, tuple] = {}
    for attribution in attributions:
        source = attribution.get("source")
        name = (source.get("name") or source.get("text") or "").lower() if source else ""
        cites = tuple(sorted((c.get("name") or c.get("text") or "").lower()
                             for c in attribution.get("cites") or ()))
        keys.setdefault(attribution["id"], (name or attribution["id"], cites))
    return keys


def figure_source_key(keys: dict[str, tuple], attribution_id: str | None) -> tuple:
    """Who a figure comes from: the attribution's source and what it cites, or the outlet."""
    if attribution_id is None:
        return ("outlet",)
    return keys.get(attribution_id, (attribution_id,))


def find_disagreements(figures: list[dict], attributions: list[dict],
                       place_records: list[dict]) -> list[dict]:
    """Groups of figures whose counts differ between sources, an incident being a place or an
    event (the grouping of a pipeline without the incidents component). A figure from a
    report its speaker denies or does not give is no source's count, and is left out."""
    reports = {a["id"]: a for a in attributions}
    figures = [f for f in figures if not denied(f, reports)]
    parent = list(range(len(figures)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    places = {p["id"]: p for p in place_records}

    def place_key(figure: dict):
        """One place named several times is one place: by GeoNames id, else by name."""
        place = places.get(figure["location"]["place"])
        if place is None:
            return figure["location"]["place"]
        return place.get("geonameid") or (place.get("name") or place.get("text", "")).lower()

    def who_word(figure: dict) -> str | None:
        return figure["who"]["text"].lower() if figure["who"] else None

    # Two figures of a category and unit tell of one incident when both are placed at one
    # place; when one is unplaced, and both belong to one event; when both are unplaced and
    # of no event, when they count the same people ("soldiers"). Figures are joined through
    # what they share (grouped, not compared pair by pair, which grew with the square of
    # their number): the groups are those of the pairwise rule.
    by_place: dict[tuple, list[int]] = {}
    by_event: dict[tuple, list[int]] = {}
    by_who: dict[tuple, list[int]] = {}
    for i, figure in enumerate(figures):
        category = (figure["category"], figure["unit"])
        if figure["location"]:
            by_place.setdefault((category, place_key(figure)), []).append(i)
        if figure["event"]:
            by_event.setdefault((category, figure["event"]), []).append(i)
        elif not figure["location"]:
            by_who.setdefault((category, who_word(figure)), []).append(i)
    joined = [*by_place.values(), *by_who.values()]
    # One event joins its figures only through an unplaced one (two placed figures of
    # one event go by their places).
    joined += [members for members in by_event.values()
               if any(not figures[i]["location"] for i in members)]
    for members in joined:
        for j in members[1:]:
            parent[find(j)] = find(members[0])
    # A figure with no place joins its category's figures (in its unit) when every placed
    # one of that category is at the same place: the document tells of one incident there.
    for kind in {(f["category"], f["unit"]) for f in figures}:
        placed = [i for i, f in enumerate(figures) if (f["category"], f["unit"]) == kind
                  and f["location"]]
        if not placed or len({place_key(figures[i]) for i in placed}) != 1:
            continue
        for i, figure in enumerate(figures):
            if (figure["category"], figure["unit"]) == kind and not figure["location"]:
                parent[find(i)] = find(placed[0])
    groups: dict[int, list[dict]] = {}
    for i, figure in enumerate(figures):
        groups.setdefault(find(i), []).append(figure)
    source_keys = figure_source_keys(attributions)
    result = []
    for members in groups.values():
        if len(members) < 2:
            continue
        if not sources_disagree(source_keys, members):
            continue
        result.append({"id": f"D{len(result) + 1}",
                       "about": disagreement_about(members, places),
                       "figures": [f["id"] for f in members]})
    return result


def sources_disagree(source_keys: dict[str, tuple], members: list[dict]) -> bool:
    """Whether some two of ``members`` differ in both source and count. Figures that each
    share one or the other with every other all share one source or one count, so this
    is: more than one source and more than one count (no pair need be compared)."""
    sources = {figure_source_key(source_keys, f["attribution"]) for f in members}
    counts = {(f["count"]["low"], f["count"]["high"], f["count"]["exact"]) for f in members}
    return len(sources) > 1 and len(counts) > 1


def disagreement_about(members: list[dict], places: dict) -> str:
    whos = Counter(_PLURAL.get(w, w) for w in (f["who"]["text"].lower() for f in members
                                                 if f["who"]))
    who = whos.most_common(1)[0][0] if whos else "people"
    words = f"{who} {_CATEGORY_WORDS[members[0]['category']]}"
    place_ids = Counter(f["location"]["place"] for f in members if f["location"])
    if place_ids:
        place = places.get(place_ids.most_common(1)[0][0])
        if place:
            words += f" in {place.get('name') or place.get('text')}"
    return words


@Language.factory(
    "eventledger_figures",
    requires=[
        "doc.ents", "token.dep", "token.lemma", "doc._.el_excluded", "doc._.el_places",
        "doc._.el_attributions", "doc._.el_events",
    ],
    assigns=["doc._.el_figures", "doc._.el_disagreements"],
    default_config={"extra_triggers_path": None, "singular_counts": True,
                    "extra_units_path": None, "disagreements": True},
)
def make_figures(nlp: Language, name: str, *, extra_triggers_path: str | None,
                 singular_counts: bool, extra_units_path: str | None,
                 disagreements: bool) -> FiguresExtractor:
    """``extra_units_path``: a user's file of unit nouns on top of ``data/units.json``.
    ``disagreements``: list the disagreements by place and event; off where the incidents
    component lists them per incident (eventledger's own pipeline)."""
    return FiguresExtractor(nlp, name, extra_triggers_path=extra_triggers_path,
                            singular_counts=singular_counts, extra_units_path=extra_units_path,
                            disagreements=disagreements)
