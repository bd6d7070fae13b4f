"""Incidents: the mentions and figures of one document that tell of the same happening.

An article tells of one attack in many words: "Gunmen attacked a market in Bunia", "the
attack", "12 people were killed", "hospital sources said at least 19 died". The
``eventledger_incidents`` component, run after events and figures, groups them:

- events of an incident type (``incident_types`` of ``data/incidents.json``: ASSAULT and
  COERCE are one family, PROTEST another) that are neither negated, hypothetical nor
  generic join an incident of their family when nothing tells them apart: a definite
  reference ("the attack", "this blast") joins the last incident told; another place (not
  the same place, not a country holding the other, not within ``near_km``, or
  ``region_km`` of a region) or a date more than ``max_days_apart`` days away starts a new
  one (the publication date, which an event without a date of its own gets, tells
  nothing);
- a figure joins its event's incident; else, with a place of its own, an incident at that
  place; else an event's incident in its sentence; else the incident told before it when
  only one is (with several, it is an incident of its own). The place of a speaker or source ("an official in Kabul said 126
  were killed") is never the figure's: only a place inside the reported words counts.
  a figure the text gives no place (or only a speaker's) takes its incident's
  ``location``, marked ``{"place": ..., "from": "incident"}``;
- a toll over a period or over many incidents ("28,000 killed since 2014", "this year",
  "last month's attack"; ``cumulative_patterns``) gets ``cumulative: true`` and no
  incident, so it joins no incident's table or disagreement; an event whose every figure
  is such a toll ("bandits have killed hundreds this year") joins none either.

Every incident has ``id`` (``I1``...), ``type``, ``location``, ``date``,
``date_precision``, ``events`` and ``figures`` (ids); events and figures point back with
``incident``. Disagreements are then the figures of one incident and category whose
counts differ between sources (:mod:`.disagreements`).
"""

from .component import IncidentsExtractor, make_incidents
from .cumulative import cumulative_clause
from .grouping import IncidentBuilder

__all__ = ["IncidentBuilder", "IncidentsExtractor", "cumulative_clause", "make_incidents"]
