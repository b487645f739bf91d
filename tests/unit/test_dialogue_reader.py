"""Reading a message against the pending question (bot/dialogue/reader.py and commands.py):
the failures that issue 12 reports, and the order of the readings."""

from functools import partial

import pytest

from bot.dialogue import commands, reader
from bot.dialogue.reader import Heard
from tests.support import reading
from tests.support.reading import knows_data_lakes

# Here the knowledge base knows what a data lake is, and nothing else.
read = partial(reading.read, lookup=knows_data_lakes)


@pytest.mark.parametrize(
    "field_name, text, value",
    [
        ("q_unused_data", "有，车辆GPS轨迹数据一直没用起来", "yes"),
        ("data_quality", "质量还可以", "mixed"),
        ("q_needs_ml", "yes, the fixed matching rules flag way too many false positives", "yes"),
        ("scaling_path", "haven't thought that far yet", "none_yet"),
        ("pilot_team", "不搞", "no"),
        (
            "skill_gaps",
            "how to deploy a model, privacy know-how for employee data",
            "how to deploy a model, privacy know-how for employee data",
        ),
        ("failure_tolerance", "这个还不确定呢", "unsure"),
        ("title", "客服通话智能质检", "客服通话智能质检"),
        ("title", "<Claims> triage v2", "<Claims> triage v2"),
        ("executive_sponsor", "Priya", "Priya"),
        ("executive_sponsor", "还没有", ""),
        ("skill_gaps", "没有", "none"),
        ("value_branches", "省时间，客户服务", ["time_saved", "customer_service"]),
    ],
)
def test_natural_answers_are_answers_whatever_the_intent_model_says(field_name, text, value):
    for intent in ("inform", "change_language", "out_of_scope", "deny"):
        reading = read(field_name, text, intent=intent, confidence=0.99)
        assert (reading.kind, reading.value) == ("answer", value), intent


@pytest.mark.parametrize(
    "field_name, text, kind",
    [
        ("baseline", "这个什么意思？", "explain"),
        ("baseline", "基线是啥意思", "explain"),
        ("q_can_ship", "what do you mean?", "explain"),
        ("metric", "why do you ask?", "explain"),
        ("metric", "举个例子", "explain"),
        ("q_needs_ml", "算了，不填了", "pause"),
        ("title", "算了，不填了", "pause"),
        ("data_location", "I'll finish later", "pause"),
        ("value_notes", "今天先到这，回头再填", "pause"),
        ("problem", "bye", "leave"),
        ("pilot_team", "拜拜", "leave"),
        ("metric", "show my plans", "show_my_plans"),
        ("metric", "quick one before we go on - show my plans", "show_my_plans"),
        ("metric", "能用英文吗", "language"),
        ("metric", "sorry, this isn't a good moment, I'll come back to it another day", "pause"),
        (
            "data_quality",
            "hmm, I'd need to ask our data guy about that one. can we pause here and I'll come back?",
            "pause",
        ),
        ("data_quality", "right, talked to Ben. let's continue my plan", "resume"),
        ("baseline", "好了，我们继续吧", "resume"),
        ("executive_sponsor", "不好意思，这个还没有定下来，能先跳过吗", "skip"),
        ("metric", "can we skip this?", "skip"),
        ("value_notes", "honestly not sure yet - can we skip that one and I'll add it later?", "skip"),
        ("scaling_path", "端到端平台具体指啥？跟我们现在的k8s有啥区别", "explain"),
        (
            "data_location",
            "ok, I'd have to ask IT where our stuff actually lives. I'll leave it there for now, thanks",
            "pause",
        ),
    ],
)
def test_commands_are_what_they_say_at_any_question(field_name, text, kind):
    reading = read(field_name, text)
    assert reading.kind == "command" and reading.command.kind == kind


@pytest.mark.parametrize("text", ["不确定", "not sure", "不知道，先空着", "skip", "跳过", "no idea, leave it blank"])
def test_not_sure_at_a_text_question_is_a_skip_never_an_answer(text):
    reading = read("data_sources", text)
    assert reading.kind == "skip" or (reading.kind == "command" and reading.command.kind == "skip")


