"""posts: client-made ids, so a resent post is stored once

Revision ID: c4f1a9e2d7b3
Revises: b7d4e2a91c30
Create Date: 2026-12-01 13:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c4f1a9e2d7b3'
down_revision = 'b7d4e2a91c30'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('client_id', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f('uq_posts_author_id'), ['author_id', 'client_id']
        )


def downgrade():
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_posts_author_id'), type_='unique')
        batch_op.drop_column('client_id')
