"""Thin views for the facilitators: the dashboard and its CSV exports."""

from flask import render_template
from flask_login import current_user, login_required

from ...csvfiles import csv_download
from ...geography import REGION_OF, REGIONS
from ...i18n import current_language
from .. import bp, progress
from ..discussions import topics as discussions
from ..models import FREE_TEXT, PARTICIPANT
from ..staff import access_staff_academy
from ..survey import answering as survey


@bp.route("/<slug>/dashboard")
@login_required
def dashboard(slug):
    academy = access_staff_academy(slug, current_user)
    rows = progress.participation(academy)
    participants = [row for row in rows if row["role"] == PARTICIPANT]
    return render_template(
        "academy/dashboard.html",
        academy=academy,
        participants=participants,
        observers=len(rows) - len(participants),
        by_region=progress.tally(rows, lambda row: row["region"]),
        by_constituency=progress.tally(rows, lambda row: row["user"].constituency),
        by_country=progress.tally(rows, lambda row: row["user"].country),
        not_introduced=[row["user"] for row in participants if not row["introduced"]],
        not_answered=[row["user"] for row in participants if not row["answered"]],
        regions=REGIONS,
        contributions=discussions.contributions_per_module(academy),
        voices=_voices(academy),
    )


def _voices(academy) -> dict:
    """Replies in the question discussions by region and by constituency."""
    by_region: dict[str, int] = {}
    by_constituency: dict[str, int] = {}
    for country, constituency, count in discussions.contributions_by_author(academy):
        region = REGION_OF.get(country or "", "")
        by_region[region] = by_region.get(region, 0) + count
        by_constituency[constituency or ""] = by_constituency.get(constituency or "", 0) + count
    return {
        "regions": sorted(by_region.items(), key=lambda item: -item[1]),
        "constituencies": sorted(by_constituency.items(), key=lambda item: -item[1]),
        "total": sum(by_region.values()),
    }


@bp.route("/<slug>/dashboard/participation.csv")
@login_required
def participation_csv(slug):
    academy = access_staff_academy(slug, current_user)
    header = ["name", "country", "region", "constituency", "role", "introduced", "answered",
              "modules_visited"]  # fmt: skip
    rows = (
        [
            r["user"].display_name,
            r["user"].country or "",
            r["region"],
            r["user"].constituency or "",
            r["role"],
            int(r["introduced"]),
            int(r["answered"]),
            r["modules_visited"],
        ]  # fmt: skip
        for r in progress.participation(academy)
    )
    return csv_download(header, rows, f"{slug}-participation.csv")


@bp.route("/<slug>/questionnaire/results.csv")
@login_required
def results_csv(slug):
    academy = access_staff_academy(slug, current_user)
    language = current_language()
    results = survey.results(academy)
    rows = []
    for question in survey.questions_of(academy):
        prompt = question.text(language).prompt
        if question.kind == FREE_TEXT:
            rows += [[prompt, "", answer] for answer in results["texts"].get(question.id, [])]
        else:
            rows += [
                [prompt, option.text(language).label, results["counts"].get(option.id, 0)]
                for option in question.options
            ]
    return csv_download(["question", "option", "answer_or_count"], rows, f"{slug}-results.csv")