def test_not_sure_at_a_yes_no_question_is_its_unsure_option():
    assert (read("q_needs_ml", "不确定").kind, read("q_needs_ml", "不确定").value) == ("answer", "unsure")


def test_a_change_of_an_earlier_answer_names_the_field_and_the_new_value():
    reading = read("q_real_problem", "wait, change the sponsor")
    assert reading.command == commands.Command("edit", field="executive_sponsor")
    reading = read("pilot_team", "等一下，发起人改成刘总")
    assert reading.command == commands.Command("edit", field="executive_sponsor", value="刘总")


def test_a_question_goes_to_the_knowledge_base_and_is_never_stored():
    assert read("data_location", "数据湖是什么？").kind == "question"
    assert read("data_location", "what is a data lake?").kind == "question"
    unknown = read("baseline", "how long will the review take?")
    assert unknown.kind == "question" and unknown.lookup.decision == "none"


@pytest.mark.parametrize(
    "text", ["这题啥意思啊", "这个问题是什么意思呀", "這題是什麼意思啊", "why do you ask?", "give me an example"]
)
def test_asking_what_the_question_means_explains_it(text):
    reading = read("failure_tolerance", text)
    assert reading.kind == "command" and reading.command.kind == "explain"


def test_a_question_about_the_pending_question_is_explained():
    reading = read("baseline", "what counts as a baseline?")
    assert reading.kind == "command" and reading.command.kind == "explain"


def test_no_words_and_small_talk():
    assert read("title", "😀😀").kind == "unclear"
    assert read("title", "thanks", intent="thank", confidence=0.95) == reader.Reading("social", intent="thank")
    assert read("q_important", "banana").kind == "unclear"


@pytest.mark.parametrize(
    "field_name, payload, kind, value",
    [
        ("q_important", '/inform{"choice": "yes"}', "answer", "yes"),
        ("value_branches", '/inform{"choice": "upsell"}', "answer", ["upsell"]),
        ("title", "/skip", "skip", None),
        ("confirmation", "/affirm", "answer", "yes"),
        ("edit_field", '/edit_plan{"plan_field": "metric"}', "answer", "metric"),
    ],
)
def test_buttons_say_what_they_say(field_name, payload, kind, value):
    reading = read(field_name, payload)
    assert (reading.kind, reading.value) == (kind, value)


def test_years_and_decisions():
    assert reader.read_year("FY28") == 2028 and reader.read_year("28年") == 2028 and reader.read_year("2027") == 2027
    assert read("review_decision", "send it back").value == "needs_work"
    assert read("review_decision", "批了吧").value == "approved"
    assert read("review_note", "无").value == ""


@pytest.mark.parametrize(
    "text, kind, field_name",
    [
        ("上一题", "back", None),
        ("go back", "back", None),
        ("我想改一下前面的回答", "change", None),
        ("I want to change an earlier answer", "change", None),
        ("前面的业务问题要改一下", "edit", "problem"),
        ("有哪些选项？", "explain", None),
    ],
)
def test_going_back_and_changing_answers(text, kind, field_name):
    reading = read("metric", text)
    assert reading.kind == "command" and reading.command.kind == kind and reading.command.field == field_name


@pytest.mark.parametrize(
    "field_name, text, value",
    [
        # a statement that opens or ends like a question is still an answer where a description is wanted
        (
            "problem",
            "什么时候锁价全凭采购经理判断，一年下来成本差异能有几百万",
            "什么时候锁价全凭采购经理判断，一年下来成本差异能有几百万",
        ),
        (
            "value_notes",
            "time saved: buyers spend maybe 5h less a week. new opps: 2-3% better terms?",
            "time saved: buyers spend maybe 5h less a week. new opps: 2-3% better terms?",
        ),
        (
            "scaling_path",
            "When it works on line 3 we want to put it on the central ML platform, end to end",
            "platform",
        ),
        # the answer at the end
        ("q_can_do_alone", "We will need IT team support for the SAP integration, so no.", "no"),
        ("q_can_do_alone", "We have one analyst who knows Python, but for a real model, no.", "no"),
        ("q_needs_ml", "Rules we already tried, they are not catching the fuzzy cases. So yes.", "yes"),
        ("q_important", "kinda, yes. attrition is a top-3 topic for the exec team", "yes"),
    ],
)
def test_answers_that_look_like_questions_or_end_with_the_choice(field_name, text, value):
    reading = read(field_name, text)
    assert (reading.kind, reading.value) == ("answer", value)


