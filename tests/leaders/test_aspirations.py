"""Aspiring teacher leaders: a colleague says they would like to grow into the role, the
schoolleider encourages with steps, and the way there comes along into the role."""

from django.urls import reverse
from django.utils import timezone

from leaders import privacy
from leaders.models import Aspiration, GrowthStep
from tests.conftest import visible_text
from tests.factories import make_role, member
from tlschool.schools.models import Role


def test_a_colleague_grows_into_the_role_with_their_history(
    client_for, school, schoolleider, teamlid
):
    other = member(school, Role.TEAMLID, "collega", "Lotte Visser")
    mine = client_for(teamlid)
    assert "Wil je zelf groeien naar zo'n rol?" in mine.get(reverse("leaders:who_leads_what")).text
    mine.post(
        reverse("leaders:aspiration"),
        {"theme": "Rekenen", "why": "Ik wil het drieslagmodel in de bovenbouw trekken."},
    )
    head = client_for(schoolleider)
    assert "1 collega wil groeien" in visible_text(head.get(reverse("leaders:who_leads_what")))
    page = visible_text(head.get(reverse("leaders:aspirations")))
    assert "Thomas Bakker · Rekenen" in page and "drieslagmodel in de bovenbouw" in page
    wish = Aspiration.objects.get()
    head.post(
        reverse("leaders:growth_step_add", args=[wish.pk]),
        {
            "kind": "co_lead",
            "description": "PLG Rekenen samen met Sanne leiden",
            "taken_on": timezone.localdate().isoformat(),
        },
    )
    assert "PLG Rekenen samen met Sanne leiden" in visible_text(
        mine.get(reverse("leaders:aspiration"))
    )
    # Between the two of them: another colleague reads nothing of it.
    assert client_for(other).get(reverse("leaders:aspirations")).status_code == 403
    assert (
        "drieslagmodel in de bovenbouw"
        not in client_for(other).get(reverse("leaders:who_leads_what")).text
    )

    role = make_role(school, teamlid, title="Rekencoördinator bovenbouw")
    for reader in (head, mine):
        text = visible_text(reader.get(reverse("leaders:role", args=[role.pk])))
        assert "De weg naar deze rol" in text and "PLG Rekenen samen met Sanne leiden" in text
    colleague_view = visible_text(client_for(other).get(reverse("leaders:role", args=[role.pk])))
    assert "De weg naar deze rol" not in colleague_view


def test_a_wish_taken_back_goes_with_its_steps_and_is_private_data(
    client_for, school, schoolleider, teamlid
):
    mine = client_for(teamlid)
    mine.post(reverse("leaders:aspiration"), {"theme": "Lezen", "why": "Leesplezier."})
    wish = Aspiration.objects.get()
    GrowthStep.objects.create(
        aspiration=wish, kind="course", description="Leescoördinator", taken_on=timezone.localdate()
    )
    rows = privacy.private_data(school=school, person=teamlid)
    assert any(queryset.filter(pk=wish.pk).exists() for queryset in rows.values())
    assert privacy.person_data(school=school, person=teamlid)["aspiration"][0]["steps"]
    mine.post(reverse("leaders:aspiration"), {"withdraw": "1"})
    assert not Aspiration.objects.exists() and not GrowthStep.objects.exists()
