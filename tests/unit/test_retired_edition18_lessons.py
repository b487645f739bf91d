"""What the retired held-out edition 18 (tests/conversations/dev/heldout18-*.yml) showed the
reader, the command matcher and the request patterns getting wrong, one case per failure."""

import pytest

from bot.dialogue import answers, commands
from bot.kb import faq
from bot.nlu.patterns import about_units_plans, listing_by_status, recognise, terse_listing
from bot.nlu.units import find_units
from bot.plan_schema import ANSWER_FIELD_NAMES
from tests.support.reading import read


@pytest.mark.parametrize(
    "field, text, picked",
    [
        ("scaling_path", "第三个吧", ["annual_planning"]),
        ("data_location", "第一个", ["siloed"]),
        ("data_location", "the first one", ["siloed"]),
        ("scaling_path", "I'd go with the third one please", ["annual_planning"]),
        ("data_quality", "我选第二个", ["mixed"]),
        ("failure_tolerance", "第一种", ["budgeted"]),
        ("value_branches", "二和四", ["time_saved", "customer_service"]),
        ("value_branches", "the first and third ones", ["revenue", "new_opportunities"]),
        ("data_quality", "一般", []),
        ("data_location", "两个都有", []),
        ("data_location", "one of them", []),
        ("data_quality", "first of all it is good", []),
        ("q_important", "the first one", []),
    ],
)
def test_options_picked_by_their_place_in_words(field, text, picked):
    assert answers.options_by_number(field, text) == picked


@pytest.mark.parametrize(
    "text, reason",
    [
        (
            "你好 我是电车公司理赔部的 明年我们无搞机器学习计划啦 一年才几十单事故理赔 数据太少 不值得搞",
            "一年才几十单事故理赔",
        ),
        ("我们人力资源部明年不报机器学习计划了 莫得这个打算", None),
        ("您好 打扰了 我们煤矿仓储物流部 明年应该是搞不了机器学习计划 这个要怎么跟你们报一声", None),
    ],
)
def test_no_plan_said_in_regional_words(text, reason):
    assert answers.declares_no_plan(text)
    given = answers.reason_in(text)
    assert (given is None) if reason is None else (reason in given)


@pytest.mark.parametrize(
    "text",
    ["是不是 我们不做计划 也可以？", "如果 我们 不做机器学习计划 会怎样", "我们部门自己搞不了机器学习项目，要IT帮忙"],
)
def test_asking_about_no_plan_declares_nothing(text):
    assert not answers.declares_no_plan(text)


def test_no_time_for_it_is_a_reason_not_a_pause():
    reading = read("no_plan_reason", "新ERP在切换，财务系统都还没稳，哪有空搞模型")
    assert (reading.kind, reading.value) == ("answer", "新ERP在切换，财务系统都还没稳，哪有空搞模型")
    assert commands.match("等我有空再弄").kind == "pause"


@pytest.mark.parametrize(
    "text, decision, note",
    [
        ("好的，那我来审一下1号这份，辛苦您了。", None, None),
        ("批准吧，写得挺扎实的。", "approved", None),
        ("approve, looks solid", "approved", None),
        ("退回吧，麻烦你了", "needs_work", None),
        ("I think I'll approve it, scanner data is well covered", "approved", "scanner data is well covered"),
        ("退回，基线没写", "needs_work", "基线没写"),
    ],
)
def test_thanks_and_praise_are_no_note(text, decision, note):
    assert answers.split_review(text) == (decision, note)


@pytest.mark.parametrize("text", ["顺便问一下 价值树具体是个啥来着", "by the way, what's a value tree again?"])
def test_a_question_for_the_assistant_at_the_note_is_looked_up(text):
    assert read("review_note", text, lookup=faq.lookup).kind == "question"


def test_a_question_for_the_lead_is_still_the_note():
    reading = read("review_note", "问问他们预算够不够", lookup=faq.lookup)
    assert (reading.kind, reading.value) == ("answer", "问问他们预算够不够")


