"""Packaged data files and the user files laid on top of them.

Lexicons and tables live as JSON under ``src/eventledger/data/``; every component that
reads one also takes a user's file of the same shape. Both are read here, so that a
missing or malformed user file gives the same one-line error everywhere.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


def packaged_json(name: str) -> Any:
    """A fresh parse of ``data/<name>`` (callers may change what they get)."""
    return json.loads(resources.files("eventledger").joinpath("data", name).read_text("utf-8"))


def user_json(path: str | Path, what: str) -> Any:
    """The user's JSON file ``path``; ``what`` names it in the error ("cues", "actors")."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read {what} file {path}: {exc}") from exc
