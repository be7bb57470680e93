import re

from django.template.loader import render_to_string
from django.utils import translation

from tlschool.charts import Series, bar_chart, line_chart


def coordinates(svg):
    return re.findall(r'\b(?:x|y|cx|cy|width|height|x1|x2|y1|y2)="([^"]*)"', svg)


def test_chart_coordinates_stay_numbers_for_svg_in_dutch():
    chart = line_chart([Series("Uitleggen", [("2026-09-01", 40.5), ("2026-10-01", 85.0)])])
    with translation.override("nl"):
        svg = render_to_string(
            "includes/chart_line.html",
            {"chart": chart, "chart_id": "c", "title": "t", "description": "d"},
        )
    values = coordinates(svg)
    assert values and all(re.fullmatch(r"-?\d+(\.\d+)?", value) for value in values), values
    assert 'points="36.0,' in svg  # the first point sits on the left edge


def test_bars_scale_to_the_largest_value():
    chart = bar_chart([("sep", 2), ("okt", 8), ("nov", 0)])
    heights = [float(bar.height) for bar in chart.bars]
    assert chart.max_value == 10.0
    assert heights[1] == 4 * heights[0] and heights[2] == 0
