"""The questionnaire's forms: staff writing a question, people answering, the results filter."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField

from ...accounts.choices import CONSTITUENCIES
from ...forms import choices
from ...geography import REGIONS
from ...i18n import LANGUAGES
from ...inputs import whole_numbers
from ..forms import in_every_language, text
from .answering import TEXT_MAX
from .editing import QuestionFields
from .models import FREE_TEXT


class QuestionForm(FlaskForm):
    """kind, prompt_<lang> and options_<lang> (one per line); `editing.save_question` says
    what is missing, too long, or no longer allowed once the question has answers."""

    kind = text(20)

    def typed(self) -> dict:
        """What was sent, to show the form again as it was."""
        return {name: field.data for name, field in self._fields.items() if name != "csrf_token"}

    def question_fields(self) -> QuestionFields:
        return QuestionFields(
            kind=self.kind.data,
            prompts={lang: self[f"prompt_{lang}"].data for lang in LANGUAGES},
            options={lang: self[f"options_{lang}"].data.splitlines() for lang in LANGUAGES},
        )


in_every_language(QuestionForm, {"prompt": 5000, "options": 10000})


def typed_from(question) -> dict:
    """What `question` holds, to fill the form in."""
    typed = {"kind": question.kind}
    for lang in LANGUAGES:
        typed[f"prompt_{lang}"] = next((t.prompt for t in question.texts if t.language == lang), "")
        labels = [
            next((t.label for t in option.texts if t.language == lang), "")
            for option in question.options
        ]
        typed[f"options_{lang}"] = "\n".join(label for label in labels if label)
    return typed


def answers_from(formdata, questions) -> dict:
    """Question id → the text, or the ticked option ids, as `answering.submit` takes them.

    Read by hand rather than with a FlaskForm: the fields are the questionnaire's own
    questions (q<id>, as many as the staff wrote), so a form class would have to be built
    per Academy and per request. The CSRF token is checked for every POST by CSRFProtect
    (extensions.csrf), and `submit` checks every answer before anything is written."""
    return {
        q.id: (
            formdata.get(f"q{q.id}", "")[: TEXT_MAX + 1]
            if q.kind == FREE_TEXT
            else whole_numbers(formdata.getlist(f"q{q.id}"))
        )
        for q in questions
    }


class ResultsFilter(FlaskForm):
    class Meta:
        csrf = False  # a filter changes nothing

    region = SelectField(_l("Region"))
    constituency = SelectField(_l("Constituency"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.region.choices = choices(list(REGIONS.items()))
        self.constituency.choices = choices(list(CONSTITUENCIES.items()))

    def chosen(self, name: str) -> str:
        """The value asked for when it is one of the list's, else "" (everyone)."""
        field = self[name]
        return field.data if field.data in {c.value for c in field.choices} else ""
