"""Terms as records: each agreement gets its history of terms.

Every agreement gets its first term from its own dates, cost, currency and billing
period: origin ``renewed`` where it renewed another agreement (a renewal chain stays a
chain of agreements, each with its term), else ``signed``. A term with notice recorded
on it keeps the date notice was sent. Rollovers are not written here: opening the
database rolls auto-renewing terms forward to today right after this migration, with
the same code that does it every day (``contractdesk.services.terms``), so a migrated
database and a new one roll the same way.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import contractdesk.db.types

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "agreement_term",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("origin", sa.Enum("signed", "auto_renewed", "renewed", name="termorigin", native_enum=False, length=32), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("cost", contractdesk.db.types.MinorUnits(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("billing_period", sa.Enum("one_off", "monthly", "quarterly", "annual", "term", name="billingperiod", native_enum=False, length=32), nullable=True),
        sa.Column("purchase_id", sa.Integer(), nullable=True),
        sa.Column("invoice_number", sa.String(length=200), nullable=True),
        sa.Column("notice_given_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreement.id"], name=op.f("fk_agreement_term_agreement_id_agreement"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["purchase_id"], ["purchase.id"], name=op.f("fk_agreement_term_purchase_id_purchase"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_term")),
        sa.UniqueConstraint("agreement_id", "position", name=op.f("uq_agreement_term_agreement_id_position")),
    )
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rolled_over", sa.Integer(), nullable=False,
                                      server_default="0"))
    op.execute("""
        INSERT INTO agreement_term (agreement_id, position, origin, start_date, end_date,
                                    cost, currency, billing_period, purchase_id,
                                    invoice_number, notice_given_on)
        SELECT a.id, 1,
               CASE WHEN a.renewal_of_id IS NULL THEN 'signed' ELSE 'renewed' END,
               a.start_date, a.end_date, a.cost, a.currency, a.billing_period,
               a.purchase_id, p.invoice_number,
               CASE WHEN a.cancelled THEN (SELECT max(n.sent_on) FROM notice n
                                           WHERE n.agreement_id = a.id) END
        FROM agreement a LEFT JOIN purchase p ON p.id = a.purchase_id
    """)


def downgrade() -> None:
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.drop_column("rolled_over")
    op.drop_table("agreement_term")
