"""Thin views for the front door: / picks a language, home and about explain the place."""

from flask import redirect, render_template, url_for
from flask_login import current_user

from ..i18n import preferred_language
from ..news.services import latest as latest_news
from ..pagecache.pages import kept_for_visitors
from ..people.services import people_to_meet
from ..rooms.services import rooms_with_member_counts
from . import bp, health


@bp.route("/")
def root():
    return redirect(url_for("main.home", lang_code=preferred_language()))


@bp.route("/<lang:lang_code>/")
@kept_for_visitors
def home():
    rooms = rooms_with_member_counts()
    to_meet = people_to_meet(current_user) if current_user.is_authenticated else []
    news = latest_news(limit=3, everywhere=True)
    return render_template("main/home.html", rooms=rooms, people_to_meet=to_meet, news=news)


@bp.route("/<lang:lang_code>/about")
def about():
    return render_template("main/about.html")


@bp.route("/people/<int:user_id>")
def person(user_id):
    """Language-neutral profile address, used by @mentions stored in posts."""
    return redirect(url_for("people.show", user_id=user_id, lang_code=preferred_language()))


@bp.route("/healthz")
def healthz():
    return health.report()
