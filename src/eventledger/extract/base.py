"""Doc extension attributes and span helpers shared by every extractor.

Records are plain dicts shaped as in the CONTRACT, with character offsets into
``doc.text``. Ids are local to the Doc (``A1``, ``E1``, ``F1``, ``P1``, ``R1``, ``D1``, ``I1``);
the pipeline renumbers them when a long document is processed in parts.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

from spacy.tokens import Doc, Span

from .syntax import doc_text

# name -> default; lists are created per Doc through getters-free defaults of None.
EXTENSIONS = {
    "el_published": None,  # document date "YYYY-MM-DD" or None
    "el_outlet": None,  # outlet name or None
    # where the Doc's text starts in its document: 0, or a later part of a long document
    "el_offset": 0,
    "el_excluded": None,  # [(start, end, "heading"|"caption")]
    "el_quotes": None,  # quotations (extract.quotes.Quote), found once per Doc
    # words the text puts just before a site noun ("the Rolando cafe"), found once per Doc
    "el_site_names": None,
    "el_actors": None,
    "el_places": None,
    "el_attributions": None,
    "el_events": None,
    # the event head's probability of each trigger tag, one row per token (numpy), or None
    "el_trigger_scores": None,
    # the argument head's states of each token (numpy rows) and the head that made them
    "el_argument_states": None,
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
    """The actor one of whose mentions overlaps ``[start, end)``, best overlap first
    (the first such actor on a tie)."""
    best, best_key = None, (0, 0)
    for overlap, order, actor, _mention in mention_index(doc).overlapping(start, end):
        if overlap > best_key[0] or (overlap == best_key[0] and order < best_key[1]):
            best, best_key = actor, (overlap, order)
    return best


def mention_holding(doc: Doc, index: int) -> dict | None:
    """The first mention (in the order of the actors and of their mentions) that holds
    character ``index``."""
    found = [(order, mention, actor)
             for _overlap, order, actor, mention in mention_index(doc).overlapping(index, index + 1)]
    if not found:
        return None
    first = min(order for order, _m, _a in found)
    held = [(mention, actor) for order, mention, actor in found if order == first]
    if len(held) == 1:
        return held[0][0]
    mentions = held[0][1]["mentions"]  # two mentions of one actor: the earlier in its list
    return min((m for m, _a in held), key=lambda m: next(
        i for i, other in enumerate(mentions) if other is m))


def add_mention(doc: Doc, actor: dict, start: int, end: int) -> None:
    """Give ``actor`` a mention ``[start, end)``, its mentions kept in text order."""
    mention = span(doc_text(doc), start, end)
    index = _last_index
    if index is None or not index.is_current(doc):
        actor["mentions"].append(mention)
        actor["mentions"].sort(key=lambda m: m["start"])
        return
    # in its place, after the mentions that start where it does
    index.sort_once(actor)
    insort(actor["mentions"], mention, key=lambda m: m["start"])
    index.added(actor, mention)


class MentionIndex:
    """The actors' mentions sorted by their start, found near a range by bisection: the
    pronoun resolver looks up an actor for every source while it adds mentions, which
    grew with the square of a long document's reports when each lookup scanned them all.
    Rebuilt when the actors or their mention counts change other than by
    :func:`add_mention`."""

    def __init__(self, actors: list[dict]):
        self.actors = actors
        self.fingerprint = self._fingerprint(actors)
        self._order = {id(actor): i for i, actor in enumerate(actors)}
        entries = [(m["start"], m["end"], actor, m) for actor in actors
                   for m in actor["mentions"]]
        entries.sort(key=lambda e: e[0])
        self._starts = [e[0] for e in entries]
        self._entries = entries
        self._longest = max((e[1] - e[0] for e in entries), default=0)
        self._sorted: set[int] = set()  # actors whose mentions are in order
        # by a mention's text in lower case: each actor written so, and its first mention
        self._written: dict[str, dict[int, tuple[int, dict]]] = {}
        for _start, _end, actor, mention in entries:
            self._write(actor, mention)

    def _write(self, actor: dict, mention: dict) -> None:
        actors = self._written.setdefault(mention["text"].lower(), {})
        first = actors.get(id(actor))
        if first is None or mention["start"] < first[0]:
            actors[id(actor)] = (mention["start"], actor)

    @staticmethod
    def _fingerprint(actors: list[dict]) -> tuple:
        return tuple((id(a), id(a["mentions"]), len(a["mentions"])) for a in actors)

    def is_current(self, doc: Doc) -> bool:
        actors = doc._.el_actors
        return actors is self.actors and self._fingerprint(actors) == self.fingerprint

    def sort_once(self, actor: dict) -> None:
        """Put ``actor``'s mentions in order of their start, the first time a mention is
        added to them (later ones are inserted in their place)."""
        if id(actor) not in self._sorted:
            actor["mentions"].sort(key=lambda m: m["start"])
            self._sorted.add(id(actor))

    def added(self, actor: dict, mention: dict) -> None:
        if id(actor) not in self._order:
            self.fingerprint = None  # an actor of no list: built again at the next look-up
            return
        at = bisect_right(self._starts, mention["start"])
        self._starts.insert(at, mention["start"])
        self._entries.insert(at, (mention["start"], mention["end"], actor, mention))
        self._longest = max(self._longest, mention["end"] - mention["start"])
        self._write(actor, mention)
        self.fingerprint = self._fingerprint(self.actors)

    def written_as(self, written: str, before: int) -> list[dict]:
        """The actors with a mention before character ``before`` whose text in lower case
        is ``written``, in the order of the actors."""
        found = [(self._order[key], actor)
                 for key, (start, actor) in self._written.get(written, {}).items()
                 if start < before]
        return [actor for _order, actor in sorted(found, key=lambda f: f[0])]

    def overlapping(self, start: int, end: int):
        """``(overlap, actor's position, actor, mention)`` of the mentions that share a
        character with ``[start, end)``."""
        first = bisect_right(self._starts, start - self._longest)
        last = bisect_left(self._starts, end)
        order = self._order
        for m_start, m_end, actor, mention in self._entries[first:last]:
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0:
                yield overlap, order[id(actor)], actor, mention


# The index of the last Doc looked up, kept here rather than on the Doc (whose user data
# must stay serializable); it holds that Doc's actors, so their id cannot be reused.
_last_index: MentionIndex | None = None


def mention_index(doc: Doc) -> MentionIndex:
    """The index of ``doc``'s actor mentions, built again when they changed."""
    global _last_index
    index = _last_index
    if index is None or not index.is_current(doc):
        if doc._.el_actors is None:
            return MentionIndex([])
        index = _last_index = MentionIndex(doc._.el_actors)
    return index


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
