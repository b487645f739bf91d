"""The planning cycle's requests read by pattern (bot/nlu/patterns.py): what they catch, what
they leave alone, and the second opinion that keeps "remind me later" from reminding every unit."""

from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from bot.nlu.patterns import cycle_request, second_opinion

ROOT = Path(__file__).resolve().parents[2]
CYCLE_INTENTS = {"ask_deadline", "set_deadline", "remind_units"}


@pytest.mark.parametrize(
    "text, intent",
    [
        ("when is the deadline?", "ask_deadline"),
        ("截止日期是什么时候？", "ask_deadline"),
        ("what's the deadline for the 2027 plans?", "ask_deadline"),
        ("计划几号截止", "ask_deadline"),
        ("how many days do we have left to file?", "ask_deadline"),
        ("set the deadline to 15 December", "set_deadline"),
        ("把2027年的截止日期定在2026年12月15日", "set_deadline"),
        ("push the deadline back to Dec 22nd", "set_deadline"),
        ("remind the units that haven't filed", "remind_units"),
        ("提醒还没提交的部门", "remind_units"),
        ("给还没交的部门负责人发个提醒吧", "remind_units"),
        ("chase the departments with open drafts", "remind_units"),
    ],
)
def test_cycle_requests_are_recognised(text, intent):
    assert cycle_request(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "remind me later",
        "明天提醒我",
        "what does the deadline mean for the budget?",
        "年假还剩几天",
        "how long until we see a return",
        "哪些部门还没提交？",
        "I want to write next year's ML plan",
        "/remind_units",
    ],
)
def test_other_sentences_are_left_alone(text):
    assert cycle_request(text) is None


@pytest.mark.parametrize(
    "text, meant",
    [
        ("remind me later", "cancel"),
        ("明天提醒我", "cancel"),
        ("how do reminders to the units work?", "ask_faq"),
        ("just remind", "nlu_fallback"),
        ("send a nudge to the units that are behind", None),
    ],
)
def test_a_guessed_reminder_must_say_whom_to_remind(text, meant):
    assert second_opinion(text, "remind_units") == meant


def test_no_training_sentence_of_another_intent_is_caught():
    wrong = []
    for path in sorted((ROOT / "data" / "nlu").rglob("*.yml")) + sorted((ROOT / "tests" / "nlu" / "dev").glob("*.yml")):
        for message in load_data(str(path)).intent_examples:
            found = cycle_request(message.get("text"))
            if found and found != message.get("intent"):
                wrong.append((path.name, message.get("text"), message.get("intent"), found))
    assert wrong == []
