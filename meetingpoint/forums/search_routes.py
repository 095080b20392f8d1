"""The search page: a GET form, so results can be bookmarked and shared."""

from flask import render_template, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload
from wtforms import SearchField, SelectField
from wtforms.validators import Optional

from ..accounts.models import User
from ..database import contains_pattern
from ..extensions import db
from ..forms import DayField, choices, max_length, strip_text
from ..i18n import current_language
from ..inputs import page_arg
from ..languages.filters import language_filter_choices, languages_chosen
from ..rooms.services import rooms_with_member_counts
from . import bp
from .models import Post, Topic
from .policies import topics_unlisted_for
from .search import SearchFilter, search

PER_PAGE = 20


class SearchForm(FlaskForm):
    class Meta:
        csrf = False  # a search changes nothing

    q = SearchField(_l("Search for"), filters=[strip_text], validators=[max_length(200)])
    room = SelectField(_l("Room"))
    author = SearchField(_l("Author"), filters=[strip_text], validators=[max_length(80)])
    language = SelectField(_l("Written in"))
    since = DayField(_l("From"), validators=[Optional()])
    until = DayField(_l("Until"), validators=[Optional()])

    def __init__(self, *args, rooms=(), **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _l("Any"))]
        self.room.choices = choices(
            anything + [(str(r.id), r.text(current_language()).name) for r in rooms]
        )
        self.language.choices = language_filter_choices()

    def to_filter(self) -> SearchFilter:
        """The filters as given. Absent or unknown choices mean "any" and are not reported
        as errors; only an over-long query is worth telling (the dates parse or are None)."""

        def chosen(field) -> str:
            return field.data if field.data in {c.value for c in field.choices} else ""

        room = chosen(self.room)
        return SearchFilter(
            query=(self.q.data or "") if self.q.validate(self) else "",
            room_id=int(room) if room else None,
            languages=languages_chosen(chosen(self.language)),
            since=self.since.data,
            until=self.until.data,
        )


# The search form's fields that narrow a search (an empty result offers to drop them).
NARROWING = ("room", "author", "language", "since", "until")


@bp.route("/search")
def search_page():
    rooms = [room for room, _count in rooms_with_member_counts()]
    form = SearchForm(request.args, rooms=rooms)
    filters = form.to_filter()
    author = form.author.data if form.author.validate(form) else ""
    author_ids = _authors_named(author) if author else None
    page = page_arg()
    hits, total = [], 0
    if author_ids != []:
        hits, total = search(
            filters,
            page,
            PER_PAGE,
            author_ids=author_ids,
            unlisted_topics=topics_unlisted_for(current_user),
        )
    posts = _posts_by_id([hit.post_id for hit in hits])
    return render_template(
        "forums/search.html",
        form=form,
        hits=hits,
        total=total,
        posts=posts,
        page=page,
        pages=(total + PER_PAGE - 1) // PER_PAGE,
        searched=bool(filters.query),
        narrowed=any(request.args.get(name) for name in NARROWING),
    )


def _authors_named(name: str) -> list[int]:
    pattern = contains_pattern(name.lower())
    query = (
        select(User.id).where(func.lower(User.display_name).like(pattern, escape="\\")).limit(50)
    )
    return list(db.session.scalars(query))


def _posts_by_id(ids: list[int]) -> dict[int, Post]:
    if not ids:
        return {}
    query = (
        select(Post)
        .options(joinedload(Post.author), joinedload(Post.topic).joinedload(Topic.room))
        .where(Post.id.in_(ids))
    )
    return {post.id: post for post in db.session.scalars(query)}
