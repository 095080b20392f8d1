"""full-text search index for posts, one per engine

Revision ID: a1b2c3d4e5f6
Revises: cfe081ca64ca
Create Date: 2026-11-28 04:20:00

"""
from alembic import op

revision = "a1b2c3d4e5f6"
down_revision = "cfe081ca64ca"
branch_labels = None
depends_on = None


def upgrade():
    # Not a model: each engine has its own kind of text index. env.py skips search_* tables
    # when comparing models and schema.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TABLE search_posts ("
            " post_id INTEGER PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,"
            " document TSVECTOR NOT NULL)"
        )
        op.execute("CREATE INDEX ix_search_posts_document ON search_posts USING gin (document)")
    else:
        op.execute(
            "CREATE VIRTUAL TABLE search_posts USING fts5("
            "title, body, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        # Rank by bm25 with a title match worth five in the body.
        op.execute("INSERT INTO search_posts (search_posts, rank) VALUES ('rank', 'bm25(5.0, 1.0)')")


def downgrade():
    op.execute("DROP TABLE search_posts")
