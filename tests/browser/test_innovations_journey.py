import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.factories import make_innovation, make_plg

pytestmark = pytest.mark.browser


def submit_move(page, stage):
    move = page.locator("#move")
    move.get_by_label("Verplaatsen naar").select_option(label=stage)
    move.get_by_role("button", name="Verplaatsen").click()


def test_owner_carries_an_innovation_from_uitvoeren_to_borgen(
    page_for, live_server, school, teacher_leader, teamlid
):
    plg = make_plg(school, teacher_leader, members=[teamlid])
    innovation = make_innovation(school, teacher_leader, plgs=[plg])
    owner = page_for("teacher_leader")
    owner.goto(f"{live_server.url}/innovations/{innovation.pk}/")
    assert_accessible(owner)
    submit_move(owner, "uitvoeren")
    expect(owner.get_by_text("De fase is gewijzigd")).to_be_visible()

    # Monitoren without a plan is refused in place, with the reason.
    submit_move(owner, "monitoren")
    expect(owner.locator("#move")).to_contain_text("Schrijf vóór monitoren het monitoringsplan")
    expect(owner.get_by_role("heading", level=1)).to_contain_text("uitvoeren")
    # ... and the section with what is missing is opened, marked, and has the focus.
    expect(owner.locator("#plan-monitoring")).to_have_attribute("open", "")
    expect(owner.locator("#plan-monitoring")).to_have_class("needs-attention")
    expect(owner.get_by_label("Wat we monitoren")).to_be_focused()
    owner.get_by_label("Wat we monitoren").fill("Hoe kinderen hun aanpak uitleggen")
    owner.locator("#id_mplan-monitoring_how").fill("Lesbezoek met kijkwijzer")
    owner.get_by_label("Wanneer").fill("Elke zes weken")
    owner.get_by_label("Wat we monitoren").locator("xpath=ancestor::form").get_by_role(
        "button", name="Opslaan"
    ).click()
    expect(owner.get_by_text("Monitoringsplan opgeslagen")).to_be_visible()
    submit_move(owner, "monitoren")
    expect(owner.get_by_role("heading", level=1)).to_contain_text("monitoren")

    owner.get_by_text("Monitoringsmoment toevoegen").click()
    owner.get_by_label("Methode").select_option(label="lesbezoek")
    owner.get_by_label("Bevindingen").fill("Zes van de acht kinderen leggen uit")
    owner.get_by_role("button", name="Toevoegen").first.click()
    expect(owner.get_by_text("Het monitoringsmoment is toegevoegd")).to_be_visible()

    owner.locator("#move").get_by_text("Bijstellen: wat verandert en waarom").click()
    owner.get_by_label("Bijstellen: wat verandert").fill("Kleinere groepjes")
    owner.get_by_label("Bijstellen: waarom").fill("Dan komt iedereen aan het woord")
    submit_move(owner, "bijstellen")
    expect(owner.get_by_role("heading", level=1)).to_contain_text("bijstellen")
    expect(owner.get_by_text("Kleinere groepjes")).to_be_visible()
    submit_move(owner, "monitoren")
    # Wait for the page the move loads before opening a section on it.
    expect(owner.get_by_role("heading", level=1)).to_contain_text("monitoren")

    owner.get_by_text("Borgingsplan schrijven").click()
    owner.get_by_label("Borgingsafspraken").fill("Elke rekenles start met het drieslagmodel")
    owner.get_by_label("Verankerd in").select_option(label="kwaliteitskaart")
    owner.get_by_label("Bewaakt door").select_option(label="Sanne Jansen")
    owner.get_by_label("Evaluatiedatum").fill(
        timezone.localdate().replace(year=timezone.localdate().year + 1).isoformat()
    )
    owner.get_by_label("Borgingsafspraken").locator("xpath=ancestor::form").get_by_role(
        "button", name="Opslaan"
    ).click()
    expect(owner.get_by_text("Borgingsplan opgeslagen")).to_be_visible()
    submit_move(owner, "borgen")
    expect(owner.get_by_role("heading", level=1)).to_contain_text("borgen")
    assert_accessible(owner)


def test_removing_a_monitoring_entry_asks_first(
    page_for, live_server, school, teacher_leader, teamlid
):
    from innovations import services

    innovation = make_innovation(school, teacher_leader)
    services.monitoring_add(
        innovation=innovation,
        by=teacher_leader,
        values={},
        observed_on=timezone.localdate(),
        method="observation",
        findings="Per ongeluk twee keer ingevoerd",
    )
    owner = page_for("teacher_leader")
    owner.goto(f"{live_server.url}/innovations/{innovation.pk}/")
    remove = owner.get_by_role("button", name="verwijderen")
    asked = []

    def answer(dialog, accept):
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    owner.once("dialog", lambda dialog: answer(dialog, accept=False))
    remove.click()
    expect(owner.get_by_text("Per ongeluk twee keer ingevoerd")).to_be_visible()
    owner.once("dialog", lambda dialog: answer(dialog, accept=True))
    remove.click()
    expect(owner.get_by_text("Het monitoringsmoment is verwijderd.")).to_be_visible()
    expect(owner.get_by_text("Per ongeluk twee keer ingevoerd")).to_have_count(0)
    assert len(asked) == 2 and "met de gemeten waarden verwijderen?" in asked[0]
