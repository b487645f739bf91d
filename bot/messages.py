"""The message catalogue: every text the assistant sends, in `zh` and `en`."""

from __future__ import annotations

import functools
import string
from pathlib import Path
from typing import Any, Dict

import yaml

CATALOGUE = Path(__file__).with_name("messages.yml")


@functools.lru_cache(maxsize=1)
def catalogue() -> Dict[str, Dict[str, str]]:
    return yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))


def placeholders(template: str) -> set:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def text(key: str, lang: str, **values: Any) -> str:
    """The message `key` in `lang` (Chinese when the language is unknown)."""
    entry = catalogue()[key]
    template = entry.get(lang) or entry["zh"]
    return template.format_map(_Missing({k: "" if v is None else v for k, v in values.items()}))


def choice_label(field: str, value: str, lang: str) -> str:
    """An option's label, worded for its question where the catalogue has that ("一般" for data quality)."""
    specific = f"choice.{field}.{value}"
    if specific in catalogue():
        return text(specific, lang)
    return text(f"choice.{value}", lang) if f"choice.{value}" in catalogue() else str(value)  # not an option yet
