"""The files a post carries: taken before the post is stored, theirs to see for whoever may
read the post (hidden or deleted posts show none)."""

from werkzeug.exceptions import HTTPException

from ..attachments.access import origin, reads
from ..attachments.models import Attachment
from ..attachments.uploads import AttachmentRefused, take
from ..extensions import db
from .access import ForumError, access_post
from .models import Post


def take_files(user, uploads) -> list[Attachment]:
    """Every file checked and stored, or ForumError with the reason (nothing stored)."""
    try:
        return take(user, uploads)
    except AttachmentRefused as refused:
        raise ForumError(str(refused)) from None


@reads("post")
def may_read_post(viewer, post_id: int) -> bool:
    try:
        post = access_post(post_id, viewer)
    except HTTPException:
        return False
    if post.is_deleted:
        return False
    return not post.is_hidden or (viewer.is_authenticated and viewer.is_moderator)


@origin("post")
def post_origin(post_id: int) -> tuple[int, str] | None:
    post = db.session.get(Post, post_id)
    return (post.topic.room_id, post.language) if post is not None else None
