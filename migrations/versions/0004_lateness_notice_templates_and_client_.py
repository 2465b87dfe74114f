"""lateness: notice templates and client lateness policy

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 11:30:35.250737

Three practice settings, each NOT NULL with a server default so that the one
existing practice_settings row gets the shipped wording. The texts are written
out here (not imported from the models) so this revision never changes later.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LATE_NOTICE_TEMPLATE = (
    "Hello {preferred_name}, I am so sorry \u2014 I am running about {minutes} minutes late "
    "for our {time} appointment. {reschedule} \u2014 {practitioner}"
)
RESCHEDULE_SENTENCE = (
    "If you would rather reschedule, that is completely fine \u2014 just reply and I will "
    "offer you another time."
)
CLIENT_LATE_OPTIONS = "shorten,reschedule,proceed"


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("practice_settings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "late_notice_template",
                sa.Text(),
                server_default=LATE_NOTICE_TEMPLATE,
                nullable=False,
            )
        )
        batch_op.add_column(
            sa.Column(
                "reschedule_sentence", sa.Text(), server_default=RESCHEDULE_SENTENCE, nullable=False
            )
        )
        batch_op.add_column(
            sa.Column(
                "client_late_options",
                sa.String(length=100),
                server_default=CLIENT_LATE_OPTIONS,
                nullable=False,
            )
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("practice_settings", schema=None) as batch_op:
        batch_op.drop_column("client_late_options")
        batch_op.drop_column("reschedule_sentence")
        batch_op.drop_column("late_notice_template")
