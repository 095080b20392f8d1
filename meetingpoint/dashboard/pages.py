"""What each dashboard page is given: figures, charts and the ways to other periods."""

from flask_babel import gettext as _

from ..i18n import current_language
from . import details
from .charts import bar_chart, line_chart
from .figures import Figures, figures_for
from .periods import DAY, KINDS, period_containing
from .report import PERIOD_NAMES, headline, history, next_period, period_label
from .scopes import Scope


def overview(scope: Scope, period) -> dict:
    """The public page: totals, growth and their charts."""
    past = history(scope, period)
    now, before = past[-1], figures_before(scope, period, past)
    return {
        "scope": scope,
        "period": period,
        "period_label": period_label(period),
        "previous": period.previous(),
        "previous_label": period_label(period.previous()),
        "short_labels": (
            period_label(period, short=True),
            period_label(period.previous(), short=True),
        ),  # fmt: skip
        "next": next_period(period),
        "kinds": [(kind, PERIOD_NAMES[kind]) for kind in KINDS],
        "figures": headline(now, before),
        "now": now,
        "past": past,
        "past_labels": [period_label(each.period, short=True) for each in past],
        "computed_at": now.computed_at,
        "charts": charts(past),
    }


def staff(scope: Scope, period) -> dict:
    """The staff page: the public figures, then every breakdown."""
    context = overview(scope, period)
    now = context["now"]
    language = current_language()
    context.update(
        by_language=details.by_language(now),
        by_country=details.by_country(now),
        by_region=details.by_region(now),
        matrix=details.region_matrix(now),
        people=details.most_connected_people(now),
        rooms=details.most_connected_rooms(now, language),
    )
    context["charts"] += [
        bar_chart(_("Page views by interface language"),
                  [name for _code, name, _views, _visits in context["by_language"]],
                  {_("Page views"): [views for *_rest, views, _visits in context["by_language"]]}),
        bar_chart(_("Members' visits by region"),
                  [name for _key, name, _count in context["by_region"]],
                  {_("Visits"): [count for *_rest, count in context["by_region"]]}),
    ]  # fmt: skip
    return context


def figures_before(scope: Scope, period, past: list[Figures]) -> Figures:
    return past[-2] if len(past) > 1 else figures_for(scope, period.previous())


def charts(past: list[Figures]) -> list:
    labels = [period_label(each.period, short=True) for each in past]
    index = [None if f.coupling.index is None else f.coupling.index * 100 for f in past]
    now = past[-1]
    days = list(now.visits.daily)
    return [
        bar_chart(_("Pairs of participants who interacted"), labels, {
            _("All pairs"): [f.coupling.pairs for f in past],
            _("Across a border"): [f.coupling.cross_border_pairs for f in past],
            _("South-South"): [f.coupling.south_south_pairs for f in past],
        }),
        line_chart(_("Coupling index (%)"), labels, {_("Coupling index (%)"): index},
                   percent=True),
        bar_chart(_("Active participants"), labels,
                  {_("Active participants"): [f.activity.active for f in past]}),
        line_chart(_("Visits, day by day"),
                   [period_label(period_containing(DAY, day), short=True) for day in days], {
            _("Page views"): [now.visits.daily[day][0] for day in days],
            _("Visitors"): [now.visits.daily[day][1] for day in days],
        }, dense=True),
    ]  # fmt: skip
