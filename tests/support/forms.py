"""Running a form's validation action the way Rasa calls it: the user's message has just
filled the requested slot, and the action's `run()` decides what it is."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

ROOT = Path(__file__).resolve().parents[2]
DOMAIN: Dict[str, Any] = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def message(
    text: str, intent: str = "inform", confidence: float = 0.95, entities: Optional[List[Dict[str, Any]]] = None
) -> Dict[str, Any]:
    return {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": entities or []}


def form_tracker(
    sender: str,
    text: str,
    *,
    form: str,
    asked: str,
    slots: Optional[Dict[str, Any]] = None,
    intent: str = "inform",
    confidence: float = 0.95,
    entities: Optional[List[Dict[str, Any]]] = None,
) -> Tracker:
    """The tracker a form's validation receives after `text` was said while `asked` was pending."""
    latest = message(text, intent, confidence, entities)
    all_slots = {
        "language": "zh",
        "person_name": None,
        "language_choice": None,
        **(slots or {}),
        "requested_slot": asked,
        asked: text,
    }
    events = [
        {"event": "user", "text": text, "parse_data": latest},
        {"event": "slot", "name": "requested_slot", "value": asked},
        {"event": "action", "name": form},
        {"event": "slot", "name": asked, "value": text},
    ]
    return Tracker(
        sender_id=sender,
        slots=all_slots,
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": form},
        latest_action_name=form,
    )


def activation_tracker(sender: str, *, form: str, slots: Dict[str, Any]) -> Tracker:
    """The tracker a form's validation receives when the form starts with slots already filled."""
    events = [{"event": "action", "name": form}] + [{"event": "slot", "name": k, "value": v} for k, v in slots.items()]
    return Tracker(
        sender_id=sender,
        slots={"language": "zh", **slots, "requested_slot": None},
        latest_message=message("继续我的计划", "resume_plan"),
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": form},
        latest_action_name=form,
    )


def run(action: Action, tracker: Tracker, dispatcher: CollectingDispatcher) -> List[Dict[str, Any]]:
    result = action.run(dispatcher, tracker, DOMAIN)
    return asyncio.run(result) if asyncio.iscoroutine(result) else result


def slots_of(events: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def followup(events: List[Dict[str, Any]]) -> Optional[str]:
    """The action handed over to, or None when the bot waits for the user."""
    name = next((e["name"] for e in events if e["event"] == "followup"), None)
    return None if name == "action_listen" else name


def settled(events: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The events without the closing wait for the user."""
    return [e for e in events if not (e["event"] == "followup" and e["name"] == "action_listen")]


def texts(dispatcher: CollectingDispatcher) -> List[str]:
    return [m["text"] for m in dispatcher.messages]
