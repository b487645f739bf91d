import pytest

from bot.language import detect, reply_language


@pytest.mark.parametrize(
    "text, lang",
    [
        ("你好", "zh"),
        ("我想问一下 data lake 是什么", "zh"),
        ("hello there", "en"),
        ("What is ML?", "en"),
        ("😀😀", None),
        ("12345", None),
        ("", None),
        (None, None),
        ("/affirm", None),
        ("？", "zh"),
        ("ok", None),
        ("OK 👍", None),
        ("okay!", None),
        ("hhh", None),
        ("yyds", None),
        ("OK let's start", "en"),
        ("yes", "en"),
    ],
)
def test_detect(text, lang):
    assert detect(text) == lang


def test_the_message_language_wins_without_an_explicit_choice():
    assert reply_language("hello", previous="zh", preferred="zh") == "en"
    assert reply_language("你好", previous="en") == "zh"


def test_an_explicit_choice_sticks():
    assert reply_language("你好", explicit="en") == "en"


def test_an_ok_from_a_chinese_speaker_keeps_chinese():
    assert reply_language("ok", previous="zh") == "zh"
    assert reply_language("ok", previous="en") == "en"


def test_no_signal_keeps_the_previous_language_then_the_preference():
    assert reply_language("👍", previous="en", preferred="zh") == "en"
    assert reply_language("👍", preferred="en") == "en"
    assert reply_language("👍") == "zh"


def test_a_switch_request_names_or_toggles_the_language():
    assert reply_language("请说英文", switch_requested=True, switch_to="en") == "en"
    assert reply_language("switch language", switch_requested=True, previous="en") == "zh"
    assert reply_language("换个语言", switch_requested=True, previous="zh") == "en"
    assert reply_language("speak Chinese", switch_requested=True, switch_to="zh", explicit="en") == "zh"
