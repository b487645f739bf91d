"""Finds business units named in a message, by the directory's names and aliases in
both languages, and emits them as `unit` entities whose value is the unit key.

The directory changes at run time (`mlplan units add`), so the names are read from
the plan store and refreshed every minute instead of being trained into the model.
"""
from __future__ import annotations

import logging
import re
import time
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

logger = logging.getLogger(__name__)
REFRESH_SECONDS = 60


def find_units(text: str, names: List[Tuple[str, str]]) -> List[Dict[str, Any]]:
    """Spans of `text` that name a unit; `names` is (casefolded name, unit key), longest first."""
    folded = text.casefold()
    taken: List[Tuple[int, int]] = []
    found = []
    for name, key in names:
        pattern = re.escape(name)
        if name.isascii():
            pattern = rf"(?<![a-z0-9]){pattern}(?![a-z0-9])"
        for m in re.finditer(pattern, folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            found.append({"start": m.start(), "end": m.end(), "value": key})
    return sorted(found, key=lambda f: f["start"])


def directory_names(url: Optional[str] = None) -> List[Tuple[str, str]]:
    from sqlalchemy import select

    from bot.store.db import session_scope
    from bot.store.models import UnitAlias

    with session_scope(url) as session:
        rows = session.execute(select(UnitAlias.alias_key, UnitAlias.unit_key)).all()
    names = [(alias, key) for alias, key in rows] + [(key, key) for key in {k for _, k in rows}]
    return sorted(set(names), key=lambda pair: -len(pair[0]))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class DirectoryUnitExtractor(GraphComponent):
    def __init__(self) -> None:
        self._names: List[Tuple[str, str]] = []
        self._loaded_at = float("-inf")

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "DirectoryUnitExtractor":
        return cls()

    def _current_names(self) -> List[Tuple[str, str]]:
        if time.monotonic() - self._loaded_at > REFRESH_SECONDS:
            try:
                self._names = directory_names()
            except Exception as error:  # no database (e.g. `rasa test` without one): no unit entities
                logger.warning("unit directory unavailable, no `unit` entities: %s", error)
            self._loaded_at = time.monotonic()
        return self._names

    def process(self, messages: List[Message]) -> List[Message]:
        names = self._current_names()
        for message in messages:
            text = message.get(TEXT) or ""
            entities = [e for e in message.get(ENTITIES, []) if e.get("entity") != "unit"]
            for span in find_units(text, names):
                entities.append({"entity": "unit", "start": span["start"], "end": span["end"], "value": span["value"],
                                 "confidence": 1.0, "extractor": self.__class__.__name__})
            message.set(ENTITIES, entities, add_to_output=True)
        return messages
