"""lateness: client choice and note on notices

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 11:50:30.192594

A client's lateness notice now holds their choice (shorten / reschedule /
proceed) and a note of their circumstances; every notice remembers whether the
threshold then in force required a reschedule offer (NULL for older rows).

Autogenerate does not see new enum values, so the outcome CHECK is written by
hand: the batch recreates the table on SQLite with the widened CHECK.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OUTCOMES_0004 = ("pending", "wait", "reschedule", "cancel_without_fee")
OUTCOMES_0005 = (*OUTCOMES_0004, "shorten", "proceed")


def _outcome_in(values: Sequence[str]) -> str:
    return "outcome IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def upgrade() -> None:
    """Upgrade schema."""
    # The column stays VARCHAR(18), long enough for every value.
    with op.batch_alter_table(
        "lateness_notice",
        schema=None,
        recreate="always" if op.get_bind().dialect.name == "sqlite" else "auto",
    ) as batch_op:
        batch_op.add_column(sa.Column("reschedule_required", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("note", sa.Text(), server_default="", nullable=False))
        batch_op.drop_constraint(batch_op.f("ck_lateness_notice_lateness_outcome"), type_="check")
        batch_op.create_check_constraint(
            batch_op.f("ck_lateness_notice_lateness_outcome"), _outcome_in(OUTCOMES_0005)
        )


def downgrade() -> None:
    """Downgrade schema.

    The older schema cannot hold a client's choice or note: choices go back to pending.
    """
    op.execute(
        "UPDATE lateness_notice SET outcome = 'pending' WHERE outcome IN ('shorten', 'proceed')"
    )
    with op.batch_alter_table(
        "lateness_notice",
        schema=None,
        recreate="always" if op.get_bind().dialect.name == "sqlite" else "auto",
    ) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_lateness_notice_lateness_outcome"), type_="check")
        batch_op.create_check_constraint(
            batch_op.f("ck_lateness_notice_lateness_outcome"), _outcome_in(OUTCOMES_0004)
        )
        batch_op.drop_column("note")
        batch_op.drop_column("reschedule_required")
