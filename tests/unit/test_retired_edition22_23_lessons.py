"""What held-out editions 22 and 23, read after they were retired, showed the readers getting wrong:
value described instead of named, the six questions answered as a numbered list, rhetorical and echoed
answers, "no plan" said in the middle of a plan, and withdrawals, edits and listings in new words."""

from __future__ import annotations

import pytest

from bot.dialogue import answers, commands
from bot.nlu import patterns
from bot.plan_schema import ANSWER_FIELD_NAMES
from tests.support.reading import read


@pytest.mark.parametrize(
    "text, branches",
    [
        ("Time, mostly. And output, so money.", ["revenue", "time_saved"]),
        ("$$ and time", ["revenue", "time_saved"]),
        (
            "Mostly money saved on payouts, and quicker settlement for honest customers.",
            ["revenue", "customer_service"],
        ),
        ("Clinician time, mainly, and shorter waits for patients, I suppose", ["time_saved", "customer_service"]),
        ("agent time obviously. and customers no stuck in the queue as long", ["time_saved", "customer_service"]),
        ("Revenue side, because we stop losing money, and also the time of the AP officers", ["revenue", "time_saved"]),
        ("Fewer complaints from customers and less inspection time", ["time_saved", "customer_service"]),
        ("Mostly revenue, and eventually we find new segments of clients", ["revenue", "new_opportunities"]),
        ("Buyer save time, and we can find new suppliers", ["time_saved", "new_opportunities"]),
        ("Profit, because less fraud is paid, and honest customers get paid faster", ["revenue", "customer_service"]),
        ("time savings and new opportunities", ["time_saved", "new_opportunities"]),
        ("一则节省师傅跑冤枉路的时间，二则客户少受困人之苦，服务口碑更好", ["time_saved", "customer_service"]),
        ("通关快了省时间，客户也高兴", ["time_saved", "customer_service"]),
        ("主要是节省护士长排班的时间，还有让病人得到更好的护理服务。", ["time_saved", "customer_service"]),
        ("少烂点货就是多挣钱，再一个省得库管天天进去翻", ["revenue", "time_saved"]),
        # named outright: as before
        ("Time saved and customer service, maybe new opportunities down the line", ["time_saved", "customer_service"]),
        ("just time saved", ["time_saved"]),
    ],
)
def test_value_described_instead_of_named_finds_its_branches(text, branches):
    assert read("value_branches", text).value == branches


def test_the_six_questions_answered_as_a_numbered_list_go_each_to_its_question():
    text = (
        "Hi again,\n\nOn the six questions, in order:\n"
        "1. Yes, absolutely - leakage on motor is the board's number one worry this year.\n"
        "2. It does, yes, it's costing us real money.\n"
        "3. There's loads of it - fifteen years of claims notes that nobody has ever mined.\n"
        "4. I'd say so; rules have been tried and they're hopeless.\n"
        "5. Honestly, no - we'd need IT and probably an outside partner.\n"
        "6. Not sure, to be honest, it depends on the core claims system.\n\nKind regards,\nNiamh"
    )
    reading = read("q_important", text)
    assert reading.value == "yes"
    assert dict(reading.extra) == {
        "q_real_problem": "yes",
        "q_unused_data": "yes",
        "q_needs_ml": "yes",
        "q_can_do_alone": "no",
        "q_can_ship": "unsure",
    }
    assert dict(read("q_unused_data", "3. yes plenty\n4. yes\n5. no").extra) == {
        "q_needs_ml": "yes",
        "q_can_do_alone": "no",
    }


@pytest.mark.parametrize(
    "question, text, value",
    [
        ("q_important", "几千万的钱一大半打水漂，那还用说？", "yes"),
        ("q_real_problem", "难道不是吗？书没人借就是浪费", "yes"),
        ("q_can_ship", "为什么不能？做出来让客服提前打电话确认就行", "yes"),
        ("q_needs_ml", "不用机器学习，难道靠算命？", "yes"),
        ("q_can_do_alone", "我们客服部哪有人懂这个？肯定要找技术部啊", "no"),
        ("q_important", "重要吗？很重要，老板天天问", "yes"),
        ("q_needs_ml", "要呢，天气、节假日、周边活动都影响客流，人算不清楚", "yes"),
        ("scaling_path", "Maybe through the yearly planning cycle?", "annual_planning"),
        ("q_important", "It is not possible to not do it, the CFO is on our neck", "yes"),
        ("q_important", "你说呢？一个档期就是两三千块，能不重要吗？", "yes"),
        ("pilot_team", "不组个试点小组怎么行？", "yes"),
        ("pilot_team", "不先试点，难道一上来就全机队铺开？当然先组试点团队", "yes"),
        ("q_can_do_alone", "No, we'll need IT. Obviously.", "no"),
        ("value_branches", "节省时间和新机会，收入这块不指望", ["time_saved", "new_opportunities"]),
        ("q_unused_data", "Yes, seven years of accounts payable data. Actually no, it's closer to ten.", "yes"),
        ("q_unused_data", "Yes. Actually no, nobody has that data.", "no"),
        ("data_quality", "Poor, I'm afraid. Well, no, that's unfair - fair to middling.", "mixed"),
        ("data_location", "The logs are collected together in one log platform, Splunk", "central"),
        ("data_location", "都在车间那台DCS服务器上面别的部门也拿不到", "siloed"),
        (
            "failure_tolerance",
            "We've had things not pan out before and lived to tell it. Corporate gave us a little innovation money "
            "for exactly that.",
            "budgeted",
        ),
    ],
)
def test_rhetorical_hedged_and_regional_answers_are_answers(question, text, value):
    reading = read(question, text)
    assert (reading.kind, reading.value) == ("answer", value)


