"""A bijstelling from the chart: the dashboard's question leads to the form, the form rests
on the entries, the chart marks it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from innovations import services
from innovations.stages import Stage
from tests.factories import make_innovation

pytestmark = pytest.mark.browser


def test_a_bijstelling_is_recorded_from_the_dashboards_question_and_marked_on_the_chart(
    page_for, live_server, school, schoolleider, teacher_leader
):
    innovation = make_innovation(school, teacher_leader, title="Leesgesprekken")
    innovation.stage = Stage.MONITOREN
    innovation.save()
    criterion = services.criterion_add(
        innovation=innovation, by=None, name="Leesplezier", target=Decimal("70"), unit="%"
    )
    today = timezone.localdate()
    for value, days_ago in ((58, 21), (61, 7)):
        services.monitoring_add(
            innovation=innovation,
            by=None,
            values={criterion: Decimal(value)},
            observed_on=today - timedelta(days=days_ago),
            method="survey",
            findings=f"Enquête groep 6: {value}%",
        )

    leader = page_for("schoolleider")
    leader.goto(f"{live_server.url}/dashboard/")
    question = leader.get_by_text("Leesplezier bleef onder de streefwaarde (70)").first
    expect(question).to_be_visible()
    href = leader.get_by_role("link", name="Een bijstelling vastleggen").first.get_attribute("href")

    tl = page_for("teacher_leader")
    tl.goto(f"{live_server.url}{href}")
    form = tl.locator("#adjustment-add")
    expect(form).to_have_attribute("open", "")
    # The newest entry is ticked already; the earlier one is added.
    expect(form.get_by_label("Enquête groep 6: 61%", exact=False)).to_be_checked()
    form.get_by_label("Enquête groep 6: 58%", exact=False).check()
    form.get_by_label("Wat verandert").fill("Leeskring op vrijdagmiddag")
    form.get_by_label("Waarom").fill("Twee keer onder de 70%")
    form.get_by_role("button", name="Vastleggen").click()
    expect(tl.get_by_text("De bijstelling is vastgelegd")).to_be_visible()
    marker = tl.locator("#criteria-chart-title").locator("xpath=..").locator(".chart-marker")
    expect(marker).to_have_count(1)
    expect(marker.locator("text")).to_have_text("B1")
    expect(tl.get_by_text("Rust op de monitoring van", exact=False)).to_be_visible()

    leader.reload()
    expect(leader.get_by_text("Leesplezier bleef onder de streefwaarde (70)")).to_have_count(0)
