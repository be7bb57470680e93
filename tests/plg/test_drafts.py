"""Nothing typed is lost: one's draft comes back in place, one draft per person per PLG, and
two tabs of one's own draft are no conflict."""

import pytest
from django.urls import reverse

from plg.models import Session, SessionStatus
from tests.factories import make_plg, member
from tests.plg.test_sessions import session_data
from tlschool.schools.models import Role


@pytest.fixture
def plg(school, teacher_leader, teamlid):
    return make_plg(school, teacher_leader, members=[teamlid])


HX = {"HX-Request": "true"}


def autosave(client, plg, **fields):
    return client.post(
        reverse("plg:session_autosave", args=[plg.pk]),
        session_data(plg, [], **fields),
        headers=HX,
    )


def test_reopening_the_form_brings_the_draft_back_in_place(login, plg, teacher_leader):
    client = login(teacher_leader)
    autosave(client, plg, tried="Rekenspel met dobbelstenen", learned="Te moeilijk", form_key="")
    draft = Session.objects.get(plg=plg)
    page = client.get(reverse("plg:session_new", args=[plg.pk]))
    assert page.context["session"] == draft
    assert "Rekenspel met dobbelstenen</textarea>" in page.text
    assert "Te moeilijk</textarea>" in page.text
    assert reverse("plg:session_edit", args=[plg.pk, draft.pk]) in page.text
    assert "is terug; ga verder waar je was" in page.text
    assert "concept" not in " ".join(
        a for a in page.text.split('class="alert') if "alert-info" in a
    )


def test_a_second_new_form_keeps_to_the_one_draft(login, plg, teacher_leader):
    """Two tabs opened before the first autosave, or an old page: still one draft."""
    client = login(teacher_leader)
    first = client.get(reverse("plg:session_new", args=[plg.pk])).context["form_key"]
    autosave(client, plg, tried="Eerste tab", form_key=str(first))
    other = client.get(reverse("plg:session_new", args=[plg.pk]))  # the draft, in place
    assert other.context["session"] is not None
    autosave(client, plg, tried="Tweede tab", form_key="a3b1c2d4-0000-4000-8000-000000000000")
    assert list(Session.objects.values_list("status", "tried")) == [
        (SessionStatus.DRAFT, "Tweede tab")
    ]


def test_two_tabs_of_ones_own_draft_are_no_conflict(login, plg, teacher_leader):
    client = login(teacher_leader)
    autosave(client, plg, tried="Begin")
    draft = Session.objects.get(plg=plg)
    opened_at = draft.revision
    autosave(client, plg, tried="Tab een", session_id=draft.pk, revision=opened_at)
    later = autosave(client, plg, tried="Tab twee", session_id=draft.pk, revision=opened_at)
    assert "Concept bewaard om" in later.text
    assert "Iemand anders" not in later.text
    draft.refresh_from_db()
    assert draft.tried == "Tab twee"


def test_someone_elses_save_in_between_is_still_a_conflict(login, plg, teacher_leader, school):
    co_leader = member(school, Role.TEACHER_LEADER, "coleider", "Sanne de Wit")
    plg.leaders.add(co_leader)
    mine = login(teacher_leader)
    autosave(mine, plg, tried="Mijn begin")
    draft = Session.objects.get(plg=plg)
    opened_at = draft.revision
    theirs = session_data(plg, [], tried="Hun aanvulling", session_id=draft.pk, revision=opened_at)
    login(co_leader).post(reverse("plg:session_autosave", args=[plg.pk]), theirs, headers=HX)
    late = autosave(
        login(teacher_leader), plg, tried="Mijn vervolg", session_id=draft.pk, revision=opened_at
    )
    assert "Iemand anders heeft deze bijeenkomst opgeslagen" in late.text
    draft.refresh_from_db()
    assert draft.tried == "Hun aanvulling"


def test_a_co_leaders_draft_is_named_not_restored(login, plg, teacher_leader, school):
    co_leader = member(school, Role.TEACHER_LEADER, "coleider", "Sanne de Wit")
    plg.leaders.add(co_leader)
    autosave(login(co_leader), plg, tried="Sanne schrijft")
    page = login(teacher_leader).get(reverse("plg:session_new", args=[plg.pk]))
    assert page.context["session"] is None
    assert "Sanne de Wit schrijft de bijeenkomst van" in page.text
    assert "Sanne schrijft</textarea>" not in page.text
