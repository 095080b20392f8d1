"""Error pages in the reader's language; nothing about the failure leaks to them."""

from flask import current_app, g, render_template, request, url_for
from flask_babel import force_locale, format_decimal
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError
from werkzeug.exceptions import BadRequest, Forbidden


class ForbiddenBecause(Forbidden):
    """A refusal whose reason helps the reader (a space for participants only, say)."""

    def __init__(self, reason: str):
        super().__init__()
        self.reason = reason


class BadRequestBecause(BadRequest):
    """A request we cannot take, with what was wrong with it."""

    def __init__(self, reason: str):
        super().__init__()
        self.reason = reason


def _page(status: int, title: str, message: str):
    return render_template("errors/error.html", status=status, title=title, message=message), status


def register_error_handlers(app) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return _page(
            400,
            _("This form has expired"),
            _(
                "For your safety the form could not be accepted, and nothing was changed. "
                "Go back, reload the page and send it again."
            ),
        )

    @app.errorhandler(400)
    def bad_request(error):
        reason = getattr(error, "reason", None)
        return _page(
            400,
            _("Bad request"),
            reason or _("The request could not be understood. Nothing was changed."),
        )

    @app.errorhandler(403)
    def forbidden(error):
        reason = getattr(error, "reason", None)
        return _page(403, _("Not allowed"), reason or _("You do not have permission to do this."))

    @app.errorhandler(404)
    def not_found(error):
        return _page(
            404, _("Page not found"), _("There is nothing at this address. It may have moved.")
        )

    @app.errorhandler(405)
    def method_not_allowed(error):
        return _page(405, _("Not allowed"), _("This address does not accept that kind of request."))

    @app.errorhandler(413)
    def too_large(error):
        return _page(
            413,
            _("Too large"),
            _(
                "What you sent is larger than we accept here (%(limit)s in all). "
                "Nothing was changed.",
                limit=_("%(size)s MB", size=format_decimal(_megabytes(), "#,##0.0")),
            ),
        )

    @app.errorhandler(429)
    def too_many_requests(error):
        return _page(
            429,
            _("Too many attempts"),
            _("Please wait a few minutes before trying again."),
        )

    @app.errorhandler(DBAPIError)
    def database_unavailable(error):
        """The database is away (restarting, unreachable): a clear page, 503, and a retry
        hint; the pool checks each connection before use, so recovery needs no restart."""
        from .extensions import db
        from .i18n import LANGUAGES

        db.session.rollback()
        current_app.logger.warning("Database unavailable: %s", error.__class__.__name__)
        lang = g.get("lang_code") or request.accept_languages.best_match(LANGUAGES) or "en"
        with force_locale(lang):
            # Straight from the template, past the context processors: they ask the database.
            body = current_app.jinja_env.get_template("errors/unavailable.html").render(
                lang=lang,
                stylesheet=url_for("static", filename="css/site.css"),
                retry=request.full_path.rstrip("?"),
            )
        return body, 503, {"Retry-After": "30", "Content-Type": "text/html; charset=utf-8"}

    @app.errorhandler(500)
    def server_error(error):
        return _page(
            500, _("Something went wrong"), _("We could not finish this request. Please try again.")
        )


def _megabytes() -> float:
    """This address's request limit (security.limit_request_size), in megabytes."""
    limit = request.max_content_length or current_app.config["MAX_CONTENT_LENGTH"]
    return limit / (1024 * 1024)
