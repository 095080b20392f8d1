"""Unbound extensions: a leaf module that imports no feature, so nothing cycles."""

from typing import TYPE_CHECKING

from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_socketio import SocketIO
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from .database import metadata

db = SQLAlchemy(metadata=metadata)
migrate = Migrate(render_as_batch=True, compare_type=True)
login_manager = LoginManager()
babel = Babel()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, default_limits=[])
socketio = SocketIO()

if TYPE_CHECKING:
    from flask_sqlalchemy.model import Model as _QueryableModel
    from sqlalchemy.orm import DeclarativeBase

    # db.Model is built at run time, so a type checker cannot take it as a base class; this
    # tells it what db.Model is: a declarative base with Flask-SQLAlchemy's `query`.
    class Model(_QueryableModel, DeclarativeBase):
        pass
else:
    Model = db.Model
