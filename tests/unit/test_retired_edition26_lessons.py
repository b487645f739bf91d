"""What held-out edition 26 (retired into tests/conversations/dev/heldout26-*.yml) taught: value
described clause by clause, read by who is spared the work, who is pleased, and what is new."""

from __future__ import annotations

import pytest

from bot.dialogue import answers
from bot.nlu.patterns import recognise
from tests.support.reading import read


@pytest.mark.parametrize(
    "text, branches",
    [
        # staff spared the work is time saved; customers spared it are served better
        ("评片员不用熬眼睛了，一个人能顶俩", ["time_saved"]),
        ("病人来了能拿到药，不用白跑一趟；采购员也不用每个月熬夜对表了", ["time_saved", "customer_service"]),
        ("多追回钱，稽查少跑腿", ["revenue", "time_saved"]),
        (
            "Customers not get shock bill, less angry. And our agents no need spend whole winter to explain bills.",
            ["time_saved", "customer_service"],
        ),
        # customers pleased, whoever they are
        (
            "车主的问题一次就转到对的人手上，处理快了满意度就上来了；坐席也不用花时间挑分类",
            ["time_saved", "customer_service"],
        ),
        (
            "they get offered stuff that fits them instead of a pushy pitch, so they walk away happier",
            ["customer_service"],
        ),
        # new: what could not be done before, others paying for it, a channel opened
        ("品质稳了，可以去接欧洲那些要求高的单子，以前我们弗敢接", ["new_opportunities"]),
        ("Also other traders and flour mills may pay us to keep their wheat", ["new_opportunities"]),
        ("还能开个网上卖土特产礼盒的新路子", ["new_opportunities"]),
        # existing customers buying more is upsell
        ("Clients who already buy stocks from us will also buy our funds and bonds from us", ["upsell"]),
        ("对预警正常的优质客户，可以顺势做交叉营销", ["upsell"]),
        ("让老客户回来加拍周年照", ["upsell"]),
        # money in any form
        ("when the dormant clients start trading again, commission comes back into the company", ["revenue"]),
        ("we'd actually get paid for visits we already did", ["revenue"]),
    ],
)
def test_value_described_in_edition_26(text, branches):
    assert answers.parse_branches(text) == branches


@pytest.mark.parametrize(
    "text",
    [
        # customers or suppliers being paid is their service, not our revenue
        "Customer service, cos honest folk get paid quicker, and time saved for the handlers",
        # an order delivered on time is not more orders
        "车间不缺人了订单就能按时交 客户不骂了 hr也不用天天招人面试",
    ],
)
def test_what_is_not_revenue(text):
    assert "revenue" not in answers.parse_branches(text)


@pytest.mark.parametrize(
    "text",
    [
        "最直接的是少出不良、少核销，这个不算收入，算少亏的钱；另外客户经理不用再挨家走访，时间能省出来不少",
        "Mostly fewer wasted paid hours (that's a cost saving, not extra money coming in) and supervisors not "
        "spending Sunday nights on the phone",
    ],
)
def test_a_cost_saving_said_not_to_be_revenue_is_not_revenue(text):
    sure_of_revenue = lambda _text: {"revenue": 0.99, "time_saved": 0.9}  # noqa: E731
    assert "revenue" not in answers.read_branches(text, probabilities=sure_of_revenue)
    assert "time_saved" in answers.read_branches(text, probabilities=sure_of_revenue)


def test_members_and_students_are_not_staff():
    assert answers.parse_branches("会员不用排队了") == ["customer_service"]


