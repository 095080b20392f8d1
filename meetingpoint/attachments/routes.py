"""Thin views: an attachment's preview, medium size or file, to whoever may see its post or
message; moderators hide and show attachments."""

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.exceptions import NotFound

from ..extensions import db
from ..pagecache import revalidation
from ..storage import files
from . import bp, services
from .access import may_see
from .models import Attachment
from .previews import ensure_previews

# Served in the page (pictures, voice notes, videos); anything else is a download.
_INLINE = ("image/", "audio/", "video/")


def access_attachment(attachment_id: int) -> Attachment:
    attachment = db.session.get(Attachment, attachment_id)
    if attachment is None or not may_see(attachment):
        raise NotFound  # a private conversation's file is not even said to exist
    return attachment


@bp.route("/attachments/<int:attachment_id>/<any(preview, medium, file):variant>")
def show(attachment_id, variant):
    attachment = access_attachment(attachment_id)
    if variant != "file" and not attachment.is_image:
        abort(404)
    if variant != "file" and attachment.preview_size is None:
        ensure_previews(attachment)  # the job has not run yet: made now, once
        db.session.commit()
    if variant == "medium" and not attachment.medium_size:
        variant = "file"  # small enough: the picture itself
    key, mimetype = {
        "preview": (attachment.preview_key, "image/webp"),
        "medium": (attachment.medium_key, "image/webp"),
        "file": (attachment.storage_key, attachment.content_type),
    }[variant]
    response = files().serve(
        key,
        mimetype=mimetype,
        download_name=attachment.file_name,
        as_attachment=not mimetype.startswith(_INLINE),
        etag=f"{attachment.sha256}-{variant}",
        max_age=86400,
    )
    # Kept by this reader's browser, checked with us before each use (a 304 costs no bytes
    # on a slow link); signing out empties that cache (security.no_store_for_signed_in).
    response.headers["Cache-Control"] = revalidation.PRIVATE
    # Whatever a file holds, a browser never runs it as a page of ours. Inline style lets
    # the browser's own viewer lay out a picture or a video opened alone (no script runs).
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.route(
    "/<lang:lang_code>/attachments/<int:attachment_id>/<any(hide, show):action>",
    methods=["POST"],
)
@login_required
def moderate(attachment_id, action):
    attachment = access_attachment(attachment_id)
    services.set_hidden(current_user, attachment, action == "hide")
    flash(
        _("The file is hidden.") if action == "hide" else _("The file is visible again."), "success"
    )
    if attachment.post_id is not None:
        return redirect(url_for("forums.permalink", post_id=attachment.post_id))
    return redirect(url_for("chat.permalink", message_id=attachment.message_id))
