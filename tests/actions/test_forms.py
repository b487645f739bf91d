"""The way out works at every question of every form: pause, leave, switch language,
show my plans and start a change, in both languages (issue 12)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.confirmations import ActionConfirmFormDone, ValidateConfirmForm
from actions.forms import corrected
from actions.plan_flow import ActionNoPlanFormDone, ValidateNoPlanForm
from actions.plan_form import ValidatePlanForm
from actions.planning_office import ActionReviewFormDone, ValidateReviewForm
from bot import directory, messages
from bot.dialogue.answers import parse_branches
from bot.dialogue.commands import Command
from bot.store.db import session_scope
from tests.support.forms import followup, form_tracker, run, slots_of, texts
from tests.support.trackers import make_tracker

FORMS = [
    (
        "plan_form",
        "q_needs_ml",
        ValidatePlanForm,
        {"title": "t", "problem": "p", "q_important": "yes", "q_real_problem": "yes", "q_unused_data": "yes"},
    ),
    ("confirm_form", "confirmation", ValidateConfirmForm, {"confirming": "start", "plan_year": 2027}),
    ("confirm_form", "confirmation", ValidateConfirmForm, {"confirming": "submit", "plan_draft_id": 1}),
    ("confirm_form", "confirmation", ValidateConfirmForm, {"confirming": "withdraw", "withdraw_candidate": 1}),
    ("no_plan_form", "no_plan_reason", ValidateNoPlanForm, {}),
    ("review_form", "review_decision", ValidateReviewForm, {"review_plan_id": 1}),
    ("review_form", "review_note", ValidateReviewForm, {"review_plan_id": 1, "review_decision": "approved"}),
]
IDS = [f"{form}-{asked}-{extra.get('confirming', '')}" for form, asked, _, extra in FORMS]


def say(form, asked, validation, extra, text, sender="li.wei", lang="zh"):
    tracker = form_tracker(sender, text, form=form, asked=asked, slots={"language": lang, **extra})
    dispatcher = CollectingDispatcher()
    return slots_of(run(validation(), tracker, dispatcher)), dispatcher


@pytest.mark.parametrize("form, asked, validation, extra", FORMS, ids=IDS)
@pytest.mark.parametrize(
    "text, kind",
    [("算了，不填了", "pause"), ("I'll finish later", "pause"), ("暂停", "pause"), ("bye", "leave"), ("拜拜", "leave")],
)
def test_pausing_and_leaving_end_every_form(directory_db, form, asked, validation, extra, text, kind):
    slots, _ = say(form, asked, validation, extra, text)
    assert slots["form_exit"] == kind and slots["requested_slot"] is None and slots[asked] is None


@pytest.mark.parametrize("form, asked, validation, extra", FORMS, ids=IDS)
def test_switching_language_at_every_form_is_remembered_and_asks_again(directory_db, form, asked, validation, extra):
    slots, dispatcher = say(form, asked, validation, extra, "please speak English", lang="en")
    assert slots["requested_slot"] == asked and slots[asked] is None and slots["reask"] == "back"
    assert texts(dispatcher) == [messages.text("language_changed", "en")]
    with session_scope() as session:
        assert directory.lookup(session, "li.wei").lang == "en"


@pytest.mark.parametrize("form, asked, validation, extra", FORMS, ids=IDS)
def test_show_my_plans_at_every_form_answers_and_asks_again(directory_db, form, asked, validation, extra):
    slots, dispatcher = say(form, asked, validation, extra, "我们部门的计划有哪些？")
    assert slots["requested_slot"] == asked and slots["reask"] == "back"
    assert "零售部" in texts(dispatcher)[0]


@pytest.mark.parametrize("text, lang", [("wait can I see what I've filled in so far?", "en"), ("看看我都填了啥", "zh")])
def test_the_answers_so_far_mid_plan_then_the_question_again(directory_db, text, lang):
    form, asked, validation, extra = FORMS[0]
    slots, dispatcher = say(form, asked, validation, extra, text, lang=lang)
    assert slots["requested_slot"] == asked and slots[asked] is None and slots["reask"] == "back"
    shown = texts(dispatcher)[0]
    assert shown.startswith(messages.text("plan_so_far_header", lang, count=5, total=22))
    assert messages.text("field.q_unused_data", lang) in shown and messages.text("field.q_needs_ml", lang) not in shown


@pytest.mark.parametrize(
    "text, lang",
    [("还有多少个问题啊，快点", "zh"), ("how many more questions? hurry up", "en"), ("are we nearly done?", "en")],
)
def test_how_many_questions_are_left_mid_plan_then_the_question_again(directory_db, text, lang):
    form, asked, validation, extra = FORMS[0]
    slots, dispatcher = say(form, asked, validation, extra, text, lang=lang)
    assert slots["requested_slot"] == asked and slots[asked] is None and slots["reask"] == "back"
    assert texts(dispatcher) == [messages.text("form_progress", lang, done=5, left=17, total=22)]


def test_how_many_questions_are_left_at_the_review_note(directory_db):
    slots, dispatcher = say(*FORMS[-1], "还有几个问题")
    assert slots["requested_slot"] == "review_note" and slots["review_note"] is None
    assert texts(dispatcher) == [messages.text("form_progress_last", "zh")]


@pytest.mark.parametrize(
    "form, asked, validation, extra",
    [f for f in FORMS if f[0] != "plan_form"],
    ids=[i for i in IDS if not i.startswith("plan_form")],
)
def test_starting_a_change_at_any_other_form_leaves_it_for_the_change(directory_db, form, asked, validation, extra):
    slots, _ = say(form, asked, validation, extra, "wait, change the sponsor", lang="en")
    assert slots["requested_slot"] is None and slots["plan_editing"] == "executive_sponsor"
    assert slots["form_exit"] == "edit" or extra.get("confirming") == "submit"


@pytest.mark.parametrize(
    "done, slots",
    [
        (ActionConfirmFormDone, {"confirming": "withdraw", "withdraw_candidate": 1}),
        (ActionNoPlanFormDone, {}),
        (ActionReviewFormDone, {"review_plan_id": 1}),
    ],
)
def test_a_change_asked_from_another_form_goes_to_the_change(directory_db, dispatcher, done, slots):
    events = done().run(
        dispatcher,
        make_tracker(
            "li.wei", slots={"language": "en", "form_exit": "edit", "plan_editing": "executive_sponsor", **slots}
        ),
        {},
    )
    assert followup(events) == "action_edit_plan"


@pytest.mark.parametrize(
    "text, lang",
    [("等等 上一个我说错了 其实没什么数据", "zh"), ("sorry, the last one was wrong, there is hardly any data", "en")],
)
def test_the_previous_answer_said_wrong_is_changed_and_the_question_asked_again(directory_db, text, lang):
    form, asked, validation, extra = FORMS[0]
    slots, dispatcher = say(form, asked, validation, {**extra, "plan_year": 2027}, text, lang=lang)
    assert slots["q_unused_data"] == "no"
    assert slots["requested_slot"] == asked and slots.get(asked) is None


def test_one_more_value_tree_branch_is_added_to_the_ones_given(directory_db):
    tracker = make_tracker("li.wei", slots={"value_branches": ["revenue", "time_saved"]})
    added = corrected(Command("edit", field="value_branches", value="追加销售", adds=True), tracker)
    assert parse_branches(added) == ["revenue", "time_saved", "upsell"]
