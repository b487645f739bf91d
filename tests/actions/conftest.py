from __future__ import annotations

from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def make_tracker(
    sender: str,
    text: str = "",
    intent: str = "greet",
    entities: Optional[List[Dict[str, Any]]] = None,
    slots: Optional[Dict[str, Any]] = None,
    active_loop: Optional[str] = None,
) -> Tracker:
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


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()
