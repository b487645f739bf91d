"""What the retired held-out edition 17 (tests/conversations/dev/heldout17-*.yml) showed the
reader, the command matcher and the request patterns getting wrong, one case per failure."""

import pytest

from bot.dialogue import answers, commands
from bot.nlu.patterns import lists_plans, recognise
from bot.plan_schema import ANSWER_FIELD_NAMES
from tests.support.reading import read

BULLETED_QUALIFIERS = """To save us both time, the six questions:
- important: yes
- real problem: yes, painfully so
- unused data: yes, seven years of AP history
- needs ML: not entirely convinced, so unsure
- can we do it alone: no
- can it go into production: yes"""


@pytest.mark.parametrize(
    "text, intent, number",
    [
        ("行，理赔部那个 #1 俺看完了，能批，意见写：数据底子挺扎实，每季度报一次误判率", "review_plan", 1),
        ("理赔部那个1号可以批了", "review_plan", 1),
        ("你好，我们上个月提交的 #1 有两处要改一下", "edit_plan", 1),
        ("1号计划有个地方得改", "edit_plan", 1),
    ],
)
def test_requests_of_edition_17(text, intent, number):
    assert recognise(text) == (intent, number)


@pytest.mark.parametrize("text", ["1号计划能通过吗？", "我们有2个计划，能批吗？", "1号计划的数据来源能不能改，通过率"])
def test_questions_about_a_plan_decide_nothing(text):
    assert recognise(text) is None


def test_fetching_a_units_plans_is_a_listing():
    assert lists_plans("您好，请帮我调出风控部明年报上来的机器学习计划")
    assert not lists_plans("我们调出了风控部的数据")


@pytest.mark.parametrize(
    "text, decision, note",
    [
        ("#2, on the other hand, needs more work I'm afraid.", "needs_work", None),
        ("至于2号，退回吧", "needs_work", None),
        ("#2 needs more work: put a number on the target", "needs_work", "put a number on the target"),
        (
            "行，理赔部那个 #1 俺看完了，能批，意见写：数据底子挺扎实，每季度报一次误判率",
            "approved",
            "数据底子挺扎实，每季度报一次误判率",
        ),
    ],
)
def test_review_notes_of_edition_17(text, decision, note):
    assert answers.split_review(text) == (decision, note)


@pytest.mark.parametrize(
    "text",
    [
        "你好，我们人力资源部明年就不报机器学习计划了，没有这方面的项目",
        "we are not doing an ML plan, we don't have any such projects",
    ],
)
def test_having_no_projects_is_no_reason(text):
    assert answers.reason_in(text) is None


def test_a_reason_after_no_plan_is_kept():
    assert answers.reason_in("明年不报计划了，没有合适的场景") == "没有合适的场景"


def test_call_transcripts_are_no_call_to_take():
    said = "We have call transcripts and case notes going back years that have never been analysed, so yes, I'd say so"
    assert commands.match(said) is None
    assert read("q_unused_data", said).value == "yes"
    for leaving in ("I have a meeting now", "got a call, sorry", "I have a call in 5"):
        assert commands.match(leaving).kind == "pause"


@pytest.mark.parametrize(
    "text, value",
    [
        ("Not good, it is mixed, many images not have label.", "mixed"),
        ("不算好，算一般吧", "mixed"),
        ("not great, it's poor really", "poor"),
    ],
)
def test_an_option_denied_then_another_stated(text, value):
    assert read("data_quality", text).value == value


def test_asking_why_a_sponsor_is_needed_is_no_name():
    reading = read("executive_sponsor", "why do you need a sponsor anyhow? we're a small outfit")
    assert (reading.kind, reading.command.kind) == ("command", "explain")


@pytest.mark.parametrize(
    "text",
    ["Now there's a question. I don't know yet, can we leave that one for now?", "can we leave that one for now?"],
)
def test_leaving_this_question_for_now_skips_it(text):
    assert read("executive_sponsor", text).command.kind == "skip"


def test_leaving_it_for_now_still_pauses():
    assert read("executive_sponsor", "let's leave it for now").command.kind == "pause"


def test_please_is_no_new_value():
    edit = commands.match_edit(
        "Hello. Excuse me, I would like to change the metric of our plan 1, please.", ANSWER_FIELD_NAMES
    )
    assert (edit.field, edit.value) == ("metric", None)


def test_a_change_of_an_answer_of_the_same_plan():
    edit = commands.match_edit(
        "Also, please change the pilot team answer of the same plan. Now we decided: yes, we will make a pilot team.",
        ANSWER_FIELD_NAMES,
    )
    assert edit.field == "pilot_team" and "yes" in edit.value
    edit = commands.match_edit("change the metric of plan 2 to churn down 5%", ANSWER_FIELD_NAMES)
    assert (edit.field, edit.value) == ("metric", "churn down 5%")


def test_reframing_the_metric_at_the_next_question_changes_it():
    said = (
        "wait actually, let's reframe that metric: make it revenue per email sent, up 25% year over year. "
        "CTR is kind of a vanity metric tbh"
    )
    reading = read("baseline", said)
    assert reading.command.kind == "edit"
    assert (reading.command.field, reading.command.value) == ("metric", "revenue per email sent, up 25% year over year")


def test_a_bulleted_list_answers_each_labelled_question():
    reading = read("q_important", BULLETED_QUALIFIERS)
    assert reading.value == "yes"
    assert reading.extra == {
        "q_real_problem": "yes",
        "q_unused_data": "yes",
        "q_needs_ml": "unsure",
        "q_can_do_alone": "no",
        "q_can_ship": "yes",
    }


def test_a_labelled_title_and_problem():
    reading = read("title", "Title: Churn radar\nProblem: we lose 20% of members a year")
    assert (reading.value, reading.extra) == ("Churn radar", {"problem": "we lose 20% of members a year"})


@pytest.mark.parametrize(
    "text, value",
    [
        ("换成公司副总经理石磊", "公司副总经理石磊"),
        ("改成王总", "王总"),
        ("change it to Dana Wright", "Dana Wright"),
    ],
)
def test_the_new_sponsor_without_the_words_that_replace(text, value):
    assert read("executive_sponsor", text).value == value
