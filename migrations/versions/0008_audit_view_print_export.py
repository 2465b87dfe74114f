"""audit: view, print, export

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 13:25:00.000000

The audit log also records reading (a client's notes opened), printing and
exporting, and the practitioner using the app beside the system user name.

Autogenerate does not see new enum values, so the action CHECK is written by
hand: the batch recreates the table on SQLite with the widened CHECK.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIONS_0007 = ("create", "update", "delete")
ACTIONS_0008 = (*ACTIONS_0007, "view", "print", "export")


def _action_in(values: Sequence[str]) -> str:
    return "action IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def upgrade() -> None:
    """Upgrade schema."""
    # The column stays VARCHAR(6), long enough for every value.
    with op.batch_alter_table(
        "audit_entry",
        schema=None,
        recreate="always" if op.get_bind().dialect.name == "sqlite" else "auto",
    ) as batch_op:
        batch_op.add_column(
            sa.Column("practitioner", sa.String(length=200), server_default="", nullable=False)
        )
        batch_op.drop_constraint(batch_op.f("ck_audit_entry_audit_action"), type_="check")
        batch_op.create_check_constraint(
            batch_op.f("ck_audit_entry_audit_action"), _action_in(ACTIONS_0008)
        )


def downgrade() -> None:
    """Downgrade schema.

    The older schema cannot hold views, prints or exports: those entries are removed.
    """
    op.execute("DELETE FROM audit_entry WHERE action IN ('view', 'print', 'export')")
    with op.batch_alter_table(
        "audit_entry",
        schema=None,
        recreate="always" if op.get_bind().dialect.name == "sqlite" else "auto",
    ) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_audit_entry_audit_action"), type_="check")
        batch_op.create_check_constraint(
            batch_op.f("ck_audit_entry_audit_action"), _action_in(ACTIONS_0007)
        )
        batch_op.drop_column("practitioner")
