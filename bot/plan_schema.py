"""The plan fields of SPEC §4: names, kinds, allowed values and guide steps.

Everything that needs to know what a plan field is (the store, the form, the
CLI export, the assessment) reads it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

STATUSES = ("draft", "submitted", "approved", "needs_work", "withdrawn", "no_plan")
LANGUAGES = ("zh", "en")
ROLES = ("lead", "planning", "admin")
REVIEW_DECISIONS = ("approved", "needs_work")

YES_NO_UNSURE = ("yes", "no", "unsure")
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # "text" | "choice" | "multi"
    step: Optional[int] = None
    choices: Tuple[str, ...] = ()


QUALIFIERS = (
    "q_important",
    "q_real_problem",
    "q_unused_data",
    "q_needs_ml",
    "q_can_do_alone",
    "q_can_ship",
)

VALUE_BRANCHES = ("revenue", "time_saved", "new_opportunities", "customer_service", "upsell")

# The answerable plan fields, in the order the plan conversation asks them.
ANSWER_FIELDS: Tuple[Field, ...] = (
    Field("title", "text", 3),
    Field("problem", "text", 3),
    *(Field(q, "choice", 3, YES_NO_UNSURE) for q in QUALIFIERS),
    Field("metric", "text", 3),
    Field("baseline", "text", 3),
    Field("data_sources", "text", 2),
    Field("data_location", "choice", 2, ("siloed", "central", "mixed", UNKNOWN)),
    Field("data_quality", "choice", 2, ("good", "mixed", "poor", UNKNOWN)),
    Field("domain_experts", "text", 3),
    Field("technical_experts", "text", 4),
    Field("skill_gaps", "text", 4),
    Field("pilot_team", "choice", 4, YES_NO_UNSURE),
    Field("executive_sponsor", "text", 1),
    Field("failure_tolerance", "choice", 1, ("budgeted", "must_succeed", "unsure")),
    Field("scaling_path", "choice", 5, ("platform", "coe", "annual_planning", "none_yet")),
    Field("value_branches", "multi", 6, VALUE_BRANCHES),
    Field("value_notes", "text", 6),
)

FIELDS_BY_NAME = {f.name: f for f in ANSWER_FIELDS}
ANSWER_FIELD_NAMES = tuple(f.name for f in ANSWER_FIELDS)

# Every key of a plan's JSON form, in SPEC order.
PLAN_KEYS = (
    "id",
    "unit",
    "year",
    "owner",
    "status",
    "version",
    "language",
    *ANSWER_FIELD_NAMES,
    "no_plan_reason",
    "assessment",
    "review",
    "created_at",
    "updated_at",
    "submitted_at",
)


class InvalidFieldValue(ValueError):
    """A value that a plan field does not allow."""


def normalise_value(name: str, value):
    """Check one answer against its field; return the stored form.

    Text fields are stripped (empty becomes None); choice fields must be one of
    their choices; `value_branches` becomes a de-duplicated list in canonical order.
    """
    field = FIELDS_BY_NAME.get(name)
    if field is None:
        raise InvalidFieldValue(f"unknown plan field: {name}")
    if value is None:
        return [] if field.kind == "multi" else None
    if field.kind == "text":
        text = str(value).strip()
        return text or None
    if field.kind == "choice":
        if value not in field.choices:
            raise InvalidFieldValue(f"{name} must be one of {', '.join(field.choices)}, not {value!r}")
        return value
    items = [value] if isinstance(value, str) else list(value)
    unknown = [v for v in items if v not in field.choices]
    if unknown:
        raise InvalidFieldValue(f"{name} allows {', '.join(field.choices)}, not {', '.join(map(str, unknown))}")
    return [c for c in field.choices if c in items]
