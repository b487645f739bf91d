"""What the Rasa server says when a part it depends on fails: the truth, in the user's
language, instead of silence.

Rasa 3.6 answers an unreachable action server, tracker store or lock store with an empty
reply: the REST channel returns 200 and `[]`, Slack and the web chat say nothing, and a
form answer that was never saved looks as if it had been taken. Two places are wrapped
(installed by `install()` when the Rasa server loads the model, with `bot/nlu/speedups.py`):

- **A custom action fails** (every action server down, or an action server error): Rasa
  logs the action with no events and goes on. The turn now stops there with the
  catalogue's `service_unavailable` ("I could not save that; please send it again in a
  moment") and listens. The form stays at the same question, so the same answer sent
  again is read and saved then (saving an unchanged answer again changes nothing).
- **The whole message fails** (the lock store or the conversation store unreachable,
  `bot/store/tracker_store.py`): the same message instead of an empty reply. Nothing of
  the turn is stored, so the conversation is where it was when the user sends it again.

The language is the conversation's (the `language` slot), else the message's own, else
Chinese (SPEC §2's default).
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import logging
from typing import Any, List, Optional

logger = logging.getLogger(__name__)
_MARK = "_mlplan_tells_the_user"
_failed_calls: contextvars.ContextVar[Optional[List[str]]] = contextvars.ContextVar("mlplan_failed_calls", default=None)


def reply_text(lang: Optional[str]) -> str:
    from bot import messages

    return messages.text("service_unavailable", lang or "zh")


def _language(text: Optional[str], slot: Optional[str] = None) -> str:
    from bot.language import DEFAULT_LANGUAGE, detect

    return slot or detect(text) or DEFAULT_LANGUAGE


async def _tell(output_channel: Any, recipient: str, text: str) -> None:
    try:
        await output_channel.send_text_message(recipient, text)
    except Exception:  # the channel itself is gone: nothing more can be said
        logger.exception("could not tell %s that the message failed", recipient)


def _remote_run(original):
    @functools.wraps(original)
    async def run(self, *args: Any, **kwargs: Any) -> Any:
        from rasa.core.actions.action import ActionExecutionRejection

        try:
            return await original(self, *args, **kwargs)
        except ActionExecutionRejection:  # a form's normal "not for me": not a failure
            raise
        except Exception as error:
            failed = _failed_calls.get()
            if failed is not None:
                failed.append(f"{self.name()}: {error}")
            raise

    setattr(run, _MARK, True)
    return run


def _run_action(original):
    @functools.wraps(original)
    async def run_action(self, action, tracker, output_channel, nlg, prediction) -> bool:
        from rasa.shared.core.constants import ACTION_LISTEN_NAME
        from rasa.shared.core.events import ActionExecuted, BotUttered

        failed: List[str] = []
        token = _failed_calls.set(failed)
        try:
            go_on = await original(self, action, tracker, output_channel, nlg, prediction)
        finally:
            _failed_calls.reset(token)
        if not failed:
            return go_on
        logger.error(
            "action %s failed (%s): the user is told to send the message again", action.name(), "; ".join(failed)
        )
        text = reply_text(
            _language(tracker.latest_message.text if tracker.latest_message else None, tracker.get_slot("language"))
        )
        await _tell(output_channel, tracker.sender_id, text)
        tracker.update(BotUttered(text))
        tracker.update(ActionExecuted(ACTION_LISTEN_NAME))
        return False

    setattr(run_action, _MARK, True)
    return run_action


def _handle_message(original):
    @functools.wraps(original)
    async def handle_message(self, message) -> Any:
        try:
            return await original(self, message)
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("message from %s not handled: the user is told to send it again", message.sender_id)
            await _tell(message.output_channel, message.sender_id, reply_text(_language(message.text)))
            return None

    setattr(handle_message, _MARK, True)
    return handle_message


def install() -> None:
    """Idempotent."""
    from rasa.core.actions.action import RemoteAction
    from rasa.core.agent import Agent
    from rasa.core.processor import MessageProcessor

    for owner, name, wrap in (
        (RemoteAction, "run", _remote_run),
        (MessageProcessor, "_run_action", _run_action),
        (Agent, "handle_message", _handle_message),
    ):
        if not getattr(getattr(owner, name), _MARK, False):
            setattr(owner, name, wrap(getattr(owner, name)))
