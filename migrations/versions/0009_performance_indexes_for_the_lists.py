"""performance: indexes for the lists

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 13:21:51.562064

Indexes for the main query of the screens on a large practice (issue 11; the
EXPLAIN QUERY PLAN checks are in tests/db/test_query_plans.py):

* ``ix_client_name_order`` on ``(lower(full_name), id, search_key)``: the Clients list's
  order, so a page of it (LIMIT) walks the index and stops instead of sorting every
  client, and checks the search words against the folded key in the index itself.
  Autogenerate cannot compare expression indexes on SQLite, and a later batch
  migration that recreates ``client`` cannot reflect it: such a migration must create
  it again (the query-plan test fails if it is lost).
* ``ix_client_checkin_consent``: the care list's check-ins (clients who said yes).
* ``ix_busy_time_ends_at``: a week of every practitioner's busy time.
* ``ix_charge_status_client`` and ``ix_payment_client_kind``: every client's ageing
  reads two covering indexes, not the ledger tables.

Indexes only: no data changes, and downgrading drops them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index(
        "ix_client_name_order", "client", [sa.text("lower(full_name)"), "id", "search_key"]
    )
    op.create_index("ix_client_checkin_consent", "client", ["checkin_consent"])
    op.create_index("ix_busy_time_ends_at", "busy_time", ["ends_at"])
    op.create_index(
        "ix_charge_status_client", "charge", ["status", "client_id", "charged_on", "amount_minor"]
    )
    op.create_index("ix_payment_client_kind", "payment", ["client_id", "kind", "amount_minor"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_payment_client_kind", table_name="payment")
    op.drop_index("ix_charge_status_client", table_name="charge")
    op.drop_index("ix_busy_time_ends_at", table_name="busy_time")
    op.drop_index("ix_client_checkin_consent", table_name="client")
    op.drop_index("ix_client_name_order", table_name="client")
