"""The NLU component that gives requests shaped like an acting request (bot.nlu.patterns)
their intent, with confidence 1.0, after the intent model and the fallback classifier."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.patterns import (
    ACTING,
    CYCLE_INTENTS,
    about_units_plans,
    asks_for_help,
    asks_for_own_plans,
    asks_plans_at_risk,
    asks_something,
    change_of_answer,
    cycle_request,
    follow_up_query,
    introduces_self,
    listing_by_status,
    lists_by_status_or_year,
    lists_plans,
    recognise,
    says_enough_for,
    second_opinion,
    terse_listing,
)

_PLAN_QUERY_GUESSES = frozenset(
    {"show_my_plans", "ask_faq", "inform", "nlu_fallback", "help", "greet", "faq_more", "out_of_scope", "query_plans"}
)


def asks_for_plans(guessed: Optional[str], entities: List[Dict[Text, Any]]) -> bool:
    """A guess that a question about a unit's plans may overrule: "what has Claims filed?" is no one plan."""
    return guessed in _PLAN_QUERY_GUESSES or (
        guessed == "show_plan" and not any(e.get("entity") == "plan_id" for e in entities)
    )


_SAFE_SECOND_GUESSES = frozenset({"out_of_scope", "ask_faq", "inform", "query_plans", "help"})


