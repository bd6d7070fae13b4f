"""Settings of the web application: packaged defaults (``web/defaults.toml``), then
``EVENTLEDGER_SERVE_*`` environment variables, then the ``serve`` command's options."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path

from ..errors import ConfigError

ENV_PREFIX = "EVENTLEDGER_SERVE_"


@dataclass(frozen=True)
class WebSettings:
    token: str = ""
    max_body_bytes: int = 2000000
    page_size: int = 50
    max_limit: int = 500
    map_limit: int = 5000
    actor_rows: int = 200
    cache_entries: int = 256


def _coerce(values: dict, origin: str) -> dict:
    known = {f.name: f.type for f in fields(WebSettings)}
    result = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"{origin}: unknown serve setting {key!r}")
        if known[key] == "int":
            try:
                value = int(value)
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"{origin}: {key} must be a whole number") from exc
            if value <= 0:
                raise ConfigError(f"{origin}: {key} must be above zero")
        result[key] = str(value) if known[key] == "str" else value
    return result


def read_token_file(path: str | Path) -> str:
    """The token in ``path`` (surrounding white space dropped); an empty file is an error."""
    try:
        token = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read token file {path}: {exc}") from exc
    if not token:
        raise ConfigError(f"token file {path} is empty")
    return token


def load_web_settings(*, token_file: str | Path | None = None, **options) -> WebSettings:
    """Defaults, then the environment, then ``token_file`` and ``options`` (None skipped)."""
    packaged = resources.files("eventledger.web").joinpath("defaults.toml").read_text("utf-8")
    settings = WebSettings(**_coerce(tomllib.loads(packaged), "web/defaults.toml"))
    env = {
        f.name: os.environ[ENV_PREFIX + f.name.upper()]
        for f in fields(WebSettings)
        if ENV_PREFIX + f.name.upper() in os.environ
    }
    settings = replace(settings, **_coerce(env, "environment"))
    if token_file is not None:
        settings = replace(settings, token=read_token_file(token_file))
    return replace(settings, **{k: v for k, v in options.items() if v is not None})
