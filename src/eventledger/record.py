"""The extraction record: its JSON Schema and the checks every record must pass."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import jsonschema


@lru_cache(maxsize=1)
def record_schema() -> dict:
    """The project's JSON Schema of the extraction record (CONTRACT)."""
    text = resources.files("eventledger").joinpath("schema/record.schema.json").read_text("utf-8")
    return json.loads(text)


def _spans(value, path: str = ""):
    """Every ``{"text", "start", "end"}`` object inside ``value`` with its JSON path."""
    if isinstance(value, dict):
        if {"text", "start", "end"} <= value.keys() and isinstance(value["start"], int):
            yield path, value
        for key, item in value.items():
            yield from _spans(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _spans(item, f"{path}[{index}]")


def record_problems(record: dict) -> list[str]:
    """Everything wrong with ``record``: schema errors, spans whose text is not the
    document text at their offsets, and references to ids that do not exist."""
    validator = jsonschema.Draft202012Validator(record_schema())
    problems = [
        f"{'/'.join(str(p) for p in error.absolute_path) or '<root>'}: {error.message}"
        for error in validator.iter_errors(record)
    ]
    if problems:
        return problems
    text = record["document"]["text"]
    for path, item in _spans({k: v for k, v in record.items() if k != "document"}):
        if text[item["start"] : item["end"]] != item["text"]:
            problems.append(f"{path}: text {item['text']!r} is not the document text at "
                            f"{item['start']}:{item['end']}")
    ids = {name: {item["id"] for item in record.get(name) or ()} for name in
           ("attributions", "events", "figures", "places", "actors", "incidents")}

    def check(where: str, value, section: str) -> None:
        if value is not None and value not in ids[section]:
            problems.append(f"{where}: unknown {section[:-1]} id {value!r}")

    def check_named(where: str, named) -> None:
        if named:
            check(f"{where}.actor", named.get("actor"), "actors")

    for item in record["attributions"]:
        check_named(f"attributions.{item['id']}.source", item["source"])
        for other in item["cites"] + item["cited_by"]:
            check_named(f"attributions.{item['id']}.cites", other)
    for item in record["events"]:
        where = f"events.{item['id']}"
        check(f"{where}.attribution", item["attribution"], "attributions")
        for key in ("location", "origin"):
            if item.get(key):
                check(f"{where}.{key}", item[key]["place"], "places")
        check_named(f"{where}.actor", item["actor"])
        check_named(f"{where}.recipient", item["recipient"])
        check(f"{where}.incident", item.get("incident"), "incidents")
    for item in record["figures"]:
        where = f"figures.{item['id']}"
        check(f"{where}.attribution", item["attribution"], "attributions")
        check(f"{where}.event", item["event"], "events")
        if item["location"]:
            check(f"{where}.location", item["location"]["place"], "places")
        check(f"{where}.incident", item.get("incident"), "incidents")
    for item in record.get("incidents") or ():
        where = f"incidents.{item['id']}"
        if item["location"]:
            check(f"{where}.location", item["location"]["place"], "places")
        for key in ("events", "figures"):
            for member in item[key]:
                check(f"{where}.{key}", member, key)
    for item in record["disagreements"]:
        check(f"disagreements.{item['id']}.incident", item.get("incident"), "incidents")
        for figure in item["figures"]:
            check(f"disagreements.{item['id']}", figure, "figures")
    return problems