def test_declaring_no_plan_in_the_middle_of_the_plan_leaves_the_form():
    reading = read("title", "算了，想了想我们客服部明年其实没有机器学习计划")
    assert reading.kind == "command" and reading.command.kind == "no_plan"


@pytest.mark.parametrize(
    "text, field_name, value, replaces",
    [
        (
            "oh wait, scratch that - the sponsor is Maria Alvarez, not Tom. Tom's leaving in March",
            "executive_sponsor",
            "Maria Alvarez",
            "Tom",
        ),
        ("刚才说错了，发起人是王总不是李总", "executive_sponsor", "王总", "李总"),
        (
            "oh, one correction before I forget: the sponsor is Priya Nair now, Tom moved to a group role last week",
            "executive_sponsor",
            "Priya Nair",
            None,
        ),
        ("不好意思，指标改一下，不是95%，是92%", "metric", "92%", "95%"),
        ("Sorry, can I go back? My answer on data quality was wrong.", "data_quality", None, None),
        (
            "wait, before that, I need to correct my data quality answer. It's actually poor",
            "data_quality",
            "poor",
            None,
        ),
    ],
)
def test_a_correction_names_the_field_and_only_the_new_value(text, field_name, value, replaces):
    reading = read("failure_tolerance", text)
    assert reading.command == commands.Command("edit", field=field_name, value=value, replaces=replaces)


@pytest.mark.parametrize(
    "field_name, text",
    [
        ("skill_gaps", "no ml experience on the team"),
        ("skill_gaps", "没有机器学习经验"),
        ("scaling_path", "no plan yet for scaling"),
        ("problem", "we have no plan for peak season staffing today"),
        ("baseline", "现在没有计划，全靠经验"),
    ],
)
def test_answers_that_mention_no_plan_or_ml_are_not_requests(field_name, text):
    assert read(field_name, text).kind in ("answer", "skip")


@pytest.mark.parametrize(
    "field_name, text",
    [
        ("data_location", "what's a data lake exactly? asking bc we have something called the lakehouse"),
        ("scaling_path", "端到端平台具体指啥？跟我们现在的k8s有啥区别"),
        ("pilot_team", "试点团队一般要几个人？"),
        ("q_needs_ml", "example? not sure what would count as not needing ML"),
    ],
)
def test_a_question_that_names_an_option_is_not_that_answer(field_name, text):
    assert read(field_name, text).kind in ("question", "command")


@pytest.mark.parametrize(
    "confirming, text, value",
    [
        ("submit", "行，就这样，提交", "yes"),
        ("submit", "就这样吧，交了", "yes"),
        ("submit", "go on so, submit", "yes"),
        ("withdraw", "对，撤了", "yes"),
        ("withdraw", "yes, withdraw it", "yes"),
        ("withdraw", "no, stop", "no"),
    ],
)
def test_a_confirmation_that_opens_with_yes_or_no_is_that_answer(confirming, text, value):
    reading = reader.read(Heard(text), reader.question("confirmation", confirming), lookup=knows_data_lakes)
    assert (reading.kind, reading.value) == ("answer", value)


