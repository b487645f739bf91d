"""What the retired held-out edition 21 (tests/conversations/dev/heldout21-*.yml) showed the readers
getting wrong, pinned after its failures were read on 2026-12-02."""

from __future__ import annotations

import pytest

from bot.dialogue import answers
from bot.nlu import patterns
from tests.support.reading import read


@pytest.mark.parametrize(
    "text",
    [
        "Mingalaba. I am Thandar from Legal department. I want to inform you, we have no machine learning plan for "
        "the next year.",
        "Hi there. So, a bit of background first. I've been in IT here at the resort for about eleven years. I sat "
        "down with our GM last week, we went through the whole list, and the long and the short of it is that IT "
        "won't be putting in a machine learning plan for next year.",
        "Dilshod, Claims unit. We will skip machine learning next year.",
    ],
)
def test_what_leads_up_to_an_english_declaration_is_no_reason(text):
    assert answers.reason_in(text) is None


@pytest.mark.parametrize(
    "text, reason",
    [
        ("The budget was cut, so no ML plan this year.", "The budget was cut"),
        ("no ML plan from us, the budget was cut", "the budget was cut"),
        ("人手不够，今年就不报机器学习计划了", "人手不够"),
    ],
)
def test_a_reason_said_first_and_led_to_the_declaration_still_counts(text, reason):
    assert answers.reason_in(text) == reason


@pytest.mark.parametrize(
    "text, found",
    [
        ("morning :coffee: can you pull up plan #1 for me?", ("show_plan", 1)),
        (
            "hey there, super rainy one up here in Tacoma. I wanted to go over plan 1, the mushroom grading one",
            ("show_plan", 1),
        ),
        ("can you pull up plan 3?", ("show_plan", 3)),
        (
            "hey. we're pulling plan 1, the concessions one. vendor contract changed, it's dead in the water",
            ("withdraw_plan", 1),
        ),
        (
            "Hello, Erion here from Marketing. The plan 1 about lead scoring, we need to take it back, the budget was "
            "cut and it will not happen.",
            ("withdraw_plan", 1),
        ),
    ],
)
def test_plans_opened_and_withdrawn_in_passing(text, found):
    assert patterns.recognise(text) == found


@pytest.mark.parametrize(
    "text, decision, note",
    [
        (
            "ok appr. note - gd metric, pls name exec sponsor by Q1",
            "approved",
            "gd metric, pls name exec sponsor by Q1",
        ),
        ("looks solid :thumbsup: gonna approve this one", "approved", None),
        ("send it back - no sponsor named", "needs_work", "no sponsor named"),
    ],
)
def test_abbreviated_approvals_and_slack_emoji(text, decision, note):
    assert answers.split_review(text) == (decision, note)


@pytest.mark.parametrize(
    "question, text, value",
    [
        ("q_important", "不能说不重要，院长开会点名要搞", "yes"),
        ("q_real_problem", "不是没遇到过，是天天遇到", "yes"),
        ("q_needs_ml", "不用机器学习还真不行，传统图像处理试过，效果很差", "yes"),
        ("q_can_ship", "没有不上线的道理，要接进诊室的阅片软件", "yes"),
        ("pilot_team", "不会不试点的，先在两个诊室组个试点小组", "yes"),
        ("q_real_problem", "难道这不是真问题？每个月都在发生", "yes"),
        ("q_needs_ml", "不做不行", "yes"),
        ("q_can_do_alone", "不行不行，我们搞不了", "no"),
        ("q_needs_ml", "不需要，规则就够了", "no"),
        ("q_important", "不是很重要", "no"),
        ("q_can_do_alone", "不太行", "no"),
    ],
)
def test_double_negatives_say_yes(question, text, value):
    reading = read(question, text)
    assert (reading.kind, reading.value) == ("answer", value)


def test_a_plan_withdrawn_by_its_title_mid_form_leaves_the_form():
    reading = read("problem", "皮肤销量预测那个撤掉吧，业务侧没对齐，先不推了")
    assert reading.kind == "command" and reading.command.kind == "withdraw"
    assert read("problem", "客户投诉那个问题一直没解决").kind == "answer"


@pytest.mark.parametrize("text", ["暂时还没有，领导还没定", "还没定"])
def test_no_sponsor_yet_is_stored_as_unknown(text):
    reading = read("executive_sponsor", text)
    assert reading.kind == "skip" or (reading.kind == "answer" and not reading.value)


def test_as_last_year_is_no_reason():
    assert answers.reason_in("跟去年一样，财务部明年还是不做机器学习项目") is None


def test_branches_in_markdown_code():
    said = (
        "`time_saved`, `revenue` (less lost generation), `new_opportunities` (selling the service to other operators)"
    )
    assert answers.parse_branches(said) == ["revenue", "time_saved", "new_opportunities"]
