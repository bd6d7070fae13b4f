"""Stories exported: JSON (everything), CSV of source rows, ACLED-style CSV per story.

- ``json``: one object per story: its summary columns, documents, outlets, independent
  sources, corroboration, and per figure category the range, the conservative figure
  and every figure with its source chain, outlet, publication date and evidence.
- ``csv``: the disagreement table: one row per figure (then per event) of every story,
  with the story id, source, chain, origin, figure, outlet, published and evidence.
- ``acled``: one row per story, ACLED-like: ``event_date`` (the first day),
  ``last_date``, ``event_type`` / ``sub_event_type`` from the story's PLOVER type,
  ``country``, ``location``, ``latitude``, ``longitude``, ``fatalities`` and
  ``injuries`` as the conservative figures (lowest reported), ``fatalities_high`` /
  ``injuries_high`` as the highest, ``n_documents``, ``corroboration`` (independent
  sources), ``sources`` (each chain with its figures, ``; ``-separated), ``outlets`` and
  ``notes`` (the first evidence sentence).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from . import ExportError, text_output
from .acled import acled_type

STORY_FORMATS = ("json", "csv", "acled")
ROW_COLUMNS = (
    "story_id", "doc_id", "item_id", "kind", "category", "figure", "low", "high", "exact",
    "part", "source", "chain", "origin", "outlet", "published", "evidence",
)
ACLED_STORY_COLUMNS = (
    "story_id", "event_date", "last_date", "event_type", "sub_event_type", "plover_type",
    "country", "location", "latitude", "longitude", "fatalities", "fatalities_high",
    "injuries", "injuries_high", "n_documents", "corroboration", "sources", "outlets",
    "notes", "doc_ids",
)


def story_dicts(tables: Iterable) -> list[dict]:
    return [table.as_dict() for table in tables]


def source_rows(tables: Iterable) -> list[dict]:
    """The ``csv`` rows: one per figure, then per event, of each story."""
    rows = []
    for table in tables:
        for row in [*table.rows, *table.events]:
            values = row.as_dict()
            rows.append({"story_id": table.story["id"],
                         **{c: values.get(c) for c in ROW_COLUMNS if c != "story_id"}})
    return rows


def acled_story_row(table) -> dict:
    story = table.story
    event_type, sub_type = acled_type(story.get("type"), None)
    killed, injured = table.figures.get("killed"), table.figures.get("injured")
    # Each source chain once, with what it reports.
    said: dict[str, list[str]] = {}
    for row in table.rows:
        said.setdefault(row.chain, []).append(f"{row.category} {row.figure}")
    for row in table.events:
        said.setdefault(row.chain, [])
    sources = "; ".join(f"{chain}: {', '.join(v)}" if v else chain
                        for chain, v in sorted(said.items()))
    first = next(iter([*table.events, *table.rows]), None)
    return {
        "story_id": story["id"], "event_date": story.get("first_date") or "",
        "last_date": story.get("last_date") or "", "event_type": event_type,
        "sub_event_type": sub_type, "plover_type": story.get("type") or "",
        "country": story.get("country") or "", "location": story.get("place") or "",
        "latitude": story.get("lat"), "longitude": story.get("lon"),
        "fatalities": (killed.conservative if killed else None) or 0,
        "fatalities_high": (killed.high if killed else None) or 0,
        "injuries": (injured.conservative if injured else None) or 0,
        "injuries_high": (injured.high if injured else None) or 0,
        "n_documents": len(table.documents), "corroboration": len(table.sources),
        "sources": sources, "outlets": "; ".join(table.outlets),
        "notes": first.evidence if first else "", "doc_ids": " ".join(table.documents),
    }


def _write_csv(rows: list[dict], columns: tuple[str, ...], output) -> int:
    with text_output(output, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow({c: "" if row.get(c) is None else row.get(c) for c in columns})
    return len(rows)


def export_stories(tables: Iterable, fmt: str, output: str | Path | IO) -> int:
    """Write story tables (:func:`eventledger.stories.table.list_stories`) as ``fmt``;
    returns how many stories (json, acled) or rows (csv) were written."""
    tables = list(tables)
    if fmt == "json":
        data = story_dicts(tables)
        with text_output(output) as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
        return len(data)
    if fmt == "csv":
        return _write_csv(source_rows(tables), ROW_COLUMNS, output)
    if fmt == "acled":
        return _write_csv([acled_story_row(t) for t in tables], ACLED_STORY_COLUMNS, output)
    raise ExportError(f"unknown story export format {fmt!r} (one of {', '.join(STORY_FORMATS)})")
