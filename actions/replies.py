"""Single-turn replies that depend on nothing but the reply language."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.context import identify
from bot import messages


def say(dispatcher: CollectingDispatcher, tracker: Tracker, key: str, **values: Any) -> None:
    """Send catalogue message `key` in the reply language chosen for this turn (bot.nlu.context)."""
    dispatcher.utter_message(text=messages.text(key, tracker.get_slot("language") or "zh", **values))


class _Reply(Action, ABC):
    """action_reply_<key>: catalogue message <key>. Abstract, so that the action server
    registers only the subclasses below."""

    @property
    @abstractmethod
    def key(self) -> str:
        """The catalogue key of the reply."""

    def name(self) -> Text:
        return f"action_reply_{self.key}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        say(dispatcher, tracker, self.key)
        return []


SIMPLE_REPLIES = ("goodbye", "thank", "bot_challenge", "nothing_pending")
# Held in a module-level tuple: rasa_sdk finds actions through Action.__subclasses__(),
# which only keeps weak references, so unreferenced classes would be garbage-collected.
REPLY_ACTIONS = tuple(type(f"Reply_{key}", (_Reply,), {"key": key}) for key in SIMPLE_REPLIES)


class ActionGreet(Action):
    def name(self) -> Text:
        return "action_greet"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        identity = identify(tracker)
        if identity.known:
            say(dispatcher, tracker, "greet_known", name=identity.name)
        else:
            say(dispatcher, tracker, "greet_unknown")
        return []


class ActionHelp(Action):
    def name(self) -> Text:
        return "action_help"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        say(dispatcher, tracker, f"help_{identify(tracker).role or 'unknown'}")
        return []


class ActionCoreFallback(Action):
    """What the RulePolicy runs when no next action is predicted with confidence."""

    def name(self) -> Text:
        return "action_core_fallback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        say(dispatcher, tracker, "not_sure_what_next")
        return [UserUtteranceReverted()]
