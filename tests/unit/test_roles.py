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
