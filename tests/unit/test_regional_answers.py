"""Answers in regional and colloquial words, written in this project for the kinds of speakers the
held-out writers describe (never taken from a held-out edition)."""

import pytest

from bot.dialogue import answers
from tests.support.reading import read


@pytest.mark.parametrize("text", ["没麻达", "亚克西", "整吧", "搞起来", "莫得问题", "没得问题"])
def test_regional_yes_at_the_start(text):
    assert read("confirmation", text, "start").value == "yes"


def test_no_big_problem_is_still_no_real_problem():
    assert read("q_real_problem", "其实问题不大，主要是想试试AI").value == "no"


@pytest.mark.parametrize("text", ["得和厂家一起", "要跟信息科一起搞"])
def test_needing_another_team_is_no_at_doing_it_alone(text):
    assert read("q_can_do_alone", text).value == "no"


@pytest.mark.parametrize(
    "text, value",
    [
        ("贼埋汰", "poor"),
        ("a right state", "poor"),
        ("wee bit ropey", "poor"),
        ("not nice at all", "poor"),
        ("could be worse", "mixed"),
        ("it's alright", "mixed"),
        ("half half", "mixed"),
        ("50/50", "mixed"),
        ("depends who you ask", "mixed"),
        ("quality is very nice", "good"),
        ("grand, mostly", "good"),
    ],
)
def test_colloquial_data_quality(text, value):
    assert read("data_quality", text).value == value


@pytest.mark.parametrize(
    "text, reason",
    [
        ("今年俺们就不整了 忙着搬家呢", "忙着搬家呢"),
        ("明年不参加了哈，领导说先把系统换完", "领导说先把系统换完"),
        ("我们明年不报了，这个要怎么登记呢", None),
    ],
)
def test_the_reason_said_with_a_no_plan(text, reason):
    assert answers.reason_in(text) == reason


def test_not_reporting_data_is_no_plan_declined():
    assert not answers.says_no_plan("我们不报告这个数据")


@pytest.mark.parametrize(
    "text", ["we don't have one la", "no have yet", "there's nobody yet", "honestly we don't have one"]
)
def test_no_sponsor_in_other_words(text):
    assert read("executive_sponsor", text).value == ""


def test_a_sponsor_named_after_none_yet_is_kept():
    assert read("executive_sponsor", "we don't have one, maybe the COO later").value


@pytest.mark.parametrize(
    "text, intent",
    [
        ("今年俺们生产部就不整机器学习了 忙着搬厂呢", "declare_no_plan"),
        (
            "Hello. Procurement will not make machine learning plan in 2027, because team is only 3 people",
            "declare_no_plan",
        ),
        ("这个能批，意见：请补充模型可解释性说明", "review_plan"),
        ("back to them", "review_plan"),
        ("Nah, back to the lead with it", "review_plan"),
    ],
)
def test_requests_written_for_this_session(text, intent):
    from bot.nlu.patterns import recognise

    assert recognise(text) == (intent, None)


@pytest.mark.parametrize(
    "text", ["我们不报了，那下一步呢", "明年的计划呢", "这个能批吗", "I want to go back to them later"]
)
def test_questions_and_plans_are_not_requests(text):
    from bot.nlu.patterns import recognise

    assert recognise(text) is None


def test_units_that_have_not_sent_anything_in_have_not_filed():
    from bot import queries

    assert queries._NOT_FILED.search("Which units still haven't sent anything in for 2027?")


def test_to_be_honest_is_no_reason():
    assert answers.reason_in("Alright? Marketing's not doing an ML plan next year, to be honest") is None
    assert answers.reason_in("Marketing is not doing an ML plan next year, I'm afraid") is None


def test_a_listing_by_status_stands_when_the_acting_guess_lacks_its_words():
    from tests.unit.test_nlu_commands import _guessed

    ranking = [{"name": "declare_no_plan", "confidence": 0.6}, {"name": "resume_plan", "confidence": 0.13}]
    assert _guessed("and what's sitting in draft?", ranking) == "query_plans"


@pytest.mark.parametrize("text", ["明年的急切学习计划要咋个填", "及其学习计划怎么报", "几期学习的计划"])
def test_machine_learning_as_voice_input_wrote_it_starts_a_plan(text):
    from bot.nlu.patterns import says_enough_for

    assert says_enough_for("start_plan", text)


@pytest.mark.parametrize("text", ["我的学习计划", "集体学习计划", "英语学习计划"])
def test_a_study_plan_is_no_ml_plan(text):
    from bot.nlu.patterns import says_enough_for

    assert not says_enough_for("start_plan", text)


def test_syllables_within_one_letter_keep_their_first_letter():
    from bot.spelling import sounds_like

    assert sounds_like("急切", ("ji", "qi"))
    assert not sounds_like("集体", ("ji", "qi"))
    assert not sounds_like("机器学", ("ji", "qi"))


def test_we_can_do_it_on_our_own_opens_the_answer():
    assert read("q_can_do_alone", "我们可以独立完成，采购部去年招了两个做数据分析的。").value == "yes"


