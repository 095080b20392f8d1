"""The periods figures are counted over (a day, a week, a month, four months), as the
reader's calendar has them in their time zone, and the period just before each."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DAY, WEEK, MONTH, FOUR_MONTHS = "day", "week", "month", "four-months"
KINDS = (DAY, WEEK, MONTH, FOUR_MONTHS)


@dataclass(frozen=True)
class Period:
    kind: str
    first_day: date  # in the reader's calendar
    next_first_day: date  # the day after the last one
    zone: str

    @property
    def starts(self) -> datetime:
        """The first instant, in UTC (what stored times are compared with)."""
        return _midnight(self.first_day, self.zone)

    @property
    def ends(self) -> datetime:
        """The instant just after the last, in UTC."""
        return _midnight(self.next_first_day, self.zone)

    def previous(self) -> "Period":
        return period_containing(self.kind, self.first_day - timedelta(days=1), self.zone)


def period_containing(kind: str, day: date, zone: str = "UTC") -> Period:
    """The day, week (Monday first), month or four months (January–April, May–August,
    September–December) that `day` falls in."""
    if kind == DAY:
        first, following = day, day + timedelta(days=1)
    elif kind == WEEK:
        first = day - timedelta(days=day.weekday())
        following = first + timedelta(days=7)
    elif kind == MONTH:
        first = day.replace(day=1)
        following = _add_months(first, 1)
    elif kind == FOUR_MONTHS:
        first = date(day.year, (day.month - 1) // 4 * 4 + 1, 1)
        following = _add_months(first, 4)
    else:
        raise ValueError(f"unknown period: {kind}")
    return Period(kind, first, following, zone)


def current_period(kind: str, zone: str = "UTC", now: datetime | None = None) -> Period:
    moment = (now or datetime.now(UTC)).astimezone(ZoneInfo(zone))
    return period_containing(kind, moment.date(), zone)


def growth(now: float, before: float) -> float | None:
    """Percentage change from the period before; None when there was nothing before."""
    if not before:
        return None
    return (now - before) / before * 100


def _midnight(day: date, zone: str) -> datetime:
    return datetime.combine(day, time(), ZoneInfo(zone)).astimezone(UTC)


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
