"""Which language a text is in (py3langid): eventledger reads English only.

A text is refused only when the classifier is clearly against English: its best language
is another one AND English scores far behind it. Short English headlines full of place
names ("Ashdod and Ashkelon sirens") otherwise come out as Bikol or Malay.
"""

from __future__ import annotations

from functools import lru_cache

SUPPORTED = "en"
# Below this many characters the guess is noise: such texts are taken as English.
MIN_CHARS = 20
# How far (log-probability) English may trail the best language and still be given the
# benefit of the doubt. Real German or French trails English by ~50 for one sentence and
# by hundreds for a paragraph; misread English headlines trail by ~5.
MARGIN = 20.0
# The classifier reads this much of a long text; the opening says enough.
_SAMPLE_CHARS = 3000


@lru_cache(maxsize=1)
def _rank():
    # Imported late: loading the model takes a moment, and not every caller needs it.
    import py3langid

    return py3langid.rank


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language; ``"en"`` when the text is too short to
    judge or English is a close enough second."""
    sample = text.strip()[:_SAMPLE_CHARS]
    if len(sample) < MIN_CHARS:
        return SUPPORTED
    ranking = _rank()(sample)
    best, best_score = ranking[0]
    if best == SUPPORTED:
        return SUPPORTED
    english = dict(ranking).get(SUPPORTED)
    if english is not None and best_score - english < MARGIN:
        return SUPPORTED
    return best


def unsupported_language(text: str) -> str | None:
    """The message for a text that is not English, or None when it is."""
    language = detect_language(text)
    if language == SUPPORTED:
        return None
    return f"language {language!r} is not supported (English only): skipped"
