"""staged reminders, per-agreement lead times and notices given

Revision ID: 0002r
Revises: 0001
Create Date: 2026-11-25 10:49:40.197299
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002r'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('reminder_lead_times',
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('lead_days', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_reminder_lead_times_agreement_id_agreement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('agreement_id', name=op.f('pk_reminder_lead_times'))
    )
    op.create_table('reminder_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('stage_days', sa.Integer(), nullable=False),
    sa.Column('acknowledged_at', sa.DateTime(), nullable=True),
    sa.Column('snoozed_until', sa.Date(), nullable=True),
    sa.Column('last_notified_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_reminder_state_agreement_id_agreement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_state')),
    sa.UniqueConstraint('agreement_id', 'deadline', 'stage_days', name=op.f('uq_reminder_state_agreement_id_deadline_stage_days'))
    )
    with op.batch_alter_table('reminder_state', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_state_agreement_id'), ['agreement_id'], unique=False)

    op.create_table('notice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('sent_to', sa.String(length=200), nullable=False),
    sa.Column('method', sa.Enum('email', 'letter', 'portal', name='noticemethod', native_enum=False, length=32), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_notice_agreement_id_agreement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_notice_document_id_document'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notice'))
    )
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notice_agreement_id'), ['agreement_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notice_agreement_id'))

    op.drop_table('notice')
    with op.batch_alter_table('reminder_state', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_state_agreement_id'))

    op.drop_table('reminder_state')
    op.drop_table('reminder_lead_times')
