"""What a figure's count counts: its ``unit``, "people" unless the counted noun is one of
the unit nouns of ``data/units.json`` ("several families", "around 300 households").
The figures extractor sets it; the store, exports, stories and pages read it (without
spaCy: this module needs none)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .data_files import packaged_json, user_json


@dataclass(frozen=True)
class Units:
    """The unit of each unit noun, and the unit of every other count."""

    default: str
    by_noun: dict[str, str]
    # units whose "<noun> of <number>" counts people ("a family of five")
    by_members: frozenset[str] = frozenset()

    @classmethod
    def load(cls, extra_path: str | Path | None = None) -> Units:
        """The packaged units, with the units and nouns of the user's file ``extra_path``
        (same layout) added."""
        data = packaged_json("units.json")
        if extra_path:
            extra = user_json(extra_path, "units")
            for unit, nouns in (extra.get("units") or {}).items():
                data["units"].setdefault(unit, []).extend(nouns)
        by_noun = {
            noun.lower(): unit for unit, nouns in data["units"].items() for noun in nouns
        }
        return cls(default=data["default"], by_noun=by_noun,
                   by_members=frozenset(data.get("counted_by_members") or ()))

    def of_words(self, *words: str | None) -> str:
        """The unit of the first of ``words`` (a noun, its lemma) that is a unit noun."""
        for word in words:
            if word and word.lower() in self.by_noun:
                return self.by_noun[word.lower()]
        return self.default

    def counted_by_members(self, word: str) -> bool:
        """Whether ``word`` is a noun of a unit whose "<noun> of <number>" counts people."""
        return self.by_noun.get(word.lower()) in self.by_members

    def of_text(self, who: str | None) -> str:
        """The unit of a figure's ``who`` as written ("Palestinian families"): its last
        word's. For records stored before figures had a unit."""
        words = (who or "").split()
        return self.of_words(words[-1]) if words else self.default


@lru_cache(maxsize=1)
def packaged_units() -> Units:
    """The packaged units alone, loaded once."""
    return Units.load()


def unit_of(figure: dict) -> str:
    """A figure's unit: its ``unit``, else read from its ``who`` with the packaged units
    (a record written before figures had one)."""
    unit = figure.get("unit")
    if unit:
        return unit
    return packaged_units().of_text((figure.get("who") or {}).get("text"))
