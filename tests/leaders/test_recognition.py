"""The team recognises the role: "ik weet wat [naam] doet en mag" on Wie leidt wat, counted
(never named) on the role page and the dashboard, and a signal when few do after four
weeks."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from leaders import services
from leaders.models import Recognition
from tests.conftest import visible_text
from tests.factories import make_role, member
from tlschool.schools.models import Role


def announce(role, by, days_ago=0):
    return services.announcement_record(
        role=role,
        by=by,
        announced_on=timezone.localdate() - timedelta(days=days_ago),
        channel="team_meeting",
        text="Sanne leidt het rekenonderwijs en kiest de rekenspellen.",
    )


def counts(text):
    """(recognised, team) as a page writes them: "1 van 3 collega's …"."""
    found = re.search(r"(\d+) van (\d+) collega's", text)
    return (int(found.group(1)), int(found.group(2))) if found else None


def test_colleagues_say_they_know_and_the_pages_count_the_same(
    client_for, school, schoolleider, teacher_leader, teamlid
):
    role = make_role(school, teacher_leader)
    colleague = member(school, Role.TEAMLID, "collega", "Lotte Visser")
    mine = client_for(teamlid)
    # Before the team was told there is nothing to know yet: no button, and a POST keeps nothing.
    assert "Ik weet wat" not in mine.get(reverse("leaders:who_leads_what")).text
    refused = mine.post(reverse("leaders:recognise", args=[role.pk]), follow=True)
    assert "Het team heeft nog niet gehoord" in refused.text
    assert not Recognition.objects.exists()

    announce(role, schoolleider)
    page = mine.get(reverse("leaders:who_leads_what")).text
    assert "Ik weet wat Sanne Jansen doet en mag" in page
    mine.post(reverse("leaders:recognise", args=[role.pk]))
    mine.post(reverse("leaders:recognise", args=[role.pk]))  # twice is once
    assert (
        "Je weet wat Sanne Jansen doet en mag" in mine.get(reverse("leaders:who_leads_what")).text
    )

    head = client_for(schoolleider)
    role_page = visible_text(head.get(reverse("leaders:role", args=[role.pk])))
    dashboard = visible_text(head.get(reverse("overview:dashboard")))
    # Colleagues: the teamlid and Lotte (the schoolleider and Sanne herself do not count).
    assert counts(role_page) == counts(dashboard) == (1, 2)
    assert "Thomas Bakker" not in role_page  # counts only: nobody is named

    client_for(colleague).post(reverse("leaders:recognise", args=[role.pk]))
    mine.post(reverse("leaders:recognise", args=[role.pk]), {"knows": "no"})
    assert counts(visible_text(head.get(reverse("leaders:role", args=[role.pk])))) == (1, 2)
    assert counts(visible_text(head.get(reverse("overview:dashboard")))) == (1, 2)


def test_few_who_know_after_four_weeks_is_a_signal(
    client_for, school, schoolleider, teacher_leader, teamlid
):
    role = make_role(school, teacher_leader)
    colleague = member(school, Role.TEAMLID, "collega", "Lotte Visser")
    head = client_for(schoolleider)
    announce(role, schoolleider, days_ago=27)
    assert "Weken na de aankondiging" not in visible_text(head.get(reverse("overview:dashboard")))
    Recognition.objects.all().delete()
    role.announcements.update(announced_on=timezone.localdate() - timedelta(days=28))
    role.save()  # the school's data changed: the dashboard's kept figures go
    signal = visible_text(head.get(reverse("overview:dashboard")))
    assert "Weken na de aankondiging zeggen 0 van 2 collega's dat ze weten wat Sanne Jansen" in (
        signal
    )
    client_for(teamlid).post(reverse("leaders:recognise", args=[role.pk]))
    # Half of the team knows now: the very next look has no signal.
    assert "Weken na de aankondiging" not in visible_text(head.get(reverse("overview:dashboard")))
    client_for(colleague).post(reverse("leaders:recognise", args=[role.pk]), {"knows": "no"})
    assert Recognition.objects.count() == 1


def test_ones_own_recognitions_are_in_ones_data_download(
    client_for, school, schoolleider, teacher_leader, teamlid
):
    import io
    import json
    import zipfile

    role = make_role(school, teacher_leader, title="Rekencoördinator")
    announce(role, schoolleider)
    mine = client_for(teamlid)
    mine.post(reverse("leaders:recognise", args=[role.pk]))
    archive = zipfile.ZipFile(io.BytesIO(mine.get(reverse("overview:my_data")).content))
    name = next(n for n in archive.namelist() if n.endswith(".json"))
    data = json.loads(archive.read(name))
    assert "Rekencoördinator" in json.dumps(data["leaders"]["recognitions"], ensure_ascii=False)
