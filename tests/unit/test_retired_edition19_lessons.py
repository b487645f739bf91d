"""What the retired held-out edition 19 (tests/conversations/dev/heldout19-*.yml) showed the
reader, the command matcher and the request patterns getting wrong, one case per failure."""

import pytest

from bot.dialogue import answers, commands
from bot.nlu.patterns import about_units_plans, asks_for_own_plans, lists_plans, recognise, second_opinion
from bot.plan_schema import ANSWER_FIELD_NAMES
from tests.support.reading import read


@pytest.mark.parametrize(
    "text, field, value",
    [
        (
            "One more thing. I talked just now with Péter and he says there is a reserve for failed experiments "
            "after all. Can you change this in my plan?",
            "failure_tolerance",
            "budgeted",
        ),
        (
            "不好意思，刚提交的那份计划有一项要更正：失败实验那一项，财务昨天批了，单列了五十万试错经费",
            "failure_tolerance",
            "budgeted",
        ),
        (
            "Sorry, I want to go back. For the pilot team I said no but better yes, we make small pilot first",
            "pilot_team",
            "yes",
        ),
        ("And one more. Pilot team, we decided yes.", "pilot_team", "yes"),
        ("数据质量一项当时填的是“好”，后经核查缺失和错配不少，烦请更正为“差”。", "data_quality", "poor"),
    ],
)
def test_changes_said_in_passing_name_one_question_and_its_new_answer(text, field, value):
    edit = commands.match_edit(text, ANSWER_FIELD_NAMES)
    assert edit is not None and edit.field == field
    assert answers.parse_choice(field, edit.value) == value


def test_a_changed_sponsor_said_in_office_words():
    edit = commands.match_edit("另外，执行发起人也需要更正，已换成财务总监梁志刚。", ANSWER_FIELD_NAMES)
    assert edit is not None and edit.field == "executive_sponsor" and "梁志刚" in edit.value


@pytest.mark.parametrize("text", ["Can you change this?", "the sponsor left. Can you change this in my plan?"])
def test_a_bare_request_to_change_names_no_answer(text):
    assert commands.match_edit(text, ANSWER_FIELD_NAMES) is None


@pytest.mark.parametrize(
    "text, value",
    [
        ("等等 上一个我说错了 其实我们自己能搞 有个兽医会写代码", "我们自己能搞 有个兽医会写代码"),
        ("上一题说错了，其实我们自己能搞", "我们自己能搞"),
        ("sorry, the last one was wrong, we can do it alone", "we can do it alone"),
    ],
)
def test_the_previous_answer_said_wrong_is_answered_again(text, value):
    reading = read("q_can_ship", text)
    assert reading.kind == "command" and reading.command.kind == "back" and reading.command.value == value


def test_going_back_without_an_answer_still_goes_back():
    reading = read("q_can_ship", "上一题")
    assert reading.command.kind == "back" and reading.command.value is None


@pytest.mark.parametrize(
    "text, intent, number",
    [
        ("俺们采购部明年不报那个机器学习计划了", "declare_no_plan", None),
        (
            "Hello dear, I want to inform you that Procurement department has not any machine learning plan for the "
            "next year",
            "declare_no_plan",
            None,
        ),
        ("中 这个批了吧", "review_plan", None),
        ("Ok, I review 1. This one I must send back, the metric is not measurable", "review_plan", 1),
        ("Hi. Need to change plan 1. Sponsor is not same anymore.", "edit_plan", 1),
    ],
)
def test_requests_of_edition_19(text, intent, number):
    found = recognise(text) or (second_opinion(text, "ask_faq"), None)
    assert found == (intent, number)


@pytest.mark.parametrize(
    "text", ["如果明年不报机器学习计划会怎样", "明年不报机器学习计划可以吗？", "我们去年没有做计划，今年想做一个ML计划"]
)
def test_asking_about_no_plan_or_wanting_one_is_no_declaration(text):
    assert second_opinion(text, "ask_faq") != "declare_no_plan"


