"""Every readiness rule of SPEC §5, from knowledge/readiness.yml."""

from __future__ import annotations

import copy

import pytest
import yaml

from bot import settings
from bot.assessment import CHALLENGES, assess, check_rules, rules
from tests.support.store import READY


def rating(challenge, **changes):
    result = assess({**READY, **changes})["challenges"][challenge]
    return result["rating"], [r["en"] for r in result["reasons"]]


def test_a_complete_plan_is_ready_everywhere():
    result = assess(READY)
    assert result["readiness"] == 100
    assert {c: v["rating"] for c, v in result["challenges"].items()} == {c: "ready" for c in CHALLENGES}
    assert result["challenges"]["culture"] == {"rating": "ready", "reasons": [], "remedy": "culture-failure-tolerance"}


def test_culture():
    assert rating("culture", executive_sponsor=None) == ("blocked", ["no executive sponsor"])
    assert rating("culture", failure_tolerance="must_succeed") == (
        "at_risk",
        ["failed experiments are not budgeted for"],
    )
    assert rating("culture", failure_tolerance="unsure")[0] == "at_risk"
    assert rating("culture", failure_tolerance=None)[0] == "at_risk"


def test_data():
    assert rating("data", q_unused_data="no", data_sources=None)[0] == "blocked"
    assert rating("data", q_unused_data="no")[0] == "ready"  # sources named: not blocked
    assert rating("data", data_location="siloed")[0] == "at_risk"
    assert rating("data", data_location="unknown")[0] == "at_risk"
    assert rating("data", data_location="mixed")[0] == "ready"
    assert rating("data", data_quality="poor")[0] == "at_risk"
    assert rating("data", data_quality="unknown")[0] == "at_risk"
    assert rating("data", data_quality=None) == ("at_risk", ["data quality not answered"])


@pytest.mark.parametrize("field", ["q_real_problem", "q_needs_ml", "q_important"])
def test_problem_blocked_by_a_no(field):
    assert rating("problem", **{field: "no"})[0] == "blocked"


@pytest.mark.parametrize(
    "field", ["q_important", "q_real_problem", "q_unused_data", "q_needs_ml", "q_can_do_alone", "q_can_ship"]
)
def test_problem_at_risk_when_a_qualifier_is_unsure_or_skipped(field):
    assert rating("problem", **{field: "unsure"})[0] == "at_risk"
    assert rating("problem", **{field: None})[0] == "at_risk"


@pytest.mark.parametrize("field", ["metric", "baseline", "domain_experts", "technical_experts"])
def test_problem_at_risk_when_a_team_or_measure_answer_is_missing(field):
    assert rating("problem", **{field: None})[0] == "at_risk"


def test_skills():
    assert rating("skills", skill_gaps="no ML engineers", pilot_team="no")[0] == "at_risk"
    assert rating("skills", skill_gaps="缺少数据工程师", pilot_team="unsure")[0] == "at_risk"
    assert rating("skills", skill_gaps="no ML engineers", pilot_team="yes")[0] == "ready"
    assert rating("skills", skill_gaps="没有", pilot_team="no")[0] == "ready"
    assert rating("skills", skill_gaps=None)[0] == "at_risk"


def test_scale():
    assert rating("scale", q_can_ship="no")[0] == "blocked"
    assert rating("scale", q_can_ship="unsure")[0] == "at_risk"
    assert rating("scale", scaling_path="none_yet")[0] == "at_risk"
    assert rating("scale", scaling_path="coe")[0] == "ready"


def test_measure():
    assert rating("measure", value_branches=[])[0] == "at_risk"
    assert rating("measure", value_branches=["revenue"])[1] == [
        "revenue only (the ROI-only view the guide warns about)"
    ]
    assert rating("measure", value_branches=["time_saved"])[0] == "ready"


def test_reasons_name_the_fields_and_both_languages():
    reason = assess({**READY, "executive_sponsor": None})["challenges"]["culture"]["reasons"][0]
    assert reason == {"zh": "没有执行发起人", "en": "no executive sponsor", "fields": ["executive_sponsor"]}


def test_an_empty_plan_scores_low_and_blocks_culture():
    result = assess({})
    assert result["challenges"]["culture"]["rating"] == "blocked"
    assert result["readiness"] == round((0 + 50 * 5) / 6)


def test_every_rule_in_the_file_is_exercised():
    """Each rule of readiness.yml fires for at least one plan above."""
    probes = [
        dict(READY, **change)
        for change in (
            {
                "executive_sponsor": None,
                "failure_tolerance": None,
                "data_location": None,
                "data_quality": None,
                "skill_gaps": None,
                "scaling_path": None,
                "value_branches": [],
                "metric": None,
                "baseline": None,
                "domain_experts": None,
                "technical_experts": None,
                "q_important": None,
            },
            {
                "q_unused_data": "no",
                "data_sources": None,
                "data_location": "siloed",
                "data_quality": "poor",
                "q_real_problem": "no",
                "q_needs_ml": "no",
                "q_important": "no",
                "q_can_ship": "no",
                "skill_gaps": "gaps",
                "pilot_team": "no",
                "value_branches": ["revenue"],
                "scaling_path": "none_yet",
            },
            {"q_can_ship": "unsure", "q_can_do_alone": "unsure"},
        )
    ]
    fired = {(c, r["en"]) for p in probes for c, v in assess(p)["challenges"].items() for r in v["reasons"]}
    for name, spec in rules()["challenges"].items():
        for level in ("blocked", "at_risk"):
            for rule in spec.get(level) or []:
                assert (name, rule["reason"]["en"]) in fired, (name, rule["reason"]["en"])


def test_the_checker_catches_bad_rules():
    data = yaml.safe_load((settings.KNOWLEDGE_DIR / "readiness.yml").read_text(encoding="utf-8"))
    assert check_rules(data) == []
    broken = copy.deepcopy(data)
    broken["challenges"]["culture"]["blocked"][0]["when"] = {"field": "favourite_colour", "empty": True}
    broken["challenges"]["data"]["at_risk"][0]["reason"].pop("zh")
    del broken["challenges"]["measure"]
    problems = check_rules(broken)
    assert any("favourite_colour" in p for p in problems)
    assert any("data.at_risk[1]: no zh reason" in p for p in problems)
    assert any("challenges must be exactly" in p for p in problems)
