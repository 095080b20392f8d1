"""The one path for each news change: publish (telling the room's members), edit, delete."""

from flask import render_template, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from werkzeug.exceptions import Forbidden, NotFound

from ..database import utcnow
from ..extensions import db
from ..i18n import LANGUAGES
from ..notifications.delivery import email_renderer
from ..notifications.models import ROOM_NEWS, Notification
from ..notifications.services import notify
from ..rooms.models import Room, RoomMembership
from ..text.limits import BODY_MAX, TITLE_MAX, too_long
from ..text.profiles import render_post
from .models import NewsItem, NewsText


class NewsError(Exception):
    """A refusal the writer can act on; str() is translated."""


def can_publish(user) -> bool:
    """Moderators and admins write the news, for the site or any room."""
    return user.is_authenticated and user.is_moderator


def access_news(news_id: int) -> NewsItem:
    item = db.session.get(NewsItem, news_id)
    if item is None:
        raise NotFound
    return item


def publish(user, room: Room | None, texts: dict[str, tuple[str, str]]) -> NewsItem:
    """`texts`: language → (title, body in Markdown); one language is enough. A room's
    members hear of it in their notifications (site news shows on the home page)."""
    if not can_publish(user):
        raise Forbidden
    item = NewsItem(room_id=room.id if room else None, author_id=user.id)
    item.texts = _checked(texts)
    db.session.add(item)
    db.session.flush()
    if room is not None:
        members = db.session.scalars(
            select(RoomMembership.user_id).where(RoomMembership.room_id == room.id)
        )
        notify(members, ROOM_NEWS, user.id, None, news_id=item.id)
    db.session.commit()
    return item


def edit(user, item: NewsItem, texts: dict[str, tuple[str, str]]) -> None:
    if not can_publish(user):
        raise Forbidden
    item.texts = _checked(texts)
    item.updated_at = utcnow()
    db.session.commit()


def delete(user, item: NewsItem) -> None:
    if not can_publish(user):
        raise Forbidden
    db.session.delete(item)
    db.session.commit()


def latest(room_id: int | None = None, limit: int = 5, everywhere: bool = False):
    """The newest items of a room, or site-wide ones, or (everywhere) of both."""
    query = select(NewsItem).options(selectinload(NewsItem.room))
    if not everywhere:
        query = query.where(
            NewsItem.room_id == room_id if room_id is not None else NewsItem.room_id.is_(None)
        )
    return list(
        db.session.scalars(
            query.order_by(NewsItem.created_at.desc(), NewsItem.id.desc()).limit(limit)
        )
    )


def page_of_news(page: int, per_page: int = 20):
    query = select(NewsItem).order_by(NewsItem.created_at.desc(), NewsItem.id.desc())
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def _checked(texts: dict[str, tuple[str, str]]) -> list[NewsText]:
    given = {}
    for language in LANGUAGES:
        title, body = (part.strip() for part in texts.get(language, ("", "")))
        if not title and not body:
            continue
        if not title or not body:
            raise NewsError(_("Each language needs both a title and a text."))
        if len(title) > TITLE_MAX or len(body) > BODY_MAX:
            raise NewsError(too_long(BODY_MAX))  # for either
        given[language] = (title, body)
    if not given:
        raise NewsError(_("Write the news in at least one language."))
    return [
        NewsText(language=lang, title=title, body_source=body, body_html=render_post(body))
        for lang, (title, body) in given.items()
    ]


@email_renderer(ROOM_NEWS)
def email_room_news(notification_id: int, recipient) -> tuple[str, str]:
    """The news itself, in the recipient's language when it was written in it."""
    notification = db.session.get(Notification, notification_id)
    item = db.session.get(NewsItem, notification.news_id)
    text = item.text(recipient.locale)
    body = render_template(
        "email/news.txt",
        user=recipient,
        text=text,
        room_name=item.room.text(recipient.locale).name if item.room else "",
        link=url_for("news.show", news_id=item.id, lang_code=recipient.locale, _external=True),
        settings=url_for("notifications.settings", lang_code=recipient.locale, _external=True),
    )
    return text.title, body
