"""The ``stories`` and ``story`` commands (registered by :mod:`eventledger.cli`)."""

from __future__ import annotations

import sys

import click

from ..errors import StoreError
from ..show import shorten

_db_option = click.option(
    "--db", default=None, help="Database file or SQLAlchemy URL (default: setting 'db', "
    "env EVENTLEDGER_DB; eventledger.db)."
)


def _open_store(db: str | None):
    from ..config import load_settings
    from ..store import Store

    return Store.open(load_settings(db=db).db)


def _date(value: str | None, name: str) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint=name) from exc


def _ranges(table) -> str:
    parts = []
    for category, figures in table.figures.items():
        low, high = figures.low, figures.high
        span = "?" if low is None else (str(low) if low == high else f"{low}-{high if high is not None else ''}")
        parts.append(f"{category} {span} (min {figures.conservative}, "
                     f"{len(figures.sources)} src)")
    return "; ".join(parts)


def format_story_list(tables) -> str:
    lines = [f"{'story':8} {'dates':23} {'type':10} {'place':24} docs src  figures"]
    for table in tables:
        story = table.story
        first, last = story.get("first_date") or "?", story.get("last_date") or "?"
        dates = first if first == last else f"{first}..{last}"
        place = story.get("place") or story.get("country") or "-"
        lines.append(f"{story['id']:8} {dates:23} {story.get('type') or '-':10} "
                     f"{place[:24]:24} {len(table.documents):4} {len(table.sources):3}  "
                     f"{_ranges(table)}".rstrip())
        lines.append(f"{'':8} outlets: {', '.join(table.outlets) or '-'}; "
                     f"sources: {', '.join(table.sources) or '-'}")
    return "\n".join(lines)


def format_story(table) -> str:
    story = table.story
    lines = [
        f"story {story['id']}  {story.get('type') or ''}  "
        f"{story.get('first_date') or '?'}..{story.get('last_date') or '?'}  "
        f"{story.get('place') or story.get('country') or ''}".rstrip(),
        f"  {len(table.documents)} documents, {len(table.sources)} independent sources: "
        f"{', '.join(table.sources)}",
    ]
    for category, figures in table.figures.items():
        lines.append("")
        lines.append(f"{category}: reported {figures.low}-{figures.high if figures.high is not None else ''}"
                     f", conservative {figures.conservative}, corroborated by "
                     f"{len(figures.sources)} independent source(s)")
        lines.append(f"  {'figure':>8}  {'source':20} {'chain':40} {'outlet':18} "
                     f"{'published':10}  evidence")
        for row in figures.rows:
            lines.append(f"  {row.figure:>8}  {shorten(row.source, 20):20} "
                         f"{shorten(row.chain, 40):40} {shorten(row.outlet, 18):18} "
                         f"{row.published or '?':10}  {row.evidence}")
    if table.events:
        lines.append("")
        lines.append("events")
        for row in table.events:
            lines.append(f"  {row.category:>8}  {shorten(row.source, 20):20} "
                         f"{shorten(row.chain, 40):40} {shorten(row.outlet, 18):18} "
                         f"{row.published or '?':10}  {row.evidence}")
    return "\n".join(lines)


@click.command(name="stories")
@_db_option
@click.option("--since", default=None, help="Stories still going on or after YYYY-MM-DD.")
@click.option("--until", default=None, help="Stories begun on or before YYYY-MM-DD.")
@click.option("--type", "types", multiple=True,
              help="PLOVER type or figure category (repeatable), e.g. ASSAULT.")
@click.option("--country", default=None, help="ISO 3166-1 alpha-2 code of a member's place.")
@click.option("--source", default=None, help="Outlet or source name (substring).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "acled"]),
              default="text", show_default=True,
              help="text: the list; json, csv (source rows), acled (one row per story).")
@click.option("--rebuild", is_flag=True, help="Cluster every stored document again first.")
def stories_command(db, since, until, types, country, source, fmt, rebuild):
    """List stories: events and figures of different documents about one incident.

    Each story shows its dates, type, place, number of documents, independent sources
    and, per figure category, the range reported and the conservative (lowest) figure.

    \b
    Example:
        eventledger stories --db events.db --since 2025-01-01 --type ASSAULT --country IL
    """
    from ..export.stories import export_stories
    from .cluster import rebuild_stories
    from .table import list_stories

    with _open_store(db) as store:
        if rebuild:
            rebuild_stories(store)
        tables = list_stories(store, since=_date(since, "--since"),
                              until=_date(until, "--until"), types=list(types) or None,
                              country=country, source=source)
        if fmt == "text":
            click.echo(format_story_list(tables) if tables else "no stories")
        else:
            export_stories(tables, fmt, sys.stdout)


@click.command(name="story")
@click.argument("story_id")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the story as JSON.")
def story_command(story_id, db, as_json):
    """Show one story: every source's figures with chain, outlet, date and evidence.

    \b
    Example:
        eventledger story S000012 --db events.db
    """
    import json

    from .table import list_stories

    with _open_store(db) as store:
        tables = list_stories(store, ids=[story_id.upper()])
        if not tables:
            raise StoreError(f"no story {story_id} in {store.label} "
                             "(eventledger stories lists them)")
        if as_json:
            click.echo(json.dumps(tables[0].as_dict(), ensure_ascii=False, indent=2))
        else:
            click.echo(format_story(tables[0]))
