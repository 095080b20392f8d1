"""content generation: the counter that kept visitors' pages are checked against

Revision ID: 3f1d2c8a9b47
Revises: 7e0c7b3f5ee3
Create Date: 2026-11-28 23:58:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3f1d2c8a9b47'
down_revision = '7e0c7b3f5ee3'
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table('content_generation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_content_generation'))
    )
    op.bulk_insert(table, [{'id': 1, 'value': 0}])


def downgrade():
    op.drop_table('content_generation')
