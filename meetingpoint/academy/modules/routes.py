"""Thin views for a module: its page, and staff adding or editing it in every language."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ...i18n import LANGUAGES, current_language
from ...rooms.services import rooms_with_member_counts
from .. import bp, progress, services
from ..discussions import topics as discussions
from ..forms import validated
from ..settings.services import facilitators_of
from ..staff import access_staff_academy, is_staff
from . import editing
from .forms import ModuleForm, typed_from


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
    form = ModuleForm()
    try:
        validated(form)
        module = editing.create_module(current_user, academy, form.given(), form.options())
    except services.AcademyError as error:
        flash(str(error), "error")
        return _form(academy, None, form.typed(), 400)
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
        return _form(academy, module, typed_from(module))
    form = ModuleForm()
    try:
        validated(form)
        editing.edit_module(current_user, academy, module, form.given(), form.options())
    except services.AcademyError as error:
        flash(str(error), "error")
        return _form(academy, module, form.typed(), 400)
    return redirect(url_for("academy.module", slug=slug, module_slug=module_slug))


@bp.route("/<slug>/modules/<module_slug>")
def module(slug, module_slug):
    academy = services.access_academy(slug)
    module = services.access_module(academy, module_slug)
    progress.record_visit(current_user, module)
    staff = is_staff(current_user, academy)
    return render_template(
        "academy/module.html",
        academy=academy,
        module=module,
        rooms=services.rooms_of(module),
        discussions=discussions.discussions_of(module),
        readings=services.readings_in(module, current_language()),
        facilitators=facilitators_of(academy, module),
        staff=staff,
        # "Keep for offline" is for the people in the Academy (offline/kits.py).
        keepable=staff or services.enrolment_of(current_user, academy) is not None,
    )
