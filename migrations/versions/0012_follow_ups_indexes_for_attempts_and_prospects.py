"""performance: indexes to the contact attempts and the prospects of the practice

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 23:30:00

The Follow-ups screen lists the people with several calls or messages unreturned,
counted in SQL (issue 19): every contact attempt of the scope's clients, each checked
against the client's later contacts. Without an index on the kind, the practice's
contact attempts were found by reading every interaction (a million on the ten-times
practice, a third of a second); with ``ix_interaction_kind_client`` on
``(kind, client_id, occurred_at)`` they are read by index (the EXPLAIN QUERY PLAN
check is in tests/db/test_query_plans.py).

The prospects pipeline reads the practice's prospects (and whose they are) through
``ix_client_status_practitioner`` on ``(status, primary_practitioner_id)`` instead of
every client.

Indexes only: no data changes.
"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index(
        "ix_interaction_kind_client", "interaction", ["kind", "client_id", "occurred_at"]
    )
    op.create_index(
        "ix_client_status_practitioner", "client", ["status", "primary_practitioner_id"]
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_client_status_practitioner", table_name="client")
    op.drop_index("ix_interaction_kind_client", table_name="interaction")