def test_a_question_echoed_before_its_answer_is_answered_and_the_echo_alone_is_explained():
    assert read("confirmation", "部门和年份对吗？对。", confirming="start").value == "yes"
    assert read("confirmation", "着，无错", confirming="start").value == "yes"
    assert read("confirmation", "部门和年份对吗？", confirming="start").kind == "command"


@pytest.mark.parametrize(
    "text",
    [
        "Sorry krub, I just check with my director, actually marketing not have ML plan next year. Budget is freeze.",
        "啊等下 我刚问了老大 我们今年不搞了 预算全砍了 报个没有计划就行 栓Q",
    ],
)
def test_no_plan_said_at_a_plan_question_leaves_for_the_no_plan_record(text):
    reading = read("problem", text)
    assert reading.kind == "command" and reading.command.kind == "no_plan"


@pytest.mark.parametrize(
    "text", ["no plan for scaling yet", "No plan yet for after the pilot", "技术人员还没定，这个先空着吧"]
)
def test_no_plan_for_one_question_is_not_no_plan_at_all(text):
    reading = read("scaling_path" if "scal" in text or "pilot" in text else "technical_experts", text)
    assert not (reading.kind == "command" and reading.command.kind == "no_plan")


@pytest.mark.parametrize(
    "text, found",
    [
        ("Y'all can scratch our plan #1, the budget got yanked. Need to pull it.", ("withdraw_plan", 1)),
        (
            "Hello, we want to take back our cash flow forecasting plan. Holding company will do it.",
            ("withdraw_plan", None),
        ),
        ("您好，1号计划需修改一项：执行发起人变更，现由财务总监王丽萍担任。", ("edit_plan", 1)),
        ("please change the sponsor of plan 1 to Jane Doe", ("edit_plan", 1)),
        ("调阅计划 #2。", ("show_plan", 2)),
        ("hey before i start this plan thing - whats the actual difference between AI and machine learning", None),
        ("pull plan 3", None),
        (
            "Hey, so that claims triage plan we sent in, go ahead and withdraw it, we're not doing it after all.",
            ("withdraw_plan", None),
        ),
        ("Need to change summat on our solder inspection plan, number 1. The target's wrong", ("edit_plan", 1)),
        ("can you pull up our fraud detection plan", None),
    ],
)
def test_requests_in_new_words(text, found):
    assert patterns.recognise(text) == found


@pytest.mark.parametrize(
    "text, status",
    [
        ("还在草稿里没交的呢？", "draft"),
        ("what about the drafts?", "draft"),
        ("whats waiting on review for 27", "submitted"),
        ("嗯嗯，那现在还在草稿状态的有哪些嘞？", "draft"),
        ("那被退回修改的呢", "needs_work"),
        ("what about the approved ones?", "approved"),
    ],
)
def test_a_follow_up_listing_by_status(text, status):
    assert patterns.listing_by_status(text) == ("query_plans", status)


def test_a_listing_of_what_a_unit_submitted_in_formal_chinese():
    assert patterns.lists_plans("请列出风控部2027年度提交的机器学习计划。")


@pytest.mark.parametrize(
    "text, reason",
    [
        ("你好，想同你講聲，我哋IT部今年冇機器學習計劃", None),
        ("哦不对，我想了一下，我们采购部今年其实没有机器学习的项目，这个不填了", None),
        ("呃等等，我刚和主任确认了，我们人事部今年其实没有机器学习的计划", None),
        ("我们今年没有计划，因为人手不够", "人手不够"),
    ],
)
def test_courtesies_and_who_was_asked_are_not_the_reason(text, reason):
    assert answers.reason_in(text) == reason


def test_a_note_for_the_lead_may_name_an_answer():
    reading = read("review_note", "不良率的基线没讲清楚让他们补充一下")
    assert (reading.kind, reading.value) == ("answer", "不良率的基线没讲清楚让他们补充一下")


