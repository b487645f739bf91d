"""domain.yml: its generated parts are current, and the declarations that must agree do."""

from __future__ import annotations

import pytest
from rasa.shared.core.domain import Domain
from rasa_sdk.executor import ActionExecutor

from bot import domain_gen
from bot.cli import main
from bot.plan_schema import ANSWER_FIELD_NAMES, ANSWER_FIELDS

DOMAIN = domain_gen.target()


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(DOMAIN))


def test_domain_yml_is_current_with_the_plan_schema():
    text = DOMAIN.read_text(encoding="utf-8")
    assert domain_gen.render(text) == text, "domain.yml is stale: run `mlplan domain build`"


def test_a_stale_region_is_rewritten_and_the_hand_written_part_kept():
    text = DOMAIN.read_text(encoding="utf-8")
    stale = text.replace("      - q_can_ship\n", "", 1).replace("  - action_ask_metric\n", "", 1)
    stale = stale.replace("      - no_plan_reason\n", "      - no_plan_reason  # hand-written\n", 1)
    assert stale.count("q_can_ship") < text.count("q_can_ship")
    rebuilt = domain_gen.render(stale)
    assert rebuilt == text.replace("      - no_plan_reason\n", "      - no_plan_reason  # hand-written\n", 1)


@pytest.mark.parametrize(
    "broken, problem",
    [
        (lambda t: t.replace("  # <<< generated: plan_form slots\n", "", 1), "has no end line"),
        (lambda t: t.replace("# >>> generated: plan_form ask actions", "# ask actions", 1), "no generated region"),
        (lambda t: t.replace("generated: plan_form slots", "generated: plan_form slotz"), "unknown generated region"),
    ],
)
def test_a_broken_marker_is_reported(broken, problem):
    with pytest.raises(domain_gen.StaleDomain, match=problem):
        domain_gen.render(broken(DOMAIN.read_text(encoding="utf-8")))


def test_mlplan_domain_check_and_build(tmp_path, monkeypatch, capsys):
    copy = tmp_path / "domain.yml"
    copy.write_text(DOMAIN.read_text(encoding="utf-8").replace("      - title\n", "", 1), encoding="utf-8")
    monkeypatch.setattr(domain_gen, "target", lambda: copy)
    monkeypatch.setattr("bot.settings.PROJECT_ROOT", tmp_path)
    assert main(["domain", "check"]) == 2
    assert "domain.yml is stale: run `mlplan domain build`" in capsys.readouterr().err
    assert main(["domain", "build"]) == 0 and "wrote domain.yml" in capsys.readouterr().out
    assert copy.read_text(encoding="utf-8") == DOMAIN.read_text(encoding="utf-8")
    mtime = copy.stat().st_mtime_ns
    assert main(["domain", "build"]) == 0 and "unchanged: domain.yml" in capsys.readouterr().out
    assert copy.stat().st_mtime_ns == mtime  # no needless retraining
    assert main(["domain", "check"]) == 0


# --- the plan form is declared in four places: the schema, the slots, required_slots, the ask actions


def test_plan_form_asks_the_schema_fields_in_order_then_which_to_change(domain: Domain):
    assert domain.required_slots_for_form("plan_form") == [*ANSWER_FIELD_NAMES, "edit_field"]


def test_every_form_slot_is_filled_from_text_while_its_form_asks(domain: Domain):
    slots = {slot.name: slot for slot in domain.slots}
    for form in domain.form_names:
        for name in domain.required_slots_for_form(form):
            assert slots[name].mappings == [
                {"type": "from_text", "conditions": [{"active_loop": form, "requested_slot": name}]}
            ], name
            assert not slots[name].influence_conversation, name


def test_plan_slot_types_follow_the_field_kinds(domain: Domain):
    slots = {slot.name: slot for slot in domain.slots}
    for field in ANSWER_FIELDS:
        assert slots[field.name].type_name == ("list" if field.kind == "multi" else "text"), field.name


def test_every_form_question_has_its_ask_action_and_validation(domain: Domain):
    for form in domain.form_names:
        assert f"validate_{form}" in domain.user_actions
        for name in domain.required_slots_for_form(form):
            assert f"action_ask_{name}" in domain.user_actions, name


def test_the_action_server_runs_exactly_the_domain_s_custom_actions(domain: Domain, monkeypatch):
    monkeypatch.setattr("bot.kb.search.warm_up_in_background", lambda: None)  # no index build for a name check
    executor = ActionExecutor()
    executor.register_package("actions")
    assert sorted(executor.actions) == sorted(domain.user_actions)