@pytest.mark.parametrize("text", ["boss said fail fast", "we can afford to lose a bit"])
def test_room_to_fail_is_budgeted(text):
    assert read("failure_tolerance", text).value == "budgeted"


@pytest.mark.parametrize(
    "text",
    [
        "那咱们开始吧",
        "明白了。那咱们开始吧",
        "好 开整",
        "行，走起",
        "那就填呗",
        "我来报一个",
        "帮我建一个",
        "let's get started then",
        "Got it, thanks. Let's get started then",
    ],
)
def test_a_bare_start_starts_a_plan(text):
    from bot.nlu.patterns import recognise

    assert recognise(text) == ("start_plan", None)


@pytest.mark.parametrize("text", ["我们开始讨论吧", "开始学习", "我该怎么开始", "let's start with the data question"])
def test_starting_something_else_is_no_plan(text):
    from bot.nlu.patterns import recognise

    assert recognise(text) is None


@pytest.mark.parametrize(
    "text", ["bang on", "ja", "oui", "sí", "haan ji", "evet", "that's the one", "you got it", "tak"]
)
def test_yes_in_other_languages_and_idioms(text):
    assert read("confirmation", text, "start").value == "yes"


@pytest.mark.parametrize(
    "text, value",
    [
        ("should do, the MES has an API", "yes"),
        ("that's the plan", "yes"),
        ("one hundred percent", "yes"),
        ("we'd have to see", "unsure"),
    ],
)
def test_english_idioms_at_a_yes_or_no_question(text, value):
    assert read("q_can_ship", text).value == value


@pytest.mark.parametrize(
    "text, value", [("需要DA支持", "no"), ("得要信息中心配合才行", "no"), ("不需要别人支持", "yes")]
)
def test_needing_another_teams_support_is_no_at_doing_it_alone(text, value):
    assert read("q_can_do_alone", text).value == value


@pytest.mark.parametrize(
    "question, text, value",
    [
        ("q_important", "绝绝子 老板天天催", "yes"),
        ("q_important", "no cap, it's huge", "yes"),
        ("q_important", "bet", "yes"),
        ("q_important", "we lose 2M a year on it, would that count as a yes?", "yes"),
        ("q_can_do_alone", "does it count as a no if IT must help?", "no"),
        ("data_quality", "得劲", "good"),
        ("data_quality", "杠赛来", "good"),
        ("data_quality", "嫽得很", "good"),
        ("data_quality", "蚌埠住了 太烂了", "poor"),
        ("data_quality", "不差", "good"),
        ("data_quality", "不太差", "mixed"),
        ("data_quality", "不太烂", "mixed"),
        ("data_quality", "not poor at all", "mixed"),
        ("data_quality", "bit shonky", "poor"),
        ("data_quality", "太差了", "poor"),
    ],
)
def test_slang_dialect_and_negated_options(question, text, value):
    reading = read(question, text)
    assert (reading.kind, reading.value) == ("answer", value)


@pytest.mark.parametrize("text", ["这部分需要和研究院确认后再补", "其余部分容我请示后再行补充"])
def test_formal_ways_of_leaving_the_rest_for_later(text):
    reading = read("domain_experts", text)
    assert reading.kind == "command" and reading.command.kind == "pause"


def test_a_clause_about_filling_in_later_is_no_pause():
    assert read("domain_experts", "确认后再填的那些数据").kind == "answer"


@pytest.mark.parametrize(
    "text",
    [
        "您好！关于明年机器学习计划申报事宜，我部拟申报一项，烦请指导。",
        "兹有我部拟于明年开展智能审单项目，现申请填报计划。",
    ],
)
def test_formal_requests_to_file_start_a_plan(text):
    from bot.nlu.patterns import recognise

    assert recognise(text) == ("start_plan", None)


@pytest.mark.parametrize(
    "question, text, value",
    [
        ("q_can_ship", "nai", "yes"),
        ("q_can_ship", "sim, claro", "yes"),
        ("q_can_ship", "igen", "yes"),
        ("q_can_ship", "we are not so far yet", "unsure"),
        ("data_quality", "lagom", "mixed"),
        ("data_quality", "middle good", "mixed"),
    ],
)
def test_non_native_english_answers(question, text, value):
    reading = read(question, text)
    assert (reading.kind, reading.value) == ("answer", value)


@pytest.mark.parametrize(
    "text, number",
    [("俺看2号可以过", 2), ("1号这个得劲，批", 1), ("审下3号", 3), ("我觉得3号可以批", 3)],
)
def test_planning_office_decisions_in_dialect_and_shorthand(text, number):
    from bot.nlu.patterns import recognise

    assert recognise(text) == ("review_plan", number)


@pytest.mark.parametrize("text", ["给我捋一遍明年交了的计划", "明年都谁交了，给我拉个单子"])
def test_planning_office_listings_in_shorthand(text):
    from bot.nlu.patterns import lists_by_status_or_year, lists_plans

    assert lists_plans(text) and lists_by_status_or_year(text)


