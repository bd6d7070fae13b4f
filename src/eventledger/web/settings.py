"""Settings of the web application: packaged defaults (``web/defaults.toml``), then the
``[serve]`` table of the user's config file, then ``EVENTLEDGER_SERVE_*`` environment
variables, then the ``serve`` command's options."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from ..config import SERVE_TABLE, coerce, environment_values, user_file_values
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
    sqlite_mmap_bytes: int = 1073741824
    sqlite_cache_kib: int = 65536
    worker_start_seconds: int = 120


def _coerce(values: dict, origin: str) -> dict:
    return coerce(values, origin, WebSettings, what="serve setting", positive=True)


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
    values, origin = user_file_values()
    settings = replace(settings, **_coerce(values.get(SERVE_TABLE, {}), f"{origin} [serve]"))
    env = environment_values(WebSettings, ENV_PREFIX)
    settings = replace(settings, **_coerce(env, "environment"))
    if token_file is not None:
        settings = replace(settings, token=read_token_file(token_file))
    return replace(settings, **{k: v for k, v in options.items() if v is not None})
