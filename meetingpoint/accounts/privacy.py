"""Hooks through which each feature exports or erases a participant's personal data.

Features register at import time, so the account services never import a feature.
"""

from collections.abc import Callable

from ..accounts.models import User

Exporter = Callable[[User], object]
Eraser = Callable[[User, bool], None]

_exporters: dict[str, Exporter] = {}
_erasers: list[Eraser] = []


def personal_data_exporter(section: str):
    """Decorator: `fn(user)` returns the JSON-ready data for `section` of the export."""

    def register(fn: Exporter) -> Exporter:
        _exporters[section] = fn
        return fn

    return register


def account_eraser(fn: Eraser) -> Eraser:
    """Decorator: `fn(user, remove_content)` forgets a deleted participant (no commit)."""
    _erasers.append(fn)
    return fn


def exporters() -> dict[str, Exporter]:
    return dict(_exporters)


def erasers() -> list[Eraser]:
    return list(_erasers)
