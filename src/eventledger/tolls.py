"""Tolls and their parts: a figure marked ``part`` counts some of the people a toll
counts (a named victim, "Ahmed Khan was killed", beside "five people were killed"; the
later counts of a breakdown, "12 people, seven women and five men"), so it is no lower
toll. The figures extractor marks them (:mod:`eventledger.extract.toll_parts`);
disagreements, story ranges and the ACLED fatalities read the tolls (without spaCy: this
module needs none)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def _marked_part(figure) -> bool:
    return bool(figure.get("part"))


def tolls(figures: Iterable[T], *, is_part: Callable[[T], bool] = _marked_part) -> list[T]:
    """The figures that give a toll: those not marked ``part``, else, where every figure
    is one, all of them (a story told only by a named victim still has its one dead).
    ``is_part`` reads the mark of items other than figure records (a story's rows)."""
    figures = list(figures)
    return [f for f in figures if not is_part(f)] or figures
