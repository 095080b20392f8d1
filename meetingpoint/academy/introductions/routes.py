"""Thin views for introductions: the gallery, and writing one's own."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from .. import bp, services
from . import services as introductions
from .forms import GalleryFilter, IntroductionForm


@bp.route("/<slug>/introductions")
def introductions_page(slug):
    academy = services.access_academy(slug)
    filters = GalleryFilter(request.args)
    found = introductions.gallery(
        academy,
        country=filters.chosen("country"),
        region=filters.chosen("region"),
        constituency=filters.chosen("constituency"),
    )
    return render_template(
        "academy/introductions.html",
        academy=academy,
        introductions=found,
        filters=filters,
        may_write=introductions.may_introduce(current_user, academy),
    )


@bp.route("/<slug>/introductions/mine", methods=["GET", "POST"])
@login_required
def my_introduction(slug):
    academy = services.access_academy(slug)
    if not introductions.may_introduce(current_user, academy):
        flash(str(_l("Only participants of this Academy introduce themselves here.")), "error")
        return redirect(url_for("academy.show", slug=slug))
    mine = introductions.introduction_of(current_user, academy)
    form = IntroductionForm(obj=mine)
    if form.validate_on_submit():
        try:
            introductions.write_introduction(current_user, academy, form.data)
        except services.AcademyError as error:
            flash(str(error), "error")
        else:
            return redirect(url_for("academy.introductions_page", slug=slug))
    return render_template("academy/introduction_form.html", academy=academy, form=form)
