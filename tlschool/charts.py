"""Small server-rendered SVG charts: coordinates computed here, drawn by includes/chart_*.html.

No external chart service and no script: every chart also gets a text alternative and a
table in its template.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.translation import get_language

WIDTH, HEIGHT = 480, 200
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 36, 12, 12, 28
PALETTE = ["#1f5f8b", "#b5522b", "#2e7d32", "#6a4c93", "#8a6d00"]


@dataclass
class Series:
    name: str
    points: list[tuple[str, float]]  # (x label, value)
    colour: str = ""
    polyline: str = ""
    dots: list[tuple[str, str, str, float]] = field(default_factory=list)
    target: float | None = None  # the streefwaarde, drawn as a dashed line
    target_y: str = ""


@dataclass
class LineChart:
    series: list[Series]
    labels: list[str]
    max_value: float
    width: int = WIDTH
    height: int = HEIGHT
    y_ticks: list[tuple[str, str]] = field(default_factory=list)
    # (x, label, text-anchor): the first and last date are anchored inside the chart.
    x_ticks: list[tuple[str, str, str]] = field(default_factory=list)
    plot_right: int = WIDTH - PAD_RIGHT
    # Moments drawn as a vertical line across the chart: (x, short label, title).
    markers: list[tuple[str, str, str]] = field(default_factory=list)
    plot_top: int = PAD_TOP
    plot_bottom: int = HEIGHT - PAD_BOTTOM

    @property
    def is_empty(self) -> bool:
        return not any(s.points for s in self.series)

    @property
    def has_targets(self) -> bool:
        return any(s.target_y for s in self.series)


def _n(value: float) -> str:
    """A coordinate for SVG: always a dot, whatever the page's language formats numbers as."""
    return f"{value:.1f}"


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if value <= step:
            return float(step)
    return float(value)


def short_month(day: date) -> str:
    """A month as the page's language writes it short: Dutch in lower case ("nov"), English
    capitalised ("Nov")."""
    return date_format(day, "b" if get_language() == "nl" else "M")


def point_label(label: str) -> str:
    """An ISO date as the page's language writes it short ("12 nov"); other labels as given."""
    try:
        day = date.fromisoformat(label)
    except ValueError:
        return label
    return f"{day.day} {short_month(day)}"


def _date_x(day: date, labels: list[str], x_of) -> float | None:
    """Where a day falls on a chart whose points are dates: between the dates around it."""
    try:
        days = [date.fromisoformat(label) for label in labels]
    except ValueError:
        return None
    if not days:
        return None
    if day <= days[0]:
        return x_of(labels[0])
    if day >= days[-1]:
        return x_of(labels[-1])
    for index in range(1, len(days)):
        if day <= days[index]:
            left, right = days[index - 1], days[index]
            share = (day - left).days / max((right - left).days, 1)
            x_left, x_right = x_of(labels[index - 1]), x_of(labels[index])
            return x_left + share * (x_right - x_left)
    return None


def line_chart(series: list[Series], markers=()) -> LineChart:
    """`markers`: (day, short label, title) of moments to mark, such as a bijstelling."""
    labels = sorted({label for s in series for label, _value in s.points})
    targets = [s.target for s in series if s.target is not None]
    peak = max([value for s in series for _label, value in s.points] + targets, default=0.0)
    top = _nice_max(peak)
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def x_of(label):
        if len(labels) == 1:
            return PAD_LEFT + inner_w / 2
        return PAD_LEFT + labels.index(label) * inner_w / (len(labels) - 1)

    def y_of(value):
        return PAD_TOP + inner_h - (value / top) * inner_h

    for index, s in enumerate(series):
        s.colour = s.colour or PALETTE[index % len(PALETTE)]
        coords = [
            (_n(x_of(label)), _n(y_of(value)), point_label(label), number_text(value))
            for label, value in s.points
        ]
        s.polyline = " ".join(f"{x},{y}" for x, y, _label, _value in coords)
        s.dots = coords
        if s.target is not None:
            s.target_y = _n(y_of(s.target))
    y_ticks = [(_n(y_of(top * f)), number_text(top * f)) for f in (0, 0.5, 1)]
    step = max(1, len(labels) // 6)
    shown = labels[::step]
    x_ticks = [
        (
            _n(x_of(label)),
            point_label(label),
            "start"
            if label == labels[0] and len(labels) > 1
            else "end"
            if label == labels[-1] and len(labels) > 1
            else "middle",
        )
        for label in shown
    ]
    marked = []
    for day, short, title in markers:
        x = _date_x(day, labels, x_of)
        if x is not None:
            marked.append((_n(x), short, title))
    return LineChart(series, labels, top, y_ticks=y_ticks, x_ticks=x_ticks, markers=marked)


@dataclass
class Bar:
    label: str
    value: float
    x: str
    y: str
    width: str
    height: str
    label_x: str = ""


@dataclass
class BarChart:
    bars: list[Bar]
    max_value: float
    width: int = WIDTH
    height: int = HEIGHT
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    # Labels longer than their bar's width are turned, so each is written in full.
    turned_labels: bool = False
    label_y: int = HEIGHT - 8


# Roughly the width of one character of the 9-px label font.
LABEL_CHAR_PX = 5.2


def bar_chart(values: list[tuple[str, float]]) -> BarChart:
    top = _nice_max(max((v for _l, v in values), default=0.0))
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    slot = inner_w / max(len(values), 1)
    longest = max((len(label) for label, _v in values), default=0) * LABEL_CHAR_PX
    turned = longest > slot * 0.95
    # Turned labels (40 degrees) need room below the bars: about two thirds of their length.
    bottom = int(longest * 0.68) + 14 if turned else PAD_BOTTOM
    height = PAD_TOP + (HEIGHT - PAD_TOP - PAD_BOTTOM) + bottom
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    bars = []
    for index, (label, value) in enumerate(values):
        bar_height = value / top * inner_h
        bars.append(
            Bar(
                label=label,
                value=value,
                x=_n(PAD_LEFT + index * slot + slot * 0.15),
                y=_n(PAD_TOP + inner_h - bar_height),
                width=_n(slot * 0.7),
                height=_n(bar_height),
                label_x=_n(PAD_LEFT + index * slot + slot / 2),
            )
        )
    y_ticks = [(_n(PAD_TOP + inner_h - f * inner_h), number_text(top * f)) for f in (0, 0.5, 1)]
    return BarChart(
        bars,
        top,
        height=height,
        y_ticks=y_ticks,
        turned_labels=turned,
        label_y=PAD_TOP + inner_h + 12,
    )


def number_text(value) -> str:
    """A number as the page's language writes it: "2,5" in Dutch."""
    if isinstance(value, Decimal):
        value = float(value)
    if float(value).is_integer():
        return str(int(value))
    return number_format(round(value, 1), decimal_pos=1)
