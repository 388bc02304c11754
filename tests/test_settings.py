"""Settings: layered defaults < user file < environment < flags, and every one documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from letopis.errors import ConfigError
from letopis.settings import Settings, describe, load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_settings_are_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, _default, help_text in describe():
        assert help_text, f"setting {name} has no help text"
        assert f"`{name}`" in readme, f"setting {name} is missing from README.md"


def test_layers_override_in_order(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('db = "from-file.db"\ntop_actors = 3\nevents = false\n', encoding="utf-8")
    environ = {"LETOPIS_CONFIG": str(config), "LETOPIS_TOP_ACTORS": "5"}
    settings = load_settings(environ=environ)
    assert (settings.db, settings.top_actors, settings.events) == ("from-file.db", 5, False)
    flagged = load_settings({"db": "flag.db", "top_actors": None}, environ=environ)
    assert (flagged.db, flagged.top_actors) == ("flag.db", 5)
    assert load_settings(environ={}, config_file=tmp_path / "none.toml") == Settings()


def test_bad_values_name_their_source(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="environment"):
        load_settings(environ={"LETOPIS_MAX_DOCUMENT_BYTES": "lots"})
    config = tmp_path / "settings.toml"
    config.write_text('colour = "red"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_settings(environ={"LETOPIS_CONFIG": str(config)})
