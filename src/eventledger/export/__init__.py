"""Exporters: extraction records to CSV, JSON, JSON lines, GeoJSON and Parquet.

Exporters take records (filtering is :meth:`eventledger.store.Store.iter_records`'s job)
and write them to a path or an open file; :func:`export_records` returns how many rows
(csv, parquet), records (json, jsonl) or features (geojson) it wrote.

- ``json``: one JSON array of whole records, indented, non-ASCII kept.
- ``jsonl``: one record per line.
- ``csv``: ACLED-style rows, see :mod:`eventledger.export.acled` (events that did not
  happen are left out; figures linked to no event are rows of their own).
- ``parquet``: the same ACLED-style rows, typed (``year``, ``geo_precision``,
  ``fatalities``, ``injuries`` integers; ``latitude``/``longitude`` floats), plus
  ``item_json``: the JSON of the event or figure the row comes from.
- ``geojson``: a FeatureCollection with one Point per event and per figure that has a
  place (coordinates ``[lon, lat]``), a figure with its ``unit``. Every event is there,
  with ``negated`` and ``hypothetical`` in its properties, so that a map can leave them
  out; events and figures carry their ``incident`` and figures ``cumulative``.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ..errors import EventledgerError
from ..provenance import source_chain
from ..units import unit_of
from .acled import ACLED_COLUMNS, acled_items, acled_rows, item_place, load_type_table

log = logging.getLogger(__name__)

FORMATS = ("csv", "json", "jsonl", "geojson", "parquet")
# Parquet rows are written in row groups of this many rows.
_PARQUET_BATCH = 5000


class ExportError(EventledgerError):
    code = "E500"


@contextmanager
def text_output(output: str | Path | IO, *, newline: str | None = None) -> Iterator[IO]:
    if isinstance(output, str | Path):
        try:
            handle = open(output, "w", encoding="utf-8", newline=newline)
        except OSError as exc:
            raise ExportError(f"cannot write {output}: {exc}") from exc
        with handle:
            yield handle
    else:
        yield output


def _write_json(records: Iterable[dict], output) -> int:
    count = 0
    with text_output(output) as handle:
        handle.write("[")
        for record in records:
            handle.write(",\n" if count else "\n")
            handle.write(json.dumps(record, ensure_ascii=False, indent=2))
            count += 1
        handle.write("\n]\n" if count else "]\n")
    return count


def _write_jsonl(records: Iterable[dict], output) -> int:
    count = 0
    with text_output(output) as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_csv(records: Iterable[dict], output, table=None) -> int:
    count = 0
    with text_output(output, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for record in records:
            for row in acled_rows(record, table=table):
                writer.writerow(row)
                count += 1
    return count


def geojson_features(record: dict) -> list[dict]:
    """The GeoJSON Point features of one record: its events and figures with a place."""
    document = record.get("document") or {}
    outlet = document.get("outlet")
    attributions = {a.get("id"): a for a in record.get("attributions") or []}
    features = []

    place_of = item_place(record)

    def feature(item: dict, kind: str, properties: dict) -> dict | None:
        place = place_of(item)
        if not place or place.get("lat") is None or place.get("lon") is None:
            return None
        return {
            "type": "Feature",
            "id": f"{document.get('id')}-{item.get('id')}",
            "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
            "properties": {
                "doc_id": document.get("id"), "id": item.get("id"), "kind": kind,
                **properties,
                "trigger": (item.get("trigger") or {}).get("text"),
                "source": source_chain(attributions.get(item.get("attribution")), outlet),
                "place": place.get("name"), "place_id": place.get("id"),
                "country": place.get("country"),
                "url": document.get("url"), "outlet": outlet,
            },
        }

    for event in record.get("events") or []:
        found = feature(event, "event", {
            "type": event.get("type"), "mode": event.get("mode"),
            "date": event.get("date") or document.get("published"),
            "negated": bool(event.get("negated")),
            "hypothetical": bool(event.get("hypothetical")),
            "incident": event.get("incident"),
        })
        if found:
            features.append(found)
    for fig in record.get("figures") or []:
        count = fig.get("count") or {}
        found = feature(fig, "figure", {
            "category": fig.get("category"), "count": count.get("text"),
            "low": count.get("low"), "high": count.get("high"), "exact": count.get("exact"),
            "unit": unit_of(fig), "event": fig.get("event"), "date": document.get("published"),
            "incident": fig.get("incident"), "cumulative": bool(fig.get("cumulative")),
        })
        if found:
            features.append(found)
    return features


def _write_geojson(records: Iterable[dict], output) -> int:
    features = [f for record in records for f in geojson_features(record)]
    with text_output(output) as handle:
        json.dump({"type": "FeatureCollection", "features": features}, handle,
                  ensure_ascii=False, indent=2)
        handle.write("\n")
    return len(features)


def _parquet_schema():
    import pyarrow as pa

    types = {
        "year": pa.int32(), "geo_precision": pa.int8(), "fatalities": pa.int64(),
        "injuries": pa.int64(), "latitude": pa.float64(), "longitude": pa.float64(),
    }
    fields = [pa.field(c, types.get(c, pa.string())) for c in ACLED_COLUMNS]
    return pa.schema([*fields, pa.field("item_json", pa.string())])


def _write_parquet(records: Iterable[dict], output, table=None) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    if not isinstance(output, str | Path):
        # A text stream (sys.stdout) carries its bytes in .buffer.
        output = getattr(output, "buffer", output)
    try:
        writer = pq.ParquetWriter(output, schema)
    except (OSError, TypeError) as exc:
        raise ExportError(f"cannot write parquet to {output}: {exc}") from exc
    count = 0
    batch: list[dict] = []

    def flush() -> None:
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            batch.clear()

    with writer:
        for record in records:
            for row, item in acled_items(record, table=table):
                batch.append({**row, "item_json": json.dumps(item, ensure_ascii=False)})
                count += 1
                if len(batch) >= _PARQUET_BATCH:
                    flush()
        flush()
        if count == 0:  # an empty file still has its schema
            writer.write_table(schema.empty_table())
    return count


_WRITERS = {
    "csv": _write_csv,
    "json": _write_json,
    "jsonl": _write_jsonl,
    "geojson": _write_geojson,
    "parquet": _write_parquet,
}


def export_records(
    records: Iterable[dict],
    fmt: str,
    output: str | Path | IO,
    *,
    type_table: str | Path | None = None,
) -> int:
    """Write ``records`` as ``fmt`` (one of :data:`FORMATS`) to ``output`` (a path or an
    open file: text for every format but parquet, which wants a path or a binary file).
    ``type_table``: a CSV file of PLOVER -> ACLED rows laid over the packaged table
    (csv and parquet). Returns the rows, records or features written."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in ("csv", "parquet"):
        count = writer(records, output, load_type_table(type_table) if type_table else None)
    else:
        count = writer(records, output)
    log.info("exported %d %s item(s)", count, fmt)
    return count


__all__ = ["ACLED_COLUMNS", "FORMATS", "ExportError", "acled_rows", "export_records",
           "geojson_features"]
