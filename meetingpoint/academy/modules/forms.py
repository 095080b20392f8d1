"""The module form: its texts in each language, then the settings shared by all of them."""

from flask_wtf import FlaskForm

from ...i18n import LANGUAGES
from ..forms import WholeNumbersField, in_every_language
from .editing import ModuleOptions

TEXT_NAMES = ("title", "principles", "questions", "readings")


class ModuleForm(FlaskForm):
    """title_<lang>, principles_<lang>, questions_<lang> (one per line) and readings_<lang>
    ("Title | address" per line); `editing` says what is missing, too long or malformed."""

    rooms = WholeNumbersField()
    facilitators = WholeNumbersField()
    # Which key questions, counted from 0 in the form's order.
    answer_first = WholeNumbersField(low=0)
    participants_only = WholeNumbersField(low=0)

    def typed(self) -> dict:
        """What was sent, to show the form again as it was."""
        typed: dict = {
            lang: {name: self[f"{name}_{lang}"].data for name in TEXT_NAMES} for lang in LANGUAGES
        }
        typed["options"] = self.options()
        return typed

    def options(self) -> ModuleOptions:
        return ModuleOptions(
            room_ids=self.rooms.data,
            facilitator_ids=self.facilitators.data,
            answer_first=set(self.answer_first.data),
            participants_only=set(self.participants_only.data),
        )

    def given(self) -> dict:
        """The texts as `editing` takes them: key questions and readings as lists."""
        return {
            lang: {
                "title": self[f"title_{lang}"].data,
                "principles": self[f"principles_{lang}"].data,
                "questions": _lines(self[f"questions_{lang}"].data),
                "readings": _readings(self[f"readings_{lang}"].data),
            }
            for lang in LANGUAGES
        }


in_every_language(
    ModuleForm, {"title": 1000, "principles": 20000, "questions": 20000, "readings": 20000}
)


def typed_from(module) -> dict:
    """What `module` holds, to fill the form in."""
    typed: dict = {}
    for lang in LANGUAGES:
        text = next((t for t in module.texts if t.language == lang), None)
        questions = [
            next((t.text for t in q.texts if t.language == lang), "") for q in module.questions
        ]
        readings = [f"{r.title} | {r.url}" for r in module.readings if r.language == lang]
        typed[lang] = {
            "title": text.title if text else "",
            "principles": text.principles if text else "",
            "questions": "\n".join(q for q in questions if q),
            "readings": "\n".join(readings),
        }
    typed["options"] = ModuleOptions(
        room_ids=[link.room_id for link in module.rooms],
        facilitator_ids=[link.user_id for link in module.facilitators],
        answer_first={n for n, q in enumerate(module.questions) if q.answer_first},
        participants_only={n for n, q in enumerate(module.questions) if q.participants_only},
    )
    return typed


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _readings(value: str) -> list[tuple[str, str]]:
    """'Title | https://…' per line."""
    found = []
    for line in _lines(value):
        title, _bar, url = line.rpartition("|")
        found.append((title.strip() or url.strip(), url.strip()))
    return found
