"""The filters every list, map, timeline and export of the web application shares.

They are named like the command line's options (``since``, ``until``, ``type``,
``country``, ``source``) plus ``actor`` and ``q`` (free text). Values are checked here,
so that a malformed one is a 400 with a one-line reason, and they only ever reach the
database as bound parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date
from urllib.parse import urlencode

from ..errors import EventledgerError

# Longest free-text filter value accepted (actor, source, q).
MAX_TEXT = 200
_TYPE = re.compile(r"^[A-Za-z][A-Za-z_-]{0,31}$")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


class FilterError(EventledgerError):
    """A filter value the server cannot use (answered with 400)."""

    code = "E600"


@dataclass(frozen=True)
class SourceNames:
    """The outlets, source names and sources' words in a store that hold a ``source``
    filter's text: the filter then looks them up on their indexes."""

    outlets: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Filters:
    since: str | None = None
    until: str | None = None
    types: tuple[str, ...] = ()
    country: str | None = None
    actor: str | None = None
    source: str | None = None
    q: str | None = None
    # What ``source`` names in the store, when looked up ahead (not a filter of its own).
    source_names: SourceNames | None = field(default=None, compare=False, repr=False)

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self) if f.name != "source_names")

    def query_string(self, **extra) -> str:
        """The filters as a URL query (``type`` repeated), with ``extra`` pairs added."""
        pairs: list[tuple[str, str]] = []
        for name in ("since", "until"):
            if getattr(self, name):
                pairs.append((name, getattr(self, name)))
        pairs += [("type", t) for t in self.types]
        for name in ("country", "actor", "source", "q"):
            if getattr(self, name):
                pairs.append((name, getattr(self, name)))
        pairs += [(k, str(v)) for k, v in extra.items() if v is not None]
        return urlencode(pairs)

    def as_dict(self) -> dict:
        return {"since": self.since, "until": self.until, "type": list(self.types),
                "country": self.country, "actor": self.actor, "source": self.source,
                "q": self.q}


def _day(value: str | None, name: str) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError as exc:
        raise FilterError(f"{name}: {value[:40]!r} is not a date YYYY-MM-DD") from exc


def _text(value: str | None, name: str) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT:
        raise FilterError(f"{name}: longer than {MAX_TEXT} characters")
    if "\x00" in value:
        raise FilterError(f"{name}: contains a NUL character")
    return value.strip()


def parse_filters(params) -> Filters:
    """Filters from a query-parameter multi-dict (Starlette's ``request.query_params``):
    a value that is not usable raises :class:`FilterError`."""
    types: list[str] = []
    for raw in params.getlist("type"):
        for part in raw.split(","):
            part = part.strip()
            if not part:
                continue
            if not _TYPE.match(part):
                raise FilterError(f"type: {part[:40]!r} is not an event type or category")
            types.append(part)
    country = params.get("country")
    if country is not None and country.strip():
        country = country.strip()
        if not _COUNTRY.match(country):
            raise FilterError(f"country: {country[:40]!r} is not a two-letter country code")
        country = country.upper()
    else:
        country = None
    since, until = _day(params.get("since"), "since"), _day(params.get("until"), "until")
    if since and until and since > until:
        raise FilterError(f"since {since} is after until {until}")
    return Filters(
        since=since, until=until, types=tuple(dict.fromkeys(types)), country=country,
        actor=_text(params.get("actor"), "actor"), source=_text(params.get("source"), "source"),
        q=_text(params.get("q"), "q"),
    )


def parse_page(params, *, default: int, most: int) -> tuple[int, int]:
    """``(limit, offset)`` from the query; bad values raise :class:`FilterError`."""
    def number(name: str, fallback: int, low: int, high: int | None) -> int:
        raw = params.get(name)
        if raw is None or raw == "":
            return fallback
        try:
            value = int(raw)
        except ValueError as exc:
            raise FilterError(f"{name}: {raw[:40]!r} is not a whole number") from exc
        if value < low or (high is not None and value > high):
            bound = f"between {low} and {high}" if high is not None else f"at least {low}"
            raise FilterError(f"{name}: must be {bound}")
        return value

    return number("limit", default, 1, most), number("offset", 0, 0, 10**9)
