"""Printing a borgingskaart: from the quality handbook to the card, its PDF downloaded in the
browser and turned into an image of one A4 page."""

import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS
from tests.innovations.test_borging import anchored

pytestmark = pytest.mark.browser


def test_a_borgingskaart_is_found_in_the_handbook_and_printed_as_one_a4_page(
    page_for, live_server, school, teacher_leader, teamlid, tmp_path
):
    card = anchored(school, teacher_leader, teamlid, "Vrij lezen", "Lezen", -2)
    member = page_for("teamlid")
    member.goto(f"{live_server.url}/innovations/")
    member.get_by_role("link", name="Kwaliteitshandboek").click()
    expect(member.get_by_role("heading", name="Lezen")).to_be_visible()
    expect(member.get_by_text("te laat")).to_be_visible()
    member.get_by_role("link", name="Vrij lezen").click()
    expect(member.get_by_role("heading", name="Borgingskaart: Vrij lezen")).to_be_visible()

    # Its guardian records the overdue review; the card keeps it.
    member.get_by_text("Een evaluatie vastleggen").click()
    member.get_by_label("Wat de evaluatie opleverde").fill("Alle groepen lezen elke ochtend")
    next_review = timezone.localdate() + timedelta(days=120)
    member.get_by_label("Volgende evaluatie").fill(next_review.isoformat())
    member.get_by_role("button", name="Vastleggen").click()
    expect(member.get_by_text("De evaluatie is vastgelegd.")).to_be_visible()
    expect(member.get_by_text("Alle groepen lezen elke ochtend")).to_be_visible()

    with member.expect_download() as download:
        member.get_by_role("link", name="PDF (A4)").click()
    pdf = tmp_path / "kaart.pdf"
    download.value.save_as(pdf)
    ARTIFACTS.mkdir(exist_ok=True)
    image = ARTIFACTS / f"borgingskaart-{card.pk}"
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(image)], check=True)
    pages = sorted(ARTIFACTS.glob(f"borgingskaart-{card.pk}*.png"))
    assert len(pages) == 1  # one page
    from PIL import Image

    with Image.open(pages[0]) as png:
        width, height = png.size
        assert abs(height / width - 297 / 210) < 0.01  # A4 upright
        # Ink in the top half (the card) and not a blank page.
        top = png.convert("L").crop((0, 0, width, height // 2))
        assert top.getextrema()[0] < 100
    for page in pages:
        page.unlink()
