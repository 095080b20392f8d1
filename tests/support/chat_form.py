"""Sending a chat message through the page's form, as without JavaScript."""

import re

from support.web import post


def client_id_on(page: str) -> str:
    return re.search(r'name="client_id" type="hidden" value="([^"]+)"', page).group(1)


def send(client, url, body, **extra):
    page = client.get(url).get_data(as_text=True)
    data = {"body": body, "language": "en", "client_id": client_id_on(page), **extra}
    return post(client, url, data)
