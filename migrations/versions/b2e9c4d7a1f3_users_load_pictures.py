"""users: load pictures automatically (medium size instead of the light preview)

Revision ID: b2e9c4d7a1f3
Revises: a8d3f6c1e925
Create Date: 2026-12-01 17:55:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b2e9c4d7a1f3'
down_revision = 'a8d3f6c1e925'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('load_pictures', sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('load_pictures')
