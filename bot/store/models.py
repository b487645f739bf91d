"""ORM models, in SQLAlchemy's typed declarative style.

Written against the 2.0 API (`Mapped[...]`, `mapped_column`) and run on the
SQLAlchemy 1.4 that Rasa 3.6 pins, where `Column` plays `mapped_column`'s part.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, List, Optional

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, registry, relationship

try:  # SQLAlchemy 2.x
    from sqlalchemy.orm import mapped_column
except ImportError:  # SQLAlchemy 1.4
    from sqlalchemy import Column as mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
mapper_registry = registry(metadata=MetaData(naming_convention=NAMING))
Base: Any = mapper_registry.generate_base()  # untyped on SQLAlchemy 1.4: Any, so models may subclass it
metadata = Base.metadata


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Unit(Base):
    __tablename__ = "units"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(200), nullable=False)
    name_en: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)

    aliases: Mapped[List[UnitAlias]] = relationship(
        "UnitAlias", cascade="all, delete-orphan", order_by="UnitAlias.alias", lazy="selectin"
    )


class UnitAlias(Base):
    __tablename__ = "unit_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_key: Mapped[str] = mapped_column(ForeignKey("units.key", ondelete="CASCADE"), nullable=False, index=True)
    alias: Mapped[str] = mapped_column(String(200), nullable=False)
    # casefolded alias: one alias can name only one unit
    alias_key: Mapped[str] = mapped_column(String(200), nullable=False, unique=True)


class Person(Base):
    __tablename__ = "people"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    unit_key: Mapped[Optional[str]] = mapped_column(ForeignKey("units.key"), nullable=True, index=True)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    # The Slack member id (U0123ABCD) of this person, when they use the assistant on Slack.
    slack_id: Mapped[Optional[str]] = mapped_column(String(32), nullable=True, unique=True, index=True)
    lang: Mapped[Optional[str]] = mapped_column(String(2), nullable=True)
    # True once the person asked for a language in chat: replies then stay in it.
    lang_explicit: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow, nullable=False
    )


class Plan(Base):
    __tablename__ = "plans"
    __table_args__ = (
        Index("ix_plans_year_unit", "year", "unit_key"),
        Index("ix_plans_year_status", "year", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_key: Mapped[str] = mapped_column(ForeignKey("units.key"), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    owner_id: Mapped[str] = mapped_column(ForeignKey("people.id"), nullable=False, index=True)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="draft")
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    language: Mapped[str] = mapped_column(String(2), nullable=False)

    title: Mapped[Optional[str]] = mapped_column(Text)
    problem: Mapped[Optional[str]] = mapped_column(Text)
    q_important: Mapped[Optional[str]] = mapped_column(String(8))
    q_real_problem: Mapped[Optional[str]] = mapped_column(String(8))
    q_unused_data: Mapped[Optional[str]] = mapped_column(String(8))
    q_needs_ml: Mapped[Optional[str]] = mapped_column(String(8))
    q_can_do_alone: Mapped[Optional[str]] = mapped_column(String(8))
    q_can_ship: Mapped[Optional[str]] = mapped_column(String(8))
    metric: Mapped[Optional[str]] = mapped_column(Text)
    baseline: Mapped[Optional[str]] = mapped_column(Text)
    data_sources: Mapped[Optional[str]] = mapped_column(Text)
    data_location: Mapped[Optional[str]] = mapped_column(String(16))
    data_quality: Mapped[Optional[str]] = mapped_column(String(16))
    domain_experts: Mapped[Optional[str]] = mapped_column(Text)
    technical_experts: Mapped[Optional[str]] = mapped_column(Text)
    skill_gaps: Mapped[Optional[str]] = mapped_column(Text)
    pilot_team: Mapped[Optional[str]] = mapped_column(String(8))
    executive_sponsor: Mapped[Optional[str]] = mapped_column(Text)
    failure_tolerance: Mapped[Optional[str]] = mapped_column(String(16))
    scaling_path: Mapped[Optional[str]] = mapped_column(String(16))
    value_branches: Mapped[List[str]] = mapped_column(JSON, nullable=False, default=list)
    value_notes: Mapped[Optional[str]] = mapped_column(Text)
    no_plan_reason: Mapped[Optional[str]] = mapped_column(Text)
    # Answers the lead skipped, so a resumed conversation does not ask them again.
    skipped_fields: Mapped[List[str]] = mapped_column(JSON, nullable=False, default=list)
    assessment: Mapped[Optional[dict]] = mapped_column(JSON)

    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)
    submitted_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))

    reviews: Mapped[List[Review]] = relationship(
        "Review", order_by="Review.id", lazy="selectin", cascade="all, delete-orphan"
    )

    # Optimistic locking: every UPDATE checks and bumps `version`.
    __mapper_args__ = {"version_id_col": version}


class PlanVersion(Base):
    """A snapshot of a plan after each saved change."""

    __tablename__ = "plan_versions"
    __table_args__ = (UniqueConstraint("plan_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    snapshot: Mapped[dict] = mapped_column(JSON, nullable=False)
    changed_by: Mapped[str] = mapped_column(String(128), nullable=False)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)


class Review(Base):
    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), nullable=False, index=True)
    decision: Mapped[str] = mapped_column(String(16), nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    reviewer_id: Mapped[str] = mapped_column(String(128), nullable=False)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_target", "target_type", "target_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)
    actor: Mapped[str] = mapped_column(String(128), nullable=False)
    action: Mapped[str] = mapped_column(String(32), nullable=False)
    target_type: Mapped[str] = mapped_column(String(16), nullable=False)
    target_id: Mapped[str] = mapped_column(String(128), nullable=False)
    detail: Mapped[Optional[Any]] = mapped_column(JSON)


class KnowledgeGap(Base):
    """A question the knowledge base could not answer."""

    __tablename__ = "knowledge_gaps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    asked_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False, index=True)
    question: Mapped[str] = mapped_column(Text, nullable=False)
    lang: Mapped[Optional[str]] = mapped_column(String(2))
    sender_id: Mapped[Optional[str]] = mapped_column(String(128))
    best_id: Mapped[Optional[str]] = mapped_column(String(64))
    best_score: Mapped[Optional[float]] = mapped_column(Float)


class Cycle(Base):
    """The planning cycle of one year: its deadline and how often leads are reminded."""

    __tablename__ = "cycles"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    deadline: Mapped[dt.date] = mapped_column(Date, nullable=False)
    remind_every: Mapped[int] = mapped_column(Integer, nullable=False, default=7)
    status: Mapped[str] = mapped_column(String(8), nullable=False, default="open")  # open | closed
    opened_by: Mapped[str] = mapped_column(String(128), nullable=False)
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)
    closed_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))


class Reminder(Base):
    """A message the assistant sent unprompted: a reminder to file, or a review decision.

    `status`: sent, failed (retried on the next run) or pending-web (shown at the next
    web-chat visit); `obsolete` when it no longer applied by then."""

    __tablename__ = "reminders"
    __table_args__ = (
        Index("ix_reminders_person_status", "person_id", "status"),
        Index("ix_reminders_year_kind", "year", "kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)  # reminder | decision
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    person_id: Mapped[str] = mapped_column(String(128), nullable=False)
    unit_key: Mapped[Optional[str]] = mapped_column(String(64))
    plan_id: Mapped[Optional[int]] = mapped_column(ForeignKey("plans.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(32), nullable=False)
    channel: Mapped[str] = mapped_column(String(8), nullable=False)  # slack | web
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    error: Mapped[Optional[str]] = mapped_column(Text)
    # the facts the message is written from (answered, step, decision, note, ...)
    detail: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)
    sent_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))


class SlackEvent(Base):
    """A Slack event id already answered, shared by every Rasa server so that Slack's retries
    and replays are answered once whichever replica they reach (kept a day)."""

    __tablename__ = "slack_events"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False, index=True)
