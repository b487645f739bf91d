"""What calibration edition 8 (no plan, reviews and withdrawals, written blind) and the newcomer
play of 2026-12-02 showed the readers getting wrong."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import planning
from bot.dialogue import answers
from bot.nlu import patterns
from tests.support.reading import read


@pytest.mark.parametrize(
    "text, decision, note",
    [
        ("ok send 2 back to them, no data sources listed at all", "needs_work", "no data sources listed at all"),
        ("bounce #3 back, metric is vague", "needs_work", "metric is vague"),
        ("yes send it back", "needs_work", None),
        ("ok approve it", "approved", None),
        ("Good. Approve 1, note: please tie the savings to the 2027 budget.", "approved", "please tie the savings"),
    ],
)
def test_the_decision_is_read_past_an_ok_and_a_plan_number(text, decision, note):
    found, said = answers.split_review(text)
    assert found == decision
    assert (said is None) if note is None else (note in said)


@pytest.mark.parametrize(
    "text, number",
    [("Good. Approve 1, note: please tie the savings to the 2027 budget.", 1), ("Grand, approve 4", 4)],
)
def test_a_review_after_a_word_of_approval_is_a_review(text, number):
    assert patterns.recognise(text) == ("review_plan", number)


@pytest.mark.parametrize(
    "text, reason",
    [
        ("我门部门今年没有计化，不用等我们了", None),
        ("今年没有计划，别等我们了哈", None),
        ("no ML plan from us this year, you can cross us off", None),
        ("hmm actually, scratch that. we don't have any ML project this year, to be honest.", None),
        ("等下，我想了想，其实我们今年没啥要做的，不报了", None),
        ("scratch that, we have no ML plan, our only data scientist left in October", "left in October"),
        ("算了，今年不报了，人手不够", "人手不够"),
    ],
)
def test_what_is_no_reason_is_not_stored_as_one(text, reason):
    found = answers.reason_in(text)
    assert (found is None) if reason is None else (reason in found)


@pytest.mark.parametrize(
    "question, text",
    [
        ("title", "等下，我想了想，其实我们今年没啥要做的，不报了"),
        ("problem", "算了，今年不报了"),
        ("pilot_team", "今年不报了"),
    ],
)
def test_not_filing_this_year_said_mid_plan_declares_no_plan(question, text):
    reading = read(question, text)
    assert reading.kind == "command" and reading.command.kind == "no_plan"


def test_a_title_that_mentions_not_filing_is_a_title():
    assert read("title", "今年不报了的那个项目").kind == "answer"


@pytest.mark.parametrize("text", ["今年我们部门想报一个机器学习项目", "let's do this year's ML plan"])
def test_a_plan_started_this_year_is_for_this_years_round(text):
    today = dt.date(2026, 12, 2)
    assert planning.round_year([2026], text, today) == 2027
    assert planning.round_year([2026], "the 2026 plan", today) == 2026


def test_scots_words_are_read_as_english():
    said = "Aye, hello. There'll be nae ML plan fae us in Logistics this year, sorry."
    assert patterns.recognise(said) == ("declare_no_plan", None)
    assert patterns.fold("I dinnae ken") == "i don't ken"
    assert patterns.fold("the naeve fae") == "the naeve from"


# --- wordings written here on 2026-12-02 after edition 21's third look (its English no-plan reasons) ---


@pytest.mark.parametrize(
    "text",
    [
        "Nothing to submit from Procurement this round, as discussed with my director.",
        "we're not putting anything forward this year, the team is down to two people",
        "nothing from marketing this year, sorry",
    ],
)
def test_nothing_to_submit_this_round_declares_no_plan(text):
    assert patterns.recognise(text) == ("declare_no_plan", None)


@pytest.mark.parametrize(
    "text", ["is there nothing to submit this round?", "we're not submitting anything until we hear back"]
)
def test_asking_about_it_or_holding_back_is_no_declaration(text):
    assert patterns.recognise(text) is None


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Hi team, no ML plan from Finance this year. Hope that's OK. Best, Tom", None),
        ("Hello,\nPlease note that Quality will not submit an ML plan for 2027.\nKind regards,\nPriya", None),
        ("no ML plan for us, sorry!! let me know if you need anything else", None),
        ("Nothing to submit from Procurement this round, as discussed with my director.", None),
        ("no ML plan from us, per my director", None),
        ("今年没有机器学习计划，已和领导沟通过", None),
        ("no ML plan for us, budget is frozen. Thanks!", "budget is frozen"),
        ("We are sitting this one out. Our data platform migration runs until Q3. Cheers, Ana", "until Q3"),
        ("今年没有机器学习计划，人手不够。谢谢，王伟", "人手不够"),
    ],
)
def test_courtesies_signatures_and_procedure_are_no_reason(text, reason):
    found = answers.reason_in(text)
    assert (found is None) if reason is None else (found is not None and reason in found and "Ana" not in found)


# --- calibration edition 10 (written blind on 2026-12-02: no plan, reviews, withdrawals) ---------------


@pytest.mark.parametrize(
    "text",
    [
        "As discussed with my director, kindly note that Procurement will not be submitting any ML plan for 2027. "
        "Please do the needful.",
        "Good afternoon o. Please count us out for 2027, Warehousing and Logistics will not be doing any ML plan.",
        "Hi po! Just to inform, HR has no ML initiatives planned for next year.",
        "Hello,\n\nThank you always for your kind support. I would like to inform that Marketing will sit this one "
        "out for next year's ML planning.\n\nKind regards,\nHiroshi Tanaka",
        "跟你说一声哈，我们客服部今年就不报ML计划了，不好意思哈～",
    ],
)
def test_greetings_notices_and_apologies_are_no_reason(text):
    assert answers.reason_in(text) is None


def test_an_email_declaring_no_plan_gives_its_reason():
    said = (
        "Dear Planning Assistant,\n\nI write to inform you that the Finance department is not putting anything "
        "forward for the 2027 ML plan. The reason is that our team will be fully occupied by the migration to the "
        "new consolidation tool (Tagetik) and by the year-end closing.\n\n"
        "Best regards,\nCamille Durand\nHead of Finance"
    )
    assert patterns.recognise(said) == ("declare_no_plan", None)
    assert "Tagetik" in answers.reason_in(said) and "Camille" not in answers.reason_in(said)


@pytest.mark.parametrize(
    "text, found",
    [
        ("LGTM on 1", ("review_plan", 1)),
        ("I am not convinced by 1, return it to the team: this is really a reporting issue", ("review_plan", 1)),
        ("hi, pls pull plan #1, we will merge it into next year's one na lang", ("withdraw_plan", 1)),
        ("not convinced by the 20% target, send it back", ("review_plan", None)),
    ],
)
def test_reviews_and_withdrawals_by_a_bare_number(text, found):
    assert patterns.recognise(text) == found


@pytest.mark.parametrize(
    "text, decision, note",
    [
        ("I'm happy to sign off on 1, so I am.", "approved", None),
        ("等下，还是退回吧，没有写执行发起人", "needs_work", "没有写执行发起人"),
        ("行，批了", "approved", None),
        ("过程写得不清楚，退回", "needs_work", None),
    ],
)
def test_a_speech_tag_is_no_note_and_a_word_containing_a_decision_is_no_decision(text, decision, note):
    assert answers.split_review(text) == (decision, note)


@pytest.mark.parametrize(
    "text, decided",
    [
        (
            "Approve 1 (nice scoping) and please send 2 back - the baseline is only a guess",
            [(1, "approved", None), (2, "needs_work", "the baseline is only a guess")],
        ),
        (
            "1 LGTM 通过；2 先reject，value tree 只有收入一项，不行",
            [(1, "approved", None), (2, "needs_work", "value tree 只有收入一项，不行")],
        ),
        ("approve 1 and 2", []),
        ("send 4 back, the metric went from 20% to 30% and that is not ok", []),
    ],
)
def test_plans_decided_differently_in_one_message(text, decided):
    assert answers.separate_decisions(text) == decided


@pytest.mark.parametrize(
    "text, found",
    [
        (
            "right so we need to pull the credit limit recommender plan the board has parked it until 2028 "
            "so please take it out of this round",
            ("withdraw_plan", None),
        ),
        ("we have to pull the churn model project", ("withdraw_plan", None)),
        ("I want to pull the data from the CRM plan", None),
    ],
)
def test_a_plan_withdrawn_by_its_description(text, found):
    assert patterns.recognise(text) == found
