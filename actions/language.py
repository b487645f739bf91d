"""Switching the reply language on request."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import requested_language
from actions.replies import say
from bot import directory, directory_cache
from bot.store.db import session_scope


class ActionChangeLanguage(Action):
    """Remember the language the Rasa server switched to this turn (bot.nlu.context):
    in the directory, or, for someone not in it, in the conversation."""

    def name(self) -> Text:
        return "action_change_language"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if requested_language(tracker) is None:  # "change the language" without naming one
            say(dispatcher, tracker, "language_which")
            return []
        wanted = tracker.get_slot("language") or "zh"
        with session_scope() as session:
            remembered = directory.remember_language(session, tracker.sender_id, wanted)
        directory_cache.forget(tracker.sender_id)
        say(dispatcher, tracker, "language_changed")
        return [] if remembered else [SlotSet("language_choice", wanted)]
