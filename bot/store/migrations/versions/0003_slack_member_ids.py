"""slack member ids

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 22:01:04.683461
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN and a unique index: no table rebuild, so existing rows stay put
    op.add_column("people", sa.Column("slack_id", sa.String(length=32), nullable=True))
    op.create_index("ix_people_slack_id", "people", ["slack_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_people_slack_id", table_name="people")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_column("slack_id")
