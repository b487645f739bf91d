"""A whole planning cycle on the running servers with the production channels (Slack and the web
chat), Slack's Web API played by the local fake, the CLI run as the planning office's cron would:
open with a deadline, three units in different states, remind twice, a lead resumes from the
reminder's button and submits, the planning office sends the plan back, the lead receives the
decision and edits, a web-only lead finds the reminder in the web chat, and the report shows who
was late and who was reminded."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
import time

import pytest
import socketio

from bot import messages, planning
from bot.cycle_text import date_text
from bot.store import plans as store
from bot.store.db import session_scope
from bot.store.models import Cycle
from tests.e2e.test_slack import SECRET, message_event, post
from tests.support.fake_slack import FakeSlackAPI
from tests.support.servers import ROOT, TEST_JWT_SECRET, RunningAssistant, seeded_database
from tests.support.store import READY

pytestmark = pytest.mark.servers
YEAR = planning.default_year()
DEADLINE = dt.date.today() + dt.timedelta(days=10)


def mlplan(url, api, *argv):
    env = {
        **os.environ,
        "MLPLAN_DATABASE_URL": url,
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_API_URL": api.url,
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", *map(str, argv)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def click(assistant, member, value):
    payload = {
        "type": "block_actions",
        "user": {"id": member},
        "channel": {"id": "D0001"},
        "message": {"ts": "1700000999.000100"},
        "container": {"channel_id": "D0001"},
        "actions": [{"type": "button", "value": value, "text": {"type": "plain_text", "text": "x"}}],
    }
    assert post(assistant, payload, form=True)[0] == 200


def replies_after(api, before, settle=4.0, timeout=60):
    """The bot's Web API calls after call number `before`, once they stop coming."""
    api.wait_for(before + 1, timeout)
    count = -1
    while count != len(api.calls):
        count = len(api.calls)
        time.sleep(settle)
    return api.calls[before:]


def buttons(call):
    return [e for b in call.get("blocks") or [] if b["type"] == "actions" for e in b["elements"]]


def web_visit(assistant, person, wait=8.0):
    """Open the web chat as `person` and collect what the bot shows unprompted."""
    from bot.channels import tokens

    client = socketio.Client(reconnection=False)
    shown, arrived = [], threading.Event()

    @client.on("bot_uttered")
    def on_bot(data):
        shown.append(data)
        arrived.set()

    client.connect(
        assistant.base,
        auth={"token": tokens.issue(person, 10, key=TEST_JWT_SECRET)},
        socketio_path="/socket.io",
        transports=["polling"],
        wait_timeout=10,
    )
    try:
        client.emit("session_request", {})
        arrived.wait(wait)
        time.sleep(1.5)
        return shown
    finally:
        client.disconnect()


