"""Flask-Login wiring: load the session's user, and end stale sessions after a password change."""

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import lazyload

from ..extensions import db, login_manager
from .models import User


def configure_login(app) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    # The id carries the account's auth_version: a bumped version logs the old session out.
    user_id, _sep, version = session_id.partition(":")
    if not user_id.isdigit() or not version.isdigit():
        return None
    # Every request and socket event loads its user; few read their languages, which then
    # cost their own query (lists of people still load everyone's at once).
    user = db.session.get(User, int(user_id), options=[lazyload(User.languages)])
    if user is None or user.auth_version != int(version) or not user.is_active:
        return None
    return user
