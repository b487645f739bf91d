"""Trackers as the action server and the Rasa server see them right after a user message."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker


def make_tracker(
    sender: str,
    text: str = "",
    intent: str = "greet",
    entities: Optional[List[Dict[str, Any]]] = None,
    slots: Optional[Dict[str, Any]] = None,
    active_loop: Optional[str] = None,
) -> Tracker:
    """The action server's tracker for a request `text` read as `intent`, outside any form unless `active_loop`."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": entities or []}
    return Tracker(
        sender_id=sender,
        slots={"language": None, "person_name": None, "language_choice": None, **(slots or {})},
        latest_message=latest,
        events=[{"event": "user", "text": text, "parse_data": latest}],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def rasa_tracker(
    sender: str,
    text: str = "",
    intent: str = "greet",
    entities: Optional[List[Dict[str, Any]]] = None,
    slots: Optional[Dict[str, Any]] = None,
):
    """The Rasa server's tracker right after a user message (and `action_extract_slots`)."""
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    tracker = DialogueStateTracker.from_events(
        sender,
        [
            ActionExecuted("action_listen"),
            *[SlotSet(name, value) for name, value in (slots or {}).items()],
            UserUttered(text, {"name": intent, "confidence": 0.99}, entities or []),
            ActionExecuted("action_extract_slots"),
        ],
        slots=[_slot(name) for name in ("language", "person_name", "language_choice")],
    )
    return tracker


def _slot(name: str):
    from rasa.shared.core.slots import AnySlot

    return AnySlot(name, mappings=[{"type": "custom"}])
