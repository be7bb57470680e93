from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from innovations.models import Innovation, MonitoringEntry
from innovations.stages import Stage
from tests.conftest import visible_text
from tests.factories import make_innovation, make_plg


@pytest.fixture
def innovation(school, teacher_leader, teamlid):
    plg = make_plg(school, teacher_leader, members=[teamlid])
    return make_innovation(school, teacher_leader, plgs=[plg])


def test_schoolleider_creates_and_places_an_innovation(login, schoolleider, teacher_leader):
    response = login(schoolleider).post(
        reverse("innovations:create"),
        {
            "title": "Leesgesprekken",
            "aanleiding": "Leesmotivatie daalt",
            "goal": "Kinderen praten over teksten",
            "owner": teacher_leader.pk,
            "placed_on": timezone.localdate().isoformat(),
        },
        follow=True,
    )
    assert "belegd bij de eigenaar" in response.text
    innovation = Innovation.objects.get(title="Leesgesprekken")
    assert innovation.owner == teacher_leader and innovation.placed_by == schoolleider


def test_board_move_is_refused_in_place_with_the_reason(login, innovation, teacher_leader):
    innovation.stage = Stage.UITVOEREN
    innovation.save()
    response = login(teacher_leader).post(
        reverse("innovations:move", args=[innovation.pk]),
        {"to_stage": "monitoren", "from": "board"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 422
    assert 'id="board"' in response.text and "<html" not in response.text
    assert "monitoringsplan" in response.text
    # The card links to the exact part of the innovation's page that is missing.
    assert reverse("innovations:detail", args=[innovation.pk]) + "#plan-monitoring" in (
        response.text
    )
    innovation.refresh_from_db()
    assert innovation.stage == Stage.UITVOEREN


def test_a_refused_move_opens_the_section_with_what_is_missing(login, innovation, teacher_leader):
    innovation.stage = Stage.UITVOEREN
    innovation.save()
    response = login(teacher_leader).post(
        reverse("innovations:move", args=[innovation.pk]), {"to_stage": "monitoren"}
    )
    assert response.status_code == 422
    assert '<details id="plan-monitoring" open>' in response.text  # also without JavaScript
    assert '<details id="plan-borging">' in response.text
    assert 'data-open-part="plan-monitoring"' in response.text


def test_only_the_owner_moves_stages(login, innovation, schoolleider, teamlid):
    url = reverse("innovations:move", args=[innovation.pk])
    assert login(teamlid).post(url, {"to_stage": "uitvoeren"}).status_code == 403
    assert login(schoolleider).post(url, {"to_stage": "uitvoeren"}).status_code == 403


def test_plg_members_add_monitoring_with_evidence(
    login, innovation, teamlid, school, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    innovation.criteria.create(name="Uitleggen", unit="%")
    criterion = innovation.criteria.get()
    upload = SimpleUploadedFile("kijkwijzer.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = login(teamlid).post(
        reverse("innovations:monitoring_add", args=[innovation.pk]),
        {
            "observed_on": timezone.localdate().isoformat(),
            "method": "observation",
            "findings": "Zes van de acht kinderen leggen uit",
            "evidence_file": upload,
            f"criterion_{criterion.pk}": "75",
        },
        follow=True,
    )
    assert "Het monitoringsmoment is toegevoegd" in response.text
    entry = MonitoringEntry.objects.get()
    assert entry.values.get().value == 75
    download = login(teamlid).get(reverse("innovations:evidence", args=[entry.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 test"
    assert "<svg" in response.text and "Succescriteria in de tijd" in response.text


def test_monitoring_in_the_future_or_with_a_wrong_file_is_a_form_error(
    login, innovation, teacher_leader
):
    response = login(teacher_leader).post(
        reverse("innovations:monitoring_add", args=[innovation.pk]),
        {
            "observed_on": (timezone.localdate() + timedelta(days=2)).isoformat(),
            "method": "observation",
            "findings": "x",
            "evidence_file": SimpleUploadedFile("virus.exe", b"MZ"),
        },
    )
    assert response.status_code == 422
    assert "nadat die heeft plaatsgevonden" in response.text
    assert "Upload een PDF" in response.text
    assert not MonitoringEntry.objects.exists()


def test_team_members_outside_the_plg_cannot_add_monitoring(login, innovation, school):
    from tests.factories import member

    outsider = member(school, "teamlid", "buiten", "Daan Smit")
    response = login(outsider).post(
        reverse("innovations:monitoring_add", args=[innovation.pk]),
        {"observed_on": timezone.localdate().isoformat(), "method": "other", "findings": "x"},
    )
    assert response.status_code == 403


def test_history_is_for_the_schoolleider_and_the_owner(login, innovation, schoolleider, teamlid):
    url = reverse("innovations:history", args=[innovation.pk])
    assert "Verantwoordelijkheid belegd bij" in login(schoolleider).get(url).text
    assert login(teamlid).get(url).status_code == 403


def test_a_stale_edit_is_refused_and_keeps_the_text(login, innovation, teacher_leader):
    client = login(teacher_leader)
    url = reverse("innovations:edit", args=[innovation.pk])
    base = {
        "title": innovation.title,
        "aanleiding": "A",
        "goal": "B",
        "revision": innovation.revision,
    }
    client.post(url, {**base, "aanleiding": "Eerste wijziging"})
    response = client.post(url, {**base, "aanleiding": "Tweede, van een oud formulier"})
    assert response.status_code == 422
    assert "Iemand anders heeft deze innovatie gewijzigd" in response.text
    assert "Tweede, van een oud formulier" in response.text
    innovation.refresh_from_db()
    assert innovation.aanleiding == "Eerste wijziging"


def test_pace_shows_what_is_behind_and_what_was_slowed_on_purpose(
    login, innovation, teacher_leader
):
    client = login(teacher_leader)
    past = timezone.localdate() - timedelta(days=30)
    client.post(
        reverse("innovations:stage_plan", args=[innovation.pk]),
        {"stage": "uitvoeren", "planned_start": past.isoformat(), "planned_end": past.isoformat()},
    )
    text = visible_text(client.get(reverse("innovations:detail", args=[innovation.pk])))
    assert "achter op planning" in text
    assert "monitoren niet gepland nog niet" in text  # a stage nobody planned or reached yet
    assert " – nu " in text  # the stage it is in now has started and not ended
    history = visible_text(client.get(reverse("innovations:history", args=[innovation.pk])))
    assert f"Gepland uitvoeren: {past:%d-%m-%Y} – {past:%d-%m-%Y}" in history
    client.post(
        reverse("innovations:slowdown", args=[innovation.pk]),
        {"slowdown-reason": "Eerst twee groepen"},
    )
    text = visible_text(client.get(reverse("innovations:detail", args=[innovation.pk])))
    assert "Eerst twee groepen" in text


def test_another_schools_innovation_answers_404(login, innovation, other_school_leader):
    client = login(other_school_leader)
    assert client.get(reverse("innovations:detail", args=[innovation.pk])).status_code == 404
    assert (
        client.post(
            reverse("innovations:move", args=[innovation.pk]), {"to_stage": "gestopt"}
        ).status_code
        == 404
    )


def test_board_keeps_a_fixed_number_of_queries(
    login, school, teacher_leader, django_assert_max_num_queries
):
    for number in range(25):
        make_innovation(school, teacher_leader, title=f"Innovatie {number}")
    client = login(teacher_leader)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("innovations:board"))
    assert response.text.count("Innovatie ") >= 25


def add_entry(client, innovation, criterion, value, findings, upload=None):
    data = {
        "observed_on": timezone.localdate().isoformat(),
        "method": "observation",
        "findings": findings,
        f"criterion_{criterion.pk}": value,
    }
    if upload:
        data["evidence_file"] = upload
    client.post(reverse("innovations:monitoring_add", args=[innovation.pk]), data)
    return MonitoringEntry.objects.get(findings=findings)


def test_a_monitoring_entry_made_by_mistake_is_removed_with_its_file(
    login,
    innovation,
    teacher_leader,
    schoolleider,
    settings,
    tmp_path,
    django_capture_on_commit_callbacks,
):
    settings.MEDIA_ROOT = tmp_path
    criterion = innovation.criteria.create(name="Uitleggen", unit="%")
    client = login(teacher_leader)
    upload = SimpleUploadedFile("meting.pdf", b"%PDF-1.4 fout", content_type="application/pdf")
    entry = add_entry(client, innovation, criterion, "58", "Verkeerd getal ingetypt", upload)
    stored = tmp_path / entry.evidence_file.name
    assert stored.exists()
    url = reverse("innovations:monitoring_remove", args=[innovation.pk, entry.pk])
    assert url in client.get(reverse("innovations:detail", args=[innovation.pk])).text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert "Het monitoringsmoment is verwijderd." in response.text
    assert not MonitoringEntry.objects.exists() and not criterion.values.exists()
    assert not stored.exists()
    history = visible_text(
        login(schoolleider).get(reverse("innovations:history", args=[innovation.pk]))
    )
    assert "verwijderd: Verkeerd getal ingetypt" in history


def test_a_plg_member_removes_their_own_entry_but_not_the_owners(
    login, innovation, teacher_leader, teamlid
):
    criterion = innovation.criteria.create(name="Uitleggen", unit="%")
    owners = add_entry(login(teacher_leader), innovation, criterion, "70", "Van de eigenaar")
    member = login(teamlid)
    own = add_entry(member, innovation, criterion, "71", "Van het PLG-lid")
    page = member.get(reverse("innovations:detail", args=[innovation.pk])).text
    assert reverse("innovations:monitoring_remove", args=[innovation.pk, own.pk]) in page
    refused = reverse("innovations:monitoring_remove", args=[innovation.pk, owners.pk])
    assert refused not in page
    assert member.post(refused).status_code == 403
    member.post(reverse("innovations:monitoring_remove", args=[innovation.pk, own.pk]))
    assert list(MonitoringEntry.objects.values_list("findings", flat=True)) == ["Van de eigenaar"]


def test_the_owner_removes_a_success_criterion_and_its_values(login, innovation, teacher_leader):
    criterion = innovation.criteria.create(name="Foute maat", unit="%")
    client = login(teacher_leader)
    entry = add_entry(client, innovation, criterion, "50", "Meting")
    response = client.post(
        reverse("innovations:criterion_remove", args=[innovation.pk, criterion.pk]), follow=True
    )
    assert "Het succescriterium is verwijderd." in response.text
    assert not innovation.criteria.exists() and not entry.values.exists()
    assert MonitoringEntry.objects.filter(pk=entry.pk).exists()  # the observation stays
