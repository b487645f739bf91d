"""Who is talking and in which language to answer, read on every user turn."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import directory, language
from bot.dialogue import commands
from bot.directory import Identity
from bot.store.db import session_scope


def identify(tracker: Tracker) -> Identity:
    """The directory entry for the channel's sender id, never anything the user typed."""
    with session_scope() as session:
        return directory.lookup(session, tracker.sender_id)


def latest_intent(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def requested_language(tracker: Tracker) -> Optional[str]:
    """The language this message asks for ("please speak English", "能用中文吗"), if it asks.

    Only a message that names a language switches: the intent model alone, which has
    read plan titles as requests to switch, never does.
    """
    text = tracker.latest_message.get("text") or ""
    named = commands.language_request(text)
    if named == commands.TOGGLE:
        return language.other(tracker.get_slot("language") or language.detect(text) or language.DEFAULT_LANGUAGE)
    if named:
        return named
    entity = next(tracker.get_latest_entity_values("language"), None)
    if latest_intent(tracker) == "change_language" and entity in ("zh", "en") and len(text) <= 40:
        return entity
    return None


class ActionReadContext(Action):
    """Custom slot mapping run by `action_extract_slots` after every user message.

    It runs before the policies predict, so every response of the turn is
    rendered in the language chosen here.
    """

    def name(self) -> Text:
        return "action_read_context"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        identity = identify(tracker)
        wanted = requested_language(tracker)
        lang = language.reply_language(
            tracker.latest_message.get("text"),
            previous=tracker.get_slot("language"),
            explicit=(identity.lang if identity.lang_explicit else None) or tracker.get_slot("language_choice"),
            preferred=identity.lang,
            switch_requested=wanted is not None,
            switch_to=wanted,
        )
        events = [SlotSet("language", lang)]
        if identity.name != tracker.get_slot("person_name"):
            events.append(SlotSet("person_name", identity.name))
        return events
