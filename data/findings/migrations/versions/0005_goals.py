"""goals for gjennomføringsfasen

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "goals",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kommune_id", sa.String(length=8), nullable=False),
        sa.Column("finding_id", sa.String(length=36), nullable=True),
        sa.Column("indicator", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=20), nullable=False),
        sa.Column("trinn", sa.Integer(), nullable=True),
        sa.Column("unit_level", sa.String(length=10), nullable=False),
        sa.Column("unit_id", sa.String(length=40), nullable=False),
        sa.Column("baseline_periods", sa.String(length=80), nullable=False),
        sa.Column("baseline_value", sa.Float(), nullable=True),
        sa.Column("baseline_lower", sa.Float(), nullable=True),
        sa.Column("baseline_upper", sa.Float(), nullable=True),
        sa.Column("baseline_n", sa.Float(), nullable=True),
        sa.Column("target_value", sa.Float(), nullable=False),
        sa.Column("target_year", sa.String(length=7), nullable=False),
        sa.Column("tiltak", sa.Text(), nullable=False),
        sa.Column("responsible", sa.String(length=20), nullable=False),
        sa.Column("kompetansemiljo", sa.Text(), nullable=False),
        sa.Column("followup", sa.Text(), nullable=False),
        sa.Column("author_name", sa.String(length=100), nullable=False),
        sa.Column("author_role", sa.String(length=20), nullable=False),
        sa.Column("updated_by_name", sa.String(length=100), nullable=False),
        sa.Column("updated_by_role", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["finding_id"], ["findings.id"], name=op.f("fk_goals_finding_id_findings")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goals")),
    )
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goals_kommune_id"), ["kommune_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_goals_finding_id"), ["finding_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goals_finding_id"))
        batch_op.drop_index(batch_op.f("ix_goals_kommune_id"))
    op.drop_table("goals")
