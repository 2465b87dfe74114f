"""performance: indexes for your care list on Today

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 22:00:00

Today shows the care list of *your* clients (clientcare.scope), read from your clients
(the index on the client's primary practitioner) to their open items, so a practice of
20,000 clients reads what one practitioner's 500 need (issue 19; the EXPLAIN QUERY PLAN
checks are in tests/db/test_query_plans.py):

* ``ix_client_checkin_consent`` becomes ``ix_client_consent_practitioner`` on
  ``(checkin_consent, primary_practitioner_id)``: the consenting clients are found by
  index and whose they are is read from the index, not from every consenting client's
  row.
* ``ix_expectation_client_open`` on ``(client_id, outcome, review_on)``: a client's open
  expectations without reading the ones reviewed long ago.
* ``ix_client_issue_client_status`` on ``(client_id, status)``: a client's open issues.
* ``ix_appointment_client_status_start`` on ``(client_id, status, start)``: the last
  session a client came to, and whether one is booked, without reading every
  appointment of twelve years.

Indexes only: no data changes, and downgrading puts the old consent index back.
"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.drop_index("ix_client_checkin_consent", table_name="client")
    op.create_index(
        "ix_client_consent_practitioner", "client", ["checkin_consent", "primary_practitioner_id"]
    )
    op.create_index(
        "ix_expectation_client_open", "expectation", ["client_id", "outcome", "review_on"]
    )
    op.create_index("ix_client_issue_client_status", "client_issue", ["client_id", "status"])
    op.create_index(
        "ix_appointment_client_status_start", "appointment", ["client_id", "status", "start"]
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_appointment_client_status_start", table_name="appointment")
    op.drop_index("ix_client_issue_client_status", table_name="client_issue")
    op.drop_index("ix_expectation_client_open", table_name="expectation")
    op.drop_index("ix_client_consent_practitioner", table_name="client")
    op.create_index("ix_client_checkin_consent", "client", ["checkin_consent"])
