"""A plan's statuses (SPEC §4) and the groups the rules speak of, declared once.

    draft ──submit──▶ submitted ──review──▶ approved | needs_work
      │                  ▲                        │
      │                  └───── edit + submit ────┘   (an edited plan goes back for review)
      └─ any but withdrawn ──withdraw──▶ withdrawn
    (nothing) ──declare_no_plan──▶ no_plan

Who may move a plan is in bot/roles.py; the moves themselves in bot/lifecycle.py. Every
module that needs a group imports it from here; none spells the statuses out again.
"""

from __future__ import annotations

from bot.plan_schema import REVIEW_DECISIONS, STATUSES

DRAFT = "draft"
SUBMITTED = "submitted"
APPROVED = "approved"
NEEDS_WORK = "needs_work"
WITHDRAWN = "withdrawn"
NO_PLAN = "no_plan"

EDITABLE = (DRAFT, SUBMITTED, NEEDS_WORK, APPROVED)  # a lead may change and (re)submit these
FILED = (SUBMITTED, APPROVED, NEEDS_WORK)  # the unit has filed: reviewable, counted in the review, compared
CLOSED = (WITHDRAWN, NO_PLAN)  # nothing more to do: not a plan a request to withdraw means
DECISIONS = REVIEW_DECISIONS  # what a review may decide; the plan takes the decision as its status
HIDDEN_FROM_UNIT = (WITHDRAWN,)  # a unit's own list leaves out only what it withdrew
HIDDEN_FROM_OFFICE = (DRAFT, WITHDRAWN)  # lists across units show live plans only

assert set(EDITABLE) | set(CLOSED) == set(STATUSES), "every status is either editable or closed"
assert set(FILED) <= set(EDITABLE) and set(DECISIONS) <= set(FILED)
