"""The planning office over REST: a query in each language, a plan read, a review
recorded, and the lead seeing the decision."""

from __future__ import annotations

import pytest

from bot import messages
from bot.store import plans as store
from bot.store.db import session_scope

pytestmark = pytest.mark.servers


@pytest.fixture
def submitted(assistant, monkeypatch):
    monkeypatch.setenv("MLPLAN_DATABASE_URL", assistant.database_url)
    with session_scope() as session:
        plan = store.create_plan(
            session,
            unit="marketing",
            year=2027,
            owner="maria.garcia",
            language="en",
            answers={"title": "Campaign uplift modelling", "data_location": "siloed"},
        )
        store.set_status(
            session,
            plan.id,
            "submitted",
            actor="maria.garcia",
            assessment={
                "readiness": 50,
                "challenges": {
                    c: {"rating": "at_risk", "reasons": [], "remedy": "value-tree"}
                    for c in ("culture", "data", "problem", "skills", "scale", "measure")
                },
            },
        )
        return plan.id


def test_queries_in_both_languages(assistant, submitted):
    zh = assistant.texts("wang.fang", "2027年市场部有哪些计划？")[0]
    assert f"#{submitted}" in zh and "市场部" in zh
    en = assistant.texts("james.lee", "which 2027 plans are at risk on data?")[0]
    assert f"#{submitted}" in en
    own_unit_only = messages.text("query_own_unit_only", "en")  # li.wei's unit, Retail, has no plans
    assert assistant.texts("li.wei", "which plans does Marketing have for 2027?") == [
        own_unit_only + "\n" + messages.text("query_none", "en", what="2027 · Retail")
    ]
    assert assistant.texts("visitor-9", "list all plans for 2027")[0] == messages.text("query_not_allowed", "en")


def test_review_reaches_the_lead(assistant, submitted, monkeypatch):
    assert "Campaign uplift modelling" in "\n".join(assistant.texts("james.lee", f"show plan {submitted}"))
    replies = assistant.texts("james.lee", f"send plan {submitted} back: please add a baseline")
    told = messages.text("review_told_web", "en", name="Maria Garcia")  # not on Slack: at her next web-chat visit
    assert replies[-1] == messages.text("review_recorded", "en", id=submitted, decision="sent back for work", told=told)
    mine = assistant.texts("maria.garcia", "show my plans")[0]
    assert "needs work" in mine and "please add a baseline" in mine
    monkeypatch.setenv("MLPLAN_DATABASE_URL", assistant.database_url)
    with session_scope() as session:
        assert store.get_plan(session, submitted).status == "needs_work"


def test_a_lead_cannot_review(assistant, submitted):
    assert assistant.texts("li.wei", f"approve plan {submitted}") == [messages.text("review_not_allowed", "en")]