@pytest.fixture(scope="module")
def cycle_world(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("cycle")
    url = seeded_database(workdir)
    with session_scope(url) as session:
        draft = store.create_plan(
            session,
            unit="retail",
            year=YEAR,
            owner="li.wei",
            language="zh",
            answers={**READY, "title": "门店补货需求预测"},
        )
        done = store.create_plan(
            session,
            unit="manufacturing",
            year=YEAR,
            owner="anna.smith",
            language="en",
            answers={**READY, "title": "Predictive maintenance"},
        )
        store.set_status(session, done.id, "submitted", actor="anna.smith")
        store.create_plan(
            session,
            unit="finance",
            year=YEAR,
            owner="tom.baker",
            language="en",
            status="no_plan",
            no_plan_reason="budget frozen",
        )
    api = FakeSlackAPI().start()
    assistant = RunningAssistant(
        workdir,
        url,
        credentials=ROOT / "credentials.prod.yml",
        env={"SLACK_SIGNING_SECRET": SECRET, "SLACK_BOT_TOKEN": "xoxb-test-token", "SLACK_API_URL": api.url},
    ).start()
    yield assistant, api, url, draft.id, workdir
    assistant.stop()
    api.stop()


def test_a_whole_cycle(cycle_world):
    assistant, api, url, draft_id, workdir = cycle_world

    # the planning office opens the cycle and the cron job reminds, twice
    assert "opened" in mlplan(url, api, "cycle", "open", YEAR, "--deadline", DEADLINE.isoformat())
    first = json.loads(mlplan(url, api, "remind", "--year", YEAR, "--json"))
    reminded = {r["person"]: r for r in first["reminded"]}
    assert set(reminded) == {"li.wei", "zhang.min", "chen.jing", "maria.garcia"}  # not Manufacturing, not Finance
    assert (reminded["li.wei"]["channel"], reminded["li.wei"]["status"]) == ("slack", "sent")
    [reminder] = [c for c in api.calls if c["channel"] == "U01LIWEI"]
    assert "门店补货需求预测" in reminder["text"] and "22/22" not in reminder["text"]
    assert reminder["text"] == messages.text(
        "reminder.draft_complete",
        "zh",
        name="李伟",
        unit="零售部",
        year=YEAR,
        title="门店补货需求预测",
        id=draft_id,
        deadline=date_text(DEADLINE, "zh"),
    )
    calls = len(api.calls)
    second = json.loads(mlplan(url, api, "remind", "--year", YEAR, "--json"))
    assert second["reminded"] == [] and len(second["skipped_recently_reminded"]) == 4
    time.sleep(1)
    assert len(api.calls) == calls  # the second run sent nothing

    # the lead presses "continue" in the reminder, sees the summary and the deadline, and submits
    resume = next(b for b in buttons(reminder) if b["value"] == "/resume_plan")
    click(assistant, "U01LIWEI", resume["value"])
    answer = replies_after(api, calls)
    said = "\n".join(c.get("text") or "" for c in answer)
    assert messages.text("deadline_note", "zh", year=YEAR, deadline=date_text(DEADLINE, "zh")) in said
    submit = next(b for c in answer for b in buttons(c) if b["value"] == "/affirm")
    calls = len(api.calls)
    click(assistant, "U01LIWEI", submit["value"])
    replies_after(api, calls)
    with session_scope(url) as session:
        assert store.get_plan(session, draft_id).status == "submitted"

    # the planning office sends it back on Slack; the lead hears it at once, with a button to edit
    calls = len(api.calls)
    assert post(assistant, message_event("U03WANGFANG", f"退回计划{draft_id}：请补充基线数据"))[0] == 200
    answer = replies_after(api, calls)
    [decision] = [c for c in answer if c["channel"] == "U01LIWEI"]
    assert decision["text"] == messages.text(
        "decision.needs_work",
        "zh",
        name="李伟",
        reviewer="王芳",
        unit="零售部",
        year=YEAR,
        title="门店补货需求预测",
        id=draft_id,
        note="请补充基线数据",
    )
    told = messages.text("review_told_slack", "zh", name="李伟")
    assert any(
        c["text"] == messages.text("review_recorded", "zh", id=draft_id, decision="已退回修改", told=told)
        for c in answer
    )

    # the lead presses "edit this plan", changes the baseline and submits again
    [edit] = buttons(decision)
    assert edit["value"] == '/edit_plan{"plan_id": %d}' % draft_id
    calls = len(api.calls)
    click(assistant, "U01LIWEI", edit["value"])
    asked = replies_after(api, calls)
    assert any(messages.text("edit_which_field", "zh")[:6] in (c.get("text") or "") for c in asked)
    calls = len(api.calls)
    post(assistant, message_event("U01LIWEI", "基线"))
    replies_after(api, calls)
    calls = len(api.calls)
    post(assistant, message_event("U01LIWEI", "店长每周两次手工订货，缺货率约 8%"))
    answer = replies_after(api, calls)
    submit = next(b for c in answer for b in buttons(c) if b["value"] == "/affirm")
    calls = len(api.calls)
    click(assistant, "U01LIWEI", submit["value"])
    replies_after(api, calls)
    with session_scope(url) as session:
        plan = store.get_plan(session, draft_id)
        assert plan.status == "submitted" and plan.baseline == "店长每周两次手工订货，缺货率约 8%"

    # a lead without Slack finds the reminder when they open the web chat, once
    shown = web_visit(assistant, "zhang.min")
    assert len(shown) == 1 and "物流部" in shown[0]["text"] and "还没有提交" in shown[0]["text"]
    assert [q["payload"] for q in shown[0]["quick_replies"]] == [
        '/start_plan{"year": %d}' % YEAR,
        '/declare_no_plan{"year": %d}' % YEAR,
    ]
    assert web_visit(assistant, "zhang.min", wait=3) == []

    # the deadline passes; the report shows who was late and who was reminded
    with session_scope(url) as session:  # time passes: what was submitted came in before the deadline
        session.get(Cycle, YEAR).deadline = dt.date.today() - dt.timedelta(days=1)
        for plan in store.list_plans(session, year=YEAR):
            if plan.submitted_at is not None:
                plan.submitted_at = plan.submitted_at - dt.timedelta(days=2)
    out = workdir / "review"
    mlplan(url, api, "review", "--year", YEAR, "--out", out, "--lang", "en")
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Units that had not filed by it: 3. Late plans: 0." in page  # Logistics, Customer Service, Marketing
    for name in ("李伟 (li.wei)", "张敏 (zhang.min)", "陈静 (chen.jing)", "Maria Garcia (maria.garcia)"):
        assert name in page
    assert page.count("nothing filed, overdue") == 3 and "submitted late" not in page
    assert "<td>Slack</td><td>delivered</td>" in page  # li.wei's reminder
    assert page.count("waiting for the web chat") == 2  # chen.jing and maria.garcia have not opened the chat