@pytest.mark.parametrize(
    "text", ["中国的计划", "how do I review plan 3?", "I need to change plan 1 to plan 2 in my notes?"]
)
def test_look_alikes_request_nothing(text):
    assert recognise(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Assalamu alaikum. Kindly note Customer Support is not having any ML plan for 2027.",
        "烦请登记一下，信息技术部明年没有机器学习计划",
        "Hello dear, I want to inform you that Procurement department has not any machine learning plan for next year",
    ],
)
def test_greetings_and_requests_to_record_are_no_reason(text):
    assert answers.reason_in(text) is None


@pytest.mark.parametrize(
    "text, decision, note",
    [
        (
            "SEND #3 BACK. THE METRIC IS TOO VAGUE, I WANT A NUMBER.",
            "needs_work",
            "THE METRIC IS TOO VAGUE, I WANT A NUMBER",
        ),
        ("Plan 4 is approved. Nice work on the baseline.", "approved", "Nice work on the baseline"),
        ("approve plan 1: solid metric, start with the pilot", "approved", "solid metric, start with the pilot"),
    ],
)
def test_the_note_is_everything_after_the_decision(text, decision, note):
    assert answers.split_review(text) == (decision, note)


@pytest.mark.parametrize(
    "field, text, value",
    [
        ("q_needs_ml", "I AM TOLD SO. KEYWORD SEARCH DOES NOT WORK ON THE SCANNED ONES.", "yes"),
        ("failure_tolerance", "领导说失败了不怕 钱给留着哩", "budgeted"),
        ("q_real_problem", "Yah, real as a January morning, no question", "yes"),
        ("q_real_problem", "no, that's not a question we can answer", "no"),
        (
            "data_location",
            "it's all in different places, Marketing's got theirs, we got ours, and nobody shares",
            "siloed",
        ),
        ("data_quality", "Good to be fair, the app events are proper clean and the CRM got tidied this year", "good"),
        ("data_quality", "to be fair it's pretty poor", "poor"),
        ("data_quality", "fair", "mixed"),
        ("q_can_do_alone", "能……哦不对，应该说不能，我们没有做数据分析的人，得靠信息技术部", "no"),
    ],
)
def test_answers_of_edition_19(field, text, value):
    assert answers.parse_choice(field, text) == value


@pytest.mark.parametrize(
    "question, text",
    [("pilot_team", "试点团队干嘛的？？"), ("skill_gaps", "技能缺口这个东西 书上说咋补啊")],
)
def test_questions_back_are_explained_not_saved(question, text):
    reading = read(question, text)
    assert reading.kind == "command" and reading.command.kind == "explain"


def test_doubting_the_need_then_not_doing_it_declines():
    assert read("pilot_team", "试点团队？有必要吗？那先不弄了").value == "no"
    assert read("pilot_team", "先不弄了").command.kind == "pause"


@pytest.mark.parametrize(
    "text", ["I regret that I must now attend to other matters. We shall resume this at a later date.", "容后再续"]
)
def test_formal_ways_of_leaving_pause(text):
    reading = read("technical_experts", text)
    assert reading.kind == "command" and reading.command.kind == "pause"


@pytest.mark.parametrize(
    "text, value",
    [
        ("there is hardly any data", "no"),
        ("we have hardly any data", "no"),
        ("there is very little data", "no"),
        ("we have lots of data nobody uses", "yes"),
        ("we have no idea", "unsure"),
    ],
)
def test_an_opening_yes_followed_by_a_quantity_of_nothing_is_no(text, value):
    assert answers.parse_choice("q_unused_data", text) == value


@pytest.mark.parametrize("text", ["这个pass 下一题", "这题pass"])
def test_pass_skips_the_question(text):
    reading = read("skill_gaps", text)
    assert reading.kind == "command" and reading.command.kind == "skip"


@pytest.mark.parametrize(
    "text, found",
    [
        ("Thx. Cam you open #1 for me", ("show_plan", 1)),
        (
            "Great. Want to circle back on plan #1. Our north star moved, so the success metric needs a refresh",
            ("edit_plan", 1),
        ),
        ("hi, approve plan 3", ("review_plan", 3)),
    ],
)
def test_requests_after_thanks_or_a_greeting(text, found):
    assert recognise(text) == found


