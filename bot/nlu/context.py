"""Sets the reply language and the person's name in the Rasa server, before the turn's first
action, without a call to the action server (it used to be the custom slot mapping
`action_read_context`, one more HTTP round trip and directory query per message).

A policy that never wins: it predicts nothing, and its `events` are applied by Rasa
whichever policy wins, before the predicted action runs (`PolicyPrediction.events`).
The person comes from the tracker's sender id (the channel's), never from the text.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction, SupportedData
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_EXTRACT_SLOTS
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot import context, directory_cache
from bot.directory import Identity

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
        return {"priority": 0}

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
        if first_prediction_of_turn(tracker):
            events = turn_events(tracker, identify(tracker.sender_id))
        return self._prediction(self._default_predictions(domain), events=events)