@pytest.mark.parametrize(
    "text, intent, plan_id",
    [
        # the plan's number said first, then what it is called, then the decision: that plan, not the last one
        ("And 2, the dealer credit one, send that back. Note: no scaling path at all.", "review_plan", 2),
        # the decision opens the second sentence
        ("the water one's fine. approve 1, note: good plan, keep Fiona in the loop", "review_plan", 1),
        ("1 过 👍", "review_plan", 1),
        ("经审阅，该计划存在以下问题：①执行发起人未明确。现予退回，请补充完善后重新报送。", "review_plan", None),
        ("It is not so bad, but I think it needs a bit more work before we say yes.", "review_plan", None),
        # Shanghainese: 勿要 is 不要, 撤脱 is 撤掉
        (
            "侬好，阿拉有份两融客户流失预警的计划，总部讲要统一来做，阿拉搿份勿要了，帮我撤脱伊好伐",
            "withdraw_plan",
            None,
        ),
        # no plan: Scots "no doing", 公文 "暂不编制", "明年不报", "put down no plan"
        ("Right, just so it's on record: IT's no doing a machine learning plan for 2027.", "declare_no_plan", None),
        ("经研究，因我局正在推进机构改革，2027年度我科暂不编制机器学习计划。", "declare_no_plan", None),
        ("等等，人力资源部？我们人力搞机器学习？这还用问？肯定没有啊，明年不报。", "declare_no_plan", None),
        ("Thinking about it we've got nothing for next year. Can we just put down no plan?", "declare_no_plan", None),
        ("经部门研究，我部今年暂无机器学习方面的计划，特此报备，烦请知悉。", "declare_no_plan", None),
        ("那就按没有计划报吧。我们的分拣线明年要整体搬迁到新园区。", "declare_no_plan", None),
    ],
)
def test_requests_of_edition_26_are_recognised(text, intent, plan_id):
    assert recognise(text) == (intent, plan_id)


def test_a_number_in_a_measure_is_not_a_plan_reviewed():
    assert recognise("we need 2 more weeks of work on it") is None


@pytest.mark.parametrize(
    "field, text, value",
    [
        ("q_real_problem", "It's no hypothetical, we had two boil notices last winter.", "yes"),
        ("q_important", "Is it not important when we lose millions every year? Of course it is.", "yes"),
        ("q_needs_ml", "Of course not.", "no"),
        ("q_real_problem", "没有哪周不为这个吵架的", "yes"),
        ("q_real_problem", "是真事儿不是瞎整", "yes"),
    ],
)
def test_yes_said_by_denying_its_opposite(field, text, value):
    assert read(field, text).value == value


def test_qualifying_answers_counted_in_words():
    reading = read(
        "q_important", "头一个贼重要 第二个是真事儿 第三个有数据 第四个得用机器学习 第五个俺们自己整不明白 第六个能上线"
    )
    assert reading.value == "yes"
    assert reading.extra == {
        "q_real_problem": "yes",
        "q_unused_data": "yes",
        "q_needs_ml": "yes",
        "q_can_do_alone": "no",
        "q_can_ship": "yes",
    }


def test_passing_is_no_reason():
    assert answers.reason_in("From Legal this year there will be no plan. Nothing. We pass.") is None


def test_a_quarter_is_not_a_plan_number():
    from bot.planning import number_in

    assert number_in("show the savings after Q2") is None
    assert number_in("approve 2") == 2


@pytest.mark.parametrize("text", ["过", "1 过 👍", "能过"])
def test_passed_is_approved(text):
    assert answers.parse_decision(text) == "approved"
    assert answers.parse_decision("不过") is None


def test_a_no_plan_said_at_the_start_is_not_a_rhetorical_yes():
    from bot.flow import Confirming

    reading = read(
        "confirmation", "等等，人力资源部？我们人力搞机器学习？这还用问？肯定没有啊，明年不报。", Confirming.START
    )
    assert reading.kind == "command" and reading.command.kind == "no_plan"


def test_no_plan_asked_for_while_naming_the_plan_leaves_the_form():
    reading = read("title", "Thinking about it we've got nothing for next year. Can we just put down no plan?")
    assert reading.kind == "command" and reading.command.kind == "no_plan"


@pytest.mark.parametrize(
    "text",
    [
        "It is a little difficult. To be honest, no, we cannot do it alone; we need the IT department.",
        "①审核规则我们能定；②建模要靠信息中心；所以我们科单独完成不了。",
        "Can Finance alone build such a thing? No, we need IT and the housing officers.",
    ],
)
def test_the_conclusion_decides_whether_the_unit_can_do_it_alone(text):
    assert read("q_can_do_alone", text).value == "no"


def test_numbered_qualifying_answers_still_go_each_to_their_question():
    reading = read("q_important", "1. yes, very\n2. yes\n3. no")
    assert reading.value == "yes" and reading.extra == {"q_real_problem": "yes", "q_unused_data": "no"}
