"""Outgoing mail: sending, the addresses replies and bounces come back to, and threading."""

from .sending import send_mail, send_templated_mail
from .threads import About

__all__ = ["About", "send_mail", "send_templated_mail"]
