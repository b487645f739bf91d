"""What held-out edition 28 (retired into tests/conversations/dev/heldout28-*.yml) taught, mostly
in English: the office's words for its queue and its decisions, a confirmation refused by
naming the act, a question asked and then answered, and changes said in passing."""

from __future__ import annotations

import pytest

from bot.dialogue import answers, commands
from bot.flow import Confirming
from bot.nlu import patterns
from bot.plan_schema import FIELDS_BY_NAME
from tests.support.reading import read

FIELDS = list(FIELDS_BY_NAME)


@pytest.mark.parametrize(
    "text, confirming, value",
    [
        ("wait ah, dont withdraw first. my boss say keep it. sorry ya", Confirming.WITHDRAW, "no"),
        ("don't withdraw it", Confirming.WITHDRAW, "no"),
        (
            "Actually, why would I withdraw it before the budget question is even settled? No. Keep it.",
            Confirming.WITHDRAW,
            "no",
        ),
        ("先别撤，老板说留着", Confirming.WITHDRAW, "no"),
        ("是的，撤回吧", Confirming.WITHDRAW, "yes"),
    ],
)
def test_a_confirmation_refused_by_naming_the_act(text, confirming, value):
    assert read("confirmation", text, confirming).value == value


@pytest.mark.parametrize(
    "field, text, value",
    [
        ("q_important", "Rather.", "yes"),
        ("data_quality", "Not bad at all. Good, on the whole.", "good"),
        ("pilot_team", "laboan just tell me no extra people this year, so pilot team is no", "no"),
        (
            "scaling_path",
            "Why would I want a committee? We'll need a proper end-to-end ML platform. Platform.",
            "platform",
        ),
        (
            "failure_tolerance",
            "Does anyone expect the first model to work? We've budgeted for a few that won't. Budgeted.",
            "budgeted",
        ),
    ],
)
def test_answers_of_edition_28(field, text, value):
    reading = read(field, text)
    assert (reading.kind, reading.value) == ("answer", value)


def test_checking_with_the_manager_and_getting_back_is_a_pause_not_the_sponsor():
    said = "ahh good q, not sure who's sponsoring it. lemme check with my manager and get back to ya"
    reading = read("executive_sponsor", said)
    assert reading.kind == "command" and reading.command.kind == "pause"


@pytest.mark.parametrize(
    "text, field, value",
    [
        (
            "Hi there, quick housekeeping item. The exec sponsor on plan 1 has changed; it needs to be "
            "Marcus Webb now, our new VP of Customer Experience.",
            "executive_sponsor",
            "Marcus Webb, our new VP of Customer Experience",
        ),
        ("wait, metric change to 85% invoices auto matched, not 70%", "metric", "85% invoices auto matched"),
        (
            "Sorry, one correction first. On question five I said we could manage on our own. We can't, really; "
            "we'll need IT for the cameras. Please make that a no.",
            "q_can_do_alone",
            "no",
        ),
    ],
)
def test_changes_said_in_passing(text, field, value):
    edit = commands.match(text, FIELDS)
    assert edit is not None and (edit.kind, edit.field, edit.value) == ("edit", field, value)


@pytest.mark.parametrize(
    "text, decision",
    [
        ("Not quite there, I'm afraid. Back to them, please: the metric wants an actual number.", "needs_work"),
        ("#1 looks good, tick it off. note: nice work, get the pilot cracking", "approved"),
    ],
)
def test_the_offices_decisions(text, decision):
    assert answers.parse_decision(text) == decision and answers.states_a_decision(text)


def test_a_decision_on_a_numbered_plan_is_a_review_of_it():
    assert patterns.recognise("#1 looks good, tick it off. note: nice work") == ("review_plan", 1)
    assert patterns.recognise("#2 is the one about churn, what does it say?") is None


def test_the_offices_queue_and_what_came_in():
    assert patterns.listing_by_status("g'day, what's sittin in the queue for review?") == ("query_plans", "submitted")
    assert patterns.about_units_plans("What have we had in from Warehousing and Logistics?")
    assert not patterns.about_units_plans("Have we submitted our plan?")


def test_a_change_asked_at_the_submit_question_is_still_a_change_not_a_no():
    said = "先别提交，pilot 那个我改主意了，不单独组试点团队了，人手不够"
    reading = read("confirmation", said, Confirming.SUBMIT)
    assert reading.kind == "command" and reading.command.kind == "edit"
    reading = read("confirmation", "等一下，先別提交。成功指標我想改一下", Confirming.SUBMIT)
    assert reading.kind == "command" and reading.command.field == "metric"


def test_the_previous_answer_corrected_after_an_emoji():
    reading = read("q_can_ship", "啊等下 上一个说错了😅 我们自己其实搞不定，还是得IT支援")
    assert reading.kind == "command" and reading.command.kind == "back"


@pytest.mark.parametrize(
    "text, meant",
    [
        ("喂，我是市场部的熊丽娟，要搞那个机器学习规划是吧，来来来", ("start_plan", None)),
        ("你好，我想问下机器学习规划要不要交，谢谢", None),
    ],
)
def test_a_start_said_among_greetings(text, meant):
    assert patterns.recognise(text) == meant
