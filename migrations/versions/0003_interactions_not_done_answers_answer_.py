"""interactions: not-done answers, answer notes, addenda

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 11:14:44.065558

Autogenerate does not see a new enum value or a new CHECK constraint, so the
checklist_answer part is written by hand: the batch recreates the table on
SQLite with the widened enum CHECK and the new "not done needs a note" CHECK.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ANSWER_VALUES_0002 = ("done", "not_applicable")
ANSWER_VALUES_0003 = ("done", "not_applicable", "not_done")


def _answer_in(values: Sequence[str]) -> str:
    return "answer IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "interaction_addendum",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("field", sa.String(length=50), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interaction.id"],
            name=op.f("fk_interaction_addendum_interaction_id_interaction"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interaction_addendum")),
    )
    with op.batch_alter_table("interaction_addendum", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interaction_addendum_interaction_id"), ["interaction_id"], unique=False
        )

    # The enum CHECK (named by the convention) is dropped and made again with
    # "not_done"; the column stays VARCHAR(14), long enough for every value.
    with op.batch_alter_table(
        "checklist_answer",
        schema=None,
        recreate="always" if op.get_bind().dialect.name == "sqlite" else "auto",
    ) as batch_op:
        batch_op.add_column(sa.Column("note", sa.Text(), server_default="", nullable=False))
        batch_op.drop_constraint(
            batch_op.f("ck_checklist_answer_checklist_answer_value"), type_="check"
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_checklist_answer_checklist_answer_value"),
            _answer_in(ANSWER_VALUES_0003),
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_checklist_answer_not_done_has_note"),
            "answer <> 'not_done' OR length(note) > 0",
        )

    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("checkins_discussed", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("draft_saved_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    """Downgrade schema.

    The older schema cannot hold a "not done" answer: those answers are removed.
    """
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_column("draft_saved_at")
        batch_op.drop_column("checkins_discussed")

    op.execute("DELETE FROM checklist_answer WHERE answer = 'not_done'")
    with op.batch_alter_table(
        "checklist_answer",
        schema=None,
        recreate="always" if op.get_bind().dialect.name == "sqlite" else "auto",
    ) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_checklist_answer_not_done_has_note"), type_="check")
        batch_op.drop_constraint(
            batch_op.f("ck_checklist_answer_checklist_answer_value"), type_="check"
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_checklist_answer_checklist_answer_value"),
            _answer_in(ANSWER_VALUES_0002),
        )
        batch_op.drop_column("note")

    with op.batch_alter_table("interaction_addendum", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interaction_addendum_interaction_id"))

    op.drop_table("interaction_addendum")
