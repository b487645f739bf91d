"""bot/flow.py: the values of the dialogue's state slots agree with what reads and writes them."""

from __future__ import annotations

import yaml

from bot import domain_gen, flow, messages
from bot.dialogue import commands, prompts, reader


def test_each_reask_mode_puts_a_plan_question_its_own_way():
    """Every `reask` value the prompts are given changes how the question is put (SILENT: not at all)."""
    asked = {mode: prompts.plan_question("title", "en", mode) for mode in (None, *flow.Reask.ALL)}
    assert asked.pop(flow.Reask.SILENT) is None
    assert len(set(map(repr, asked.values()))) == len(asked)


def test_other_questions_are_asked_again_with_the_options_or_after_a_digression():
    first = prompts.other_question("Sure?", [], "en")
    assert prompts.other_question("Sure?", [], "en", flow.Reask.SILENT) is None
    again = prompts.other_question("Sure?", [], "en", flow.Reask.AGAIN)
    back = prompts.other_question("Sure?", [], "en", flow.Reask.BACK)
    assert len({repr(first), repr(again), repr(back)}) == 3


def test_every_way_of_leaving_a_form_is_a_command_or_a_request_said_mid_form():
    said = set(commands.COMMANDS) | set(reader.LEAVING_REQUESTS.values())
    assert set(flow.FormExit.LEAVING) <= said
    assert flow.FormExit.EDIT not in flow.FormExit.LEAVING  # left by a change request, not by a command of that name


def test_every_confirmation_can_be_explained_and_the_year_question_takes_a_year():
    for what in flow.Confirming.ALL:
        assert reader.question("confirmation", what).kind == (
            "year" if what == flow.Confirming.START_YEAR else "yes_no"
        )
    assert "explain.start_year" in messages.catalogue()


def test_the_state_slots_are_in_the_domain_and_set_only_by_the_actions():
    slots = yaml.safe_load(domain_gen.target().read_text(encoding="utf-8"))["slots"]
    for name in ("form_exit", "confirming", "reask", "plan_editing"):
        assert slots[name]["mappings"] == [{"type": "custom"}], name
        assert slots[name]["influence_conversation"] is False, name
