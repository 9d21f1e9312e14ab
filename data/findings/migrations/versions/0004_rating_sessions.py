"""rating sessions and ratings (felles forståelse, issue 17)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 18:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'rating_sessions',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('code', sa.String(length=12), nullable=False),
        sa.Column('kommune_id', sa.String(length=8), nullable=False),
        sa.Column('title', sa.Text(), nullable=False),
        sa.Column('anonymous', sa.Boolean(), nullable=False),
        sa.Column('is_open', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by_name', sa.String(length=100), nullable=False),
        sa.Column('created_by_role', sa.String(length=20), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rating_sessions')),
        sa.UniqueConstraint('code', name=op.f('uq_rating_sessions_code')),
    )
    with op.batch_alter_table('rating_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rating_sessions_kommune_id'), ['kommune_id'], unique=False)
    op.create_table(
        'ratings',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('session_id', sa.String(length=36), nullable=False),
        sa.Column('finding_id', sa.String(length=36), nullable=False),
        sa.Column('participant', sa.String(length=36), nullable=False),
        sa.Column('participant_name', sa.String(length=100), nullable=False),
        sa.Column('role', sa.String(length=20), nullable=False),
        sa.Column('importance', sa.Integer(), nullable=False),
        sa.Column('certainty', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['finding_id'], ['findings.id'], name=op.f('fk_ratings_finding_id_findings')),
        sa.ForeignKeyConstraint(['session_id'], ['rating_sessions.id'],
                                name=op.f('fk_ratings_session_id_rating_sessions')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_ratings')),
        sa.UniqueConstraint('session_id', 'finding_id', 'participant', name='uq_ratings_session_finding_participant'),
    )
    with op.batch_alter_table('ratings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ratings_finding_id'), ['finding_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ratings_session_id'), ['session_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('ratings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ratings_session_id'))
        batch_op.drop_index(batch_op.f('ix_ratings_finding_id'))
    op.drop_table('ratings')
    with op.batch_alter_table('rating_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rating_sessions_kommune_id'))
    op.drop_table('rating_sessions')
