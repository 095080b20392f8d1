"""A lived-in community for the page-wide browser checks (accessibility, phones): the demo
people, discussions (one post with a photo and a PDF) and library, the example Academy, news,
chat, and the main pages."""

import io
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from meetingpoint.academy.services import access_academy, enrol, seed_academy
from meetingpoint.accounts.models import User
from meetingpoint.attachments.services import attach
from meetingpoint.attachments.uploads import Upload, take
from meetingpoint.chat import messages
from meetingpoint.chat.services import open_direct, room_channel
from meetingpoint.database import utcnow
from meetingpoint.extensions import db
from meetingpoint.forums.models import Post, Topic
from meetingpoint.forums.moderation import report, toggle_topic_flag
from meetingpoint.jobs.models import DeadJob
from meetingpoint.library.models import LibraryItem
from meetingpoint.news.services import publish
from meetingpoint.notifications.models import PushSubscription
from meetingpoint.rooms.models import Room
from meetingpoint.rooms.services import join_room, seed_rooms
from meetingpoint.safety.services import mute
from meetingpoint.seed.demo import DEMO_PASSWORD, load_demo
from meetingpoint.seed.demo_forum import load_demo_forum
from meetingpoint.seed.demo_library import load_demo_library
from support.attachments import PDF
from support.pictures import photo

ROOM = "child-labour-modern-slavery"  # the demo's first discussion is there


@dataclass
class Community:
    reader: User
    password: str
    pages: list[str]  # paths with a {lang} placeholder, read by a signed-in member
    public_pages: list[str]  # read by a visitor who has not signed in


def build() -> Community:
    seed_rooms()
    seed_academy()
    load_demo()
    load_demo_forum()
    load_demo_library()
    people = {user.display_name: user for user in db.session.scalars(select(User))}
    reader, other = people["Amina Diallo"], people["Kwame Mensah"]
    reader.role = "admin"  # publishes news; sees every page a member sees and the staff's too
    db.session.commit()
    room = db.session.scalar(select(Room).where(Room.slug == ROOM))
    join_room(reader, room)
    academy = access_academy("sstc-2016")
    academy.prelearning_closes_at = utcnow() + timedelta(days=7)  # its questionnaire open
    enrol(reader, academy)
    news = publish(
        reader,
        room,
        {
            "en": ("Cocoa inspections: new checklist", "The checklist is in the library."),
            "fr": ("Inspections du cacao : nouvelle liste", "La liste est dans la bibliothèque."),
        },
    )
    messages.send_message(reader, room_channel(room), "Bonjour à toutes et à tous !", "fr", "c1")
    direct = open_direct(reader, other)
    messages.send_message(other, direct, "Shall we meet before the Academy?", "en", "c2")
    topic = db.session.scalar(select(Topic).where(Topic.room_id == room.id).order_by(Topic.id))
    opening = db.session.scalar(select(Post).where(Post.topic_id == topic.id).order_by(Post.id))
    toggle_topic_flag(reader, topic, "pinned_at")  # an entry in the moderation log
    _files_on(opening)
    # A report of it: the moderators' queue shows the post with its files.
    report(other, opening, "The checklist in the PDF names a child.")  # the reader wrote it
    # Muted people's writing folds away: the topic and the direct conversation show it.
    mute(reader, other)
    replier = db.session.scalar(
        select(Post.author_id).where(Post.topic_id == topic.id, Post.author_id != reader.id)
    )
    if replier is not None and replier != other.id:
        mute(reader, db.session.get(User, replier))
    item = db.session.scalar(select(LibraryItem).order_by(LibraryItem.id))
    module = academy.modules[0]
    _a_failed_mail(other)
    _a_phone(reader)  # after the messages: nothing is pushed to it
    pages = [
        "/{lang}/",
        "/{lang}/rooms/",
        f"/{{lang}}/rooms/{ROOM}/",
        f"/{{lang}}/rooms/{ROOM}/topics/{topic.id}",
        f"/{{lang}}/rooms/{ROOM}/topics/new",
        f"/{{lang}}/posts/{opening.id}/reply",
        f"/{{lang}}/rooms/{ROOM}/chat",
        "/{lang}/messages/",
        f"/{{lang}}/messages/{direct.id}",
        "/{lang}/people/",
        f"/{{lang}}/people/{other.id}",
        "/{lang}/academy/sstc-2016/",
        f"/{{lang}}/academy/sstc-2016/modules/{module.slug}",
        "/{lang}/academy/sstc-2016/questionnaire",
        "/{lang}/academy/sstc-2016/introductions/mine",
        "/{lang}/academy/sstc-2016/programme",
        "/{lang}/library/",
        f"/{{lang}}/library/{item.id}",
        "/{lang}/news/",
        f"/{{lang}}/news/{news.id}",
        "/{lang}/notifications/",
        "/{lang}/notifications/settings",
        "/{lang}/account/",
        "/{lang}/account/muted",
        "/{lang}/search?q=inspection",
        "/{lang}/unread",
        "/{lang}/dashboard/staff?period=week",
        "/{lang}/moderation/",
        "/{lang}/moderation/log",
        "/{lang}/admin/jobs/",
    ]
    public_pages = ["/{lang}/", "/{lang}/about", "/{lang}/auth/login", "/{lang}/auth/register",
                    "/{lang}/dashboard/", "/{lang}/offline"]  # fmt: skip
    return Community(reader, DEMO_PASSWORD, pages, public_pages)


def _files_on(post: Post) -> None:
    """A photo (the first attachment: routes taking an attachment's id get a picture) and a
    PDF on the topic's opening post, so its page shows them and the walks reach them."""
    uploads = [
        Upload(io.BytesIO(photo(1200, 900)), "drying-racks.jpg", "Cocoa beans on drying racks"),
        Upload(io.BytesIO(PDF), "Inspection checklist.pdf"),
    ]
    attach(take(post.author, uploads), post_id=post.id)
    db.session.commit()


def _a_failed_mail(person: User) -> None:
    """A mail that failed its last attempt, as the admins' list of failed jobs shows it."""
    trace = "Traceback (most recent call last):\n" + "".join(
        f'  File "/srv/meetingpoint/app/meetingpoint/mail.py", line {n}, in _send_smtp\n'
        for n in range(45, 52)
    )
    db.session.add(
        DeadJob(
            name="notifications.mail",
            arguments=f'["direct_message", {person.id}, 1]',
            base_url="http://127.0.0.1:5000/",
            error=trace + "smtplib.SMTPServerDisconnected: Connection unexpectedly closed",
            attempts=9,
        )
    )
    db.session.commit()


def _a_phone(person: User) -> None:
    """A device that gets push notifications, as the settings page lists it."""
    db.session.add(
        PushSubscription(
            user_id=person.id,
            endpoint="https://push.example.org/send/community-phone",
            p256dh="B" + "A" * 86,
            auth="A" * 22,
            device="Firefox/Android",
        )
    )
    db.session.commit()
