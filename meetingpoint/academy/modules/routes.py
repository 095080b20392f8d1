"""Thin views for a module: its page, and staff adding or editing it in every language."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ...i18n import LANGUAGES
from ...inputs import whole_numbers
from ...rooms.services import rooms_with_member_counts
from .. import bp, progress, services
from ..discussions import topics as discussions
from ..settings.services import facilitators_of
from ..staff import access_staff_academy, is_staff
from . import editing


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _readings(value: str) -> list[tuple[str, str]]:
    """'Title | https://…' per line."""
    found = []
    for line in _lines(value):
        title, _bar, url = line.rpartition("|")
        found.append((title.strip() or url.strip(), url.strip()))
    return found


def _typed_from(module) -> dict:
    typed = {}
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
    typed["options"] = editing.ModuleOptions(
        room_ids=[link.room_id for link in module.rooms],
        facilitator_ids=[link.user_id for link in module.facilitators],
        answer_first={n for n, q in enumerate(module.questions) if q.answer_first},
        participants_only={n for n, q in enumerate(module.questions) if q.participants_only},
    )
    return typed


def _typed_from_form(form) -> dict:
    typed = {
        lang: {
            "title": form.get(f"title_{lang}", "")[:1000],
            "principles": form.get(f"principles_{lang}", "")[:20000],
            "questions": form.get(f"questions_{lang}", "")[:20000],
            "readings": form.get(f"readings_{lang}", "")[:20000],
        }
        for lang in LANGUAGES
    }
    typed["options"] = editing.ModuleOptions(
        room_ids=whole_numbers(form.getlist("rooms")),
        facilitator_ids=whole_numbers(form.getlist("facilitators")),
        # Which key questions, counted from 0 in the form's order.
        answer_first=set(whole_numbers(form.getlist("answer_first"), low=0)),
        participants_only=set(whole_numbers(form.getlist("participants_only"), low=0)),
    )
    return typed


def _given(typed: dict) -> dict:
    return {
        lang: {
            "title": typed[lang]["title"],
            "principles": typed[lang]["principles"],
            "questions": _lines(typed[lang]["questions"]),
            "readings": _readings(typed[lang]["readings"]),
        }
        for lang in LANGUAGES
    }


def _form(academy, module, typed, status=200):
    return render_template(
        "academy/module_edit.html",
        academy=academy,
        module=module,
        typed=typed,
        rooms=[room for room, _count in rooms_with_member_counts()],
        facilitators=facilitators_of(academy),
        question_slots=range(editing.QUESTIONS_MAX),
    ), status


@bp.route("/<slug>/modules/new", methods=["GET", "POST"])
@login_required
def new_module(slug):
    academy = access_staff_academy(slug, current_user)
    if request.method == "GET":
        empty = {"title": "", "principles": "", "questions": "", "readings": ""}
        return _form(academy, None, {lang: empty for lang in LANGUAGES} | {"options": None})
    typed = _typed_from_form(request.form)
    try:
        module = editing.create_module(current_user, academy, _given(typed), typed["options"])
    except services.AcademyError as error:
        flash(str(error), "error")
        return _form(academy, None, typed, 400)
    flash(_("The module is added."), "success")
    return redirect(url_for("academy.module", slug=slug, module_slug=module.slug))


@bp.route("/<slug>/modules/<module_slug>/edit", methods=["GET", "POST"])
@login_required
def edit_module(slug, module_slug):
    academy = services.access_academy(slug)
    module = services.access_module(academy, module_slug)
    if not is_staff(current_user, academy):
        abort(403)
    if request.method == "GET":
        return _form(academy, module, _typed_from(module))
    typed = _typed_from_form(request.form)
    try:
        editing.edit_module(current_user, academy, module, _given(typed), typed["options"])
    except services.AcademyError as error:
        flash(str(error), "error")
        return _form(academy, module, typed, 400)
    return redirect(url_for("academy.module", slug=slug, module_slug=module_slug))


@bp.route("/<slug>/modules/<module_slug>")
def module(slug, module_slug):
    academy = services.access_academy(slug)
    module = services.access_module(academy, module_slug)
    progress.record_visit(current_user, module)
    return render_template(
        "academy/module.html",
        academy=academy,
        module=module,
        rooms=services.rooms_of(module),
        discussions=discussions.discussions_of(module),
        facilitators=facilitators_of(academy, module),
        staff=is_staff(current_user, academy),
    )
