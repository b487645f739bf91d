"""Slack, without the internet: signed Events API payloads posted to the running server
(credentials.prod.yml), the bot's Web API calls captured on a local fake Slack."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from bot import messages
from bot.kb import faq
from tests.support.fake_slack import FakeSlackAPI
from tests.support.servers import ROOT, RunningAssistant, http, seeded_database

pytestmark = pytest.mark.servers
SECRET = "slack-signing-secret-for-tests-0123456789"


@pytest.fixture(scope="module")
def slack(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("slack")
    api = FakeSlackAPI().start()
    assistant = RunningAssistant(
        workdir,
        seeded_database(workdir),
        credentials=ROOT / "credentials.prod.yml",
        env={"SLACK_SIGNING_SECRET": SECRET, "SLACK_BOT_TOKEN": "xoxb-test-token", "SLACK_API_URL": api.url},
    ).start()
    yield assistant, api
    assistant.stop()
    api.stop()


def signed(body: bytes, secret: str = SECRET, timestamp=None):
    timestamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": f"v0={digest}"}


def post(assistant, payload, *, secret=SECRET, timestamp=None, headers=None, form=False):
    if form:
        body = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()
        content_type = "application/x-www-form-urlencoded"
    else:
        body = json.dumps(payload).encode()
        content_type = "application/json"
    request = urllib.request.Request(
        f"{assistant.base}/webhooks/slack/webhook",
        data=body,
        method="POST",
        headers={"Content-Type": content_type, **signed(body, secret, timestamp), **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


EVENT_COUNTER = iter(range(1, 10_000))


def message_event(user, text, event_id=None):
    n = next(EVENT_COUNTER)
    return {
        "token": "x",
        "team_id": "T1",
        "type": "event_callback",
        "event_id": event_id or f"Ev{n:06d}",
        "event": {
            "type": "message",
            "channel_type": "im",
            "channel": "D0001",
            "user": user,
            "text": text,
            "ts": f"1700000{n:03d}.000200",
        },
    }


def test_url_verification(slack):
    assistant, _ = slack
    status, body = post(assistant, {"type": "url_verification", "challenge": "abc123"})
    assert status == 200 and json.loads(body) == "abc123"


def test_a_known_member_is_answered_as_their_directory_entry(slack):
    assistant, api = slack
    before = len(api.calls)
    assert post(assistant, message_event("U01LIWEI", "你好"))[0] == 200
    call = api.wait_for(before + 1)[before]
    assert call["method"] == "chat.postMessage" and call["channel"] == "D0001"
    assert call["text"] == messages.text("greet_known", "zh", name="李伟")
    assert call["auth"] == "Bearer xoxb-test-token" and call.get("thread_ts")


def test_an_unknown_member_only_gets_the_faq(slack):
    assistant, api = slack
    before = len(api.calls)
    post(assistant, message_event("U9STRANGER", "hello"))
    assert api.wait_for(before + 1)[before]["text"] == messages.text("greet_unknown", "en")


@pytest.mark.parametrize("kind", ["bad signature", "other secret", "stale", "future", "no headers"])
def test_unsigned_or_stale_requests_are_refused(slack, kind):
    assistant, api = slack
    before = len(api.calls)
    payload = message_event("U01LIWEI", "你好")
    if kind == "no headers":
        status, _ = http("POST", f"{assistant.base}/webhooks/slack/webhook", payload)
    else:
        status, _ = post(
            assistant,
            payload,
            secret="wrong" if kind == "other secret" else SECRET,
            timestamp={"stale": int(time.time()) - 600, "future": int(time.time()) + 600}.get(kind),
            headers={"X-Slack-Signature": "v0=" + "0" * 64} if kind == "bad signature" else None,
        )
    assert status == 400
    time.sleep(2)
    assert len(api.calls) == before


def test_retries_and_replays_are_answered_once(slack):
    assistant, api = slack
    before = len(api.calls)
    event = message_event("U02ANNA", "hello")
    assert post(assistant, event)[0] == 200
    api.wait_for(before + 1)
    assert post(assistant, event, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})[0] in (
        200,
        201,
    )
    assert post(assistant, event)[0] == 200  # a replay of the same signed delivery
    time.sleep(3)
    assert len(api.calls) == before + 1


def test_faq_round_trip_with_buttons_as_blocks(slack):
    assistant, api = slack
    before = len(api.calls)
    post(assistant, message_event("U02ANNA", "what is a data lake?"))
    answer, related = api.wait_for(before + 2)[before : before + 2]
    assert answer["text"] == faq.answer_text("data-lake", "en")
    assert related["text"] == messages.text("faq_related", "en")
    actions = [b for b in related["blocks"] if b["type"] == "actions"][0]["elements"]
    assert [e["type"] for e in actions] == ["button"] * 3
    assert [e["value"] for e in actions] == [faq.payload(i) for i in faq.related("data-lake")[:3]]


def test_one_plan_step_with_a_button_click(slack):
    assistant, api = slack
    before = len(api.calls)
    post(assistant, message_event("U02ANNA", "I want to write next year's ML plan"))
    confirm = api.wait_for(before + 1)[before]
    assert "ML plan for Manufacturing" in confirm["text"]
    yes = [b for b in confirm["blocks"] if b["type"] == "actions"][0]["elements"][0]
    click = {
        "type": "block_actions",
        "user": {"id": "U02ANNA"},
        "channel": {"id": "D0001"},
        "message": {"ts": "1700000999.000100"},
        "container": {"channel_id": "D0001"},
        "actions": [{"type": "button", "value": yes["value"], "text": yes["text"]}],
    }
    assert post(assistant, click, form=True)[0] == 200
    intro, question = api.wait_for(before + 3)[before + 1 : before + 3]
    assert intro["text"] == messages.text("plan_intro", "en", total=22)
    assert messages.text("ask.title", "en") in question["text"]


def test_production_credentials_have_no_rest_webhook(slack):
    assistant, _ = slack
    status, _ = http("POST", f"{assistant.base}/webhooks/rest/webhook", {"sender": "li.wei", "message": "hi"})
    assert status == 404