def test_pauses_people_say_stop_the_form():
    for text in (
        "out of time, sorry",
        "I have a meeting now",
        "let's park this",
        "I'll circle back later",
        "我去开会了",
        "先存个草稿",
        "我考虑一下再填",
        "今天就到这吧",
        "先这样吧",
        "我得先下了",
        "gotta take a call",
        "先存着吧",
        "stop asking me questions",
        "I don't want to do this anymore",
        "太长了不填了",
    ):
        reading = read("metric", text)
        assert reading.kind == "command" and reading.command.kind == "pause", text


def test_never_mind_at_a_start_confirmation_stops_and_no_plan_at_the_year_question_declares_it():
    stop = reader.read(Heard("hmm, never mind"), reader.question("confirmation", "start"), lookup=knows_data_lakes)
    assert stop.kind == "command" and stop.command.kind == "pause"
    declared = reader.read(
        Heard("honestly, the factory doesn't have any ML plan for 2027"),
        reader.question("confirmation", "start_year"),
        lookup=knows_data_lakes,
    )
    assert declared.kind == "command" and declared.command.kind == "no_plan"


def test_leaving_at_a_yes_no_question_is_not_a_no():
    for text in (
        "先不说了",
        "没空，下次吧",
        "不好意思，我得先走了",
        "不了，今天先这样",
        "先不答了，我问问领导",
        "不确定，我先去问问IT再来",
        "sorry, need to go",
        "not today, sorry",
        "I'm done for now",
    ):
        reading = read("q_needs_ml", text)
        assert reading.kind == "command" and reading.command.kind in ("pause", "leave"), text
    for text in ("不行", "不需要", "不能，得靠IT", "no, we can't", "not really"):
        assert read("q_needs_ml", text).value == "no", text


def test_a_question_dropped_with_never_mind_then_the_answer():
    reading = read("q_needs_ml", "用规则打分算不算机器学习？……算了，我觉得还是需要机器学习的，影响因素太多。")
    assert (reading.kind, reading.value) == ("answer", "yes")
    assert read("q_needs_ml", "算了不填了，我先去开会").command.kind == "pause"
    reading = read("q_unused_data", "有没有没用上的数据？有啊，考勤、绩效这些数据从来没放在一起分析过。")
    assert (reading.kind, reading.value) == ("answer", "yes")


def test_a_statement_that_opens_with_will_is_an_answer():
    reading = read("scaling_path", "will include it in the annual planning cycle going forward")
    assert (reading.kind, reading.value) == ("answer", "annual_planning")


@pytest.mark.parametrize(
    "question, text, kind, value",
    [
        (
            "failure_tolerance",
            "你是问万一做不成怎么办吗？冯总说过，做不成也没关系，预算里留了试错的空间。",
            "answer",
            "budgeted",
        ),
        ("metric", "这里说的“可衡量的指标”，是指模型本身的准确率，还是业务上的指标？", "command", None),
        (
            "q_can_do_alone",
            "When you say 'on its own', do you mean without any help from IT at all? We'd need them for Zendesk.",
            "command",
            None,
        ),
        (
            "data_location",
            "那我们不算 录音在呼叫中心系统 工单在另一个系统 CRM又在销售那边 都是分散的",
            "answer",
            "siloed",
        ),
        ("q_can_do_alone", "说实话我们自己搞不了 法务全是律师 没一个懂技术的", "answer", "no"),
        ("baseline", "基线是啥意思 没太懂", "command", None),
        ("executive_sponsor", "还没定下来 先跳过", "command", None),
        ("q_real_problem", "哎 临时有个会 先不弄了", "command", None),
    ],
)
def test_checks_questions_and_space_separated_chinese(question, text, kind, value):
    reading = read(question, text)
    assert reading.kind == kind and (reading.value == value if kind == "answer" else reading.command is not None)


def test_a_field_named_then_changed_in_a_later_sentence():
    found = commands.match(
        "等一下，送出之前我想改一個地方。擴展方式那題我剛剛說還沒想好，後來想想，我們會把它納入年度規劃。"
        "請幫我改成年度規劃。",
        ["scaling_path", "data_quality"],
    )
    assert (found.kind, found.field, found.value) == ("edit", "scaling_path", "年度規劃")


