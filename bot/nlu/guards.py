"""An NLU guard for messages with no words in them."""
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
    ) -> "NoWordsGuard":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if not has_words(message.get(TEXT) or ""):
                message.set(INTENT, {"name": NO_WORDS_INTENT, "confidence": 1.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
                message.set("entities", [], add_to_output=True)
        return messages
