"""Where each rule lives (docs/architecture.md): status groups are spelled out once, in
bot/plan_status.py; the domain modules return data, not chat text; the report does not
reach into the conversation, and the planning office's queries do not reach into the report."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.plan_schema import STATUSES

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(p for folder in ("bot", "actions") for p in (ROOT / folder).rglob("*.py"))


def imported(path: Path) -> set:
    """The bot/actions modules `path` imports, anywhere in it (module level or inside functions)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name.split(".")[0] in ("bot", "actions")}


# The dialogue reads a review decision's words as ("approved", "needs_work") labels; it is being
# changed elsewhere (the conversation-robustness work), so it is left to import DECISIONS then.
NOT_YET = {"bot/dialogue/answers.py", "bot/dialogue/reader.py"}


def test_status_groups_are_spelled_out_only_in_plan_status():
    spelled = []
    for path in SOURCES:
        if path.name in ("plan_status.py", "plan_schema.py") or str(path.relative_to(ROOT)) in NOT_YET:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, (ast.Tuple, ast.List, ast.Set))
                and len(node.elts) > 1
                and all(isinstance(e, ast.Constant) and e.value in STATUSES for e in node.elts)
            ):
                spelled.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not spelled, f"import the group from bot/plan_status.py instead: {spelled}"


@pytest.mark.parametrize(
    "module",
    [
        "bot/lifecycle.py",
        "bot/queries.py",
        "bot/similar.py",
        "bot/plan_status.py",
        "bot/roles.py",
        "bot/cycle.py",
        "bot/review/data.py",
    ],
)
def test_the_domain_returns_data_not_text(module):
    assert not {"bot.messages", "bot.plan_text", "bot.cycle_text"} & imported(ROOT / module)


def test_the_report_does_not_reach_into_the_conversation_and_queries_not_into_the_report():
    conversation = ("actions", "bot.dialogue", "bot.planning", "bot.plan_text", "bot.queries", "bot.lifecycle")
    for path in (ROOT / "bot" / "review").glob("*.py"):
        reached = {name for name in imported(path) if name.startswith(conversation)}
        assert not reached, f"{path.name} imports {reached}"
    assert not {name for name in imported(ROOT / "bot" / "queries.py") if name.startswith("bot.review")}


def test_who_may_change_a_plan_is_asked_only_in_roles():
    """Nothing outside bot/roles.py checks a plan's status together with a permission."""
    for path in SOURCES:
        if path.name == "roles.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert "Permission.FILE_PLAN, plan.unit_key" not in text, path.relative_to(ROOT)
