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

from bot.dialogue.words import simplify

logger = logging.getLogger(__name__)
REFRESH_SECONDS = 60


# Unit names that are everyday English words ("IT", "Risk", "Quality", "People") are only
# taken as units when written as the directory writes them (not at the start of a
# sentence), or when the words around them say a unit is meant ("the quality team",
# "plans from legal", "risk's plans").
_UNIT_AFTER = (
    r"(?:\s*(?:'s|’s)|\s+(?:team|teams|department|dept|unit|division|group|office|org|function|plans?|lead|"
    r"head|people|folks|side|submitted|filed|sent|has|have|did|asked|wants))\b"
)
_UNIT_BEFORE = r"\b(?:from|for|of|by|in the|the|our|their|has|have|did|what about|how about|and)\s+$"


def ambiguous(name: str) -> bool:
    """An ASCII unit name that is also an everyday English word."""
    from bot.spelling import COMMON_WORD_COUNT, english_frequency

    return (
        name.isascii()
        and all(english_frequency()[w] >= COMMON_WORD_COUNT for w in re.findall(r"[a-z]+", name.casefold()))
        and len(re.findall(r"[a-z]+", name.casefold())) == 1
    )


def _in_unit_context(text: str, start: int, end: int, written: str) -> bool:
    if text[start:end] == written and start > 0 and not re.search(r"[.!?。！？]\s*$", text[:start]):
        return True  # "submitted plans from IT", "Risk needs to …" mid-sentence as the directory writes it
    from bot.nlu.patterns import terse_listing

    return bool(
        re.match(_UNIT_AFTER, text[end:], re.IGNORECASE)
        or re.search(_UNIT_BEFORE, text[:start], re.IGNORECASE)
        or terse_listing(text, [(start, end)])  # "claims. submitted."
    )


# "我是规划办的欧阳倩", "I'm Priya from Finance,": a self-introduction names no unit the message is about
_INTRODUCTION = re.compile(
    r"我是(?P<zh>[^，,。.!！?？]{1,12}?)的|"
    r"\b(?:i'?m|i am|this is)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:from|in|at)\s+(?P<en>(?:the\s+)?[a-z&' -]{2,30}?)"
    r"(?=\s*[,.!;]|\s+(?:team|department|here|and)\b)"
)


def find_units(text: str, names: List[Tuple[str, str, str]]) -> List[Dict[str, Any]]:
    """Spans of `text` that name a unit; `names` is (casefolded name, unit key, name as written), longest first."""
    folded = simplify(text.casefold())
    taken: List[Tuple[int, int]] = [
        m.span("zh" if m.group("zh") else "en")  # the speaker's own unit
        for m in _INTRODUCTION.finditer(folded)
    ]
    found = []
    for name, key, written in names:
        pattern = re.escape(name)
        if name.isascii():
            pattern = rf"(?<![a-z0-9]){pattern}(?![a-z0-9])"
        for m in re.finditer(pattern, folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if ambiguous(name) and not _in_unit_context(text, m.start(), m.end(), written):
                continue
            taken.append(m.span())
            found.append({"start": m.start(), "end": m.end(), "value": key})
    return sorted(found, key=lambda f: f["start"])


def directory_names(url: Optional[str] = None) -> List[Tuple[str, str, str]]:
    from sqlalchemy import select

    from bot.store.db import session_scope
    from bot.store.models import UnitAlias

    with session_scope(url) as session:
        rows = session.execute(select(UnitAlias.alias_key, UnitAlias.unit_key, UnitAlias.alias)).all()
    names = [(alias_key, key, alias) for alias_key, key, alias in rows]
    names += [(key, key, key) for key in {k for _, k, _ in rows} if not ambiguous(key)]
    names += head_words(names)
    return sorted(set(names), key=lambda triple: -len(triple[0]))


def head_words(names: List[Tuple[str, str, str]]) -> List[Tuple[str, str, str]]:
    """The first word of a many-word English name, when only one unit's names start with it and no unit
    is called by it already ("Warehousing" for "Warehousing and Logistics")."""
    taken = {name for name, _, _ in names}
    heads: Dict[str, set] = {}
    written: Dict[str, str] = {}
    for name, key, alias in names:
        words = name.split()
        if name.isascii() and len(words) > 1 and len(words[0]) >= 5 and words[0].isalpha():
            heads.setdefault(words[0], set()).add(key)
            written.setdefault(words[0], alias.split()[0])
    return [(head, keys.pop(), written[head]) for head, keys in heads.items() if len(keys) == 1 and head not in taken]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class DirectoryUnitExtractor(GraphComponent):
    def __init__(self) -> None:
        self._names: List[Tuple[str, str, str]] = []
        self._loaded_at = float("-inf")

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DirectoryUnitExtractor:
        return cls()

    def _current_names(self) -> List[Tuple[str, str, str]]:
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
                entities.append(
                    {
                        "entity": "unit",
                        "start": span["start"],
                        "end": span["end"],
                        "value": span["value"],
                        "confidence": 1.0,
                        "extractor": self.__class__.__name__,
                    }
                )
            message.set(ENTITIES, entities, add_to_output=True)
        return messages
