"""Posting forms as a browser does (with the session's CSRF token), signing in, reading mail."""

import re

from support.settings import PASSWORD


def csrf_token(client, lang: str = "en") -> str:
    page = client.get(f"/{lang}/about").get_data(as_text=True)
    return re.search(r'<meta name="csrf-token" content="([^"]+)"', page).group(1)


def post(client, url: str, data: dict | None = None, **kwargs):
    """POST a form the way a browser would: with the session's CSRF token."""
    data = dict(data or {})
    data.setdefault("csrf_token", csrf_token(client))
    return client.post(url, data=data, **kwargs)


class AuthActions:
    def __init__(self, client):
        self.client = client

    def login(self, user_or_email, password: str = PASSWORD, **extra):
        address = getattr(user_or_email, "email", user_or_email)
        return post(
            self.client, "/en/auth/login", {"email": address, "password": password, **extra}
        )

    def logout(self):
        return post(self.client, "/en/auth/logout")


def link_in(message, pattern: str = r"https?://\S+") -> str:
    return re.search(pattern, message.get_content()).group(0)
