"""One Settings object: packaged defaults < user file < LETOPIS_* environment < CLI flags.

The user file is TOML (`$LETOPIS_CONFIG`, else `~/.config/letopis/settings.toml`) and overrides
only the keys it sets. Every setting carries its help text; README.md lists them all (a test checks).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["Settings", "load_settings", "describe", "user_file"]


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    db: str = _setting(
        "letopis.db", "Store: a SQLite file path, sqlite:///path or postgresql://user@host/db."
    )
    max_document_bytes: int = _setting(
        10_000_000,
        "Largest input of one document in bytes (a .txt file, a JSONL line); larger ones are quarantined.",
    )
    max_chars: int = _setting(5_000_000, "Largest document in characters that the pipeline accepts.")
    events: bool = _setting(True, "Run event extraction (false: clean text and entities only).")
    top_actors: int = _setting(10, "How many of the most frequent actors the `process` summary lists.")
    payload_bytes: int = _setting(
        65_536, "Rejected records up to this size are kept in the quarantine table, to inspect or retry."
    )
    host: str = _setting("127.0.0.1", "Address `letopis serve` listens on.")
    port: int = _setting(8000, "Port `letopis serve` listens on.")


def describe() -> list[tuple[str, Any, str]]:
    """(name, default, help) of every setting, for docs and `--help`."""
    return [(item.name, item.default, item.metadata.get("help", "")) for item in fields(Settings)]


def user_file(environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    if environ.get("LETOPIS_CONFIG"):
        return Path(environ["LETOPIS_CONFIG"])
    base = Path(environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "letopis" / "settings.toml"


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    config_file: Path | None = None,
) -> Settings:
    """Settings from every layer; `overrides` (CLI flags) that are None are left out."""
    environ = os.environ if environ is None else environ
    settings = Settings()
    path = config_file or user_file(environ)
    if path.is_file():
        try:
            values = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ConfigError(f"settings file is not valid TOML: {error}", str(path)) from None
        settings = _apply(settings, values, str(path))
    from_env = {
        item.name: environ[f"LETOPIS_{item.name.upper()}"]
        for item in fields(Settings)
        if f"LETOPIS_{item.name.upper()}" in environ
    }
    settings = _apply(settings, from_env, "environment")
    return _apply(settings, {k: v for k, v in (overrides or {}).items() if v is not None}, "command line")


def _apply(settings: Settings, values: Mapping[str, Any], where: str) -> Settings:
    types = {item.name: type(item.default) for item in fields(Settings)}
    changes = {}
    for name, value in values.items():
        if name not in types:
            raise ConfigError(f"unknown setting '{name}' (known: {', '.join(types)})", where)
        changes[name] = _coerce(name, value, types[name], where)
    return replace(settings, **changes)


def _coerce(name: str, value: Any, kind: type, where: str) -> Any:
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    text = str(value).strip().lower()
    if kind is bool and text in ("1", "true", "yes", "on", "0", "false", "no", "off"):
        return text in ("1", "true", "yes", "on")
    if kind is int:
        try:
            return int(str(value).replace("_", ""))
        except ValueError:
            pass
    if kind is str and isinstance(value, str | int | float):
        return str(value)
    raise ConfigError(f"setting '{name}' must be {kind.__name__}, not {value!r}", where)