@pytest.mark.parametrize(
    "text, field, value",
    [
        (
            "Sorry, before I answer, the question 5 I answered wrong. "
            "We cannot do it alone, we need IT department help.",
            "q_can_do_alone",
            "We cannot do it alone, we need IT department help",
        ),
        ("wait. data quality not good actually, is poor. log book many empty. pls change", "data_quality", "poor"),
        ("等一下，data quality 我刚刚讲错了，其实外部数据缺失挺多的，应该算一般", "data_quality", "一般"),
    ],
)
def test_a_change_of_an_earlier_answer_in_new_words(text, field, value):
    command = commands.match(text, ANSWER_FIELD_NAMES)
    assert command is not None and (command.kind, command.field, command.value) == ("edit", field, value)


@pytest.mark.parametrize("text", ["跳过跳过", "skip skip"])
def test_a_skip_said_twice_is_a_skip(text):
    reading = read("skill_gaps", text)
    assert reading.kind in ("skip", "command") and reading.value is None


@pytest.mark.parametrize("text", ["不填行吗", "why not? what do you mean"])
def test_a_question_that_only_looks_rhetorical_is_not_an_answer(text):
    assert read("q_can_ship", text).kind != "answer"


def test_a_question_about_no_plan_records_is_a_listing_not_a_review():
    assert patterns.listing_by_status("And has anybody put their hand up for no plan?") == ("query_plans", "no_plan")
    assert patterns.recognise("We need to pull the quote pricing one, 1 - the team's been restructured") == (
        "withdraw_plan",
        1,
    )


def test_numbered_answers_that_repeat_the_question_name_are_read_after_the_name():
    text = (
        "About the six questions I answer all together to go faster:\n1) important - yes, very\n2) real problem - yes\n"
        "3) unused data - yes, we have 10 years of sales orders\n4) needs ML - yes\n"
        "5) can do alone - no, we need the data team from IT\n6) can go to production - not sure, our CRM is very old"
    )
    extra = dict(read("q_important", text).extra)
    assert extra["q_can_do_alone"] == "no" and extra["q_can_ship"] == "unsure"


def test_a_plan_asked_for_after_a_preamble_is_shown():
    text = "Good morning. I am reviewing the plans. Kindly show me plan number 1"
    assert patterns.recognise(text) == ("show_plan", 1)


@pytest.mark.parametrize(
    "text, branches",
    [
        ("saves agent time and customers arent raging from ringing back", ["time_saved", "customer_service"]),
        ("Saves heaps of staff time, and ratepayers get sorted quicker", ["time_saved", "customer_service"]),
        ("卖得多赚得多噻，还有就是老客户可以顺便多推点配套的东西", ["revenue", "upsell"]),
        ("会员留住了钱就多了，还能顺带多推包月卡", ["revenue", "upsell"]),
        ("降低融资成本算收入吧，另外财务做资金计划的时间也省了", ["revenue", "time_saved"]),
        ("主要係收入，艙位賣得好啲；仲有可以追加賣多啲艙位俾熟客", ["revenue", "upsell"]),
        ("船舶在港时间短了船公司满意；龙门吊作业时间也省了", ["time_saved", "customer_service"]),
        ("少压库存少报废，等于增收；还有可能发现新的选题方向", ["revenue", "new_opportunities"]),
        (
            "fewer duplicate payments so cash stays with us, and the clerks get their week back",
            ["revenue", "time_saved"],
        ),
    ],
)
def test_value_described_in_edition_24(text, branches):
    assert read("value_branches", text).value == branches


@pytest.mark.parametrize(
    "question, text, value",
    [
        ("pilot_team", "We'd start with just the alky unit and a handful of folks to see how it goes", "yes"),
        ("q_can_do_alone", "Sorry, I think it is difficult for us alone.", "no"),
        ("data_quality", "Photos are good, but many of them have no label.", "mixed"),
        ("data_quality", "Más o menos, many fields are empty", "mixed"),
        ("data_location", "Each branch keeps its own files, some are in the main system", "mixed"),
        ("q_can_do_alone", "我们采购部几个人哪里搞得来这个", "no"),
        ("failure_tolerance", "厂长讲了，钱他出，试一年不成也不怪我们", "budgeted"),
        ("q_needs_ml", "我諗要，啲規律人手睇唔出", "yes"),
        ("failure_tolerance", "须确保成功，不宜试错", "must_succeed"),
    ],
)
def test_choice_answers_of_edition_24(question, text, value):
    assert read(question, text).value == value


@pytest.mark.parametrize("text", ["Let's circle back on that one", "park that one for now"])
def test_coming_back_to_one_question_skips_it(text):
    assert commands.match(text).kind == "skip"


def test_circling_back_later_still_pauses():
    assert commands.match("let's circle back later, I need to run").kind == "pause"


@pytest.mark.parametrize("text", ["ok I'm back", "I'm back", "好了，我回来了"])
def test_back_from_a_break_resumes(text):
    assert patterns.recognise(text) == ("resume_plan", None)
