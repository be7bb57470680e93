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


def render(template, chart):
    return render_to_string(
        f"includes/{template}.html",
        {"chart": chart, "chart_id": "c", "title": "t", "description": "d"},
    )


def test_the_monitoring_chart_writes_dutch_dates_and_draws_the_streefwaarde():
    with translation.override("nl"):
        chart = line_chart(
            [Series("Uitleggen", [("2026-11-12", 40.5), ("2026-12-03", 62.0)], target=80.0)]
        )
        svg = render("chart_line", chart)
    assert [label for _x, label, _anchor in chart.x_ticks] == ["12 nov", "3 dec"]
    # The first and the last date are written inside the chart, not cut off at its edges.
    assert [anchor for _x, _label, anchor in chart.x_ticks] == ["start", "end"]
    assert "2026-11-12" not in svg and "40,5" in svg
    target_line = re.search(r'<line [^>]*stroke-dasharray="6 4"[^>]*>', svg).group(0)
    top = chart.max_value
    assert top == 100.0  # the target counts when the scale is chosen
    y = float(re.search(r'y1="([\d.]+)"', target_line).group(1))
    assert abs(y - (12 + 160 - 0.8 * 160)) < 0.1
    assert "streefwaarde" in svg


def test_bar_labels_are_written_in_full_and_turned_when_they_do_not_fit():
    stages = ["voorbereiden", "uitvoeren", "monitoren", "bijstellen", "borgen", "geborgd"]
    chart = bar_chart([(name, 1) for name in stages] + [("gepauzeerd", 0), ("gestopt", 2)])
    svg = render("chart_bars", chart)
    for name in stages:
        assert f">{name}</text>" in svg
    assert chart.turned_labels and "rotate(-40" in svg
    assert chart.height > 200  # room below the bars for the turned names
    months = bar_chart([("sep", 2), ("okt", 8)])
    assert not months.turned_labels and "rotate" not in render("chart_bars", months)
