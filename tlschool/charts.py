"""Small server-rendered SVG charts: coordinates computed here, drawn by includes/chart_*.html.

No external chart service and no script: every chart also gets a text alternative and a
table in its template.
"""

from dataclasses import dataclass, field
from decimal import Decimal

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


@dataclass
class LineChart:
    series: list[Series]
    labels: list[str]
    max_value: float
    width: int = WIDTH
    height: int = HEIGHT
    y_ticks: list[tuple[str, str]] = field(default_factory=list)
    x_ticks: list[tuple[str, str]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(s.points for s in self.series)


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


def line_chart(series: list[Series]) -> LineChart:
    labels = sorted({label for s in series for label, _value in s.points})
    peak = max((value for s in series for _label, value in s.points), default=0.0)
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
        coords = [(_n(x_of(label)), _n(y_of(value)), label, value) for label, value in s.points]
        s.polyline = " ".join(f"{x},{y}" for x, y, _label, _value in coords)
        s.dots = coords
    y_ticks = [(_n(y_of(top * f)), _fmt(top * f)) for f in (0, 0.5, 1)]
    step = max(1, len(labels) // 6)
    x_ticks = [(_n(x_of(label)), label) for label in labels[::step]]
    return LineChart(series, labels, top, y_ticks=y_ticks, x_ticks=x_ticks)


@dataclass
class Bar:
    label: str
    value: float
    x: str
    y: str
    width: str
    height: str


@dataclass
class BarChart:
    bars: list[Bar]
    max_value: float
    width: int = WIDTH
    height: int = HEIGHT
    y_ticks: list[tuple[float, str]] = field(default_factory=list)


def bar_chart(values: list[tuple[str, float]]) -> BarChart:
    top = _nice_max(max((v for _l, v in values), default=0.0))
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    slot = inner_w / max(len(values), 1)
    bars = []
    for index, (label, value) in enumerate(values):
        height = value / top * inner_h
        bars.append(
            Bar(
                label=label,
                value=value,
                x=_n(PAD_LEFT + index * slot + slot * 0.15),
                y=_n(PAD_TOP + inner_h - height),
                width=_n(slot * 0.7),
                height=_n(height),
            )
        )
    y_ticks = [(_n(PAD_TOP + inner_h - f * inner_h), _fmt(top * f)) for f in (0, 0.5, 1)]
    return BarChart(bars, top, y_ticks=y_ticks)


def _fmt(value) -> str:
    if isinstance(value, Decimal):
        value = float(value)
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
