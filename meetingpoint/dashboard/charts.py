"""Charts drawn on the server by pygal as plain SVG in the page: no script, and no inline
style (our content security policy forbids both); static/css/dashboard.css dresses them."""

import re
import sys

import pygal
from flask_babel import format_number
from markupsafe import Markup, escape
from pygal.style import Style

# pygal adds an import hook for its map plugins (which we do not use) that has no
# find_spec(): imports that reach it fail or warn (an error under our tests). Take it out.
sys.meta_path[:] = [hook for hook in sys.meta_path if type(hook).__name__ != "PluginImportFixer"]

# Sizes here place the labels; dashboard.css draws them at the same sizes.
_STYLE = Style(
    font_family="system-ui, sans-serif",
    label_font_size=15,
    major_label_font_size=15,
    value_font_size=14,
    legend_font_size=16,
    title_font_size=17,
    colors=("#1d5f8a", "#b4531a", "#2f7d32", "#6a3d9a"),
    background="transparent",
    plot_background="transparent",
)
_OPTIONS = {
    "js": [],  # no script from anywhere
    "style": _STYLE,
    "no_prefix": True,
    "disable_xml_declaration": True,
    "width": 560,
    "height": 360,
    "legend_at_bottom": True,
    "legend_at_bottom_columns": 2,
    "truncate_label": -1,
    "truncate_legend": -1,
    "show_y_guides": True,
    "margin": 12,
    "margin_bottom": 30,  # pygal sets the bottom legend a line too low without it
}
_DROPPED = re.compile(r"<style.*?</style>|<script.*?</script>|<!--.*?-->", re.DOTALL)
_INLINE_STYLE = re.compile(r'\s(?:style|id)="[^"]*"')


def bar_chart(title: str, labels: list[str], series: dict[str, list]) -> Markup:
    """Bars side by side, one colour per series (a name and its values, one per label)."""
    return _render(pygal.Bar, title, labels, series)


def line_chart(
    title: str, labels: list[str], series: dict[str, list], percent=False, dense=False
) -> Markup:
    """Lines over time; `percent` fixes the scale at 0–100, `dense` (a point per day) leaves
    the values off the points and names only a few of the days."""
    options: dict = {"range": (0, 100)} if percent else {}
    if dense:
        options |= {"print_values": False, "show_minor_x_labels": False,
                    "x_labels_major_count": 7, "dots_size": 2}  # fmt: skip
    return _render(pygal.Line, title, labels, series, **options)


def _render(kind, title: str, labels: list[str], series: dict[str, list], **options) -> Markup:
    one = len(series) == 1  # one series: its values on it and no legend; more: a legend
    chart = kind(**(_OPTIONS | {"show_legend": not one, "print_values": one} | options))
    chart.value_formatter = _number
    chart.x_labels = labels
    crowded = sum(len(label) for label in labels) > 40 and options.get("print_values") is not False
    chart.x_label_rotation = 30 if crowded else 0
    for name, values in series.items():
        chart.add(name, values)
    svg = _DROPPED.sub("", chart.render(is_unicode=True))
    svg = _INLINE_STYLE.sub("", svg)
    # The chart is one picture to assistive technology; the table beside it has the numbers.
    svg = svg.replace("<title>Pygal</title>", f"<title>{escape(title)}</title>", 1)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1)
    return Markup(f'<figure class="chart"><figcaption>{escape(title)}</figcaption>{svg}</figure>')


def _number(value) -> str:
    if value is None:
        return ""
    return format_number(round(value, 1) if isinstance(value, float) else value)
