"""slack event ids shared by the Rasa servers

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 23:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "slack_events",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_slack_events")),
    )
    op.create_index(op.f("ix_slack_events_seen_at"), "slack_events", ["seen_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_slack_events_seen_at"), table_name="slack_events")
    op.drop_table("slack_events")
