"""The NLU component that gives requests shaped like an acting request (bot.nlu.patterns)
their intent, with confidence 1.0, after the intent model and the fallback classifier."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.patterns import (about_units_plans, change_of_answer, cycle_request, follow_up_query, lists_plans,
                              recognise, second_opinion)


_PLAN_QUERY_GUESSES = frozenset({"show_my_plans", "ask_faq", "inform", "nlu_fallback", "help", "greet", "faq_more",
                                  "out_of_scope", "query_plans"})


def asks_for_plans(guessed: Optional[str], entities: List[Dict[Text, Any]]) -> bool:
    """A guess that a question about a unit's plans may overrule: "what has Claims filed?" is no one plan."""
    return guessed in _PLAN_QUERY_GUESSES or (
        guessed == "show_plan" and not any(e.get("entity") == "plan_id" for e in entities))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class PlanCommandRecognizer(GraphComponent):
    """Sets the intent (and `plan_id`) of messages shaped like an acting request."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "PlanCommandRecognizer":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            cycle = cycle_request(text)  # "when is the deadline?", "remind the units that haven't filed"
            found = (cycle, None) if cycle else recognise(text)
            units = any(e.get("entity") == "unit" for e in message.get(ENTITIES) or [])
            guessed = (message.get(INTENT) or {}).get("name")
            if found is None and units and (follow_up_query(text) or lists_plans(text) or (about_units_plans(text) and asks_for_plans(
                    guessed, message.get(ENTITIES) or []))):
                found = ("query_plans", None)  # "plans from legal department", "销售部的呢？"
            meant = second_opinion(text, guessed) if found is None else None
            if meant:
                found = (meant, None)  # the model's start, read again
            edit = None if found else change_of_answer(text)
            if edit is not None:  # "把数据来源改成CRM和呼叫中心录音"
                found = ("edit_plan", None)
                message.set(ENTITIES, [*(message.get(ENTITIES) or []), {
                    "entity": "plan_field", "value": edit, "start": 0, "end": 0, "confidence": 1.0,
                    "extractor": self.__class__.__name__}], add_to_output=True)
            if found is None:
                continue
            intent, number = found
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != intent]
            message.set(INTENT, {"name": intent, "confidence": 1.0}, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 1.0}, *ranking], add_to_output=True)
            entities = message.get(ENTITIES) or []
            if number is not None and not any(e.get("entity") == "plan_id" for e in entities):
                entities = [*entities, {"entity": "plan_id", "value": number, "start": 0, "end": 0,
                                        "confidence": 1.0, "extractor": self.__class__.__name__}]
                message.set(ENTITIES, entities, add_to_output=True)
        return messages
