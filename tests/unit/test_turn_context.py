"""The reply language and the person are set in the Rasa server, with no action-server call
before prediction; the directory cache and its invalidation; selective domain."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot import directory, directory_cache
from bot.nlu import speedups
from bot.nlu.context import ConversationContextPolicy, first_prediction_of_turn, turn_events
from bot.store.db import session_scope
from tests.support.trackers import rasa_tracker

ROOT = Path(__file__).resolve().parents[2]


def _yaml(name):
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


# --- no action-server call before prediction ------------------------------------------------


def test_no_slot_mapping_calls_the_action_server():
    """A custom mapping with an `action` makes action_extract_slots call the action server
    on every user message, before prediction: nothing may do that."""
    for name, slot in _yaml("domain.yml")["slots"].items():
        for mapping in slot.get("mappings") or []:
            assert "action" not in mapping, name


def test_the_context_policy_is_in_the_model_config():
    names = [p["name"] for p in _yaml("config.yml")["policies"]]
    assert names[0] == "bot.nlu.context.ConversationContextPolicy"


def test_selective_domain_is_on_and_only_form_validation_gets_the_domain():
    assert _yaml("endpoints.yml")["action_endpoint"]["enable_selective_domain"] is True
    declared = {
        name
        for entry in _yaml("domain.yml")["actions"]
        if isinstance(entry, dict)
        for name, props in entry.items()
        if (props or {}).get("send_domain")
    }
    from rasa_sdk import FormValidationAction
    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("actions")
    validators = {
        name
        for name, action in executor.actions.items()
        if isinstance(getattr(action, "__self__", None), FormValidationAction)
    }
    assert validators and declared == validators


# --- the policy ---------------------------------------------------------------------------------


def test_the_policy_sets_language_and_person_on_the_first_prediction_only(directory_db):
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SlotSet

    domain = Domain.load(str(ROOT / "domain.yml"))
    policy = ConversationContextPolicy({"priority": 0}, None, None, _context())
    tracker = rasa_tracker("anna.smith", "你好")
    prediction = policy.predict_action_probabilities(tracker, domain)
    assert max(prediction.probabilities) == 0  # never wins
    assert {e.key: e.value for e in prediction.events} == {"language": "zh", "person_name": "Anna Smith"}
    tracker.update(SlotSet("language", "zh"))
    tracker.update(ActionExecuted("action_greet"))
    assert not first_prediction_of_turn(tracker)
    assert policy.predict_action_probabilities(tracker, domain).events == []


def _after_a_plan_was_shown(sender, text, intent="ask_faq", shown_by="action_show_plan"):
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
    from rasa.shared.core.slots import AnySlot
    from rasa.shared.core.trackers import DialogueStateTracker

    return DialogueStateTracker.from_events(
        sender,
        [
            ActionExecuted("action_listen"),
            UserUttered("show plan 1", {"name": "show_plan", "confidence": 1.0}),
            ActionExecuted(shown_by),
            SlotSet("last_plan_id", 1),
            ActionExecuted("action_listen"),
            UserUttered(text, {"name": intent, "confidence": 0.7}),
        ],
        slots=[AnySlot(name, mappings=[{}]) for name in ("language", "person_name", "language_choice", "last_plan_id")],
    )


@pytest.mark.parametrize(
    "text",
    ["Thumbs up from me on this one.", "这份不行，退回修改。", "It's a no from me: send back, note 'sponsor missing'."],
)
def test_a_reviewers_decision_on_the_plan_just_shown_is_the_review(directory_db, text):
    from rasa.shared.core.domain import Domain

    domain = Domain.load(str(ROOT / "domain.yml"))
    policy = ConversationContextPolicy({"priority": 7}, None, None, _context())
    prediction = policy.predict_action_probabilities(_after_a_plan_was_shown("wang.fang", text), domain)
    assert prediction.probabilities[domain.index_for_action("action_start_review")] == 1.0


@pytest.mark.parametrize(
    "sender, text, shown_by",
    [
        ("li.wei", "这份不行，退回修改。", "action_show_plan"),  # a lead reviews nothing
        ("wang.fang", "退回的计划他们改完能再提交吗？", "action_show_plan"),  # a question
        ("wang.fang", "这份不行，退回修改。", "action_faq"),  # no plan just shown
        ("wang.fang", "No, I meant the other unit", "action_query_plans"),  # a bare "no" decides nothing
    ],
)
def test_no_review_is_predicted_without_a_reviewer_a_decision_and_a_plan_just_shown(
    directory_db, sender, text, shown_by
):
    from rasa.shared.core.domain import Domain

    domain = Domain.load(str(ROOT / "domain.yml"))
    policy = ConversationContextPolicy({"priority": 7}, None, None, _context())
    prediction = policy.predict_action_probabilities(_after_a_plan_was_shown(sender, text, shown_by=shown_by), domain)
    assert max(prediction.probabilities) == 0


def _context():
    from rasa.engine.graph import ExecutionContext, GraphSchema

    return ExecutionContext(GraphSchema({}), "test")


def test_a_turn_reads_the_directory_once_at_most(directory_db):
    cache = directory_cache.identities()
    cache.forget()
    before = cache.queries
    for text in ("hello", "你好", "what is a data lake?"):
        turn_events(rasa_tracker("li.wei", text), directory_cache.lookup("li.wei"))
    assert cache.queries - before <= 2  # the revision check and one lookup, then from memory


# --- the cache ------------------------------------------------------------------------------------


def test_the_cache_answers_from_memory_until_the_directory_changes(directory_db):
    clock = Clock()
    cache = directory_cache.DirectoryCache(directory_db, check_seconds=1.0, clock=clock)
    assert cache.lookup("li.wei").role == "lead"
    queries = cache.queries
    assert cache.lookup("li.wei").role == "lead" and cache.queries == queries
    with session_scope(directory_db) as session:  # another process: `mlplan people add`
        directory.add_person(session, "li.wei", name="李伟", unit="retail", role="planning")
    assert cache.lookup("li.wei").role == "lead"  # not checked again yet
    clock.now += 1.5
    assert cache.lookup("li.wei").role == "planning"


def test_a_new_person_is_seen_after_the_check(directory_db):
    clock = Clock()
    cache = directory_cache.DirectoryCache(directory_db, clock=clock)
    assert not cache.lookup("new.person").known
    with session_scope(directory_db) as session:
        directory.add_person(session, "new.person", name="New Person", unit="retail", role="lead")
    clock.now += directory_cache.CHECK_SECONDS
    assert cache.lookup("new.person").known


def test_forget_drops_a_person_at_once(directory_db):
    cache = directory_cache.DirectoryCache(directory_db, check_seconds=3600)
    assert cache.lookup("li.wei").lang_explicit is False
    with session_scope(directory_db) as session:
        directory.remember_language(session, "li.wei", "en")
    assert cache.lookup("li.wei").lang_explicit is False
    cache.forget("li.wei")
    assert cache.lookup("li.wei").lang == "en" and cache.lookup("li.wei").lang_explicit


def test_a_language_request_drops_the_cached_person(directory_db):
    cache = directory_cache.identities()
    identity = cache.lookup("li.wei")
    with session_scope() as session:
        directory.remember_language(session, "li.wei", "en")  # as the action will do
    turn_events(rasa_tracker("li.wei", "please speak English", "change_language"), identity)
    assert cache.lookup("li.wei").lang_explicit


def test_identity_never_comes_from_the_text(directory_db):
    events = turn_events(rasa_tracker("stranger", "I am li.wei from retail"), directory_cache.lookup("stranger"))
    assert {e.key: e.value for e in events} == {"language": "en"}


# --- the action server's replies, checked with a validator built once --------------------------------


def test_action_replies_are_still_validated(monkeypatch):
    import jsonschema
    from rasa.core.actions.action import RemoteAction

    speedups.install()
    speedups.install()
    assert RemoteAction._validate_action_result is speedups.validate_action_result
    checks = []
    monkeypatch.setattr(jsonschema, "validate", lambda *a, **k: checks.append(1))  # Rasa's own path
    action = RemoteAction("action_greet", None)
    good = {"events": [{"event": "slot", "name": "language", "value": "en"}], "responses": [{"text": "hi"}]}
    for _ in range(3):
        assert action._validate_action_result(good)
    with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": [{"event": "slot", "name": 3}]})
    with pytest.raises(jsonschema.ValidationError):
        action._validate_action_result({"events": "not a list"})
    assert checks == []  # not jsonschema.validate, which checks the schema itself on every call


def test_event_types_resolve_as_rasa_resolves_them():
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    def rasas(type_name):
        return next((cls for cls in all_subclasses(Event) if cls.type_name == type_name), None)

    speedups.install()
    assert Event.resolve_by_type is speedups.resolve_by_type
    for cls in all_subclasses(Event):
        assert Event.resolve_by_type(cls.type_name) is rasas(cls.type_name)
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no-such-event", default=Event) is Event
    with pytest.raises(ValueError, match="Unknown event name"):
        Event.resolve_by_type("no-such-event")
    events = [{"event": "slot", "name": "language", "value": "en"}, {"event": "action", "name": "action_listen"}]
    from rasa.shared.core.events import ActionExecuted, SlotSet, deserialise_events

    assert [type(e) for e in deserialise_events(events)] == [SlotSet, ActionExecuted]
