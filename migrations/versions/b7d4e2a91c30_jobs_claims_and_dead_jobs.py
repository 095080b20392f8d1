"""jobs: claims and dead jobs

Revision ID: b7d4e2a91c30
Revises: 31b1b1e1d7e8
Create Date: 2026-12-01 12:45:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7d4e2a91c30'
down_revision = '31b1b1e1d7e8'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('job_claims',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_job_claims'))
    )
    op.create_table('dead_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('arguments', sa.Text(), nullable=False),
    sa.Column('base_url', sa.String(length=300), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('failed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dead_jobs'))
    )


def downgrade():
    op.drop_table('dead_jobs')
    op.drop_table('job_claims')
