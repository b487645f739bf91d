"""Each user message costs no action-server call before prediction; the load benchmark runs."""

from __future__ import annotations

import json

import pytest

from bot import directory, messages
from bot.store.db import session_scope
from tests.support.servers import http

pytestmark = pytest.mark.servers


def _turns(assistant, sender):
    status, body = http("GET", f"{assistant.base}/conversations/{sender}/tracker")
    assert status == 200
    events, turns = json.loads(body)["events"], []
    for event in events:
        if event["event"] == "user":
            turns.append([])
        elif turns:
            turns[-1].append(event)
    return turns


def _newcomer(assistant, person_id, name):
    """A lead added while the servers run (they see a new person at once)."""
    from benchmarks import load

    load.add_leads(assistant.database_url, [person_id])
    with session_scope(assistant.database_url) as session:
        directory.add_person(session, person_id, name=name, unit=directory.lookup(session, person_id).unit, role="lead")


def test_language_and_person_are_set_before_the_first_action_without_a_call(assistant):
    _newcomer(assistant, "overhead.one", "欧阳一")
    assert assistant.texts("overhead.one", "hello") == [messages.text("greet_known", "en", name="欧阳一")]
    assert assistant.texts("overhead.one", "你好") == [messages.text("greet_known", "zh", name="欧阳一")]
    for turn in _turns(assistant, "overhead.one"):
        # action_extract_slots is not logged: the first action is the greeting itself
        first_action = next(e for e in turn if e["event"] == "action")
        assert first_action["name"] == "action_greet"
        assert "action_read_context" not in {e.get("name") for e in turn}
    first, second = _turns(assistant, "overhead.one")[:2]
    before_greeting = [
        (e["name"], e["value"]) for e in first[: [e["event"] for e in first].index("action")] if e["event"] == "slot"
    ]
    assert {("language", "en"), ("person_name", "欧阳一")} <= set(before_greeting)
    assert ("language", "zh") in {(e["name"], e["value"]) for e in second if e["event"] == "slot"}


def test_a_form_gets_the_domain_and_works_with_selective_domain(assistant):
    _newcomer(assistant, "overhead.two", "Olive Two")
    assistant.texts("overhead.two", "I want to write next year's ML plan")
    asked = assistant.texts("overhead.two", "yes")
    assert messages.text("ask.title", "en") in "\n".join(asked)
    assert messages.text("ask.problem", "en") in "\n".join(assistant.texts("overhead.two", "Churn prediction"))
    assistant.texts("overhead.two", "pause")


def test_the_load_benchmark_runs_a_tiny_load(assistant, tmp_path, capsys):
    from benchmarks import load

    out = tmp_path / "load.json"
    code = load.main(
        [
            "--url",
            assistant.base,
            "--database",
            assistant.database_url,
            "--users",
            "2",
            "--plans",
            "1",
            "--against",
            assistant.base,
            "--tag",
            "smoke",
            "--json",
            str(out),
        ]
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0 and report["errors"] == 0, capsys.readouterr().out
    assert [r["messages"] for r in report["rounds"]] == [2 * 10 + 25] * 3
    assert set(report["ratios"]) == {"p95", "throughput", "rss", "cpu_per_message"}
    assert all(r["p95_ms"] > 0 and r["messages_per_s"] > 0 and r["rss_mb"] > 0 for r in report["rounds"])