def test_never_mind_said_first_leaves_even_before_words_that_look_like_an_answer():
    for text in ("算了，我们不做了", "forget it, we're not doing this", "never mind, no"):
        assert read("q_needs_ml", text).command.kind == "pause", text


@pytest.mark.parametrize(
    "field_name, value, text",
    [
        ("data_location", "central", "everything's in Snowflake now"),
        ("data_location", "siloed", "each plant keeps its own"),
        ("data_location", "mixed", "half in the warehouse, half in spreadsheets"),
        ("data_location", "unknown", "honestly no clue where it lives"),
        ("data_location", "siloed", "散在各个业务系统里"),
        ("data_location", "central", "统一放在数据中台"),
        ("data_location", "mixed", "一部分在数仓，一部分还在业务系统里"),
        ("data_location", "unknown", "这个我真不知道"),
        ("data_location", "siloed", "in people's inboxes and on shared drives"),
        ("data_quality", "good", "pretty clean actually"),
        ("data_quality", "poor", "it's a mess"),
        ("data_quality", "mixed", "some of it's good, some of it's rubbish"),
        ("data_quality", "unknown", "never checked"),
        ("data_quality", "good", "质量挺好的"),
        ("data_quality", "poor", "很多缺失值，质量不行"),
        ("data_quality", "mixed", "有的好有的差"),
        ("data_quality", "unknown", "没评估过"),
        ("failure_tolerance", "budgeted", "we've set aside budget for experiments that don't work out"),
        ("failure_tolerance", "must_succeed", "the board expects it to work first time"),
        ("failure_tolerance", "unsure", "hard to say"),
        ("failure_tolerance", "budgeted", "领导说可以试错"),
        ("failure_tolerance", "must_succeed", "只能成功，没有第二次机会"),
        ("failure_tolerance", "unsure", "这个还没定"),
        ("scaling_path", "platform", "build it on a common ML platform"),
        ("scaling_path", "coe", "set up a centre of excellence"),
        ("scaling_path", "annual_planning", "fold it into next year's planning"),
        ("scaling_path", "none_yet", "no idea yet"),
        ("scaling_path", "platform", "搭一个统一的机器学习平台"),
        ("scaling_path", "coe", "成立一个卓越中心"),
        ("scaling_path", "annual_planning", "放进年度规划里"),
        ("scaling_path", "none_yet", "还没考虑那么远"),
        ("pilot_team", "yes", "yes, a small pilot squad of 4"),
        ("pilot_team", "no", "no, we'll go straight to rollout"),
        ("pilot_team", "yes", "会，先找3个人试试"),
        ("pilot_team", "no", "不打算单独组"),
        ("q_can_ship", "yes", "yes, it plugs straight into the WMS"),
        ("q_can_ship", "no", "probably not, the legacy system can't take it"),
        ("q_can_ship", "yes", "能，系统可以直接对接"),
        ("q_can_ship", "no", "很难，老系统接不进去"),
        ("q_can_do_alone", "yes", "yes we have our own analysts"),
        ("q_can_do_alone", "no", "no, we need IT"),
        ("q_can_do_alone", "yes", "可以，我们自己有数据团队"),
        ("q_can_do_alone", "no", "不行，得靠IT"),
        ("q_unused_data", "no", "not really, we use most of it already"),
        ("q_unused_data", "yes", "heaps of it"),
        ("q_unused_data", "no", "没多少，大部分都在用"),
        ("q_needs_ml", "no", "honestly a few rules would do"),
        ("q_needs_ml", "yes", "yes, too many variables for rules"),
        ("q_needs_ml", "no", "其实写几条规则就行"),
        ("q_important", "no", "not really a priority this year"),
        ("q_important", "yes", "it's one of our top goals"),
        ("q_important", "no", "一般吧，不算重点"),
        ("q_real_problem", "yes", "absolutely, it costs us every week"),
    ],
)
def test_plain_answers_to_every_choice_question(field_name, value, text):
    reading = read(field_name, text)
    assert (reading.kind, reading.value) == ("answer", value)
