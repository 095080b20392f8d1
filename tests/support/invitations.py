"""Inviting through the staff pages as a browser would, and reading the invitation mails."""

import re

from support.web import post

ROOM = "social-dialogue"


def check_list(client, text: str, kind="room", key=ROOM, role="member", lang="en"):
    """POST the list form: the preview page (nothing is written)."""
    return post(client, f"/{lang}/invitations/{kind}/{key}/", {"addresses": text, "role": role})


def send_list(client, text: str, kind="room", key=ROOM, role="member"):
    """Confirm a list: what the preview's button sends."""
    return post(client, f"/en/invitations/{kind}/{key}/send", {"addresses": text, "role": role})


def invitation_link(message) -> str:
    """The path of the link in an invitation mail."""
    found = re.search(r"https?://[^/\s]+(/\w\w/invitations/accept/[\w-]+)", message.get_content())
    return found.group(1)


def outcomes(page: str) -> list[str]:
    """The preview's outcome column, line by line."""
    return [re.sub(r"\s+", " ", cell).strip()
            for cell in re.findall(r"<td>([^<]*)</td>\s*</tr>", page)]  # fmt: skip