def test_what_we_have_on_file_is_the_leads_own_plans():
    assert asks_for_own_plans("Hey team, can you give me a quick snapshot of what we've got on file for FY27")
    assert not asks_for_own_plans("what is a value tree?")


def test_wanting_to_see_a_units_drafts_lists_them():
    assert lists_plans("Good morning. Please, I want to see the plans of logistics, only the ones in draft")
    assert not about_units_plans("I want to see my plans")
    assert not about_units_plans("I want to draft a plan for logistics")


@pytest.mark.parametrize(
    "text, value",
    [
        ("价值树那个再加一个追加销售 我们卖VIP包过班", "追加销售 我们卖VIP包过班"),
        ("value tree: also add upsell", "upsell"),
    ],
)
def test_one_more_branch_keeps_the_others(text, value):
    edit = commands.match_edit(text, ANSWER_FIELD_NAMES)
    assert (edit.field, edit.value, edit.adds) == ("value_branches", value, True)


def test_a_question_about_the_value_tree_adds_nothing():
    assert commands.match_edit("价值树是什么", ANSWER_FIELD_NAMES) is None


@pytest.mark.parametrize(
    "field, text, value",
    [
        ("failure_tolerance", "Mike said try um, if no work da first time no big deal, get budget fo dat", "budgeted"),
        ("failure_tolerance", "if it fails there's no money set aside, it must work", "must_succeed"),
        ("failure_tolerance", "no budget set aside", "must_succeed"),
        ("data_quality", "da quality stay pretty good, not perfect but good", "good"),
        ("data_quality", "not perfect", "mixed"),
    ],
)
def test_conditions_and_concessions_of_edition_19(field, text, value):
    assert answers.parse_choice(field, text) == value


@pytest.mark.parametrize(
    "question, text",
    [
        ("confirmation", "hang on, what did I say for the data quality?"),
        ("metric", "我数据质量填的啥来着"),
        ("metric", "what did I put for the sponsor?"),
    ],
)
def test_asking_what_was_answered_shows_the_answers(question, text):
    reading = read(question, text, "submit") if question == "confirmation" else read(question, text)
    assert reading.kind == "command" and reading.command.kind == "show_answers"


def test_what_did_you_mean_still_explains():
    assert read("metric", "what did you mean?").command.kind == "explain"


@pytest.mark.parametrize(
    "text, note",
    [
        ("this one's fine, approve it - good baseline, keep the pilot small", "good baseline, keep the pilot small"),
        ("looks fine, approve it - keep the pilot small", "keep the pilot small"),
    ],
)
def test_a_note_around_a_bare_approve_it(text, note):
    decision, said = answers.split_review(text)
    assert decision == "approved" and note in said


def test_what_has_come_in_for_a_year_lists_the_plans():
    assert lists_plans("hi, what's come in so far for 2027?")


def test_rather_put_an_option_as_the_question():
    edit = commands.match_edit(
        "On reflection, I would rather put the centre of excellence as the scaling route, not annual planning. "
        "Would that be possible?",
        ANSWER_FIELD_NAMES,
    )
    assert edit.field == "scaling_path" and answers.parse_choice("scaling_path", edit.value) == "coe"


def test_a_change_that_only_says_the_old_answer_was_wrong_asks_for_the_new_one():
    edit = commands.match_edit(
        "The data quality one. We said it was good but having looked properly, it isn't.", ANSWER_FIELD_NAMES
    )
    assert edit.field == "data_quality" and edit.value is None


@pytest.mark.parametrize(
    "text, value",
    [
        ("must work, we dont have budget for a second try", "must_succeed"),
        ("we don't have budget for failures", "must_succeed"),
        ("we dont have any money set aside for failures", "must_succeed"),
        ("we have budget for a second try", "budgeted"),
        ("yes we have money set aside for failures", "budgeted"),
    ],
)
def test_budget_denied_without_an_apostrophe_is_must_succeed(text, value):
    assert answers.parse_choice("failure_tolerance", text) == value
