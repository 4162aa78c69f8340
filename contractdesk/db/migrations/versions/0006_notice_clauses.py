"""Notice clauses as contracts word them: an initial term given as a duration,
open-ended agreements, what the notice period counts back from (the end of the term,
or of a month, quarter, half-year or year), the form notice must take, the clause's
own words and an internal lead time; and the team's shared preferences.

Existing agreements keep today's meaning: notice counted back from the end of the term,
no lead time of their own.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ANCHORS = ("term_end", "month_end", "quarter_end", "half_year_end", "year_end")
_FORMS = ("written", "text", "portal")


def upgrade() -> None:
    with op.batch_alter_table("agreement") as batch:
        batch.add_column(sa.Column("initial_term", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("open_ended", sa.Boolean(), nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("notice_anchor", sa.Enum(
            *_ANCHORS, name="noticeanchor", native_enum=False, length=32),
            nullable=False, server_default="term_end"))
        batch.add_column(sa.Column("notice_form", sa.Enum(
            *_FORMS, name="noticeform", native_enum=False, length=32), nullable=True))
        batch.add_column(sa.Column("notice_clause", sa.Text(), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("lead_time_days", sa.Integer(), nullable=True))
    op.create_table(
        "preference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_preference")),
        sa.UniqueConstraint("key", name=op.f("uq_preference_key")),
    )


def downgrade() -> None:
    op.drop_table("preference")
    with op.batch_alter_table("agreement") as batch:
        for column in ("lead_time_days", "notice_clause", "notice_form", "notice_anchor",
                       "open_ended", "initial_term"):
            batch.drop_column(column)
