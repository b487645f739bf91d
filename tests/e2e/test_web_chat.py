"""The web chat against the running server: the page, socket.io sign-in with a JWT,
and a conversation that belongs to the token's subject whatever the client claims."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time

import jwt
import pytest
import socketio

from bot import messages
from bot.channels import tokens
from tests.support.servers import TEST_JWT_SECRET, http

pytestmark = pytest.mark.servers


def token_for(person: str, minutes: int = 10, key: str = TEST_JWT_SECRET) -> str:
    return tokens.issue(person, minutes, key=key)


def converse(assistant, auth, texts, session_id=None, timeout=30):
    """Talk over socket.io (long-polling: Rasa's pinned aiohttp predates the websocket client)."""
    client = socketio.Client(reconnection=False)
    received = []
    arrived = threading.Event()

    @client.on("bot_uttered")
    def on_bot(data):
        received.append(data)
        arrived.set()

    try:
        client.connect(assistant.base, auth=auth, socketio_path="/socket.io", transports=["polling"], wait_timeout=10)
    except socketio.exceptions.ConnectionError:
        return None
    try:
        for text in texts:
            arrived.clear()
            client.emit("user_uttered", {"message": text, "session_id": session_id})
            assert arrived.wait(timeout), "no reply"
            time.sleep(0.5)  # let the rest of the turn arrive
        return received
    finally:
        client.disconnect()


def test_the_chat_page_is_served_without_external_assets(assistant):
    status, page = http("GET", f"{assistant.base}/chat")
    assert status == 200 and b"/chat/socket.io.min.js" in page
    assert b"http://" not in page and b"https://" not in page
    status, script = http("GET", f"{assistant.base}/chat/socket.io.min.js")
    assert status == 200 and len(script) > 10_000


def test_a_signed_in_person_is_greeted_by_name(assistant):
    replies = converse(assistant, {"token": token_for("li.wei")}, ["你好"])
    assert replies[0]["text"] == messages.text("greet_known", "zh", name="李伟")


def test_the_session_id_a_client_sends_is_ignored(assistant):
    replies = converse(
        assistant, {"token": token_for("anna.smith")}, ["hello"], session_id="victim-of-a-forged-session"
    )
    assert replies[0]["text"] == messages.text("greet_known", "en", name="Anna Smith")
    status, body = http("GET", f"{assistant.base}/conversations/victim-of-a-forged-session/tracker")
    events = json.loads(body).get("events", []) if status == 200 else []
    assert not any(e.get("event") == "user" for e in events), "nothing may land in another person's conversation"


@pytest.mark.parametrize(
    "auth",
    [
        None,
        {},
        {"token": ""},
        {"token": "garbage"},
        {"token": tokens.issue("li.wei", 10, key="a-different-secret-that-is-long-enough-000")},
        {"token": tokens.issue("li.wei", -1, key=TEST_JWT_SECRET)},
        {"token": jwt.encode({"sub": "li.wei"}, TEST_JWT_SECRET, algorithm="HS256")},
        {
            "token": jwt.encode(
                {"sub": "li.wei", "exp": dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=5)},
                None,
                algorithm="none",
            )
        },
    ],
)
def test_missing_expired_and_forged_tokens_are_refused(assistant, auth):
    assert converse(assistant, auth, ["hello"]) is None
