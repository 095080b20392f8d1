"""The library's forms: describing an item, and filtering the collection."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SearchField, SelectField, StringField, TextAreaField, URLField

from ..accounts.choices import spoken_language_choices
from ..forms import MultiCheckboxField, choices, strip_text
from ..i18n import current_language
from ..inputs import whole_number, whole_numbers
from ..languages.filters import language_filter_choices, languages_chosen
from .catalogue import MOST_DOWNLOADED, NEWEST, Filters
from .models import DOCUMENT, LINK, VIDEO
from .services import ItemFields

ITEM_TYPE_LABELS = {
    "report": _l("Report"),
    "toolkit": _l("Toolkit"),
    "case_study": _l("Case study"),
    "training": _l("Training material"),
    "video": _l("Video"),
    "presentation": _l("Presentation"),
    "other": _l("Other"),
}
KIND_LABELS = {DOCUMENT: _l("Document"), LINK: _l("Link"), VIDEO: _l("Video")}


def _year(text: str | None) -> int | None:
    text = (text or "").strip()
    if not text:
        return None
    year = whole_number(text, low=0, high=9999)
    return -1 if year is None else year  # -1: refused as a year


class ItemForm(FlaskForm):
    """Checks live in the library services, so every way in refuses the same things."""

    title = StringField(_l("Title"), filters=[strip_text])
    url = URLField(_l("Web address"), filters=[strip_text])
    file = FileField(
        _l("File"), description=_l("PDF, Office or OpenDocument file, or an image; up to 20 MB.")
    )
    description = TextAreaField(_l("Description"), filters=[strip_text])
    # Choices are checked by the services (with a message of ours), not by WTForms.
    item_type = SelectField(_l("Type"), validate_choice=False)
    languages = MultiCheckboxField(
        _l("Languages of the item"),
        validate_choice=False,
        description=_l("None ticked: we tell it from the title and description."),
    )
    rooms = MultiCheckboxField(_l("Rooms"), validate_choice=False)
    year = StringField(_l("Year"), filters=[strip_text])
    source = StringField(_l("Source organisation"), filters=[strip_text])

    def __init__(self, *args, rooms=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.item_type.choices = choices(ITEM_TYPE_LABELS.items())
        self.languages.choices = choices(spoken_language_choices())
        self.rooms.choices = choices(
            (str(room.id), room.text(current_language()).name) for room in rooms
        )

    def to_fields(self) -> ItemFields:
        return ItemFields(
            title=self.title.data or "",
            item_type=self.item_type.data or "",
            description=self.description.data or "",
            year=_year(self.year.data),
            source=self.source.data or "",
            languages=list(self.languages.data or []),
            room_ids=whole_numbers(self.rooms.data),
            url=self.url.data or "",
        )


class FilterForm(FlaskForm):
    class Meta:
        csrf = False  # a search changes nothing

    q = SearchField(_l("Words"), filters=[strip_text])
    kind = SelectField(_l("Kind"))
    type = SelectField(_l("Type"))
    language = SelectField(_l("Language"))
    room = SelectField(_l("Room"))
    year = StringField(_l("Year"), filters=[strip_text])
    source = StringField(_l("Source organisation"), filters=[strip_text])
    order = SelectField(
        _l("Order"),
        choices=choices([(NEWEST, _l("Newest first")), (MOST_DOWNLOADED, _l("Most downloaded"))]),
    )

    def __init__(self, *args, rooms=(), **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _l("Any"))]
        self.kind.choices = choices(anything + list(KIND_LABELS.items()))
        self.type.choices = choices(anything + list(ITEM_TYPE_LABELS.items()))
        self.language.choices = language_filter_choices()
        self.room.choices = choices(
            anything + [(r.slug, r.text(current_language()).name) for r in rooms]
        )
        self._room_ids = {room.slug: room.id for room in rooms}

    def to_filters(self) -> Filters:
        """What was asked; unknown choices mean "any" rather than an error."""

        def chosen(field) -> str:
            return field.data if field.data in {str(c.value) for c in field.choices} else ""

        year = _year(self.year.data)
        return Filters(
            words=(self.q.data or "")[:200],
            kind=chosen(self.kind),
            item_type=chosen(self.type),
            languages=languages_chosen(chosen(self.language)),
            room_id=self._room_ids.get(chosen(self.room)),
            year=year if year and year > 0 else None,
            source=(self.source.data or "")[:160],
            order=chosen(self.order) or NEWEST,
        )
