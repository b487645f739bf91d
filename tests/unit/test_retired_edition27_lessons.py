"""What held-out edition 27 (retired into tests/conversations/dev/heldout27-*.yml) taught: a choice
said as "not sure, I have to ask the boss", changes asked for politely or by question number,
packed answers numbered point by point, and value said in plain words."""

from __future__ import annotations

import pytest

from bot.dialogue import answers, commands
from bot.flow import Confirming
from bot.nlu import patterns
from bot.plan_schema import FIELDS_BY_NAME
from tests.support.reading import read

FIELDS = list(FIELDS_BY_NAME)


@pytest.mark.parametrize(
    "field, text, value",
    [
        # not sure, then who will be asked: the answer is "not sure", no pause
        ("failure_tolerance", "这个还不确定 要问老板", "unsure"),
        ("q_can_ship", "不知道，得问领导", "unsure"),
        ("q_can_ship", "I'd want to reserve judgment on that until we've seen accuracy numbers.", "unsure"),
        # the conclusion names the answer
        ("q_unused_data", "绩效数据其实都有，但一直只用来出报表，没有真正分析过，所以答案是有。", "yes"),
        ("q_can_do_alone", "我们部门没有技术人员，平台也是外包的，所以答案是不能。", "no"),
    ],
)
def test_answers_of_edition_27(field, text, value):
    reading = read(field, text)
    assert (reading.kind, reading.value) == ("answer", value)


@pytest.mark.parametrize(
    "text",
    [
        "Sorry po, we still don't know who, can we skip this muna?",
        "no idea, skip that one mate",
        "Not sure yet who. Skip first can?",
    ],
)
def test_a_skip_said_with_particles_is_a_skip(text):
    reading = read("executive_sponsor", text)
    assert reading.kind == "command" and reading.command.kind == "skip"


@pytest.mark.parametrize(
    "text, field, value",
    [
        # the option the request ends on, then why
        (
            "Actually, before you submit, can you change the data quality to mixed? I was being generous; the vendor "
            "master is full of duplicates.",
            "data_quality",
            "mixed",
        ),
        ("能不能把数据质量改成一般？之前说得太乐观了，重复数据很多", "data_quality", "一般"),
        ("可以帮我把发起人改成王总吗？", "executive_sponsor", "王总"),
        ("能否将指标改为客诉率下降10%", "metric", "客诉率下降10%"),
        # by the question's number: what was said, then what is true
        (
            "wait, before continue, question 5 i answer yes but really is no, we need the IT guys for this",
            "q_can_do_alone",
            "no, we need the IT guys for this",
        ),
        ("the sponsor I said Tom but actually it is Dana Wu", "executive_sponsor", "Dana Wu"),
    ],
)
def test_changes_asked_for_in_edition_27(text, field, value):
    edit = commands.match(text, FIELDS)
    assert edit is not None and (edit.kind, edit.field, edit.value) == ("edit", field, value)


def test_a_change_asked_at_the_submit_question_is_a_change():
    reading = read("confirmation", "能不能把数据质量改成一般？之前说得太乐观了，重复数据很多", Confirming.SUBMIT)
    assert reading.kind == "command" and reading.command.field == "data_quality"


def test_packed_answers_are_read_point_by_point():
    said = (
        "关于数据情况汇报如下：一、数据来源为费控系统报销单、发票影像及OCR识别结果、员工差旅审批记录；"
        "二、上述数据目前已全部汇入行内数据湖，统一管理；三、数据质量总体良好，关键字段完整率在98%以上。"
    )
    assert read("data_sources", said).extra == {"data_location": "central", "data_quality": "good"}
    said = "1. sources: CRM and call logs; 2. all of it sits in our data lake; 3. quality is mixed"
    assert read("data_sources", said).extra == {"data_location": "central", "data_quality": "mixed"}


@pytest.mark.parametrize(
    "text, branches",
    [
        (
            "Mainly it gives the recruiters their week back: hours not spent reading CVs. I can't honestly claim it "
            "will bring in any money.",
            ["time_saved"],
        ),
        ("主要是省人工，不会直接带来收入", ["time_saved"]),
        (
            "We want to sell more add-ons to the clients we already have. And with the same model we can open a new "
            "segment, the small clinics, that we never attacked before",
            ["new_opportunities", "upsell"],
        ),
        ("主要就是让老用户升到更贵的套餐，再多加几个流量包", ["upsell"]),
        (
            "我想主要是把本来要流失的保单留住，保费收入会增加；另外，提前关怀客户，客户的感受也会好一些。",
            ["revenue", "customer_service"],
        ),
        (
            "Buyers will save many hours which they are wasting in chasing vendors, and we can give our customers "
            "correct delivery date promise",
            ["time_saved", "customer_service"],
        ),
    ],
)
def test_value_described_in_edition_27(text, branches):
    assert answers.parse_branches(text) == branches


@pytest.mark.parametrize(
    "text",
    ["Afternoon. Has Sales sent anything in for next year?", "有没有收到销售部的计划？", "销售部交了没有？"],
)
def test_asking_whether_a_unit_has_filed_is_about_its_plans(text):
    assert patterns.about_units_plans(text)


@pytest.mark.parametrize("text", ["Have we sent anything in yet?", "我们交了没有？"])
def test_asking_about_ones_own_filing_is_not_about_another_units_plans(text):
    assert not patterns.about_units_plans(text)
