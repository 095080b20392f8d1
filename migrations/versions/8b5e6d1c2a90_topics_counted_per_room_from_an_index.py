"""topics: a room's visible topics counted from an index

Revision ID: 8b5e6d1c2a90
Revises: 3f1d2c8a9b47
Create Date: 2026-11-29 00:40:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '8b5e6d1c2a90'
down_revision = '3f1d2c8a9b47'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('topics', schema=None) as batch_op:
        batch_op.create_index('ix_topics_room_held', ['room_id', 'held_at'], unique=False)


def downgrade():
    with op.batch_alter_table('topics', schema=None) as batch_op:
        batch_op.drop_index('ix_topics_room_held')
