"""What the dashboard pages and downloads show: the period asked for, its figures beside the
period before's with the growth, the periods leading up to it, and their labels."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, available_timezones

from babel.dates import format_interval, format_skeleton
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..errors import BadRequestBecause
from .figures import Figures, figures_for
from .periods import (
    DAY,
    FOUR_MONTHS,
    KINDS,
    MONTH,
    WEEK,
    Period,
    current_period,
    growth,
    period_containing,
)
from .scopes import Scope

FIRST_DAY = date(2016, 1, 1)  # the first Academy: nothing is counted before it
HISTORY = {DAY: 14, WEEK: 8, MONTH: 6, FOUR_MONTHS: 6}  # periods the charts go back over
PERIOD_NAMES = {DAY: _l("Day"), WEEK: _l("Week"), MONTH: _l("Month"),
                FOUR_MONTHS: _l("Four months")}  # fmt: skip


@dataclass
class Figure:
    """One figure of the period beside the period before's."""

    key: str  # stable, for the downloads
    label: str
    value: float | None
    before: float | None
    unit: str = "count"  # count, share (0–1), average, hours

    @property
    def growth(self) -> float | None:
        if self.value is None or self.before is None:
            return None
        return growth(self.value, self.before)


def chosen_period(args, zone: str) -> Period:
    """The period of `?period=` (day, week, month, four-months) containing `?on=` (a date),
    the current month when they are not given; BadRequestBecause when they are wrong."""
    kind = args.get("period") or MONTH
    if kind not in KINDS:
        raise BadRequestBecause(
            _("There is no such period. Choose a day, a week, a month or four months.")
        )
    today = datetime.now(UTC).astimezone(ZoneInfo(zone)).date()
    try:
        on = date.fromisoformat(args["on"]) if args.get("on") else today
    except ValueError:
        raise BadRequestBecause(
            _("That date could not be read. Use the form year-month-day.")
        ) from None
    if not FIRST_DAY <= on <= today:
        raise BadRequestBecause(_("Figures are kept from 1 January 2016 up to today."))
    return period_containing(kind, on, zone)


def chosen_zone(args, default: str) -> str:
    zone = args.get("zone") or default
    if zone not in available_timezones():
        raise BadRequestBecause(_("That time zone is not one we know."))
    return zone


def next_period(period: Period) -> Period | None:
    """The period after, unless it has not begun yet."""
    following = period_containing(period.kind, period.next_first_day, period.zone)
    current = current_period(period.kind, period.zone)
    return following if following.first_day <= current.first_day else None


def history(scope: Scope, period: Period) -> list[Figures]:
    """The figures of `period` and of the ones before it, oldest first."""
    periods = [period]
    for _step in range(HISTORY[period.kind] - 1):
        if periods[-1].first_day <= FIRST_DAY:
            break
        periods.append(periods[-1].previous())
    return [figures_for(scope, each) for each in reversed(periods)]


def period_label(period: Period, short: bool = False) -> str:
    locale = get_locale()
    first, last = period.first_day, period.next_first_day - timedelta(days=1)
    if period.kind == DAY:
        return format_skeleton("MMMd" if short else "yMMMEd", first, locale=locale)
    if period.kind == WEEK:
        return format_interval(first, last, "MMMd" if short else "yMMMd", locale=locale)
    if period.kind == MONTH:
        return format_skeleton("yMMM" if short else "yMMMM", first, locale=locale)
    return format_interval(first, last, "yMMM", locale=locale)


def headline(now: Figures, before: Figures) -> list[Figure]:
    """The public figures: totals and shares, no person in them."""
    return [
        *_activity(now, before),
        *_coupling(now, before),
        *_visits(now, before),
    ]


def _activity(now: Figures, before: Figures) -> list[Figure]:
    a, b = now.activity, before.activity
    return [
        Figure("active_participants", _("Active participants"), a.active, b.active),
        Figure("topics", _("New topics"), a.topics, b.topics),
        Figure("replies", _("Replies"), a.replies, b.replies),
        Figure("chat_messages", _("Chat messages"), a.chat_messages, b.chat_messages),
        Figure("posts_per_participant", _("Posts and replies per participant"),
               a.posts_per_person, b.posts_per_person, "average"),
        Figure("chat_messages_per_participant", _("Chat messages per participant"),
               a.chat_per_person, b.chat_per_person, "average"),
        Figure("topics_answered", _("New topics answered by someone else"),
               a.answered_share, b.answered_share, "share"),
        Figure("hours_to_first_reply", _("Median wait for the first reply (hours)"),
               _hours(a.first_reply), _hours(b.first_reply), "hours"),
    ]  # fmt: skip


def _coupling(now: Figures, before: Figures) -> list[Figure]:
    c, d = now.coupling, before.coupling
    return [
        Figure("interactions", _("Interactions"), c.interactions, d.interactions),
        Figure("pairs", _("Pairs of participants who interacted"), c.pairs, d.pairs),
        Figure("cross_border_pairs", _("Pairs across a border"),
               c.cross_border_pairs, d.cross_border_pairs),
        Figure("south_south_pairs", _("South-South pairs across a border"),
               c.south_south_pairs, d.south_south_pairs),
        Figure("coupling_index", _("Coupling index"), c.index, d.index, "share"),
    ]  # fmt: skip


def _visits(now: Figures, before: Figures) -> list[Figure]:
    v, w = now.visits, before.visits
    return [
        Figure("page_views", _("Page views"), v.views, w.views),
        Figure("visitors_per_day", _("Visitors a day (average)"),
               v.visitors_per_day, w.visitors_per_day, "average"),
    ]  # fmt: skip


def _hours(wait: timedelta | None) -> float | None:
    return None if wait is None else wait.total_seconds() / 3600
