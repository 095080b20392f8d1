"""Attaching through the forms as a browser sends them (multipart, encoded in memory), and
reading back what was stored and served."""

import io

from sqlalchemy import select
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from meetingpoint.attachments.models import Attachment
from meetingpoint.extensions import db
from support.web import csrf_token

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def slot(n: int, content: bytes, name: str, alt: str = "") -> dict:
    return {f"attachments-{n}-file": (content, name), f"attachments-{n}-alt": alt}


def post_form(client, url: str, fields: dict, *slots: dict, headers=None):
    """A form with files as a browser sends it, encoded in memory (see support/library.py):
    `fields`, the session's CSRF token, and the files of `slots`."""
    form = MultiDict(fields)
    form.add("csrf_token", csrf_token(client))
    for chosen in slots:
        for name, value in chosen.items():
            if isinstance(value, tuple):
                form.add(name, FileStorage(io.BytesIO(value[0]), filename=value[1]))
            else:
                form.add(name, value)
    boundary, data = encode_multipart(form)
    return client.post(
        url,
        data=data,
        content_type=f"multipart/form-data; boundary={boundary}",
        headers=headers or {},
    )


def reply_with(client, opening_id: int, body: str, *slots: dict, lang: str = "en", **extra):
    """The reply form, with its files."""
    fields = {"body": body, "language": "en", "submit": "Post", **extra}
    return post_form(client, f"/{lang}/posts/{opening_id}/reply", fields, *slots)


def fetch(client, url: str, **headers):
    """A served file, read and closed (the file stays open until then)."""
    response = client.get(url, headers=headers)
    response.get_data()
    response.close()
    return response


def stored() -> list[Attachment]:
    db.session.rollback()
    return list(db.session.scalars(select(Attachment).order_by(Attachment.id)))
