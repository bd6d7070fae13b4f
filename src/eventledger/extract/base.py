"""Doc extension attributes and span helpers shared by every extractor.

Records are plain dicts shaped as in the CONTRACT, with character offsets into
``doc.text``. Ids are local to the Doc (``A1``, ``E1``, ``F1``, ``P1``, ``R1``, ``D1``, ``I1``);
the pipeline renumbers them when a long document is processed in parts.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .syntax import doc_text

# name -> default; lists are created per Doc through getters-free defaults of None.
EXTENSIONS = {
    "el_published": None,  # document date "YYYY-MM-DD" or None
    "el_outlet": None,  # outlet name or None
    "el_excluded": None,  # [(start, end, "heading"|"caption")]
    "el_quotes": None,  # quotations (extract.quotes.Quote), found once per Doc
    "el_actors": None,
    "el_places": None,
    "el_attributions": None,
    "el_events": None,
    # the event head's probability of each trigger tag, one row per token (numpy), or None
    "el_trigger_scores": None,
    "el_figures": None,
    "el_incidents": None,
    "el_disagreements": None,
}


def ensure_extensions() -> None:
    """Register the ``Doc._.el_*`` attributes once (idempotent)."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


ensure_extensions()


def get_list(doc: Doc, name: str) -> list:
    """The list stored in ``doc._.<name>``, created empty on first use."""
    value = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value


def span(text: str, start: int, end: int) -> dict:
    """A CONTRACT ``Span``: ``text[start:end]`` with its offsets."""
    return {"text": text[start:end], "start": start, "end": end}


def overlap_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    """|a and b| / |a or b| of two character intervals; 0.0 when they do not overlap."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared / (max(a[1], b[1]) - min(a[0], b[0])) if shared > 0 else 0.0


def span_of(obj: Span) -> dict:
    """A CONTRACT ``Span`` from a spaCy span or token."""
    start = obj.start_char if isinstance(obj, Span) else obj.idx
    end = obj.end_char if isinstance(obj, Span) else obj.idx + len(obj)
    return {"text": doc_text(obj.doc)[start:end], "start": start, "end": end}


def is_excluded(doc: Doc, start: int, end: int) -> bool:
    """True when the range lies in a heading or caption, which extraction skips."""
    for ex_start, ex_end, _kind in doc._.el_excluded or ():
        if start < ex_end and ex_start < end:
            return True
    return False


def actor_at(doc: Doc, start: int, end: int) -> dict | None:
    """The actor one of whose mentions overlaps ``[start, end)``, best overlap first."""
    best, best_overlap = None, 0
    for actor in doc._.el_actors or ():
        for mention in actor["mentions"]:
            overlap = min(end, mention["end"]) - max(start, mention["start"])
            if overlap > best_overlap:
                best, best_overlap = actor, overlap
    return best


def named(doc: Doc, start: int, end: int, *, name: str | None = None) -> dict:
    """A CONTRACT ``Named``: the span plus the resolved actor's canonical name and id."""
    result = span(doc_text(doc), start, end)
    actor = actor_at(doc, start, end)
    result["name"] = name or (actor["name"] if actor else result["text"])
    result["actor"] = actor["id"] if actor else None
    return result


def place_at(doc: Doc, start: int, end: int) -> dict | None:
    """The resolved place whose mention overlaps ``[start, end)``."""
    for place in doc._.el_places or ():
        if start < place["end"] and place["start"] < end:
            return place
    return None


def attribution_covering(doc: Doc, start: int, end: int) -> dict | None:
    """The innermost attribution whose content contains ``[start, end)``, or None
    (the outlet says it in its own voice)."""
    best = None
    for attribution in doc._.el_attributions or ():
        content = attribution["content"]
        if content["start"] <= start and end <= content["end"]:
            if best is None or content["end"] - content["start"] < (
                best["content"]["end"] - best["content"]["start"]
            ):
                best = attribution
    return best
