"""What held-out edition 25 (retired into tests/conversations/dev/heldout25-*.yml) taught, one
test per failure read: the wording that failed, and what it must do now."""

from __future__ import annotations

import pytest

from bot.dialogue import answers
from bot.flow import Confirming
from bot.nlu.patterns import recognise
from bot.queries import titled
from tests.support.reading import read


@pytest.mark.parametrize(
    "text, intent, plan_id",
    [
        # a withdrawal in 公文: the plan named first, "该计划" at the end
        ("经与行领导沟通，1号网点现金需求预测项目拟并入总行统一建设，我部申请撤回该计划。", "withdraw_plan", 1),
        # a change announced with the plan's title in brackets
        ("你好，我们上个月提交的1号计划（片剂外观缺陷视觉检测），有一项需要修改。", "edit_plan", 1),
        # 木有 is 没有
        ("hello～ 通知一下 我们IT部今年木有ML计划哈🙏", "declare_no_plan", None),
    ],
)
def test_acting_requests_of_edition_25_are_recognised(text, intent, plan_id):
    assert recognise(text) == (intent, plan_id)


def test_slang_for_none_does_not_declare_anything_else():
    assert recognise("我们没得选") is None


@pytest.mark.parametrize(
    "text", ["shoot, standup's starting. gimme 20 min", "gimme 20 min", "give me 15 mins", "gimme a minute"]
)
def test_asking_for_a_few_minutes_pauses_the_plan(text):
    reading = read("baseline", text)
    assert reading.kind == "command" and reading.command.kind == "pause"


def test_asking_for_minutes_is_not_read_into_an_answer_about_meetings():
    assert read("baseline", "the weekly meeting decides it by gut feeling").kind == "answer"


def test_a_cantonese_rename_at_the_summary_changes_the_title():
    reading = read("confirmation", "等等，個名想改一改，改做「供應商斷供風險預警」", Confirming.SUBMIT)
    assert reading.kind == "command" and reading.command.kind == "edit"
    assert (reading.command.field, reading.command.value) == ("title", "供應商斷供風險預警")


def test_a_plan_named_by_its_title_is_found_among_those_listed():
    listed = [(2, "客服工单智能分类"), (1, "理赔欺诈识别模型")]
    assert titled(listed, "客服工单智能分类那个，先退回去吧，数据来源写得太笼统了") == 2
    assert titled(listed, "先退回去吧") is None
    assert titled([(2, "风险预测"), (1, "风险预测")], "风险预测那个退回") is None  # two plans of that title


# --- the value tree: branches described, not named ---------------------------------------------


def _model_reads(**sure):
    return lambda text: {
        b: sure.get(b, 0.05) for b in ("revenue", "time_saved", "new_opportunities", "customer_service", "upsell")
    }


def test_a_branch_the_model_is_sure_of_is_added_to_those_the_rules_read():
    text = "多签单多赚钱 还有让老顾客多来几趟"
    assert answers.parse_branches(text) == ["revenue"]
    assert answers.read_branches(text, probabilities=_model_reads(revenue=0.9, upsell=0.8)) == ["revenue", "upsell"]


def test_a_branch_the_model_is_unsure_of_is_not_added():
    text = "多签单多赚钱 还有让老顾客多来几趟"
    assert answers.read_branches(text, probabilities=_model_reads(revenue=0.9, upsell=0.4)) == ["revenue"]


def test_a_branch_taken_back_is_never_added():
    text = "time saved, not revenue"
    assert answers.read_branches(text, probabilities=_model_reads(time_saved=0.9, revenue=0.9)) == ["time_saved"]


def test_branches_named_outright_are_read_as_named():
    assert answers.read_branches("revenue and upsell", probabilities=_model_reads(time_saved=0.99)) == [
        "revenue",
        "upsell",
    ]


def test_an_answer_the_rules_read_nothing_in_is_read_by_a_sure_model():
    text = "the stockrooms stop running dry before weekends"
    assert answers.parse_branches(text) == []
    assert answers.read_branches(text, probabilities=_model_reads(customer_service=0.85)) == ["customer_service"]
    assert answers.read_branches(text, probabilities=_model_reads(customer_service=0.6)) == []


@pytest.mark.parametrize("text", ["not sure", "不确定", "none", "🤷"])
def test_no_answer_is_never_read_as_branches(text):
    assert answers.read_branches(text, probabilities=_model_reads(revenue=0.99)) == []


@pytest.mark.parametrize(
    "text, plan_id",
    [("And 2, send back please. Note: who is the executive sponsor? Please fill it.", 2), ("#3: approve", 3)],
)
def test_a_decision_after_a_bare_plan_number_is_a_review(text, plan_id):
    assert recognise(text) == ("review_plan", plan_id)


def test_a_year_before_a_decision_is_not_a_plan_number():
    assert recognise("2027: approve") != ("review_plan", 2027)


@pytest.mark.parametrize(
    "text",
    [
        "hello～ 通知一下 我们IT部今年木有ML计划哈🙏",  # a greeting and "just telling you" are no reason
        # a 公文 subject line
        "关于2027年度机器学习计划填报事宜，经部门研究，我部本年度暂不申报机器学习项目，特此说明。",
    ],
)
def test_a_no_plan_without_a_reason_gives_none(text):
    assert answers.reason_in(text) is None


def test_a_no_plan_in_slang_keeps_its_reason():
    assert answers.reason_in("我们今年木有计划，因为ERP在换") == "ERP在换"
