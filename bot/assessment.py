"""Readiness against the guide's six challenges (SPEC §5), from the rules in
knowledge/readiness.yml."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Dict, List, Mapping

import yaml

from bot import settings
from bot.plan_schema import FIELDS_BY_NAME

CHALLENGES = ("culture", "data", "problem", "skills", "scale", "measure")
NONE_WORDS = frozenset({"none", "no", "nothing", "n/a", "na", "无", "没有", "暂无", "没", "不存在"})


class RulesError(ValueError):
    pass


@functools.lru_cache(maxsize=2)
def rules(path: Path = settings.KNOWLEDGE_DIR / "readiness.yml") -> Dict[str, Any]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    problems = check_rules(data)
    if problems:
        raise RulesError("; ".join(problems))
    return data


def check_rules(data: Any) -> List[str]:
    """Every problem in a readiness rules document."""
    problems: List[str] = []
    challenges = (data or {}).get("challenges") or {}
    if set(challenges) != set(CHALLENGES):
        problems.append(f"challenges must be exactly {', '.join(CHALLENGES)}")
    for name, spec in challenges.items():
        if not spec.get("remedy"):
            problems.append(f"{name}: no remedy")
        for lang in ("zh", "en"):
            for key in ("title", "advice"):
                if not (spec.get(key) or {}).get(lang):
                    problems.append(f"{name}: no {lang} {key}")
        for level in ("blocked", "at_risk"):
            for i, rule in enumerate(spec.get(level) or [], 1):
                for lang in ("zh", "en"):
                    if not (rule.get("reason") or {}).get(lang):
                        problems.append(f"{name}.{level}[{i}]: no {lang} reason")
                try:
                    _holds(rule["when"], {})
                except (KeyError, TypeError, ValueError) as error:
                    problems.append(f"{name}.{level}[{i}]: bad condition: {error}")
    return problems


def _has_content(value: Any) -> bool:
    if value in (None, "", []):
        return False
    return not (isinstance(value, str) and value.strip().casefold() in NONE_WORDS)


def _holds(condition: Mapping[str, Any], answers: Mapping[str, Any]) -> bool:
    if "all" in condition:
        return all(_holds(c, answers) for c in condition["all"])
    if "any" in condition:
        return any(_holds(c, answers) for c in condition["any"])
    field = condition["field"]
    if field not in FIELDS_BY_NAME:
        raise ValueError(f"unknown field {field!r}")
    value = answers.get(field)
    empty = value in (None, "", [])
    if "empty" in condition:
        return empty == bool(condition["empty"])
    if "has_content" in condition:
        return _has_content(value) == bool(condition["has_content"])
    if "in" in condition:
        return not empty and value in condition["in"]
    if "not_in" in condition:
        return empty or value not in condition["not_in"]
    if "only" in condition:
        return value is not None and not empty and sorted(value) == sorted(condition["only"])
    raise ValueError(f"condition has no test: {sorted(condition)}")


def _fields(condition: Mapping[str, Any]) -> List[str]:
    if "field" in condition:
        return [condition["field"]]
    return sorted({f for c in condition.get("all", []) + condition.get("any", []) for f in _fields(c)})


def _fired(rule_list: List[Mapping[str, Any]], answers: Mapping[str, Any]) -> List[Dict[str, Any]]:
    return [
        {**rule["reason"], "fields": _fields(rule["when"])} for rule in rule_list or [] if _holds(rule["when"], answers)
    ]


def assess(answers: Mapping[str, Any]) -> Dict[str, Any]:
    """The SPEC §5 assessment of a plan's answers. Each reason names, in both
    languages, what is missing, and lists the fields that caused it."""
    data = rules()
    challenges: Dict[str, Any] = {}
    for name in CHALLENGES:
        spec = data["challenges"][name]
        blocked, risks = _fired(spec.get("blocked"), answers), _fired(spec.get("at_risk"), answers)
        rating = "blocked" if blocked else "at_risk" if risks else "ready"
        challenges[name] = {"rating": rating, "reasons": blocked + risks, "remedy": spec["remedy"]}
    score = sum(data["scores"][c["rating"]] for c in challenges.values()) / len(CHALLENGES)
    return {"readiness": round(score), "challenges": challenges}


def title(challenge: str, lang: str) -> str:
    return rules()["challenges"][challenge]["title"][lang]


def advice(challenge: str, lang: str) -> str:
    return rules()["challenges"][challenge]["advice"][lang]
