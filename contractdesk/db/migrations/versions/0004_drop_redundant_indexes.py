"""Drop three indexes no query needs.

``item.oem_id`` and ``agreement.oem_id`` are the leading columns of the unique
(oem, serial number) and (oem, contract number) indexes, which serve every lookup by
OEM (and the foreign-key checks) already; nothing asks for changes by time alone (the
History tab goes by record). Each index cost every insert: a 20,000-row import writes
about 60,000 rows into these three tables.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DROPPED = (("item", "ix_item_oem_id", "oem_id"), ("agreement", "ix_agreement_oem_id", "oem_id"),
           ("change", "ix_change_at", "at"))


def upgrade() -> None:
    for table, index, _column in DROPPED:
        op.drop_index(index, table_name=table)


def downgrade() -> None:
    for table, index, column in DROPPED:
        op.create_index(index, table, [column], unique=False)
