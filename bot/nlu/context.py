"""Sets the reply language and the person's name in the Rasa server, before the turn's first
action, without a call to the action server (it used to be the custom slot mapping
`action_read_context`, one more HTTP round trip and directory query per message).

A policy whose `events` are applied by Rasa whichever policy wins, before the predicted
action runs (`PolicyPrediction.events`). It predicts one action only: the review, when a
reviewer decides on the plan just shown in words the intent model read as something else.
The person comes from the tracker's sender id (the channel's), never from the text.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction, SupportedData
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_EXTRACT_SLOTS, ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot import context, directory_cache, roles
from bot.dialogue import answers
from bot.directory import Identity
from bot.roles import Permission

logger = logging.getLogger(__name__)


def first_prediction_of_turn(tracker: DialogueStateTracker) -> bool:
    """True while no action has run since the latest user message (`action_extract_slots`
    is not logged by Rasa 3.6; it is skipped here in case a version logs it)."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return True
        if isinstance(event, ActionExecuted) and event.action_name != ACTION_EXTRACT_SLOTS:
            return False
    return False


def turn_events(tracker: DialogueStateTracker, identity: Identity) -> List[SlotSet]:
    """The slots this user message sets: `language` and `person_name`, where they change."""
    latest = tracker.latest_message
    message = context.Message(
        text=(latest.text if latest else None) or "",
        intent=((latest.intent if latest else None) or {}).get("name") or "",
        language_entities=list(tracker.get_latest_entity_values("language")),
        current_language=tracker.get_slot("language"),
        conversation_choice=tracker.get_slot("language_choice"),
    )
    lang = context.reply_language(message, identity)
    if context.requested_language(message) is not None:
        directory_cache.forget(tracker.sender_id)  # the action is about to store the choice
    events = []
    if lang != tracker.get_slot("language"):
        events.append(SlotSet("language", lang))
    if identity.name != tracker.get_slot("person_name"):
        events.append(SlotSet("person_name", identity.name))
    return events


def identify(sender_id: Optional[str]) -> Identity:
    try:
        return directory_cache.lookup(sender_id)
    except Exception as error:  # no database (e.g. `rasa test` without one): a stranger
        logger.warning("directory unavailable, %s treated as unknown: %s", sender_id, error)
        return Identity(person_id=sender_id or "")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class ConversationContextPolicy(Policy):
    """Reply language and person for every user message (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from bot import server_failures
        from bot.nlu import speedups

        speedups.install()
        server_failures.install()

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": 7}  # above RulePolicy's 6: its one prediction, a review, wins a tie with a rule

    @staticmethod
    def supported_data() -> SupportedData:
        return SupportedData.RULE_DATA

    def train(self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        with self._model_storage.write_to(self._resource):
            pass  # nothing to learn
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        events: List[SlotSet] = []
        predictions = self._default_predictions(domain)
        if first_prediction_of_turn(tracker):
            identity = identify(tracker.sender_id)
            events = turn_events(tracker, identity)
            if decides_on_the_plan_just_shown(tracker, identity) and REVIEW_ACTION in domain.action_names_or_texts:
                predictions[domain.index_for_action(REVIEW_ACTION)] = 1.0
        return self._prediction(predictions, events=events)


REVIEW_ACTION = "action_start_review"
_SHOWING_ACTIONS = frozenset({"action_show_plan", "action_query_plans"})


def decides_on_the_plan_just_shown(tracker: DialogueStateTracker, identity: Identity) -> bool:
    """A reviewer's decision, right after a plan was opened or listed, whatever the intent model
    read ("Thumbs up from me on this one", "这份不行，退回修改"): the review, not a lead's request."""
    latest = tracker.latest_message
    if tracker.active_loop_name or latest is None or tracker.get_slot("last_plan_id") is None:
        return False
    if (latest.intent or {}).get("name") in _REQUESTS_NAMING_THEIR_OWN_ACT:
        return False
    previous = _action_before_latest_message(tracker)
    return (
        previous in _SHOWING_ACTIONS
        and roles.can(identity, Permission.REVIEW_PLANS)
        and answers.states_a_decision(latest.text or "")
    )


# read by pattern as another request of the office: "show plan 2", "what's waiting for review?"
_REQUESTS_NAMING_THEIR_OWN_ACT = frozenset({"show_plan", "query_plans", "review_plan"})


def _action_before_latest_message(tracker: DialogueStateTracker) -> Optional[str]:
    seen_message = False
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            seen_message = True
        elif (
            seen_message
            and isinstance(event, ActionExecuted)
            and event.action_name not in (ACTION_LISTEN_NAME, ACTION_EXTRACT_SLOTS)
        ):
            return event.action_name
    return None
