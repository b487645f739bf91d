"""Rasa's Slack connector with what a production workspace needs:

- the signing secret is required and checked (Rasa's own check, 5-minute window);
- Slack's retries and replayed deliveries are answered once: each event id is handled once,
  whichever Rasa server it reaches (the ids are kept in the plan store's `slack_events`
  table, shared by every replica, for a day);
- the Slack member id is mapped to the person in the directory (unknown members get
  a `slack:` sender id and only the FAQ);
- replies go in the message's thread when `use_threads` is on;
- the Web API base URL can be pointed elsewhere (SLACK_API_URL), for tests;
- `post_direct` sends a message nobody asked for (a reminder, a review decision) to a
  member, through the same client the channel replies with.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import itertools
import logging
import os
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import response
from sanic.request import Request
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from bot import directory
from bot.store.db import session_scope
from bot.store.models import SlackEvent, utcnow

logger = logging.getLogger(__name__)
KEEP_EVENTS = dt.timedelta(days=1)  # Slack retries within minutes; a day is plenty
PRUNE_EVERY = 500  # events recorded by this process between two clean-ups
_recorded = itertools.count(1)
RETRY_REASONS = ("http_timeout", "http_error", "connection_failed", "too_many_redirects", "ssl_error", "unknown_error")


SEND_TIMEOUT = 10  # seconds for one Web API call made outside a conversation


class SlackSendError(RuntimeError):
    """A message could not be delivered to Slack (Slack down, an invalid member id, ...)."""


class MLPlanSlackBot(SlackBot):
    def __init__(
        self,
        token: Text,
        channel: Optional[Text],
        thread_id: Optional[Text],
        base_url: Optional[Text],
        timeout: Optional[int] = None,
    ):
        super().__init__(token, channel, thread_id)
        if base_url or timeout:
            self.client = AsyncWebClient(token, base_url=base_url or AsyncWebClient.BASE_URL, timeout=timeout or 30)


def configured() -> bool:
    """Whether this process may post to Slack (SLACK_BOT_TOKEN is set)."""
    return bool(os.environ.get("SLACK_BOT_TOKEN"))


async def _post(member_id: str, text: str, buttons: List[Dict[str, str]]) -> None:
    bot = MLPlanSlackBot(
        os.environ.get("SLACK_BOT_TOKEN", ""),
        member_id,
        None,
        os.environ.get("SLACK_API_URL") or None,
        timeout=SEND_TIMEOUT,
    )
    if buttons:
        await bot.send_text_with_buttons(member_id, text, buttons)
    else:
        await bot.send_text_message(member_id, text)


def post_direct(member_id: str, text: str, buttons: Optional[List[Dict[str, str]]] = None) -> None:
    """chat.postMessage to a member (Slack opens the direct conversation with the app).
    Raises SlackSendError; callable from plain code and from inside a running event loop."""
    from slack_sdk.errors import SlackApiError

    job = _post(member_id, text, list(buttons or []))
    try:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            asyncio.run(job)
        else:  # an action server's loop: send from a worker thread and wait for it
            with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
                pool.submit(asyncio.run, job).result(timeout=SEND_TIMEOUT * 2)
    except SlackApiError as error:
        raise SlackSendError(f"slack: {error.response.get('error') or error}") from error
    except Exception as error:  # connection refused, timeout, DNS, ...
        raise SlackSendError(f"slack unreachable: {type(error).__name__}: {error}".rstrip(": ")) from error


def first_delivery(event_id: str) -> bool:
    """Record a Slack event id; False when it was recorded before, by any Rasa server."""
    try:
        with session_scope() as session:
            session.add(SlackEvent(event_id=event_id[:64]))
            session.flush()
    except IntegrityError:
        return False
    if next(_recorded) % PRUNE_EVERY == 0:
        with session_scope() as session:
            session.execute(delete(SlackEvent).where(SlackEvent.seen_at < utcnow() - KEEP_EVENTS))
    return True


class MLPlanSlackInput(SlackInput):
    @classmethod
    def name(cls) -> Text:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        return cls(
            slack_token=credentials.get("slack_token") or os.environ.get("SLACK_BOT_TOKEN", ""),
            slack_channel=credentials.get("slack_channel"),
            slack_retry_reason_header="x-slack-retry-reason",
            slack_retry_number_header="x-slack-retry-num",
            errors_ignore_retry=credentials.get("errors_ignore_retry") or list(RETRY_REASONS),
            use_threads=credentials.get("use_threads", True),
            slack_signing_secret=credentials.get("slack_signing_secret") or os.environ.get("SLACK_SIGNING_SECRET", ""),
            conversation_granularity="sender",
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.base_url = os.environ.get("SLACK_API_URL") or None

    def get_output_channel(self, channel: Optional[Text] = None, thread_id: Optional[Text] = None) -> SlackBot:
        return MLPlanSlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.base_url)

    @staticmethod
    def _first_time(event_id: Optional[str]) -> bool:
        return not event_id or first_delivery(str(event_id))

    async def process_message(
        self,
        request: Request,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: Text,
        sender_id: Optional[Text],
        metadata: Optional[Dict],
    ) -> Any:
        body = request.json if request.content_type.startswith("application/json") else None
        event_id = (body or {}).get("event_id")
        if not self._first_time(event_id):
            logger.info("Slack event %s delivered again; answered once already", event_id)
            return response.text("", headers={"X-Slack-No-Retry": "1"})
        return await super().process_message(request, on_new_message, text, self.person_for(sender_id), metadata)

    @staticmethod
    def person_for(slack_user: Optional[Text]) -> Optional[Text]:
        if not slack_user:
            return slack_user
        with session_scope() as session:
            return directory.person_for_slack(session, slack_user) or f"slack:{slack_user}"
