"""Evaluation against annotated data: each module scores extraction records on one data set."""

from __future__ import annotations

from pathlib import Path

from ..errors import EvaluationError


def read_xml_root(path: str | Path, what: str = ""):
    """The root element of an annotated XML file, parsed with defusedxml as every reader
    of XML here (the file is input, not trusted); an unreadable one is an
    EvaluationError naming ``what`` and the path."""
    from defusedxml import ElementTree

    try:
        return ElementTree.parse(str(path)).getroot()
    except (OSError, ElementTree.ParseError) as exc:
        raise EvaluationError(f"cannot read {what}{path}: {exc}") from exc
