"""Who is talking and the language this message asks for, as the actions see them.

The reply language and `person_name` are set in the Rasa server before the turn's first
action (`bot.nlu.context`); the actions read the `language` slot.
"""

from __future__ import annotations

from typing import Optional

from rasa_sdk import Tracker

from bot import context, directory_cache
from bot.directory import Identity


def identify(tracker: Tracker) -> Identity:
    """The directory entry for the channel's sender id, never anything the user typed."""
    return directory_cache.lookup(tracker.sender_id)


def latest_intent(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def requested_language(tracker: Tracker) -> Optional[str]:
    """The language this message asks for, if it asks (`bot.context.requested_language`)."""
    return context.requested_language(
        context.Message(
            text=tracker.latest_message.get("text") or "",
            intent=latest_intent(tracker),
            language_entities=list(tracker.get_latest_entity_values("language")),
            current_language=tracker.get_slot("language"),
        )
    )
