"""Password hashes: scrypt in production, a method the settings name (tests take a cheap one)."""

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

_dummy_hashes: dict[str, str] = {}


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def password_matches(password_hash: str | None, password: str) -> bool:
    """Whether `password` is the one hashed; with no hash (an unknown address), a check as
    costly as a real one all the same, so the time taken tells nobody which it was."""
    if not password_hash:
        method = current_app.config["PASSWORD_HASH_METHOD"]
        if method not in _dummy_hashes:
            _dummy_hashes[method] = generate_password_hash("not-a-real-password", method=method)
        check_password_hash(_dummy_hashes[method], password)
        return False
    return check_password_hash(password_hash, password)
