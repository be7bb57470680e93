"""Every change is on record with who, when, and the old and new value; history pages read it
in a fixed number of queries; private notes never enter it."""

from datetime import timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from leaders import services as leader_services
from plg.models import PLG, Session
from tests.conftest import visible_text
from tests.factories import log_session, make_innovation, make_plg, make_role
from tlschool.schools.models import Membership, Role


def test_an_innovation_edit_shows_old_and_new_value_and_who(login, school, teacher_leader):
    innovation = make_innovation(school, teacher_leader, title="Drieslagmodel")
    client = login(teacher_leader)
    form = client.get(reverse("innovations:edit", args=[innovation.pk])).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(title="Drieslag in alle groepen", plgs=[], revision=innovation.revision)
    data.pop("ambition", None)
    response = client.post(reverse("innovations:edit", args=[innovation.pk]), data)
    assert response.status_code == 302, response.content.decode()[:500]
    page = visible_text(client.get(reverse("innovations:history", args=[innovation.pk])))
    assert "Titel: Drieslagmodel → Drieslag in alle groepen" in page
    assert "Sanne Jansen" in page


def test_the_role_history_holds_mandate_allotment_and_announcement(
    login, school, teacher_leader, schoolleider
):
    role = make_role(school, teacher_leader)
    item = leader_services.mandate_item_add(
        role=role, kind="authority", description="Kiest de methode", decision="alone"
    )
    leader_services.mandate_agree(role=role, by=teacher_leader, as_schoolleider=False)
    leader_services.allotment_set(role=role, schooljaar=2026, amount=Decimal("2"), unit="dagdelen")
    leader_services.allotment_set(role=role, schooljaar=2026, amount=Decimal("3"), unit="dagdelen")
    leader_services.mandate_item_remove(item=item)
    page = visible_text(login(schoolleider).get(reverse("leaders:history", args=[role.pk])))
    assert "Mandaatonderdeel Kiest de methode aangemaakt" in page
    assert "Mandaatonderdeel Kiest de methode verwijderd" in page
    assert "Hoeveelheid: 2 → 3" in page
    assert (
        "Mandaatversie 1 gewijzigd Akkoord voor de teacher leader gegeven door: — → Sanne Jansen"
        in page
    )


def test_plg_members_and_sessions_are_on_record_but_private_notes_are_not(
    login, school, teacher_leader, teamlid
):
    plg = make_plg(school, teacher_leader)
    plg.members.add(teamlid)
    log_session(plg, teacher_leader, present=[teacher_leader], private_notes="Geheim verhaal")
    page = visible_text(login(teacher_leader).get(reverse("plg:history", args=[plg.pk])))
    assert "Leden: — → Thomas Bakker" in page
    assert "Bijeenkomst van" in page
    assert "Geheim verhaal" not in page
    assert not hasattr(Session.history.model, "private_notes")


def test_team_changes_are_on_record(login, school, schoolleider, teamlid):
    membership = Membership.objects.get(user=teamlid)
    login(schoolleider).post(
        reverse("member_role", args=[membership.pk]), {"role": Role.TEACHER_LEADER}
    )
    page = visible_text(login(schoolleider).get(reverse("team_history")))
    assert "Rol: team member → teacher leader" in page or "Rol: teamlid → teacher leader" in page
    assert "Marieke de Vries" in page


def test_history_pages_keep_a_fixed_number_of_queries(login, school, teacher_leader, teamlid):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    plg = make_plg(school, teacher_leader, members=[teamlid])
    client = login(teacher_leader)
    counts = []
    for rounds in (1, 12):
        for number in range(rounds):
            log_session(plg, teacher_leader, present=[teamlid], learned=f"les {number}")
            if number % 2:
                plg.members.add(teamlid)
            else:
                plg.members.remove(teamlid)
            PLG.objects.get(pk=plg.pk).save()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("plg:history", args=[plg.pk]))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], f"queries grow with the history: {counts}"
    assert counts[1] <= 18


def test_criteria_monitoring_stage_plans_and_agreements_keep_old_and_new_values(
    login, school, teacher_leader, teamlid, schoolleider
):
    from innovations import selectors as innovation_selectors
    from innovations import services as innovation_services
    from plg import selectors as plg_selectors
    from plg.models import Agreement

    innovation = make_innovation(school, teacher_leader)
    criterion = innovation_services.criterion_add(
        innovation=innovation, by=teacher_leader, name="Uitleg", target=70
    )
    entry = innovation_services.monitoring_add(
        innovation=innovation,
        by=teacher_leader,
        values={criterion: 50},
        observed_on=timezone.localdate(),
        method="observation",
        findings="Helft legt uit",
    )
    innovation_services.monitoring_remove(entry=entry, by=teacher_leader)
    day = timezone.localdate()
    for end in (day, day + timedelta(days=30)):
        innovation_services.stage_plan_set(
            innovation=innovation, stage="uitvoeren", planned_start=day, planned_end=end
        )
    lines = innovation_selectors.innovation_history(innovation)
    said = [
        (line.subject, line.action, [(c.label, c.old, c.new) for c in line.changes])
        for line in lines
    ]
    assert ("Succescriterium Uitleg", "aangemaakt", []) in said
    assert any(s[0].startswith("Monitoring van") and s[1] == "verwijderd" for s in said)
    assert any(s[0] == "Planning voor uitvoeren" and s[1] == "gewijzigd" for s in said)

    plg = make_plg(school, teacher_leader, members=[teamlid])
    log_session(plg, teacher_leader, present=[teamlid], agreements=[("Kijkwijzer", teamlid, 3)])
    agreement = Agreement.objects.get()
    agreement.done_on = day
    agreement.save()
    lines = plg_selectors.plg_history(plg)
    assert any(
        line.subject == "Afspraak Kijkwijzer" and any(c.label == "Klaar op" for c in line.changes)
        for line in lines
    )