def _next_guess(message: Message, text: str) -> Dict[str, Any]:
    """Instead of an acting guess without the words of one: the model's next guess when it is one that only
    answers (a question, an answer, a query) or an acting one that has its words ("老板让我把明年的ML roadmap
    报上来" starts a plan, though the model's first guess was a refusal), else the fallback, which asks to
    rephrase."""
    for guess in (message.get(INTENT_RANKING_KEY) or [])[1:3]:
        name = guess.get("name")
        if name in _SAFE_SECOND_GUESSES or (
            name in ACTING and says_enough_for(name, text) and not asks_something(text)
        ):
            return {"name": name, "confidence": guess.get("confidence", 0.0)}
    return {"name": "nlu_fallback", "confidence": 1.0}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class PlanCommandRecognizer(GraphComponent):
    """Sets the intent (and `plan_id`) of messages shaped like an acting request."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PlanCommandRecognizer:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            cycle = cycle_request(text)  # "when is the deadline?", "remind the units that haven't filed"
            found = (cycle, None) if cycle else recognise(text)
            units = any(e.get("entity") == "unit" for e in message.get(ENTITIES) or [])
            guessed = (message.get(INTENT) or {}).get("name")
            doubtful = guessed in ACTING and not says_enough_for(guessed, text)
            guessed_for_queries = "nlu_fallback" if doubtful else guessed  # "which plan Quality … submit?"
            if (
                found is None
                and units
                and (
                    follow_up_query(text)
                    or lists_plans(text)
                    or (
                        about_units_plans(text)
                        and (
                            asks_for_plans(guessed_for_queries, message.get(ENTITIES) or [])
                            or (guessed == "ask_deadline" and not _DEADLINE_WORD.search(text))
                        )
                    )
                )
            ):
                found = ("query_plans", None)  # "plans from legal department", "销售部的呢？"
            unit_spans = [
                (int(e["start"]), int(e["end"]))
                for e in message.get(ENTITIES) or []
                if e.get("entity") == "unit" and e.get("start") is not None and e.get("end") is not None
            ]
            if found is None and units and terse_listing(text, unit_spans):
                found = ("query_plans", None)  # "claims. submitted."
            if found is None and not units and lists_plans(text) and lists_by_status_or_year(text):
                found = ("query_plans", None)  # "帮我拉一下2027年已经提交的计划": every unit's
            if (
                found is None
                and guessed == "show_plan"
                and not any(e.get("entity") == "plan_id" for e in message.get(ENTITIES) or [])
                and lists_by_status_or_year(text)
                and _PLANS_WORD.search(text)
            ):
                found = ("query_plans", None)  # "submitted plans 2027": plans in a state, not one plan
            if found is None and guessed not in ACTING and asks_plans_at_risk(text):
                found = ("query_plans", None)  # "哪些计划在数据这块有风险？"
            if (
                found is None
                and guessed in ("help", "greet", "nlu_fallback", "out_of_scope", "ask_faq")
                and not units
                and asks_for_own_plans(text)
            ):
                found = ("show_my_plans", None)  # "a quick snapshot of what we've got on file for FY27"
            if found is None and guessed in ("greet", "nlu_fallback", "out_of_scope") and asks_for_help(text):
                found = ("help", None)  # "hi, I am wang.fang…, what can you do?"
            if found is None and guessed == "query_plans" and introduces_self(text):
                found = ("greet", None)  # "Hi. I manage the call centre, which is Customer Support in your list."
            listed = listing_by_status(text) if found is None else None
            if listed and guessed in ACTING and not doubtful and listed[1] != "no_plan" and _NAMES_A_PLAN.search(text):
                listed = None  # an acting guess on a named plan stands, but "show me the no-plan declarations"
                # declares nothing, and "whats waiting on review for 27" reviews no plan
            if listed:  # "what's waiting for review?": the submitted plans; "anything still in draft?"
                found = (listed[0], None)
                if listed[0] == "query_plans" and not any(
                    e.get("entity") == "status" for e in message.get(ENTITIES) or []
                ):
                    message.set(
                        ENTITIES,
                        [
                            *(message.get(ENTITIES) or []),
                            {
                                "entity": "status",
                                "value": listed[1],
                                "start": 0,
                                "end": 0,
                                "confidence": 1.0,
                                "extractor": self.__class__.__name__,
                            },
                        ],
                        add_to_output=True,
                    )
            meant = second_opinion(text, guessed) if found is None else None
            if meant == "show_my_plans" and units and about_units_plans(text):
                meant = "query_plans"  # "幫我睇下 production 嗰邊明年交咗咩 ML 計畫": another unit's plans
            if meant:
                found = (meant, None)  # the model's start, read again
            edit = None if found else change_of_answer(text)
            if edit is not None:  # "把数据来源改成CRM和呼叫中心录音"
                found = ("edit_plan", None)
                message.set(
                    ENTITIES,
                    [
                        *(message.get(ENTITIES) or []),
                        {
                            "entity": "plan_field",
                            "value": edit,
                            "start": 0,
                            "end": 0,
                            "confidence": 1.0,
                            "extractor": self.__class__.__name__,
                        },
                    ],
                    add_to_output=True,
                )
            if found is None and (guessed in ACTING or guessed in CYCLE_INTENTS) and not says_enough_for(guessed, text):
                message.set(
                    INTENT, _next_guess(message, text), add_to_output=True
                )  # "help me plan a team offsite" starts nothing
            if found is None:
                continue
            intent, number = found
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != intent]
            message.set(INTENT, {"name": intent, "confidence": 1.0}, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 1.0}, *ranking], add_to_output=True)
            entities = message.get(ENTITIES) or []
            if number is not None and not any(e.get("entity") == "plan_id" for e in entities):
                entities = [
                    *entities,
                    {
                        "entity": "plan_id",
                        "value": number,
                        "start": 0,
                        "end": 0,
                        "confidence": 1.0,
                        "extractor": self.__class__.__name__,
                    },
                ]
                message.set(ENTITIES, entities, add_to_output=True)
        return messages


_PLANS_WORD = re.compile(r"\bplans\b|计划们|哪些计划|所有计划|全部计划|的计划", re.IGNORECASE)
_NAMES_A_PLAN = re.compile(
    r"(?:\bplan|#|\bno\.|\bnumber|计划|方案)\s*#?\s*\d|\d+\s*(?:号|號)|"
    r"\b(?:this|that|it|the) (?:one|plan)\b|这个|那个|这份|那份",
    re.IGNORECASE,
)
# "And the Customer Support, what they have submitted?" asks for plans, not for the deadline
_DEADLINE_WORD = re.compile(r"deadline|due|cut-?off|when|截止|期限|什么时候|哪天", re.IGNORECASE)
