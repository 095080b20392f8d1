"""attachments: pictures and files on posts and chat messages

Revision ID: a8d3f6c1e925
Revises: e4a7c2d95b18
Create Date: 2026-12-01 17:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a8d3f6c1e925'
down_revision = 'e4a7c2d95b18'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'attachments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('owner_id', sa.Integer(), nullable=False),
        sa.Column('post_id', sa.Integer(), nullable=True),
        sa.Column('message_id', sa.Integer(), nullable=True),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('content_type', sa.String(length=120), nullable=False),
        sa.Column('file_name', sa.String(length=200), nullable=False),
        sa.Column('alt', sa.Text(), nullable=False),
        sa.Column('width', sa.Integer(), nullable=True),
        sa.Column('height', sa.Integer(), nullable=True),
        sa.Column('animated', sa.Boolean(), nullable=False),
        sa.Column('preview_size', sa.Integer(), nullable=True),
        sa.Column('medium_size', sa.Integer(), nullable=True),
        sa.Column('hidden_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['message_id'], ['chat_messages.id'], name=op.f('fk_attachments_message_id_chat_messages'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_attachments_owner_id_users'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_attachments_post_id_posts'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments')),
    )
    op.create_index('ix_attachments_message_id', 'attachments', ['message_id'], unique=False)
    op.create_index('ix_attachments_owner_created', 'attachments', ['owner_id', 'created_at'], unique=False)
    op.create_index('ix_attachments_post_id', 'attachments', ['post_id'], unique=False)
    op.create_index('ix_attachments_sha256', 'attachments', ['sha256'], unique=False)


def downgrade():
    op.drop_index('ix_attachments_sha256', table_name='attachments')
    op.drop_index('ix_attachments_post_id', table_name='attachments')
    op.drop_index('ix_attachments_owner_created', table_name='attachments')
    op.drop_index('ix_attachments_message_id', table_name='attachments')
    op.drop_table('attachments')
