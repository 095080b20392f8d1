"""All the figures of a period for one place, worked out once and kept (see PeriodFigures):
a million interactions take seconds to count, a kept period milliseconds to read."""

import json
import logging
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from flask import current_app, has_request_context, request
from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from ..extensions import db
from ..jobs import dispatch, job
from .activity import Activity, activity_in
from .coupling import Coupling, coupling_in
from .models import PeriodFigures
from .periods import Period, period_containing
from .scopes import Scope, scope_from
from .visit_figures import Visits, visits_in

log = logging.getLogger(__name__)
# Visits are written every few seconds: a period is settled a little after its last day.
SETTLING = timedelta(minutes=2)


@dataclass
class Figures:
    period: Period
    visits: Visits
    activity: Activity
    coupling: Coupling
    computed_at: datetime


def figures_for(scope: Scope, period: Period, recompute: bool = False) -> Figures:
    """The kept figures, or new ones when there are none, they may have changed since, or
    `recompute` asks for them. During a request, figures past their freshness are shown as
    kept and worked out again once the response has gone (the reader never waits for a
    large period to be counted again)."""
    now = datetime.now(UTC)
    kept = db.session.get(PeriodFigures, (scope.key, period.kind, period.first_day, period.zone))
    if kept is not None and not recompute:
        if _still_good(kept.computed_at, period, now):
            return _loaded(period, kept.figures, kept.computed_at)
        if has_request_context() and current_app.config["DASHBOARD_FRESH_SECONDS"] > 0:
            _recount_after_the_response(scope, period)
            return _loaded(period, kept.figures, kept.computed_at)
    figures = Figures(
        period,
        visits_in(period, scope.key),
        activity_in(period, scope.rooms),
        coupling_in(period, scope.rooms),
        now,
    )
    _keep(scope, figures)
    return figures


def _recount_after_the_response(scope: Scope, period: Period) -> None:
    # Once per request and period (an app context, and its g, may outlive one request).
    pending = request.environ.setdefault("meetingpoint.dashboard_recounts", set())
    if (scope.key, period) in pending:
        return
    pending.add((scope.key, period))
    dispatch(recount, scope.key, period.kind, period.first_day.isoformat(), period.zone)


@job("dashboard.recount")
def recount(scope_key: str, kind: str, first_day: str, zone: str) -> None:
    """Work a period's figures out again, unless another run has just done it."""
    scope = scope_from(scope_key)
    period = period_containing(kind, date.fromisoformat(first_day), zone)
    kept = db.session.get(PeriodFigures, (scope.key, period.kind, period.first_day, period.zone))
    if kept is not None and _still_good(kept.computed_at, period, datetime.now(UTC)):
        return
    try:
        figures_for(scope, period, recompute=True)
    except SQLAlchemyError:  # the kept figures stay; the next reader asks again
        db.session.rollback()
        log.exception("dashboard figures could not be worked out again")


def forget_all() -> None:
    """Drop every kept figure (after the past itself changed, as a backfill does)."""
    db.session.execute(delete(PeriodFigures))


def _still_good(computed_at: datetime, period: Period, now: datetime) -> bool:
    if computed_at >= settled_at(period):
        return True  # worked out after the period was over: it stays as it is
    fresh = current_app.config["DASHBOARD_FRESH_SECONDS"]
    return fresh > 0 and now - computed_at < timedelta(seconds=fresh)


def settled_at(period: Period) -> datetime:
    """When nothing more can be counted in `period`: its end, and the end of the last UTC
    day its visits are counted in."""
    last_visit_day = datetime.combine(period.next_first_day, time(), UTC)
    return max(period.ends, last_visit_day) + SETTLING


def _keep(scope: Scope, figures: Figures) -> None:
    insert = postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert
    values = {
        "scope": scope.key,
        "kind": figures.period.kind,
        "first_day": figures.period.first_day,
        "zone": figures.period.zone,
        "computed_at": figures.computed_at,
        "figures": json.dumps(_as_json(figures)),
    }
    statement = insert(PeriodFigures.__table__).values(**values)
    keys = ["scope", "kind", "first_day", "zone"]
    db.session.execute(
        statement.on_conflict_do_update(
            index_elements=keys,
            set_={"computed_at": values["computed_at"], "figures": values["figures"]},
        )
    )
    db.session.commit()


def _as_json(figures: Figures) -> dict:
    visits, activity, coupling = figures.visits, figures.activity, figures.coupling
    return {
        "visits": {
            "views": visits.views,
            "visits": visits.visits,
            "days": visits.days,
            "daily": [[day.isoformat(), *counts] for day, counts in visits.daily.items()],
            "views_by_language": visits.views_by_language,
            "visits_by_language": visits.visits_by_language,
            "member_visits_by_country": visits.member_visits_by_country,
        },
        "activity": {
            "active": activity.active,
            "topics": activity.topics,
            "replies": activity.replies,
            "chat_messages": activity.chat_messages,
            "answered_topics": activity.answered_topics,
            "first_reply": activity.first_reply and activity.first_reply.total_seconds(),
        },
        "coupling": {
            "interactions": coupling.interactions,
            "pairs": coupling.pairs,
            "cross_border_pairs": coupling.cross_border_pairs,
            "south_south_pairs": coupling.south_south_pairs,
            "active": coupling.active,
            "coupled": coupling.coupled,
            "regions": [[*pair, count] for pair, count in coupling.regions.items()],
            "people": coupling.people,
            "rooms": coupling.rooms,
        },
    }


def _loaded(period: Period, text: str, computed_at: datetime) -> Figures:
    data = json.loads(text)
    visits, activity, coupling = data["visits"], data["activity"], data["coupling"]
    wait = activity.pop("first_reply")
    return Figures(
        period,
        Visits(
            views=visits["views"],
            visits=visits["visits"],
            days=visits["days"],
            daily={
                date.fromisoformat(day): (views, people) for day, views, people in visits["daily"]
            },
            views_by_language=Counter(visits["views_by_language"]),
            visits_by_language=Counter(visits["visits_by_language"]),
            member_visits_by_country=Counter(visits["member_visits_by_country"]),
        ),
        Activity(**activity, first_reply=None if wait is None else timedelta(seconds=wait)),
        Coupling(
            **{
                key: coupling[key]
                for key in (
                    "interactions",
                    "pairs",
                    "cross_border_pairs",
                    "south_south_pairs",
                    "active",
                    "coupled",
                )
            },
            regions=Counter({(a, b): count for a, b, count in coupling["regions"]}),
            people=[tuple(row) for row in coupling["people"]],
            rooms=[tuple(row) for row in coupling["rooms"]],
        ),  # fmt: skip
        computed_at,
    )
