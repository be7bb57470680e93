"""A bordsessie logged on a phone: the protocol's words, a few short notes, this week's
actions, in under two minutes of a person's time."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from plg.models import Protocol, Session
from tests.factories import log_session, make_plg

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# A person's time on a phone (keystroke-level model): finding and tapping a control about
# 1.5 s, typing on a phone keyboard about 3 characters a second.
SECONDS_PER_TAP = 1.5
CHARACTERS_PER_SECOND = 3


class Thumb:
    """Taps and types on the page, keeping count of what it cost the person."""

    def __init__(self, page):
        self.page, self.taps, self.characters = page, 0, 0

    def tap(self, locator):
        locator.click()
        self.taps += 1

    def type(self, locator, text):
        self.tap(locator)
        self.page.keyboard.type(text, delay=20)
        self.characters += len(text)

    @property
    def seconds(self) -> float:
        return self.taps * SECONDS_PER_TAP + self.characters / CHARACTERS_PER_SECOND


def test_a_bordsessie_is_logged_on_a_phone_in_under_two_minutes(
    page_for, live_server, school, teacher_leader, teamlid
):
    plg = make_plg(school, teacher_leader, members=[teamlid])
    log_session(
        plg,
        teacher_leader,
        held_on=timezone.localdate() - timedelta(days=7),
        agreements=[("Leesdoel op het bord in groep 4", teamlid, 0)],
    )
    tl = page_for("teacher_leader")
    tl.set_viewport_size(PHONE)
    tl.goto(f"{live_server.url}/plg/{plg.pk}/")
    thumb = Thumb(tl)
    thumb.tap(tl.get_by_role("link", name="Bijeenkomst vastleggen"))

    thumb.tap(tl.get_by_text("bordsessie", exact=True))
    # The protocol's words and its 15 minutes, without typing them.
    expect(tl.get_by_label("Doel van het bord")).to_be_visible()
    expect(tl.get_by_label("Duur (minuten)")).to_have_value("15")
    expect(tl.locator('[data-protocol-part="agreements"]')).to_have_text("Acties voor deze week")

    thumb.type(tl.get_by_label("Doel van het bord"), "Elke les een leesdoel")
    thumb.type(tl.get_by_label("Acties van vorige week: wat is gedaan"), "Groep 4 en 5 gedaan")
    thumb.type(tl.get_by_label("Wat we op het bord zien"), "Groep 6 loopt achter")
    thumb.tap(tl.get_by_label("Wat moeten leerlingen leren?"))
    thumb.tap(tl.get_by_text("Leesdoel op het bord in groep 4"))  # last week's action done
    thumb.type(tl.locator("#id_agreements-0-text"), "Leesdoel in groep 6")
    thumb.tap(tl.locator("#id_agreements-0-owner"))
    tl.locator("#id_agreements-0-owner").select_option(label="Thomas Bakker")
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    thumb.tap(tl.locator("#id_agreements-0-due_on"))
    tl.locator("#id_agreements-0-due_on").fill(due)
    thumb.tap(tl.get_by_role("button", name="Bijeenkomst opslaan"))

    expect(tl.get_by_text("De bijeenkomst is opgeslagen")).to_be_visible()
    expect(tl.get_by_role("heading", name="Acties voor deze week")).to_be_visible()
    session = Session.objects.filter(plg=plg).order_by("-pk").first()
    assert session.protocol == Protocol.BORDSESSIE and session.duration_minutes == 15
    assert session.q_learn and session.focus == "Elke les een leesdoel"
    assert session.agreements.get().text == "Leesdoel in groep 6"
    # Nothing on the phone is wider than the screen.
    assert tl.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert thumb.seconds < 120, (thumb.taps, thumb.characters, thumb.seconds)
