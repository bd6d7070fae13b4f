"""Dates of events: from the sentence where it gives one, else the document date.

:func:`resolve_date` turns a date expression into ``(YYYY-MM-DD, precision)`` against an
anchor (the publication date), with dateparser for the general case and own rules where
news usage is plain:

- weekdays ("on Monday") are the last such day on or before the anchor; "last Monday"
  the one strictly before it;
- a week ("last week", "three weeks ago") is given as that week's Monday with precision
  "day": the CONTRACT knows day, month and year only, and the Monday keeps the week
  findable where a month would blur it;
- a month ("March 2024", "last month") is its first day, precision "month"; a year its
  1 January, precision "year";
- "this morning" and "the past 24 hours" are the anchor day, "last night" the day
  before, "the weekend" its Saturday; "October 7 last year" is in the anchor's year
  minus one; "mid-March", "the end of March" are March (precision "month");
- durations ("for three weeks", "a year and a half", "since the war"), decades and
  seasons ("2023-24") are not dates: None.

Without an anchor only expressions that carry their own year resolve.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from functools import lru_cache

from spacy.tokens import Span

from ..data_files import word_lists, word_sequences

log = logging.getLogger(__name__)

# Monday first: a name's place in the list, modulo 7, is its day of the week.
_WEEKDAYS = word_sequences("grammar_words")["weekdays"]
_LAST_WORDS = word_lists("grammar_words")["last_words"]
_POSSESSIVE_ENDINGS = tuple(sorted(word_lists("grammar_words")["possessive_endings"]))
_NOT_A_POINT = re.compile(
    r"^(?:for|since|over|during|throughout|within|after|until|till|up to|about|around|"
    r"nearly|almost|more than|less than|at least|some|between)\b"
    r"|\band a half\b|\b(?:long|old|straight|consecutive|running)\b|\d0s\b|\d0's\b",
    re.IGNORECASE,
)
_UNIT = re.compile(
    r"\b(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|"
    r"decades?|centur(?:y|ies))\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?:ago|last|past|previous|next|this|yesterday|today|tonight|tomorrow|earlier|later)\b",
    re.IGNORECASE,
)
_FILLER = re.compile(
    r"^(?:on|in|at|by|of|as of|from|the|early|late|earlier|later|mid)\s+"
    r"|\s+(?:morning|afternoon|evening|night|overnight|noon|midnight|dawn|local time)$",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"^(?:(last|this|past|previous)\s+)?(" + "|".join(_WEEKDAYS) + r")$", re.IGNORECASE
)
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
_LAST_NIGHT = re.compile(r"^(?:last night|overnight)$", re.IGNORECASE)
# The anchor day itself: "this morning", "in the past 24 hours".
_SAME_DAY = re.compile(
    r"^(?:this (?:morning|afternoon|evening)|(?:in )?(?:the )?(?:past|last) 24 hours)$",
    re.IGNORECASE,
)
_WEEKEND = re.compile(r"^(?:(last|this|the|past) )?weekend$", re.IGNORECASE)
_LAST_YEAR_SUFFIX = re.compile(r"\s+(?:of )?last year$", re.IGNORECASE)
_PART_OF = re.compile(
    r"^(?:the )?(?:mid|early|late|end of|beginning of|start of|middle of|first half of|"
    r"second half of)[\s-]+",
    re.IGNORECASE,
)
_SEASON_YEARS = re.compile(r"^\d{4}[-/–]\d{2}$")  # "2023-24": a season, not a day


def _anchor_date(anchor: str | None) -> dt.date | None:
    if not anchor:
        return None
    try:
        return dt.date.fromisoformat(anchor[:10])
    except ValueError:
        log.debug("not a date anchor: %r", anchor)
        return None


def _strip(expression: str) -> str:
    text = " ".join(expression.replace("’", "'").split()).strip(" ,.;")
    previous = None
    while previous != text:
        previous = text
        text = _FILLER.sub("", text).strip()
    return text


@lru_cache(maxsize=1)
def _parser_class():
    from dateparser.date import DateDataParser

    return DateDataParser


def _parse(text: str, anchor: dt.date | None):
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    parser = _parser_class()(languages=["en"], settings=settings)
    try:
        return parser.get_date_data(text)
    except (ValueError, OverflowError) as exc:  # dateparser raises on odd input
        log.debug("dateparser failed on %r: %s", text, exc)
        return None


def resolve_date(expression: str, anchor: str | None) -> tuple[str, str] | None:
    """``(YYYY-MM-DD, "day"|"month"|"year")`` for a date expression, resolved against
    ``anchor`` (``YYYY-MM-DD``); None for durations and what does not resolve."""
    base = _anchor_date(anchor)
    raw = " ".join(expression.split())
    if not raw or _NOT_A_POINT.search(raw):
        return None
    bare = raw.strip(" ,.;")
    if bare.endswith(_POSSESSIVE_ENDINGS):
        bare = bare[:-2]  # "Saturday's attack"
    if _SEASON_YEARS.match(bare):
        return None
    if base is not None:
        if _LAST_NIGHT.match(bare):
            return (base - dt.timedelta(days=1)).isoformat(), "day"
        if _SAME_DAY.match(bare):
            return base.isoformat(), "day"
        weekend = _WEEKEND.match(bare)
        if weekend:
            back = (base.weekday() - 5) % 7  # to the Saturday on or before the anchor
            if weekend.group(1) and weekend.group(1).lower() in _LAST_WORDS and back < 2:
                back += 7
            return (base - dt.timedelta(days=back)).isoformat(), "day"
        if _LAST_YEAR_SUFFIX.search(bare):
            # "October 7 last year": the date in the year before the anchor's.
            earlier = _anchor_date(f"{base.year - 1}-12-31")
            inner = resolve_date(_LAST_YEAR_SUFFIX.sub("", bare), earlier.isoformat())
            return inner
    text = _strip(_PART_OF.sub("", bare))
    if not text:
        return None
    if _UNIT.search(text) and not _RELATIVE.search(text):
        return None  # "three weeks", "a year": how long, not when
    if base is None and (_RELATIVE.search(text) or not _YEAR.search(text)):
        return None
    weekday = _WEEKDAY.match(text)
    if weekday and base is not None:
        target = _WEEKDAYS.index(weekday.group(2).lower())
        back = (base.weekday() - target) % 7
        if weekday.group(1) and weekday.group(1).lower() != "this" and back == 0:
            back = 7
        return (base - dt.timedelta(days=back)).isoformat(), "day"
    data = _parse(text, base)
    if data is None or data.date_obj is None:
        return None
    value = data.date_obj.date()
    if not 1800 <= value.year <= 2200:
        return None
    period = data.period or "day"
    if period == "year":
        return f"{value.year:04d}-01-01", "year"
    if period == "month":
        return f"{value.year:04d}-{value.month:02d}-01", "month"
    if period == "week":
        return (value - dt.timedelta(days=value.weekday())).isoformat(), "day"
    return value.isoformat(), "day"


def sentence_date(
    sent: Span, published: str | None, ents: list[Span] | None = None
) -> tuple[str | None, str | None]:
    """``(date, precision)`` for an event in ``sent``: the first of its DATE entities
    (``ents``: the sentence's entities, where the caller has them) that resolves against
    ``published``; the document date when the sentence gives none; ``(None, None)`` when
    neither is known."""
    for ent in sent.ents if ents is None else ents:
        if ent.label_ != "DATE":
            continue
        resolved = resolve_date(ent.text, published)
        if resolved is not None:
            return resolved
    if published:
        return published, "day"
    return None, None
