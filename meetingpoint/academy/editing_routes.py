"""Thin view for staff editing a module in every language (one form, four fieldsets)."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..i18n import LANGUAGES
from . import bp, editing, services
from .announcements import is_staff


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
    return typed


@bp.route("/<slug>/modules/<module_slug>/edit", methods=["GET", "POST"])
@login_required
def edit_module(slug, module_slug):
    academy = services.access_academy(slug)
    module = services.access_module(academy, module_slug)
    if not is_staff(current_user, academy):
        abort(403)
    if request.method == "POST":
        form = request.form
        typed = {
            lang: {
                "title": form.get(f"title_{lang}", "")[:1000],
                "principles": form.get(f"principles_{lang}", "")[:20000],
                "questions": form.get(f"questions_{lang}", "")[:20000],
                "readings": form.get(f"readings_{lang}", "")[:20000],
            }
            for lang in LANGUAGES
        }
        given = {
            lang: {
                "title": text["title"],
                "principles": text["principles"],
                "questions": _lines(text["questions"]),
                "readings": _readings(text["readings"]),
            }
            for lang, text in typed.items()
        }
        try:
            editing.edit_module(current_user, academy, module, given)
        except services.AcademyError as error:
            flash(str(error), "error")
            return render_template(
                "academy/module_edit.html", academy=academy, module=module, typed=typed
            ), 400
        return redirect(url_for("academy.module", slug=slug, module_slug=module_slug))
    return render_template(
        "academy/module_edit.html", academy=academy, module=module, typed=_typed_from(module)
    )
