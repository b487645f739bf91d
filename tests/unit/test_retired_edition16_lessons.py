"""What the retired held-out edition 16 (tests/conversations/dev/heldout16-*.yml) showed the
reader, the command matcher and the request patterns getting wrong, one case per failure."""

import pytest

from bot.dialogue import answers
from bot.nlu.patterns import introduces_self, lists_by_status_or_year, lists_plans, recognise
from bot.nlu.units import find_units, head_words
from tests.support.reading import read


@pytest.mark.parametrize(
    "text, intent, number",
    [
        (
            "Reet, that pick route one, number 1, we need to pull it. The new WMS does the routing for us now.",
            "withdraw_plan",
            1,
        ),
        ("Right, I'm back. Where were we? Aye, get rid of plan 1, the pick route one.", "withdraw_plan", 1),
        ("I'm back from lunch, partner. Let's wrap up that sales plan.", "resume_plan", None),
        ("Good afternoon. I need to correct one thing in our plan number 1, the one of the chatbot.", "edit_plan", 1),
        ("把3号计划改一下", "edit_plan", 3),
        ("Show me #2. The title alone worries me.", "show_plan", 2),
        ("Right, sorry about that. Where was I... approving #1.", "review_plan", 1),
        (
            "I will be returning this one to the unit for further work. There is no stated baseline.",
            "review_plan",
            None,
        ),
        ("ok so lowkey marketing isn't doing any ML next year, how do i tell you that 😅", "declare_no_plan", None),
        (
            "wait nvm 😭 my manager just said we ARE doing the creator matching thing. can i do a real plan instead??",
            "start_plan",
            None,
        ),
        (
            "Hi again, so sorry about that! Could we pick back up on my plan from before, if that's okay?",
            "resume_plan",
            None,
        ),
    ],
)
def test_requests_of_edition_16(text, intent, number):
    assert recognise(text) == (intent, number)


@pytest.mark.parametrize(
    "text",
    [
        "pull plan 30",
        "what happens if I get rid of plan 3?",
        "I'll wrap up that plan later",
        "can i do a plan without a sponsor?",
        "we aren't doing any ML yet, but can we still start?",
    ],
)
def test_what_edition_16_requests_must_not_swallow(text):
    assert recognise(text) is None or recognise(text)[0] not in ("withdraw_plan", "resume_plan")


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Blimey. Well, we ain't got one, so you'll 'ave to put us down as no plan this year, mate.", None),
        ("我们没有，给我们登记个无计划吧", None),
        ("no ML plan this year, we have no data scientists", "we have no data scientists"),
        ("明年不报了，我们没有人手", "我们没有人手"),
    ],
)
def test_saying_there_is_none_in_other_words_gives_no_reason(text, reason):
    assert answers.reason_in(text) == reason


def test_a_singlish_or_not_tag_question_negates_no_listing():
    text = "Hi, can show me all the ML plans for 2027 or not?"
    assert lists_plans(text) and lists_by_status_or_year(text)


@pytest.mark.parametrize(
    "field, text, value",
    [
        (
            "q_unused_data",
            "We hold a great deal: application forms, onboarding survey results, training attendance and exit "
            "interviews going back to 2019. None of it is cross-referenced.",
            "yes",
        ),
        ("q_unused_data", "No, none of it is used because we don't have any.", "no"),
        (
            "q_important",
            "这个问题问得有点多余吧，不重要谁会来写计划？当然重要，上季度因为外挂流失了8%的活跃玩家",
            "yes",
        ),
        (
            "q_unused_data",
            "我觉得这问题不太适合我们，游戏公司哪有不用数据的。不过硬要说的话，客户端的行为日志确实一直没怎么用",
            "yes",
        ),
        ("q_can_ship", "这个问题前提就不对，我们本来就有封号系统在线上跑。答案是能", "yes"),
        ("q_needs_ml", "我不太同意这么问，用不用ML不是重点……不过规则确实已经被外挂作者绕过去了，得上模型", "yes"),
    ],
)
def test_choices_of_edition_16(field, text, value):
    assert answers.parse_choice(field, text) == value


@pytest.mark.parametrize(
    "text, introduces",
    [
        ("Hi. I manage the call centre, which is Customer Support in your list.", True),
        ("我负责客服中心", True),
        ("I manage the call centre, show me our plans", False),
        ("I lead Risk - what plans do we have?", False),
        ("我是客服部的，我们的计划呢？", False),
    ],
)
def test_a_lead_who_says_who_they_are_asks_for_no_listing(text, introduces):
    assert introduces_self(text) is introduces


def test_no_plan_said_at_the_start_question_leaves_for_the_declaration():
    reading = read("confirmation", "Fair enough. Then please put us down as having no plan for next year.", "start")
    assert reading.kind == "command" and reading.command.kind == "no_plan"


def test_the_first_word_of_a_unit_name_names_it_when_no_other_unit_shares_it():
    names = [
        ("warehousing and logistics", "warehouse", "Warehousing and Logistics"),
        ("customer support", "support", "Customer Support"),
        ("customer success", "success", "Customer Success"),
    ]
    heads = head_words(names)
    assert heads == [("warehousing", "warehouse", "Warehousing")]
    found = find_units("Kia ora. What's Warehousing got in for 2027?", sorted(names + heads, key=lambda n: -len(n[0])))
    assert [unit["value"] for unit in found] == ["warehouse"]


@pytest.mark.parametrize(
    "text, decision, note",
    [
        ("Yeah, that's not bad at all. Reckon we'll approve that one.", "approved", None),
        ("Right, sorry about that. Where was I... approving #1.", "approved", None),
        ("I think I'll approve it, scanner data is well covered", "approved", "scanner data is well covered"),
    ],
)
def test_reviews_of_edition_16(text, decision, note):
    assert answers.split_review(text) == (decision, note)
