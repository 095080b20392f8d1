"""Forms for opening a topic, replying and editing; each can preview without JavaScript."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField

from ..attachments.forms import attachment_slots, uploads_in
from ..forms import ClientIdField, SubmitButton, max_length, required, strip_text
from ..languages.forms import written_in_choices
from ..text.limits import BODY_MAX, TITLE_MAX
from .services import PostDraft


class PostForm(FlaskForm):
    body = TextAreaField(
        _l("Message"),
        filters=[strip_text],
        validators=[required(), max_length(BODY_MAX)],
        description=_l(
            "Markdown works: **bold**, *italic*, [link](https://...), > quote. "
            "Mention someone with @**Their Name**."
        ),
    )
    language = SelectField(_l("Written in"))
    attachments = attachment_slots()
    client_id = ClientIdField()
    preview = SubmitButton(_l("Preview"))
    submit = SubmitButton(_l("Post"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = written_in_choices()

    @property
    def wants_preview(self) -> bool:
        return bool(self.preview.data)

    def draft(self) -> PostDraft:
        return PostDraft(
            body=self.body.data or "",
            language=self.language.data,
            client_id=self.client_id.data,
            uploads=uploads_in(self.attachments),
        )


class TopicForm(PostForm):
    title = StringField(
        _l("Title"), filters=[strip_text], validators=[required(), max_length(TITLE_MAX)]
    )
    tags = StringField(
        _l("Tags"),
        filters=[strip_text],
        validators=[max_length(200)],
        description=_l("Optional, separated by commas: e.g. informal-economy, youth"),
    )


class EditForm(FlaskForm):
    title = StringField(_l("Title"), filters=[strip_text], validators=[max_length(TITLE_MAX)])
    body = TextAreaField(
        _l("Message"), filters=[strip_text], validators=[required(), max_length(BODY_MAX)]
    )
    preview = SubmitButton(_l("Preview"))
    submit = SubmitButton(_l("Save"))
