"""vendor governance: reviews, due-diligence checks, risks, support cases

Revision ID: 0002g
Revises: 0001
Create Date: 2026-11-25 10:48:26.272297
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002g'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('review_date', sa.Date(), nullable=False),
    sa.Column('reviewer', sa.String(length=200), nullable=True),
    sa.Column('delivery', sa.SmallInteger(), nullable=True),
    sa.Column('support_quality', sa.SmallInteger(), nullable=True),
    sa.Column('responsiveness', sa.SmallInteger(), nullable=True),
    sa.Column('pricing', sa.SmallInteger(), nullable=True),
    sa.Column('sla_adherence', sa.SmallInteger(), nullable=True),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('actions', sa.Text(), nullable=False),
    sa.Column('next_review', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_review_organization_id_organization'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review'))
    )
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_review_date'), ['review_date'], unique=False)

    op.create_table('risk',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('agreement_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('likelihood', sa.SmallInteger(), nullable=False),
    sa.Column('impact', sa.SmallInteger(), nullable=False),
    sa.Column('mitigation', sa.Text(), nullable=False),
    sa.Column('alternative_supplier_id', sa.Integer(), nullable=True),
    sa.Column('owner', sa.String(length=200), nullable=True),
    sa.Column('status', sa.Enum('open', 'mitigated', 'accepted', 'closed', name='riskstatus', native_enum=False, length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_risk_agreement_id_agreement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['alternative_supplier_id'], ['organization.id'], name=op.f('fk_risk_alternative_supplier_id_organization'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_risk_organization_id_organization'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk'))
    )
    with op.batch_alter_table('risk', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_alternative_supplier_id'), ['alternative_supplier_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_organization_id'), ['organization_id'], unique=False)

    op.create_table('support_case',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=True),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('called', sa.Enum('oem', 'reseller', name='firstline', native_enum=False, length=32), nullable=False),
    sa.Column('case_number', sa.String(length=100), nullable=True),
    sa.Column('sla_met', sa.Boolean(), nullable=True),
    sa.Column('sla_met_by_user', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_support_case_agreement_id_agreement'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['item_id'], ['item.id'], name=op.f('fk_support_case_item_id_item'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_support_case'))
    )
    with op.batch_alter_table('support_case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_support_case_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_support_case_case_number'), ['case_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_support_case_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_support_case_opened_at'), ['opened_at'], unique=False)

    op.create_table('due_diligence_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('topic', sa.Enum('financial_health', 'references', 'insurance', 'data_security', 'certifications', 'support_capability', 'other', name='diligencetopic', native_enum=False, length=32), nullable=False),
    sa.Column('result', sa.Enum('ok', 'concern', 'failed', 'not_checked', name='diligenceresult', native_enum=False, length=32), nullable=False),
    sa.Column('checked_on', sa.Date(), nullable=True),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('evidence_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['evidence_id'], ['document.id'], name=op.f('fk_due_diligence_check_evidence_id_document'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_due_diligence_check_organization_id_organization'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_due_diligence_check'))
    )
    with op.batch_alter_table('due_diligence_check', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_due_diligence_check_organization_id'), ['organization_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('due_diligence_check', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_due_diligence_check_organization_id'))

    op.drop_table('due_diligence_check')
    with op.batch_alter_table('support_case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_support_case_opened_at'))
        batch_op.drop_index(batch_op.f('ix_support_case_item_id'))
        batch_op.drop_index(batch_op.f('ix_support_case_case_number'))
        batch_op.drop_index(batch_op.f('ix_support_case_agreement_id'))

    op.drop_table('support_case')
    with op.batch_alter_table('risk', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_organization_id'))
        batch_op.drop_index(batch_op.f('ix_risk_alternative_supplier_id'))
        batch_op.drop_index(batch_op.f('ix_risk_agreement_id'))

    op.drop_table('risk')
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_review_date'))
        batch_op.drop_index(batch_op.f('ix_review_organization_id'))

    op.drop_table('review')
