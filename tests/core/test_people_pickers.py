"""Who may lead here is decided by the membership *here*, in one place."""

from django.urls import reverse
from django.utils import timezone

from innovations.models import Innovation
from plg.models import PLG
from tests.factories import MembershipFactory, member
from tlschool.schools.models import Role
from tlschool.schools.selectors import people_who_may_lead, school_people


def test_a_teamlid_here_who_leads_elsewhere_may_not_lead_here(
    login, school, other_school, schoolleider, teacher_leader
):
    """Kees is teamlid in this school and teacher leader in another: he is not offered as PLG
    leader or innovation owner here, and a form that names him anyway is refused."""
    kees = member(school, Role.TEAMLID, "kees", "Kees Elders")
    MembershipFactory(user=kees, school=other_school, role=Role.TEACHER_LEADER)

    assert kees in school_people(school)
    assert kees not in people_who_may_lead(school)
    assert teacher_leader in people_who_may_lead(school)

    client = login(schoolleider)
    for name in ("plg:create", "innovations:create"):
        assert "Kees Elders" not in _field_choices(client.get(reverse(name)), name)
    plg = client.post(
        reverse("plg:create"),
        {"name": "PLG Lezen", "theme": "Lezen", "leaders": [kees.pk], "rhythm": "biweekly"},
    )
    assert plg.status_code == 422 and not PLG.objects.exists()
    innovation = client.post(
        reverse("innovations:create"),
        {
            "title": "Leesgesprekken",
            "aanleiding": "Begrijpend lezen blijft achter",
            "goal": "Kinderen praten over teksten",
            "owner": kees.pk,
            "placed_on": timezone.localdate().isoformat(),
        },
    )
    assert innovation.status_code == 422 and not Innovation.objects.exists()


def _field_choices(response, name) -> str:
    field = "leaders" if name == "plg:create" else "owner"
    form = response.context["form"]
    return " ".join(str(person) for person in form.fields[field].queryset)
