"""Who is talking and which language to reply in, decided once per user message (SPEC §2).

Decided in the Rasa server (`bot.nlu.context.ConversationContextPolicy`), before the
turn's first action, from the channel's sender id and the message; the actions read the
result from the `language` and `person_name` slots.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from bot import language
from bot.directory import Identity


@dataclass(frozen=True)
class Message:
    """What the context needs from a user message and the conversation so far."""

    text: str = ""
    intent: str = ""
    language_entities: Iterable[str] = ()
    current_language: Optional[str] = None  # the `language` slot before this message
    conversation_choice: Optional[str] = None  # `language_choice`: a stranger's explicit choice


def requested_language(message: Message) -> Optional[str]:
    """The language this message asks for ("please speak English", "能用中文吗"), if it asks.

    Only a message that names a language switches: the intent model alone, which has
    read plan titles as requests to switch, never does.
    """
    from bot.dialogue import commands

    text = message.text or ""
    named = commands.language_request(text)
    if named == commands.TOGGLE:
        return language.other(message.current_language or language.detect(text) or language.DEFAULT_LANGUAGE)
    if named:
        return named
    entity = next(iter(message.language_entities), None)
    if message.intent == "change_language" and entity in ("zh", "en") and len(text) <= 40:
        return entity
    return None


def reply_language(message: Message, identity: Identity) -> str:
    """The language of this turn's replies: a switch asked for now, an explicit choice made
    earlier (the directory's, else the conversation's), the message's own language, the
    previous one, the directory's preference."""
    wanted = requested_language(message)
    return language.reply_language(
        message.text,
        previous=message.current_language,
        explicit=(identity.lang if identity.lang_explicit else None) or message.conversation_choice,
        preferred=identity.lang,
        switch_requested=wanted is not None,
        switch_to=wanted,
    )
