"""The word lists and thresholds of incident grouping (``data/incidents.json``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...data_files import packaged_json, user_json


@dataclass(frozen=True)
class IncidentWords:
    incident_types: dict[str, str]
    figure_types: dict[str, str]
    type_rank: tuple[str, ...]
    reference_nouns: frozenset[str]
    reference_determiners: frozenset[str]
    cumulative: tuple[re.Pattern, ...]
    separators: tuple[re.Pattern, ...]
    max_days_apart: int
    near_km: float
    region_km: float
    place_kinds_rank: tuple[str, ...]


def _build(data: dict) -> IncidentWords:
    return IncidentWords(
        incident_types=dict(data["incident_types"]),
        figure_types=dict(data["figure_types"]),
        type_rank=tuple(data["type_rank"]),
        reference_nouns=frozenset(w.lower() for w in data["reference_nouns"]),
        reference_determiners=frozenset(w.lower() for w in data["reference_determiners"]),
        cumulative=tuple(re.compile(p) for p in data["cumulative_patterns"]),
        separators=tuple(re.compile(p) for p in data.get("separating_openers", ())),
        max_days_apart=int(data["max_days_apart"]),
        near_km=float(data["near_km"]),
        region_km=float(data["region_km"]),
        place_kinds_rank=tuple(data["place_kinds_rank"]),
    )


@lru_cache(maxsize=8)
def incident_words(path: str | None = None) -> IncidentWords:
    """The packaged lists, or a user's file of the same shape (every key of it replaces the
    packaged one)."""
    data = packaged_json("incidents.json")
    if path:
        data.update(user_json(path, "incident words"))
    return _build(data)
