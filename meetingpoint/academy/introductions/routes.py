"""Thin views for introductions: the gallery, and writing one's own."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import SelectField, TextAreaField

from ...accounts.choices import CONSTITUENCIES
from ...forms import FastSelect, SubmitButton, choices, max_length, required, strip_text
from ...geography import REGIONS, country_choices
from ...languages.forms import written_in_choices
from .. import bp, services
from . import services as introductions


def _text(label, required_field=False):
    validators = [max_length(introductions.FIELD_MAX)]
    if required_field:
        validators.insert(0, required())
    return TextAreaField(label, filters=[strip_text], validators=validators)


class IntroductionForm(FlaskForm):
    about = _text(_l("Who you are"), required_field=True)
    work = _text(_l("Where you work, and on what"))
    brings = _text(_l("What you bring to the Academy"))
    hopes = _text(_l("What you hope to take away"))
    language = SelectField(_l("Written in"))
    submit = SubmitButton(_l("Save my introduction"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = written_in_choices()


class GalleryFilter(FlaskForm):
    class Meta:
        csrf = False  # a filter changes nothing

    country = SelectField(_l("Country"), widget=FastSelect())
    region = SelectField(_l("Region"))
    constituency = SelectField(_l("Constituency"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _l("Any"))]
        self.country.choices = choices(anything + country_choices())
        self.region.choices = choices(anything + list(REGIONS.items()))
        self.constituency.choices = choices(anything + list(CONSTITUENCIES.items()))

    def chosen(self, name: str) -> str:
        field = self[name]
        return field.data if field.data in {c.value for c in field.choices} else ""


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
