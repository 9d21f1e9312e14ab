"""initial findings schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23 16:07:24.769899
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    _create_tables()
    _create_link_tables()


def _create_tables() -> None:
    """change_log, checklist_items, findings, import_log and their indexes."""
    op.create_table('change_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('entity', sa.String(length=20), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('kommune_id', sa.String(length=8), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('actor_name', sa.String(length=100), nullable=False),
    sa.Column('actor_role', sa.String(length=20), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_log'))
    )
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index('ix_change_log_entity', ['entity', 'entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_change_log_kommune_id'), ['kommune_id'], unique=False)

    op.create_table('checklist_items',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kommune_id', sa.String(length=8), nullable=False),
    sa.Column('item_key', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('responsible_role', sa.String(length=20), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_name', sa.String(length=100), nullable=False),
    sa.Column('updated_by_role', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_items')),
    sa.UniqueConstraint('kommune_id', 'item_key', name=op.f('uq_checklist_items_kommune_id'))
    )
    with op.batch_alter_table('checklist_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklist_items_kommune_id'), ['kommune_id'], unique=False)

    op.create_table('findings',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kommune_id', sa.String(length=8), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('author_name', sa.String(length=100), nullable=False),
    sa.Column('author_role', sa.String(length=20), nullable=False),
    sa.Column('updated_by_name', sa.String(length=100), nullable=False),
    sa.Column('updated_by_role', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_findings'))
    )
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_findings_kommune_id'), ['kommune_id'], unique=False)

    op.create_table('import_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kommune_id', sa.String(length=8), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_name', sa.String(length=100), nullable=False),
    sa.Column('actor_role', sa.String(length=20), nullable=False),
    sa.Column('created', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.Column('conflicts', sa.Integer(), nullable=False),
    sa.Column('payload_sha256', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_log'))
    )
    with op.batch_alter_table('import_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_log_kommune_id'), ['kommune_id'], unique=False)


def _create_link_tables() -> None:
    """The tables that point to findings and checklist items, and their indexes."""
    op.create_table('checklist_evidence',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('finding_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['finding_id'], ['findings.id'], name=op.f('fk_checklist_evidence_finding_id_findings')),
    sa.ForeignKeyConstraint(['item_id'], ['checklist_items.id'], name=op.f('fk_checklist_evidence_item_id_checklist_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_evidence'))
    )
    with op.batch_alter_table('checklist_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklist_evidence_finding_id'), ['finding_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checklist_evidence_item_id'), ['item_id'], unique=False)

    op.create_table('finding_indicators',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('finding_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('indicator', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=20), nullable=False),
    sa.Column('trinn', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['finding_id'], ['findings.id'], name=op.f('fk_finding_indicators_finding_id_findings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_finding_indicators'))
    )
    with op.batch_alter_table('finding_indicators', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_finding_indicators_finding_id'), ['finding_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_finding_indicators_indicator'), ['indicator'], unique=False)

    op.create_table('finding_periods',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('finding_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.ForeignKeyConstraint(['finding_id'], ['findings.id'], name=op.f('fk_finding_periods_finding_id_findings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_finding_periods'))
    )
    with op.batch_alter_table('finding_periods', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_finding_periods_finding_id'), ['finding_id'], unique=False)

    op.create_table('finding_schools',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('finding_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['finding_id'], ['findings.id'], name=op.f('fk_finding_schools_finding_id_findings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_finding_schools'))
    )
    with op.batch_alter_table('finding_schools', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_finding_schools_finding_id'), ['finding_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_finding_schools_school_id'), ['school_id'], unique=False)

    op.create_table('finding_themes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('finding_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('theme', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['finding_id'], ['findings.id'], name=op.f('fk_finding_themes_finding_id_findings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_finding_themes'))
    )
    with op.batch_alter_table('finding_themes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_finding_themes_finding_id'), ['finding_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_finding_themes_theme'), ['theme'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('finding_themes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_finding_themes_theme'))
        batch_op.drop_index(batch_op.f('ix_finding_themes_finding_id'))

    op.drop_table('finding_themes')
    with op.batch_alter_table('finding_schools', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_finding_schools_school_id'))
        batch_op.drop_index(batch_op.f('ix_finding_schools_finding_id'))

    op.drop_table('finding_schools')
    with op.batch_alter_table('finding_periods', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_finding_periods_finding_id'))

    op.drop_table('finding_periods')
    with op.batch_alter_table('finding_indicators', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_finding_indicators_indicator'))
        batch_op.drop_index(batch_op.f('ix_finding_indicators_finding_id'))

    op.drop_table('finding_indicators')
    with op.batch_alter_table('checklist_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checklist_evidence_item_id'))
        batch_op.drop_index(batch_op.f('ix_checklist_evidence_finding_id'))

    op.drop_table('checklist_evidence')
    with op.batch_alter_table('import_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_log_kommune_id'))

    op.drop_table('import_log')
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_findings_kommune_id'))

    op.drop_table('findings')
    with op.batch_alter_table('checklist_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checklist_items_kommune_id'))

    op.drop_table('checklist_items')
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_log_kommune_id'))
        batch_op.drop_index('ix_change_log_entity')

    op.drop_table('change_log')
