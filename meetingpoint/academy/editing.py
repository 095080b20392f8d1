"""Staff edit a module in every language: its title, basic principles, key questions and
readings. Key questions keep their place (and their discussion) when reworded."""

from urllib.parse import urlparse

from flask_babel import gettext as _
from werkzeug.exceptions import Forbidden

from ..extensions import db
from ..i18n import LANGUAGES
from .announcements import is_staff
from .models import Academy, KeyQuestion, KeyQuestionText, Module, ModuleText, Reading
from .services import AcademyError

QUESTIONS_MAX, TITLE_MAX, TEXT_MAX = 4, 200, 5000


def edit_module(user, academy: Academy, module: Module, given: dict) -> None:
    """`given[lang]` = {"title", "principles", "questions": [...], "readings": [(title, url)]}.
    English is required; a language left empty keeps no text (readers fall back)."""
    if not is_staff(user, academy):
        raise Forbidden
    texts = {lang: given.get(lang) or {} for lang in LANGUAGES}
    english = texts["en"]
    if not english.get("title", "").strip() or not english.get("principles", "").strip():
        raise AcademyError(_("The English title and basic principles are required."))
    count = len(english.get("questions") or [])
    if not 2 <= count <= QUESTIONS_MAX:
        raise AcademyError(_("A module asks two to four key questions."))
    for text in texts.values():
        if len(text.get("title", "")) > TITLE_MAX or len(text.get("principles", "")) > TEXT_MAX:
            raise AcademyError(_("Please use at most %(max)d characters.", max=TEXT_MAX))
        if text.get("questions") and len(text["questions"]) != count:
            raise AcademyError(_("Give each language the same number of key questions."))
        for _title, url in text.get("readings") or []:
            if urlparse(url).scheme not in ("http", "https") or len(url) > 500:
                raise AcademyError(
                    _("Each reading needs a title and a web address (http or https).")
                )
    module.texts = [
        ModuleText(
            language=lang, title=text["title"].strip(), principles=text["principles"].strip()
        )
        for lang, text in texts.items()
        if text.get("title", "").strip() and text.get("principles", "").strip()
    ]
    while len(module.questions) < count:
        module.questions.append(KeyQuestion(position=len(module.questions)))
    del module.questions[count:]
    for position, question in enumerate(module.questions):
        question.position = position
        question.texts = [
            KeyQuestionText(language=lang, text=text["questions"][position].strip())
            for lang, text in texts.items()
            if text.get("questions")
        ]
    module.readings = [
        Reading(position=n, language=lang, title=title.strip()[:200], url=url.strip())
        for lang, text in texts.items()
        for n, (title, url) in enumerate(text.get("readings") or [])
    ]
    db.session.commit()
