"""The actions' shared helpers (the reply language, slots, entities, catalogue text and
buttons, the turn being handled) and the single-turn replies that need nothing more."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.context import identify
from bot import messages, roles
from bot.dialogue import prompts
from bot.dialogue.reader import Heard
from bot.nlu.patterns import names_a_plan_to_file
from bot.roles import Permission

# --- shared helpers -------------------------------------------------------------------------------


def lang_of(tracker: Tracker) -> str:
    """The reply language chosen for this turn (bot.nlu.context)."""
    return tracker.get_slot("language") or "zh"


def heard(tracker: Tracker) -> Heard:
    """The latest message as the readers take it: text, intent, confidence and entities."""
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    entities: Dict[str, List[Any]] = {}
    for found in message.get("entities") or []:
        entities.setdefault(found.get("entity"), []).append(found.get("value"))
    return Heard(
        text=message.get("text") or "",
        intent=intent.get("name"),
        confidence=intent.get("confidence") or 0.0,
        entities=entities,
    )


def int_slot(tracker: Tracker, name: str) -> Optional[int]:
    value = tracker.get_slot(name)
    return None if value is None else int(value)


def entity(tracker: Tracker, name: str) -> Any:
    """The first value of entity `name` in the latest message, or None."""
    return next(tracker.get_latest_entity_values(name), None)


def say(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    key: str,
    buttons: Optional[Sequence[prompts.Button]] = None,
    **values: Any,
) -> None:
    """Send catalogue message `key` in the reply language, with `buttons`."""
    dispatcher.utter_message(text=messages.text(key, lang_of(tracker), **values), buttons=list(buttons or []))


def utter(dispatcher: CollectingDispatcher, texts: Sequence[str]) -> None:
    """Send texts already worded (bot/plan_text.py, bot/cycle_text.py), one message each."""
    for text in texts:
        dispatcher.utter_message(text=text, buttons=[])


def button(key: str, lang: str, payload: str, **values: Any) -> prompts.Button:
    """A button titled with catalogue message `key`."""
    return prompts.button(messages.text(key, lang, **values), payload)


@dataclass
class Turn:
    """The message being handled, with where to send replies."""

    dispatcher: CollectingDispatcher
    tracker: Tracker

    @property
    def lang(self) -> str:
        return lang_of(self.tracker)

    def say(self, key: str, buttons: Optional[Sequence[prompts.Button]] = None, **values: Any) -> None:
        say(self.dispatcher, self.tracker, key, buttons, **values)


# --- replies ------------------------------------------------------------------------------------


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


SIMPLE_REPLIES = ("goodbye", "thank", "bot_challenge")
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
        text = tracker.latest_message.get("text") or ""
        if names_a_plan_to_file(text) and roles.can(identity, Permission.FILE_PLAN):
            return [FollowupAction("action_start_plan")]  # "Yeah hi, Sales here, gotta knock out our ML plan for '27"
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
