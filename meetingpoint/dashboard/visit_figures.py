"""The visit figures of a period: page views and visitors, by interface language and, for
signed-in members, by country and region. Visits are kept per UTC day (a visitor's hash
changes every day), so a period's visits are those of the days its calendar dates name."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from ..extensions import db
from ..geography import REGION_OF
from .models import DailyVisitor, PageViewCount
from .periods import Period


@dataclass
class Visits:
    views: int = 0
    visits: int = 0  # distinct visitors of each day, added up over the days
    days: int = 1
    daily: dict[date, tuple[int, int]] = field(default_factory=dict)  # day → (views, visitors)
    views_by_language: Counter = field(default_factory=Counter)
    visits_by_language: Counter = field(default_factory=Counter)
    member_visits_by_country: Counter = field(default_factory=Counter)

    @property
    def visitors_per_day(self) -> float:
        return self.visits / self.days

    @property
    def member_visits_by_region(self) -> Counter:
        regions: Counter = Counter()
        for country, count in self.member_visits_by_country.items():
            regions[REGION_OF.get(country, "")] += count
        regions.pop("", None)
        return regions


def visits_in(period: Period, scope: str) -> Visits:
    """The figures of the place `scope` ("" for the whole site) over `period`'s days."""
    days = (PageViewCount.day >= period.first_day, PageViewCount.day < period.next_first_day)
    figures = Visits(days=(period.next_first_day - period.first_day).days)
    views = db.session.execute(
        select(PageViewCount.day, PageViewCount.language, func.sum(PageViewCount.views))
        .where(PageViewCount.scope == scope, *days)
        .group_by(PageViewCount.day, PageViewCount.language)
    )
    daily_views: Counter = Counter()
    for day, language, count in views:
        daily_views[day] += count
        figures.views_by_language[language] += count
    visitors = db.session.execute(
        select(DailyVisitor.day, DailyVisitor.language, DailyVisitor.country, func.count())
        .where(
            DailyVisitor.scope == scope,
            DailyVisitor.day >= period.first_day,
            DailyVisitor.day < period.next_first_day,
        )
        .group_by(DailyVisitor.day, DailyVisitor.language, DailyVisitor.country)
    )
    daily_visitors: Counter = Counter()
    for day, language, country, count in visitors:
        daily_visitors[day] += count
        figures.visits_by_language[language] += count
        if country:
            figures.member_visits_by_country[country] += count
    figures.views = sum(daily_views.values())
    figures.visits = sum(daily_visitors.values())
    day, today = period.first_day, datetime.now(UTC).date()
    while day < period.next_first_day and day <= today:  # no days still to come
        figures.daily[day] = (daily_views[day], daily_visitors[day])
        day += timedelta(days=1)
    return figures