@pytest.mark.parametrize(
    "question, text",
    [("review_note", "等等，这个先不审了，待会跟领导对一下再说"), ("review_decision", "hold off on this one")],
)
def test_a_review_put_off_leaves_without_a_decision(question, text):
    reading = read(question, text)
    assert reading.kind == "command" and reading.command.kind == "pause"


@pytest.mark.parametrize(
    "text, intent, number",
    [
        ("hi，我们是财务部，明年想报一个ML的项目，现在能填吗", "start_plan", None),
        ("你好 我是种业公司销售部的 明年想用AI给经销商那边做个需求预测 题目就叫经销商订货量预测", "start_plan", None),
        ("你好～我是销售部的，负责外卖商户运营这块，明年想用ML做商户流失预警，怎么弄", "start_plan", None),
        ("Hello 想把我们客户支持部的ticket自动分类做进明年计划", "start_plan", None),
        ("信用卡中心理赔部，想把盗刷争议的自动判责报进明年计划", "start_plan", None),
        (
            "Ay wait lang po, mali pala yung sponsor. Pwede po palitan? Si Ma'am Carla Tan po pala, not Sir Paolo",
            "edit_plan",
            None,
        ),
        ("Hiya! I've read through the customer support one already but pull up #1 again would you", "show_plan", 1),
        ("Yeah that's lovely, I'm happy with it. Let's sign it off", "review_plan", None),
        ("Yo. That drone thing, plan #1? Fuggedaboutit. Pull it, we ain't doin' it", "withdraw_plan", 1),
    ],
)
def test_requests_of_edition_18(text, intent, number):
    assert recognise(text) == (intent, number)


@pytest.mark.parametrize(
    "text", ["明年想用ML做什么好呢？", "what if the metric is wrong?", "plan 1 is good, I will pull it up later"]
)
def test_questions_and_remarks_request_nothing(text):
    assert recognise(text) is None


def test_planning_office_listings_in_passing_words():
    assert listing_by_status("And what's sitting at submitted across everyone, waiting on us to look at it?") == (
        "query_plans",
        "submitted",
    )
    assert listing_by_status("Is there anything from the factory still waiting on us?") == ("query_plans", "submitted")
    assert about_units_plans("Morning! Coffee in hand, let's see what's come in. What has logistics sent us for 2027?")
    assert not about_units_plans("can you send us the guide?")
    assert terse_listing("claims. submitted.", [(0, 6)]) and terse_listing("claims 2027", [(0, 6)])
    assert not terse_listing("claims", [(0, 6)]) and not terse_listing("claims is submitted wrongly", [(0, 6)])


@pytest.mark.parametrize(
    "question, text, value",
    [
        ("data_location", "主要喺交易系統同KYC系統，兩邊唔通", "siloed"),
        ("data_location", "主要在数仓，但扫描件在另外的系统", "mixed"),
        ("data_quality", "KYC資料好多舊客唔齊，幾差", "poor"),
        ("data_quality", "E no good at all, transcripts get plenty mistake", "poor"),
        ("data_quality", "Pure mince tae be honest, it's rotten", "poor"),
        ("q_can_ship", "If it works, why not? Maintenance team will use it every day", "yes"),
        ("q_can_ship", "why not?", "yes"),
    ],
)
def test_answers_of_edition_18(question, text, value):
    reading = read(question, text)
    assert (reading.kind, reading.value) == ("answer", value)


@pytest.mark.parametrize(
    "question, text, command",
    [
        ("executive_sponsor", "还有多少个问题啊，快点", "progress"),
        ("executive_sponsor", "Dunno yet, skip that wan", "skip"),
        ("q_can_ship", "why not? what do you mean", "explain"),
    ],
)
def test_commands_of_edition_18(question, text, command):
    reading = read(question, text)
    assert reading.kind == "command" and reading.command.kind == command


@pytest.mark.parametrize("text", ["你先说说Intuit那个例子是怎么扩展的", "tell me about the Intuit example first"])
def test_tell_me_about_asks(text):
    assert read("scaling_path", text, lookup=faq.lookup).kind == "question"


