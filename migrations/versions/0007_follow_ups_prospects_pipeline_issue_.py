"""follow-ups: prospects pipeline, issue reopening, check-in template

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 13:11:16.061946

Clients gain the prospects pipeline: when they first got in touch (existing rows
take the day their record was created), how far a prospect has come (NULL: as the
appointments say) and why a prospect declined. Issues remember being reopened, so
the earlier resolution note is kept rather than lost. The practice gets an editable
check-in message, shipped with the wording of seed 002.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHECKIN_TEMPLATE = (
    "Hello {preferred_name}, just thinking of you. Hope you are doing well. "
    "Let me know if I can be supportive in any way. \u2014 {practitioner}"
)


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.add_column(sa.Column("inquired_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "prospect_stage",
                sa.Enum(
                    "inquiry",
                    "consultation",
                    name="client_prospect_stage",
                    native_enum=False,
                    create_constraint=True,
                ),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column("declined_reason", sa.Text(), server_default="", nullable=False)
        )

    with op.batch_alter_table("client_issue", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("reopened_count", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("reopened_on", sa.Date(), nullable=True))

    with op.batch_alter_table("practice_settings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "checkin_template", sa.Text(), server_default=CHECKIN_TEMPLATE, nullable=False
            )
        )

    # Everyone on file got in touch at the latest on the day their record was made.
    op.execute("UPDATE client SET inquired_on = DATE(created_at) WHERE inquired_on IS NULL")


def downgrade() -> None:
    """Downgrade schema.

    The older schema cannot hold the pipeline, reopening or the check-in wording: they go.
    """
    with op.batch_alter_table("practice_settings", schema=None) as batch_op:
        batch_op.drop_column("checkin_template")

    with op.batch_alter_table("client_issue", schema=None) as batch_op:
        batch_op.drop_column("reopened_on")
        batch_op.drop_column("reopened_count")

    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_column("declined_reason")
        batch_op.drop_column("prospect_stage")
        batch_op.drop_column("inquired_on")
