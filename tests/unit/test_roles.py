import pytest

from bot.directory import Identity
from bot.roles import Forbidden, Permission, can, require

LEAD = Identity("li.wei", "李伟", "retail", "lead")
HOMELESS_LEAD = Identity("zhao.lei", "赵磊", None, "lead")
PLANNER = Identity("wang.fang", "王芳", "planning-office", "planning")
ADMIN = Identity("ops.admin", "Ops", None, "admin")
STRANGER = Identity("who")


def test_a_lead_files_and_reads_only_their_own_unit():
    assert can(LEAD, Permission.FILE_PLAN, "retail")
    assert can(LEAD, Permission.READ_UNIT_PLANS, "retail")
    assert not can(LEAD, Permission.FILE_PLAN, "finance")
    assert not can(LEAD, Permission.READ_UNIT_PLANS, "finance")
    assert not can(LEAD, Permission.READ_ALL_PLANS)
    assert not can(LEAD, Permission.REVIEW_PLANS)


def test_a_lead_without_a_unit_cannot_file():
    assert not can(HOMELESS_LEAD, Permission.FILE_PLAN, "retail")
    assert not can(HOMELESS_LEAD, Permission.FILE_PLAN)
    assert can(LEAD, Permission.FILE_PLAN)
    assert can(HOMELESS_LEAD, Permission.ASK_FAQ)


def test_planning_reads_everything_and_reviews_but_does_not_file():
    assert can(PLANNER, Permission.READ_ALL_PLANS)
    assert can(PLANNER, Permission.READ_UNIT_PLANS, "retail")
    assert can(PLANNER, Permission.REVIEW_PLANS)
    assert not can(PLANNER, Permission.FILE_PLAN, "retail")


@pytest.mark.parametrize("who", [ADMIN, STRANGER])
def test_admins_and_strangers_only_ask(who):
    assert can(who, Permission.ASK_FAQ)
    for permission in (Permission.FILE_PLAN, Permission.READ_ALL_PLANS, Permission.REVIEW_PLANS):
        assert not can(who, permission, "retail")
    with pytest.raises(Forbidden):
        require(who, Permission.READ_ALL_PLANS)


def test_only_admins_manage_the_directory():
    assert can(ADMIN, Permission.MANAGE_DIRECTORY)
    assert not any(can(w, Permission.MANAGE_DIRECTORY) for w in (LEAD, PLANNER, STRANGER))


# --- one plan: the only place that says who may change, withdraw, review or read it ---------------


def _plan(unit="retail", status="submitted"):
    from types import SimpleNamespace

    return SimpleNamespace(unit_key=unit, status=status)


@pytest.mark.parametrize(
    "status, change, withdraw, review",
    [
        ("draft", True, True, False),
        ("submitted", True, True, True),
        ("needs_work", True, True, True),
        ("approved", True, True, True),
        ("withdrawn", False, False, False),
        ("no_plan", False, True, False),
    ],
)
def test_what_may_be_done_with_a_plan_depends_on_its_status(status, change, withdraw, review):
    from bot.roles import may_change, may_review, may_withdraw

    plan = _plan(status=status)
    assert (may_change(LEAD, plan), may_withdraw(LEAD, plan), may_review(PLANNER, plan)) == (change, withdraw, review)


def test_only_the_units_lead_changes_or_withdraws_and_only_planning_reviews():
    from bot.roles import may_change, may_read, may_review, may_withdraw, why_not_file

    theirs = _plan(unit="finance")
    for may in (may_change, may_withdraw):
        assert not may(LEAD, theirs) and not may(PLANNER, theirs) and not may(HOMELESS_LEAD, _plan(unit=None))
    assert not may_review(LEAD, _plan()) and not may_review(ADMIN, _plan())
    assert may_read(LEAD, _plan()) and not may_read(LEAD, theirs) and may_read(PLANNER, theirs)
    assert [why_not_file(w) for w in (LEAD, HOMELESS_LEAD, PLANNER, ADMIN, STRANGER)] == [
        None,
        "no_unit",
        "not_a_lead",
        "not_a_lead",
        "not_registered",
    ]
