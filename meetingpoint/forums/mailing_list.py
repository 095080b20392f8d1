"""Mailing-list mode, sending: each new post, whole, to those who read its room by mail,
threaded per topic and answerable by replying, like a mailing list's."""

from email.utils import formataddr

from flask import render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from ..accounts.models import User
from ..extensions import db
from ..jobs import dispatch, job, later
from ..mail import send_mail
from ..mail.addresses import reply_domain, room_address
from ..mail.threads import about_post, id_domain
from ..notifications.mailing_list import readers_by_mail, reads_by_mail, unsubscribe_token
from ..rooms.services import is_member
from ..safety.services import muted_by
from ..templating import person_name
from .access import access_post
from .models import PATH_DIGITS, Post


def send_to_readers(post: Post) -> None:
    """Mail a newly published post to its room's list-mode readers once the commit is done
    (the caller commits; a rollback sends nothing)."""
    later(mail_post, post.id)


@job("forums.mailing_list", key=lambda post_id: f"mailing-list:{post_id}")
def mail_post(post_id: int) -> None:
    """One job per reader, each done once, so a retry mails nobody twice."""
    post = db.session.get(Post, post_id)
    if post is None:
        return
    readers = set(readers_by_mail(post.topic.room_id)) - {post.author_id}
    for user_id in sorted(readers - muted_by(post.author_id, readers)):
        dispatch(mail_post_to, post_id, user_id)


@job("forums.mailing_list.one", key=lambda post_id, user_id: f"mailing-list:{post_id}:{user_id}")
def mail_post_to(post_id: int, user_id: int) -> None:
    post = db.session.get(Post, post_id)
    reader = db.session.get(User, user_id)
    if post is None or reader is None or not reader.email or not _still_for(post, reader):
        return
    room = post.topic.room
    with force_locale(reader.locale):
        room_name = room.text(reader.locale).name
        sender = _("%(name)s via Meeting Point", name=person_name(post.author))
        body = render_template(
            "email/mailing_list_post.txt",
            body=post.body_source,
            link=url_for(
                "forums.permalink", post_id=post.id, lang_code=reader.locale, _external=True
            ),
            room_name=room_name,
            reply_by_mail=reply_domain() is not None,
            stop=_stop_url(reader, room),
            settings=url_for("notifications.settings", lang_code=reader.locale, _external=True),
        )
    send_mail(
        reader.email,
        f"[{room_name}] {post.topic.title}",  # the same for the whole topic, which threads it
        body,
        language=reader.locale,
        headers=_list_headers(reader, room, room_name),
        recipient_id=reader.id,
        about=about_post(post.id, post.parent_id, int(post.path[:PATH_DIGITS] or post.id)),
        sender_name=sender,
    )


def _still_for(post: Post, reader: User) -> bool:
    """Whether `reader` should get `post` now: still reading its room by mail, an active
    member, the post still shown and theirs to read, its author not muted by them."""
    room = post.topic.room
    if not (reader.is_active and reader.email and reads_by_mail(reader.id, room.id)):
        return False
    if post.is_deleted or post.is_hidden or not is_member(reader, room):
        return False
    if muted_by(post.author_id, {reader.id}):
        return False
    try:
        access_post(post.id, reader)
    except HTTPException:
        return False
    return True


def _stop_url(reader: User, room) -> str:
    return url_for(
        "notifications.list_unsubscribe",
        token=unsubscribe_token(reader.id, room.id),
        lang_code=reader.locale,
        _external=True,
    )


def _list_headers(reader: User, room, room_name: str) -> dict[str, str]:
    """RFC 2369 and RFC 2919: which list this is, where to post, and how to leave it with
    one click (RFC 8058), so mail clients offer their own "unsubscribe" button."""
    headers = {
        "List-Id": formataddr((room_name, f"{room.slug}.{id_domain()}")),
        "List-Unsubscribe": f"<{_stop_url(reader, room)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    address = room_address(room.slug)
    if address is not None:
        headers["List-Post"] = f"<mailto:{address}>"
    return headers
