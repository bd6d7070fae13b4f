"""Web pages: the article's main text and metadata, by trafilatura."""

from __future__ import annotations

import logging
import re

from ..document import Document
from .encoding import InputProblem, decode_bytes, normalise_line_ends
from .text import iso_day

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
# Only dates the page states about itself: htmldate's "extensive search" reads any date
# in the page, and takes "Copyright 2024" for 2024-01-01.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def declared_charset(data: bytes) -> str | None:
    """The charset a page's ``<meta>`` declares in its opening bytes, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def read_html(data: bytes, *, source: str, path: str | None) -> Document:
    """The page's main text (paragraphs and headings one per line), title, date,
    site name (as outlet) and canonical URL. Navigation, asides and footers are left out."""
    import trafilatura  # late: a heavy import that only HTML input needs

    page = decode_bytes(data, declared=declared_charset(data))
    extracted = None
    # The default settings drop very short pages; favouring recall then still finds
    # the text of a page that has little of it.
    for favor_recall in (False, True):
        extracted = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=favor_recall,
            date_extraction_params=_DATE_PARAMS,
        )
        if extracted is not None and (extracted.text or "").strip():
            break
    if extracted is None or not (extracted.text or "").strip():
        raise InputProblem("no article text found in HTML")
    return Document(
        text=normalise_line_ends(extracted.text).strip(),
        path=path,
        url=extracted.url or None,
        outlet=extracted.sitename or None,
        published=iso_day(extracted.date) if extracted.date else None,
        title=extracted.title or None,
        source=source,
    )
