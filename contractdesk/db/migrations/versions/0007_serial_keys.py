"""Serial numbers and asset tags compared ignoring case and surrounding spaces: each
item gets a ``serial_key`` (unique per OEM, instead of the serial as typed) and a
``tag_key``, which every lookup and the importer compare.

Serials that differ only in case for one OEM (``SG23KMX001`` beside ``sg23kmx001``) do
not stop the upgrade: the first item keeps the key, the other is left without one, and
the pair is logged and listed by ``contractdesk check`` (see
:mod:`contractdesk.db.serial_keys`). The plain serial and tag indexes go: nothing looks
items up by the text as typed any more.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from contractdesk.db.serial_keys import fill_keys

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("item") as batch:
        batch.add_column(sa.Column("serial_key", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("tag_key", sa.String(length=100), nullable=True))
    fill_keys(op.get_bind())
    with op.batch_alter_table("item") as batch:
        batch.drop_constraint("uq_item_oem_id_serial_number", type_="unique")
        batch.drop_index("ix_item_serial_number")
        batch.drop_index("ix_item_asset_tag")
        batch.create_unique_constraint("uq_item_oem_id_serial_key", ["oem_id", "serial_key"])
        batch.create_index("ix_item_serial_key", ["serial_key"], unique=False)
        batch.create_index("ix_item_tag_key", ["tag_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("item") as batch:
        batch.drop_index("ix_item_tag_key")
        batch.drop_index("ix_item_serial_key")
        batch.drop_constraint("uq_item_oem_id_serial_key", type_="unique")
        batch.create_index("ix_item_asset_tag", ["asset_tag"], unique=False)
        batch.create_index("ix_item_serial_number", ["serial_number"], unique=False)
        batch.create_unique_constraint("uq_item_oem_id_serial_number",
                                       ["oem_id", "serial_number"])
        batch.drop_column("tag_key")
        batch.drop_column("serial_key")
