"""Full-text search over published posts: SQLite FTS5 or PostgreSQL text search.

The index is a table of its own (search_posts), made by a migration for each engine and
kept up to date by the forum services, in the same transaction as the post it mirrors.
"""

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from markupsafe import Markup, escape
from sqlalchemy import text

from ..extensions import db

# PostgreSQL stems each post in its own language; others use the language-neutral parser.
PG_CONFIGS = {"en": "english", "es": "spanish", "fr": "french", "pt": "portuguese"}
_MARK_START, _MARK_END = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class SearchFilter:
    query: str
    room_id: int | None = None
    languages: tuple[str, ...] = ()  # any, when empty
    since: date | None = None
    until: date | None = None


@dataclass
class Hit:
    post_id: int
    snippet: Markup


def _dialect() -> str:
    return db.session.get_bind().dialect.name


def index_post(post) -> None:
    """Add or refresh a post in the index (the caller commits). Only published posts."""
    unindex_post(post.id)
    if post.is_deleted or post.is_hidden or post.is_held:
        return
    title = post.topic.title if post.is_opening else ""
    if _dialect() == "postgresql":
        db.session.execute(
            text(
                "INSERT INTO search_posts (post_id, document) VALUES (:id, "
                "setweight(to_tsvector(CAST(:config AS regconfig), :title), 'A') || "
                "to_tsvector(CAST(:config AS regconfig), :body))"
            ),
            {
                "id": post.id,
                "config": PG_CONFIGS.get(post.language, "simple"),
                "title": title,
                "body": post.body_source,
            },
        )
    else:
        db.session.execute(
            text("INSERT INTO search_posts (rowid, title, body) VALUES (:id, :title, :body)"),
            {"id": post.id, "title": title, "body": post.body_source},
        )


def unindex_post(post_id: int) -> None:
    column = "post_id" if _dialect() == "postgresql" else "rowid"
    db.session.execute(text(f"DELETE FROM search_posts WHERE {column} = :id"), {"id": post_id})


def words_of(query: str) -> list[str]:
    """The words of a query, without any operator syntax: nobody needs to learn one."""
    return _WORD.findall(query or "")[:12]


def search(
    filters: SearchFilter,
    page: int,
    per_page: int,
    author_ids: list[int] | None = None,
    unlisted_topics: AbstractSet[int] = frozenset(),
) -> tuple[list[Hit], int]:
    """Matching posts, best first, with highlighted snippets, and how many match in all.
    Posts of `unlisted_topics` (kept from this reader by a topic rule) are left out."""
    words = words_of(filters.query)
    if not words:
        return [], 0
    conditions, params = _filter_sql(filters)
    if author_ids:
        conditions += " AND p.author_id IN (" + ", ".join(str(int(i)) for i in author_ids) + ")"
    if unlisted_topics:
        hidden = ", ".join(str(int(i)) for i in sorted(unlisted_topics))
        conditions += f" AND p.topic_id NOT IN ({hidden})"
    params.update(limit=per_page, offset=(page - 1) * per_page)
    if _dialect() == "postgresql":
        params["q"] = " ".join(words)
        match = (
            "("
            + " || ".join(
                f"websearch_to_tsquery('{config}', :q)"
                for config in [*PG_CONFIGS.values(), "simple"]
            )
            + ")"
        )
        base = (
            f"FROM search_posts s JOIN posts p ON p.id = s.post_id "
            f"JOIN topics t ON t.id = p.topic_id WHERE s.document @@ {match}{conditions}"
        )
        rows = db.session.execute(
            text(
                "SELECT p.id, ts_headline(CASE p.language "
                + " ".join(f"WHEN '{k}' THEN '{v}'::regconfig" for k, v in PG_CONFIGS.items())
                + f" ELSE 'simple'::regconfig END, p.body_source, {match}, "
                "'StartSel=\x02, StopSel=\x03, MaxWords=30, MinWords=12, MaxFragments=2') "
                f"{base} ORDER BY ts_rank(s.document, {match}) DESC, p.id DESC "
                "LIMIT :limit OFFSET :offset"
            ),
            params,
        )
    else:
        params["q"] = " ".join('"' + w.replace('"', "") + '"' for w in words)
        if conditions:
            base = (
                "FROM search_posts s JOIN posts p ON p.id = s.rowid "
                f"JOIN topics t ON t.id = p.topic_id WHERE search_posts MATCH :q{conditions}"
            )
            ranked = f"SELECT s.rowid {base} ORDER BY rank, s.rowid DESC"
        else:
            # Only published posts are indexed, so an unfiltered search needs no join.
            base = "FROM search_posts WHERE search_posts MATCH :q"
            ranked = f"SELECT rowid {base} ORDER BY rank, rowid DESC"
        # Rank first (bm25, titles weighted by the migration), then make snippets only for
        # the page's rows: a snippet per match is what made common words slow.
        rows = db.session.execute(
            text(
                "SELECT rowid, snippet(search_posts, 1, '\x02', '\x03', '…', 24) "
                "FROM search_posts WHERE search_posts MATCH :q AND rowid IN "
                f"({ranked} LIMIT :limit OFFSET :offset) ORDER BY rank, rowid DESC"
            ),
            params,
        )
    hits = [Hit(post_id, _highlight(snippet)) for post_id, snippet in rows]
    total = db.session.execute(text(f"SELECT count(*) {base}"), params).scalar_one()
    return hits, total


def _filter_sql(filters: SearchFilter) -> tuple[str, dict]:
    sql, params = "", dict[str, object]()
    if filters.room_id:
        sql += " AND t.room_id = :room_id"
        params["room_id"] = filters.room_id
    if filters.languages:
        names = [f"language{n}" for n in range(len(filters.languages))]
        sql += f" AND p.language IN ({', '.join(':' + name for name in names)})"
        params.update(zip(names, filters.languages, strict=True))
    if filters.since:
        sql += " AND p.created_at >= :since"
        params["since"] = _moment(filters.since)
    if filters.until:
        sql += " AND p.created_at < :until"
        params["until"] = _moment(filters.until + timedelta(days=1))
    return sql, params


def _moment(day: date):
    """Midnight UTC of `day`, in the form the engine stores timestamps in."""
    moment = datetime.combine(day, time.min, tzinfo=UTC)
    if _dialect() == "postgresql":
        return moment
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLAlchemy's SQLite text form


def _highlight(snippet: str) -> Markup:
    # Escape what the author wrote, then turn the engine's markers into <mark>.
    safe = str(escape(snippet or ""))
    return Markup(safe.replace(_MARK_START, "<mark>").replace(_MARK_END, "</mark>"))
