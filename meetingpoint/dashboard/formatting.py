"""Figures as the reader writes numbers: counts, shares, averages and growth in their locale."""

from decimal import Decimal

from babel import numbers
from flask import request, url_for
from flask_babel import format_decimal, format_number, format_percent, get_locale

from . import bp

MISSING = "—"  # no figure: nothing to divide by, or no earlier period


@bp.app_template_global()
def format_figure(value, unit: str = "count") -> str:
    if value is None:
        return MISSING
    if unit == "share":
        return format_percent(value)
    if unit in ("average", "hours"):
        return format_decimal(round(value, 1))
    return format_number(value)


@bp.app_template_global()
def format_growth(value) -> str:
    """+12.5 %, −3 %, 0 %: the change from the period before, in the reader's locale."""
    if value is None:
        return MISSING
    rounded = round(value, 1)
    sign = "+" if rounded > 0 else "−" if rounded < 0 else ""
    share = Decimal(str(abs(rounded))) / 100  # exactly 0.056, not 0.055999…
    return sign + numbers.format_percent(share, locale=get_locale(), decimal_quantization=False)


@bp.app_template_global()
def dashboard_link(**changes) -> str:
    """This page again with some of its choices changed (period, date, place, zone)."""
    arguments = {**request.args.to_dict(), **changes}
    return url_for(request.endpoint, **{k: v for k, v in arguments.items() if v})
