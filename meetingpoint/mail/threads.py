"""What a mail is about, so mail clients thread it and a reply finds its way back."""

from dataclasses import dataclass
from email.utils import parseaddr

from flask import current_app


@dataclass(frozen=True)
class About:
    """A mail about one post or conversation. `target` and `target_id` are what a reply
    answers ("post" or "conversation"); `key` names this mail's subject in its Message-ID
    ("post-12", "topic-3", "message-40"); `parents` the keys of the thread's root and the
    message it follows, oldest first, for References and In-Reply-To."""

    target: str
    target_id: int
    key: str
    parents: tuple[str, ...] = ()


def id_domain() -> str:
    """The right-hand side of our Message-IDs: the reply domain, else the sender's."""
    config = current_app.config
    domain = config.get("MAIL_REPLY_DOMAIN")
    if domain:
        return domain
    return parseaddr(config["MAIL_SENDER"])[1].rpartition("@")[2] or "meetingpoint.local"


def message_id(key: str, recipient_id: int) -> str:
    """The same for every mail about `key` to one person, so their client can thread the
    mail that follows it (each person's copies are their own thread)."""
    return f"<{key}.{recipient_id}@{id_domain()}>"


def thread_headers(about: About, recipient_id: int) -> dict[str, str]:
    headers = {"Message-ID": message_id(about.key, recipient_id)}
    if about.parents:
        ids = [message_id(key, recipient_id) for key in about.parents]
        headers["In-Reply-To"] = ids[-1]
        headers["References"] = " ".join(ids)
    return headers


def about_post(post_id: int, parent_id: int | None, root_id: int) -> About:
    """A mail about a forum post: threaded under the topic's opening post and its parent;
    a reply to it answers that post."""
    parents = tuple(
        dict.fromkeys(f"post-{i}" for i in (root_id, parent_id) if i is not None and i != post_id)
    )
    return About("post", post_id, f"post-{post_id}", parents)


def about_message(conversation_id: int, message_id: int) -> About:
    """A mail about a chat message: threaded under its conversation; a reply to it is a
    message in that conversation."""
    root = f"conversation-{conversation_id}"
    return About("conversation", conversation_id, f"message-{message_id}", (root,))
