"""The figures as CSV and JSON: the same numbers the page shows, with stable keys."""

import json

from flask import Response

from ..csvfiles import csv_download
from ..geography import REGIONS
from .details import (
    by_country,
    by_language,
    by_region,
    most_connected_people,
    most_connected_rooms,
    region_matrix,
)
from .figures import Figures
from .report import Figure
from .scopes import Scope


def public_rows(figures: list[Figure]) -> list[dict]:
    return [
        {"figure": figure.key, "label": figure.label, "value": _plain(figure.value),
         "previous": _plain(figure.before), "growth_percent": _plain(figure.growth)}
        for figure in figures
    ]  # fmt: skip


def staff_rows(figures: Figures, language: str) -> list[dict]:
    """The breakdowns, one row each, keyed so a spreadsheet can filter them."""
    rows = []
    for code, name, views, visits in by_language(figures):
        rows.append(_row(f"page_views_by_language:{code}", name, views))
        rows.append(_row(f"visits_by_language:{code}", name, visits))
    for code, name, count in by_country(figures):
        rows.append(_row(f"member_visits_by_country:{code}", name, count))
    for key, name, count in by_region(figures):
        rows.append(_row(f"member_visits_by_region:{key}", name, count))
    for actor, actor_name, counts in region_matrix(figures):
        for (partner, partner_name), count in zip(REGIONS.items(), counts, strict=True):
            rows.append(_row(f"interactions_between:{actor}>{partner}",
                             f"{actor_name} → {partner_name}", count))  # fmt: skip
    for person in most_connected_people(figures):
        rows.append(_row(f"people_reached:{person.key}", person.name, person.reached))
        rows.append(_row(f"people_reached_across_a_border:{person.key}", person.name,
                         person.across))  # fmt: skip
    for room in most_connected_rooms(figures, language):
        rows.append(_row(f"room_pairs:{room.key}", room.name, room.reached))
        rows.append(_row(f"room_interactions:{room.key}", room.name, room.across))
    return rows


CSV_COLUMNS = ["figure", "label", "value", "previous", "growth_percent"]


def as_csv(rows: list[dict], filename: str) -> Response:
    return csv_download(CSV_COLUMNS, ([row[key] for key in CSV_COLUMNS] for row in rows), filename)


def as_json(scope: Scope, period_label: str, figures: Figures, rows: list[dict],
            filename: str) -> Response:  # fmt: skip
    period = figures.period
    document = {
        "scope": scope.key or "site",
        "scope_name": scope.name(),
        "period": {"kind": period.kind, "label": period_label, "time_zone": period.zone,
                   "first_day": period.first_day.isoformat(),
                   "next_first_day": period.next_first_day.isoformat()},
        "computed_at": figures.computed_at.isoformat(),
        "figures": rows,
    }  # fmt: skip
    text = json.dumps(document, ensure_ascii=False, indent=1)
    return _download(text, "application/json; charset=utf-8", filename)


def _download(text: str, mimetype: str, filename: str) -> Response:
    response = Response(text, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _row(key: str, label: str, value) -> dict:
    return {"figure": key, "label": label, "value": value, "previous": None,
            "growth_percent": None}  # fmt: skip


def _plain(value):
    """None stays None: null in JSON, an empty cell in CSV."""
    if value is None:
        return None
    return round(value, 4) if isinstance(value, float) else value
