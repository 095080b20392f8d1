"""Posts can be translated: what a reader may read of them, as the topic page shows it."""

from flask import url_for
from flask_babel import gettext as _
from markupsafe import escape
from sqlalchemy import select
from werkzeug.exceptions import NotFound

from ..languages.sources import Source, translatable
from ..templating import person_name
from .access import access_post
from .models import Post


@translatable("post", authored_by=lambda user: select(Post.id).where(Post.author_id == user.id))
def post_source(reader, post_id: int) -> Source:
    post = access_post(post_id, reader)
    if post.is_deleted or (post.is_hidden and not reader.is_moderator):
        raise NotFound
    html = post.body_html
    if post.is_opening:  # the topic's title is read with it, so translated with it
        html = f"<p><strong>{escape(post.topic.title)}</strong></p>{html}"
    return Source(
        html=html,
        language=post.language,
        title=_("%(name)s in “%(topic)s”", name=person_name(post.author), topic=post.topic.title),
        back_url=url_for("forums.permalink", post_id=post.id),
    )
