"""NLU guards: messages with no words in them, and entities outside the requests they serve."""

from __future__ import annotations

import unicodedata
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

NO_WORDS_INTENT = "nlu_fallback"


def has_words(text: str) -> bool:
    return any(unicodedata.category(ch)[0] in "LN" for ch in text or "")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class NoWordsGuard(GraphComponent):
    """Emoji-only, punctuation-only and empty messages carry no intent.

    The classifiers would still pick one (often with high confidence), so this
    component overrides it with `nlu_fallback`, which asks the user to rephrase.
    """

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> NoWordsGuard:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if not has_words(message.get(TEXT) or ""):
                message.set(INTENT, {"name": NO_WORDS_INTENT, "confidence": 1.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
                message.set("entities", [], add_to_output=True)
        return messages


# Entities that only mean something for some requests: "数据" in "数据来源" is not a
# query about the data challenge, and "撤回" in "撤回计划8" is not a status filter.
ENTITY_SCOPE = {
    "status": {"query_plans"},
    "challenge": {"query_plans"},
    "plan_field": {"edit_plan"},
    "language": {"change_language"},
}


def _canonical(entity: Dict[str, Any]) -> bool:
    """Status and challenge entities carry one of their keys, or are dropped ("已" is no status)."""
    from bot.assessment import CHALLENGES
    from bot.plan_schema import STATUSES

    name, value = entity.get("entity"), entity.get("value")
    if name == "status":
        return value in STATUSES
    if name == "challenge":
        if value not in CHALLENGES:
            matched = [c for c in CHALLENGES if c in str(value or "").casefold()]
            if len(matched) != 1:
                return False
            entity["value"] = matched[0]  # "skills gaps" -> skills
    return True


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class EntityScope(GraphComponent):
    """Keeps each entity only with the intents it serves (ENTITY_SCOPE), and plan fields
    only under their canonical names."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> EntityScope:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        from bot.dialogue.commands import field_named
        from bot.plan_schema import ANSWER_FIELD_NAMES

        for message in messages:
            intent = (message.get(INTENT) or {}).get("name")
            kept = []
            for entity in message.get("entities") or []:
                scope = ENTITY_SCOPE.get(entity.get("entity"))
                if scope is not None and intent not in scope:
                    continue
                if not _canonical(entity):
                    continue
                if entity.get("entity") == "plan_field" and entity.get("value") not in ANSWER_FIELD_NAMES:
                    named = field_named(str(entity.get("value") or ""), ANSWER_FIELD_NAMES)
                    if named is None:
                        continue
                    entity = {**entity, "value": named}
                if entity not in kept:
                    kept.append(entity)
            deduplicated = {(e.get("entity"), str(e.get("value"))): e for e in kept}
            message.set("entities", list(deduplicated.values()), add_to_output=True)
        return messages
