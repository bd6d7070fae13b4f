"""Who said it and the words that say it: the source chain of an attribution and the
evidence sentence around a span. Every view (show, CSV export, story tables) uses these,
so a chain reads the same everywhere."""

from __future__ import annotations

import re

UNNAMED_SOURCE = "unnamed source"

# A sentence ends at . ! ? (and any closing quotes/brackets) before white space, or at a line end.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s|$)|\n")


def name_of(named: dict | None) -> str:
    """The canonical name of a CONTRACT ``Named``, else its text, else ""."""
    if not isinstance(named, dict):
        return ""
    return named.get("name") or named.get("text") or ""


# A location that no words about the event give carries where it comes from (CONTRACT
# ``location.from``): the document's dateline, or (a figure's) its incident's place.
FROM_DATELINE = "dateline"
FROM_INCIDENT = "incident"
# How such a place is named beside its name: a reader sees that the text did not say where.
_PLACE_FROM = {FROM_DATELINE: "from the dateline", FROM_INCIDENT: "from its incident"}


def stated(location: dict | None) -> dict | None:
    """``location`` when the text gives it, ``None`` for none or one marked ``from``."""
    return location if location and not location.get("from") else None


def place_name(places: dict[str, dict], location: dict | None) -> str | None:
    """The name of the place a record's ``location`` points to (``places`` by id), with
    where it comes from when the event's own words do not give it ("Gao (from the
    dateline)"); None without a place."""
    if not isinstance(location, dict):
        return None
    place = places.get(location.get("place"))
    if not place or not place.get("name"):
        return None
    source = _PLACE_FROM.get(location.get("from"))
    return f"{place['name']} ({source})" if source else place["name"]


def denied(item: dict, attributions: dict[str, dict]) -> bool:
    """Whether the event or figure ``item`` comes from a report its speaker denies or does
    not give ("the ministry did not confirm that 12 were killed"): a negated attribution,
    by id in ``attributions``. Such an item is nobody's claim to count or compare."""
    attribution = attributions.get(item.get("attribution"))
    return bool(attribution and attribution.get("negated"))


def source_chain(attribution: dict | None, outlet: str | None) -> str:
    """``"Channel 12 <- hospital sources (via Palestine Chronicle via Outlet)"``: the source,
    the sources it cites, then who carried it and the document's outlet. A negated report
    gives its cue after the source: ``"the ministry [did not confirm]"``. With no
    attribution, the outlet (it says so in its own voice), or ""."""
    if not attribution:
        return outlet or ""
    chain = name_of(attribution.get("source")) or UNNAMED_SOURCE
    if attribution.get("negated"):
        cue = (attribution.get("cue") or {}).get("text")
        chain += f" [{cue or 'negated'}]"
    cites = [n for n in (name_of(c) for c in attribution.get("cites") or []) if n]
    if cites:
        chain += " <- " + ", ".join(cites)
    carriers = [n for n in (name_of(c) for c in attribution.get("cited_by") or []) if n]
    if outlet and outlet not in carriers:
        carriers.append(outlet)
    if carriers:
        chain += " (" + " ".join(f"via {c}" for c in carriers) + ")"
    return chain


def evidence_sentence(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``[start, end)`` (extended to whole sentences),
    white space folded."""
    begin, finish = 0, len(text)
    for match in _SENTENCE_END.finditer(text):
        if match.end() <= start:
            begin = match.end()
        elif match.start() >= end:
            finish = match.start() if match.group() == "\n" else match.end()
            break
    return " ".join(text[begin:finish].split())