@pytest.mark.parametrize(
    "text",
    [
        "hey! store ops here, we wanna get an ML thing on the books for next year - shelf gap detection from cameras",
        "looking to kick off an AI project next year",
    ],
)
def test_an_ml_thing_or_project_wanted_starts_a_plan(text):
    from bot.nlu.patterns import recognise

    assert recognise(text) == ("start_plan", None)


@pytest.mark.parametrize("text", ["we do not want to start an ML project", "we need to pull our ML project"])
def test_declining_or_pulling_an_ml_project_starts_nothing(text):
    from bot.nlu.patterns import recognise

    assert recognise(text) != ("start_plan", None)


def test_the_previous_question_is_no_business_problem():
    from bot.dialogue import commands
    from bot.plan_schema import ANSWER_FIELD_NAMES

    reading = read("baseline", "这个跟上一个问题有什么区别？")
    assert reading.kind == "command" and reading.command.kind == "explain" and reading.command.field is None
    assert commands.field_named("业务问题是什么意思", ANSWER_FIELD_NAMES) == "problem"


@pytest.mark.parametrize("text", ["算了 不报了 我们还是写一个计划吧", "forget it, we will file a plan after all"])
def test_a_plan_after_all_starts_a_plan(text):
    from bot.nlu.patterns import recognise

    assert recognise(text) == ("start_plan", None)


@pytest.mark.parametrize("text", ["没事了", "actually no changes", "没什么"])
def test_nothing_to_change_after_all(text):
    assert read("edit_field", text).kind == "skip"


@pytest.mark.parametrize("text", ["I'd rather not say", "不想说", "不方便说"])
def test_declining_to_say_why_gives_no_reason(text):
    assert answers.gives_no_reason(text)


@pytest.mark.parametrize(
    "text, lang", [("我英文不好，中文可以吗", "zh"), ("is english ok?", "en"), ("my chinese is not good", "en")]
)
def test_asking_for_a_language_by_ones_own_skills(text, lang):
    from bot.dialogue import commands

    assert commands.language_request(text) == lang


@pytest.mark.parametrize("text", ["质量部，报计划", "请问机器学习计划在这里填吗"])
def test_short_starts_after_a_unit_or_asked_where(text):
    from bot.nlu.patterns import recognise

    assert recognise(text) == ("start_plan", None)


@pytest.mark.parametrize(
    "text, number, decision",
    [
        ("#4 is a yes from me", 4, "approved"),
        ("#4 gets a thumbs up", 4, "approved"),
        ("nah, #5 goes back, the metric's fluffy", 5, "needs_work"),
    ],
)
def test_reviews_said_casually(text, number, decision):
    from bot.nlu.patterns import recognise

    assert recognise(text) == ("review_plan", number)
    assert answers.split_review(text)[0] == decision


def test_listings_said_casually():
    from bot.nlu.patterns import about_units_plans, lists_by_status_or_year, lists_plans

    assert about_units_plans("anything new from finance?")
    assert lists_plans("what's in the pile for 2027?") and lists_by_status_or_year("what's in the pile for 2027?")


def test_looked_at_and_no_problem_approves():
    from bot.nlu.patterns import recognise

    assert recognise("好的 那1号我看了 没毛病") == ("review_plan", 1)
    assert answers.split_review("好的 那1号我看了 没毛病") == ("approved", None)


def test_asking_the_assistant_to_send_back_is_not_the_note():
    said = "3号我不太满意，你帮我退回，让他们把基线补上"
    assert answers.split_review(said) == ("needs_work", "我不太满意，让他们把基线补上")


@pytest.mark.parametrize(
    "question, text, value",
    [
        ("q_can_do_alone", "In principle yes, in practice we would depend on IT for deployment", "no"),
        ("q_can_do_alone", "yes we can, we don't depend on anyone", "yes"),
        (
            "failure_tolerance",
            "Our leadership is, to put it mildly, not enthusiastic about failed experiments",
            "must_succeed",
        ),
    ],
)
def test_hedged_academic_answers(question, text, value):
    reading = read(question, text)
    assert (reading.kind, reading.value) == ("answer", value)


@pytest.mark.parametrize(
    "question, text",
    [("q_can_do_alone", "独立完成有点悬"), ("pilot_team", "看领导意思"), ("q_important", "领导说了算")],
)
def test_doubt_in_colloquial_chinese(question, text):
    reading = read(question, text)
    assert (reading.kind, reading.value) == ("answer", "unsure")


@pytest.mark.parametrize("text", ["这个我回头想清楚了再写，先下一个", "这题我回头问问数据组，先下一题"])
def test_this_one_later_and_the_next_one_skips(text):
    reading = read("problem", text)
    assert reading.kind == "command" and reading.command.kind == "skip"


def test_what_the_question_means_is_not_said_back():
    reading = read("q_can_do_alone", "独立完成是指完全不需要IT部门参与吗？")
    assert reading.kind == "command" and reading.command.kind == "explain"
    assert read("confirmation", "部门对吗？对。年份呢？也对。", "start").value == "yes"


def test_data_never_deeply_analysed_is_unused():
    reading = read("q_unused_data", "资金系统里有近十年的收付款流水，没有做过深入分析")
    assert (reading.kind, reading.value) == ("answer", "yes")
