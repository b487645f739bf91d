"""Actions run against a real Tracker and CollectingDispatcher, on a real SQLite directory."""

from __future__ import annotations

from actions.language import ActionChangeLanguage
from actions.replies import ActionCoreFallback, ActionGreet, ActionHelp
from bot import directory, messages
from bot.nlu.context import identify as bot_identify
from bot.nlu.context import turn_events
from bot.store.db import session_scope
from tests.support.forms import slots_of, texts
from tests.support.trackers import make_tracker, rasa_tracker


def slots_of_rasa(events):
    return {e.key: e.value for e in events}


def context(sender, text="", intent="greet", entities=None, slots=None):
    """The slots the Rasa server sets for this message before the turn's first action."""
    return slots_of_rasa(turn_events(rasa_tracker(sender, text, intent, entities, slots), bot_identify(sender)))


def test_context_reads_identity_from_the_sender_id_and_language_from_the_text(directory_db):
    assert context("li.wei", "hello") == {"language": "en", "person_name": "李伟"}
    assert context("li.wei", "我想问一下 data lake 是什么", slots={"language": "en"})["language"] == "zh"
    assert context("li.wei", "hello", slots={"language": "en", "person_name": "李伟"}) == {}  # nothing changed


def test_context_ignores_names_typed_in_the_message(directory_db):
    found = context(
        "stranger",
        "I am wang.fang from the planning office",
        entities=[{"entity": "person", "value": "wang.fang", "start": 5, "end": 13}],
    )
    assert found.get("person_name") is None


def test_greeting_uses_the_directory(directory_db, dispatcher):
    ActionGreet().run(dispatcher, make_tracker("anna.smith", "hi", slots={"language": "en"}), {})
    ActionGreet().run(dispatcher, make_tracker("someone.new", "你好", slots={"language": "zh"}), {})
    assert texts(dispatcher) == [
        messages.text("greet_known", "en", name="Anna Smith"),
        messages.text("greet_unknown", "zh"),
    ]


def test_help_depends_on_the_role(directory_db, dispatcher):
    for sender in ("li.wei", "wang.fang", "ops.admin", "nobody"):
        ActionHelp().run(dispatcher, make_tracker(sender, "help", "help", slots={"language": "en"}), {})
    assert texts(dispatcher) == [messages.text(f"help_{r}", "en") for r in ("lead", "planning", "admin", "unknown")]


def test_a_language_switch_is_remembered_in_the_directory(directory_db, dispatcher):
    entities = [{"entity": "language", "value": "en", "start": 14, "end": 21}]
    found = context("li.wei", "please speak English", "change_language", entities, slots={"language": "zh"})
    assert found["language"] == "en"
    tracker = make_tracker("li.wei", "please speak English", "change_language", entities=entities, slots=found)
    assert ActionChangeLanguage().run(dispatcher, tracker, {}) == []
    assert texts(dispatcher) == [messages.text("language_changed", "en")]
    with session_scope() as session:
        assert directory.lookup(session, "li.wei").lang == "en"
    # later Chinese messages still get English replies: the cached identity was dropped
    assert context("li.wei", "你好", slots={"language": "en"}).get("language", "en") == "en"


def test_a_strangers_switch_is_kept_in_the_conversation(directory_db, dispatcher):
    found = context("visitor", "切换语言", "change_language", slots={"language": "zh"})
    assert found["language"] == "en"
    tracker = make_tracker("visitor", "切换语言", "change_language", slots={"language": "en"})
    events = ActionChangeLanguage().run(dispatcher, tracker, {})
    assert slots_of(events) == {"language_choice": "en"}
    assert context("visitor", "你好", slots={"language": "en", "language_choice": "en"}).get("language", "en") == "en"


def test_a_title_read_as_a_language_request_switches_nothing(directory_db, dispatcher):
    assert (
        context("chen.jing", "客服通话智能质检", "change_language", slots={"language": "zh"}).get("language", "zh")
        == "zh"
    )
    tracker = make_tracker("chen.jing", "客服通话智能质检", "change_language", slots={"language": "zh"})
    assert ActionChangeLanguage().run(dispatcher, tracker, {}) == []
    assert texts(dispatcher) == [messages.text("language_which", "zh")]


def test_core_fallback_apologises_and_rewinds(directory_db, dispatcher):
    events = ActionCoreFallback().run(dispatcher, make_tracker("li.wei", "??", slots={"language": "zh"}), {})
    assert events == [{"event": "rewind", "timestamp": None}]
    assert texts(dispatcher) == [messages.text("not_sure_what_next", "zh")]


def test_simple_reply_actions_stay_registered_after_garbage_collection():
    import gc

    from rasa_sdk.executor import ActionExecutor

    gc.collect()
    executor = ActionExecutor()
    executor.register_package("actions")
    for key in ("goodbye", "thank", "bot_challenge", "out_of_scope", "nothing_pending"):
        assert f"action_reply_{key}" in executor.actions