@pytest.mark.parametrize(
    "text, field, value",
    [
        (
            "Ah jeez, I forgot. Frank's retirin' in March, make the sponsor Deb Kowalski instead",
            "executive_sponsor",
            "Deb Kowalski",
        ),
        (
            "An' while I'm at it, the sponsor's changed an' all. 'Tis Morwenna Pascoe now, she took over in March",
            "executive_sponsor",
            "Morwenna Pascoe",
        ),
        ("Hold up, change the data quality one, I undersold it. It's actually good", "data_quality", "good"),
        ("set data quality to good", "data_quality", "good"),
    ],
)
def test_changes_of_edition_18(text, field, value):
    edit = commands.match(text, ANSWER_FIELD_NAMES)
    assert edit is not None and edit.kind == "edit" and edit.field == field and edit.value == value


def test_a_terse_listing_names_a_unit_that_is_an_everyday_word():
    names = [("claims", "Claims", "claims")]
    assert [u["value"] for u in find_units("claims. submitted.", names)] == ["Claims"]
    assert find_units("claims are rising", names) == []


def test_greetings_and_who_is_telling_are_no_reason():
    assert (
        answers.reason_in("您好 打扰了 我们煤矿仓储物流部 明年应该是搞不了机器学习计划 这个要怎么跟你们报一声") is None
    )
    assert answers.reason_in("我们财务部明年不报计划了，因为系统迁移") == "系统迁移"


@pytest.mark.parametrize("text", ["Ess, go on", "go on", "continue"])
def test_going_on_at_a_confirmation_confirms(text):
    reading = read("confirmation", text, "submit")
    assert (reading.kind, reading.value) == ("answer", "yes")


def test_continuing_my_plan_at_a_confirmation_resumes():
    reading = read("confirmation", "continue my plan", "start")
    assert reading.kind == "command" and reading.command.kind == "resume"


def test_revenue_said_not_to_count_is_no_branch():
    assert answers.parse_branches("主要是省时间，还有差错少了对客户服务有帮助，收入不直接") == [
        "time_saved",
        "customer_service",
    ]


def test_idle_machines_are_no_unused_data():
    said = "晚高峰和新游上线时排队严重，用户等超过3分钟就流失；平时GPU又大量闲置，云成本压不下来"
    assert answers.volunteered_answers(said, "problem") == {}
    assert answers.volunteered_answers("客服录音一直躺着没人用，投诉越来越多", "problem") == {"q_unused_data": "yes"}


@pytest.mark.parametrize(
    "question, text, value",
    [
        ("pilot_team", "先不组了 嗯 算了还是组一个吧 三个人就行", "yes"),
        ("q_needs_ml", "It can be. Maybe simple thresholds also work, I am not 100% sure", "unsure"),
        ("q_needs_ml", "It can be, we are sure", "yes"),
    ],
)
def test_self_corrections_and_doubt_after_a_weak_yes(question, text, value):
    reading = read(question, text)
    assert (reading.kind, reading.value) == ("answer", value)


def test_a_long_problem_that_ends_with_going_offline_is_no_pause():
    said = "很多商户签约三个月后GMV就断崖下滑然后下线，BD发现的时候已经晚了，挽留成本很高"
    assert commands.match(said) is None
    assert commands.match("我先下线了").kind == "pause"


def test_signing_it_off_approves():
    assert answers.split_review("Yeah that's lovely, I'm happy with it. Let's sign it off") == ("approved", None)


@pytest.mark.parametrize("text", ["that's all I have time for", "no more time today", "time's up for me", "我时间到了"])
def test_running_out_of_time_pauses(text):
    reading = read("skill_gaps", text)
    assert reading.kind == "command" and reading.command.kind == "pause"


def test_no_time_to_understand_customers_is_a_problem_not_a_pause():
    reading = read("problem", "客服没时间了解客户需求，投诉很多")
    assert (reading.kind, reading.value) == ("answer", "客服没时间了解客户需求，投诉很多")
