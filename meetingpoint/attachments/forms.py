"""The attachment slots of a post or chat form: a file and, for a picture, its description.
Five plain file fields work without JavaScript; attachments.js adds drag-and-drop and paste."""

import re

from flask import request
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import FieldList, Form, FormField, StringField

from ..forms import max_length, strip_text
from .uploads import ACCEPTED, ALT_MAX, MAX_PER_POST, Upload

# What attachments.js lets into a slot before sending ("an obviously unacceptable type"):
# the names the server may accept; the content is still what decides.
EXTENSIONS = " ".join(sorted(ext for names, _type in ACCEPTED.values() for ext in names))


class AttachmentSlot(Form):
    file = FileField(_l("File"))
    alt = StringField(
        _l("What the picture shows"),
        filters=[strip_text],
        validators=[max_length(ALT_MAX)],
        description=_l("Read aloud to people who cannot see it."),
    )


def attachment_slots() -> FieldList:
    return FieldList(FormField(AttachmentSlot), min_entries=MAX_PER_POST, max_entries=MAX_PER_POST)


_SLOT = re.compile(r"^attachments-(\d+)-file$")


def uploads_in(slots: FieldList) -> list[Upload]:
    """The files chosen, in their slots' order (empty slots skipped). Files sent beyond the
    slots are counted too: six files are refused, not one of them silently dropped."""
    chosen = []
    for slot in slots:
        upload = slot.form.file.data
        if upload is not None and getattr(upload, "filename", ""):
            chosen.append(Upload(upload.stream, upload.filename, slot.form.alt.data or ""))
    for name, upload in request.files.items(multi=True):
        match = _SLOT.match(name)
        if match and int(match.group(1)) >= len(slots) and upload.filename:
            chosen.append(Upload(upload.stream, upload.filename))
    return chosen
