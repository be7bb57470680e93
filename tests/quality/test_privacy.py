"""AVG: inzage, vergeten, bewaartermijnen, the access log and sign-in hardening."""

import io
import json
import zipfile
import zlib
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from leaders.models import DialogueNote, TimeEntry
from plg.models import Session
from tests.conftest import PASSWORD, visible_text
from tests.quality.conftest import PRIVATE
from tests.quality.test_permissions import MATRIX, url_args
from tlschool.privacy.models import AccessLog, Departure, Erasure
from tlschool.schools import services as school_services
from tlschool.schools.models import KeptPage, Membership


def unzip(response) -> dict:
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}


def test_a_person_downloads_everything_the_school_keeps_about_them(world, client_for, teamlid):
    files = unzip(client_for(teamlid).get(reverse("overview:my_data")))
    data = json.loads(files["gegevens.json"])
    assert data["person"]["name"] == "Thomas Bakker"
    assert data["plg"]["agreements_owned"][0]["text"].startswith("Afspraak")
    assert data["plg"]["attendance"][0]["present"] is True
    assert "anoniem" in data["not_included"]
    assert "Gegevens over Thomas Bakker" in files["gegevens.html"]
    assert PRIVATE["pulse comment"] not in files["gegevens.json"]


def test_the_schoolleider_exports_a_person_and_the_export_is_logged(
    world, client_for, schoolleider, teacher_leader
):
    files = unzip(
        client_for(schoolleider).get(reverse("overview:person_export", args=[teacher_leader.pk]))
    )
    data = json.loads(files["gegevens.json"])
    assert data["leaders"]["dialogue_notes"][0]["text"] == PRIVATE["dialogue note"]
    assert data["leaders"]["roles"][0]["time_log"][0]["activity"] == PRIVATE["time line"]
    log = visible_text(client_for(teacher_leader).get(reverse("privacy:my_access")))
    assert "download van alle gegevens over een persoon" in log and "Marieke de Vries" in log


def test_looking_at_someone_elses_private_part_is_logged_and_they_see_it(
    world, client_for, schoolleider, teacher_leader
):
    client_for(teacher_leader).get(reverse("leaders:role", args=[world.role.pk]))
    assert not AccessLog.objects.exists(), "looking at your own data is not recorded"
    client_for(schoolleider).get(reverse("leaders:role", args=[world.role.pk]))
    mine = visible_text(client_for(teacher_leader).get(reverse("privacy:my_access")))
    assert "Marieke de Vries" in mine and "privédeel van een rol" in mine
    school = visible_text(client_for(schoolleider).get(reverse("privacy:school_access")))
    assert "Sanne Jansen" in school


def test_a_forgotten_colleague_is_named_nowhere(
    world, client_for, schoolleider, board_staff, teacher_leader
):
    """Sanne leaves and is forgotten: every page, export and history line is searched for her
    name and e-mail address, as the schoolleider and as board staff read them."""
    name, email = str(teacher_leader), teacher_leader.email
    Session.objects.filter(pk=world.session.pk).update(learned=f"{name} liet zien hoe het moet")
    for reader in (client_for(schoolleider), client_for(board_staff)):  # pages are kept
        for url in ("/", reverse("plg:detail", args=[world.plg.pk]), reverse("overview:board")):
            reader.get(url)
    assert any(name in zlib.decompress(page.body).decode() for page in KeptPage.objects.all())
    school_services.member_remove(
        membership=Membership.objects.get(user=teacher_leader), by=schoolleider
    )
    leader = client_for(schoolleider)
    plan = leader.get(reverse("overview:person_erase", args=[teacher_leader.pk]))
    assert "Oud-teamlid 1" in visible_text(plan)
    leader.post(reverse("overview:person_erase", args=[teacher_leader.pk]), {"remove_files": "on"})

    assert not DialogueNote.objects.filter(person=teacher_leader).exists()
    assert not TimeEntry.objects.filter(role__person=teacher_leader).exists()
    assert (
        Session.objects.get(pk=world.session.pk).learned == "Oud-teamlid 1 liet zien hoe het moet"
    )
    found = []
    for reader in (leader, client_for(board_staff)):
        for url_name in MATRIX:
            if url_name in {"logout", "password_reset_confirm"}:
                continue
            response = reader.get(reverse(url_name, args=url_args(url_name, world)))
            body = response.content.decode("utf-8-sig", errors="replace")
            if response.status_code == 200 and (name in body or email in body):
                found.append(url_name)
    assert not found, f"the forgotten name is still on {found}"
    kept = [zlib.decompress(page.body).decode() for page in KeptPage.objects.all()]
    assert not [body for body in kept if name in body or email in body]
    history = visible_text(leader.get(reverse("team_history")))
    assert "Een vertrokken collega is vergeten; de gegevens noemen nu Oud-teamlid 1" in history
    assert not client_for(schoolleider).login(username=teacher_leader.username, password=PASSWORD)
    assert Erasure.objects.get().by == schoolleider


def test_only_a_colleague_who_left_can_be_forgotten(world, client_for, schoolleider, teamlid):
    response = client_for(schoolleider).post(
        reverse("overview:person_erase", args=[teamlid.pk]), follow=True
    )
    assert "Alleen een collega die van deze school is gegaan" in visible_text(response)
    assert get_user_model().objects.get(pk=teamlid.pk).is_active


def test_retention_dry_run_then_run_then_nothing_left(world, school, teacher_leader):
    long_ago = timezone.now() - timedelta(days=400)
    Departure.objects.filter(person=world.former).update(left_at=long_ago)
    AccessLog.objects.create(school=school, viewer=teacher_leader, kind="csv_export")
    AccessLog.objects.update(at=long_ago)
    world.role.last_schooljaar = world.role.first_schooljaar - 3
    world.role.first_schooljaar -= 3
    world.role.save()

    out = io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    dry = out.getvalue()
    assert "1 dialogue notes deleted (dry run" in dry
    assert "1 former colleagues anonymised (dry run" in dry
    assert "1 access log lines deleted (dry run" in dry
    assert DialogueNote.objects.exists() and AccessLog.objects.exists()

    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    assert "1 dialogue notes deleted" in out.getvalue()
    assert not DialogueNote.objects.exists() and not AccessLog.objects.exists()
    assert get_user_model().objects.get(pk=world.former.pk).full_name == "Oud-teamlid 1"

    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    assert out.getvalue().strip() == "0 items past their retention period."


def test_a_session_ends_after_the_idle_time(client, teamlid, settings):
    import time

    client.force_login(teamlid)
    assert client.get(reverse("home")).status_code == 200
    session = client.session
    session["last_seen"] = int(time.time()) - settings.SESSION_IDLE_MINUTES * 60 - 5
    session.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert client.get(reverse("home")).status_code == 302


def test_signing_out_at_browser_close_when_asked(client, teamlid):
    client.post(
        reverse("login"),
        {"username": "teamlid", "password": PASSWORD, "end_at_browser_close": "on"},
    )
    assert client.session.get_expire_at_browser_close()


def test_changing_the_password_ends_other_sessions(client_for, teamlid):
    other_device = client_for(teamlid)
    this_device = client_for(teamlid)
    this_device.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "een-nieuw-wachtwoord-42",
            "new_password2": "een-nieuw-wachtwoord-42",
        },
    )
    assert this_device.get(reverse("home")).status_code == 200
    assert other_device.get(reverse("home")).status_code == 302


def test_every_export_and_the_year_report_are_in_the_access_log(world, client_for, schoolleider):
    reader = client_for(schoolleider)
    for name in (
        "overview:export_innovations",
        "overview:export_sessions",
        "overview:export_time",
        "overview:report",
        "overview:report_pdf",
        "overview:evidence",
        "overview:evidence_pdf",
        "overview:evidence_csv",
    ):
        before = AccessLog.objects.count()
        reader.get(reverse(name))
        assert AccessLog.objects.count() == before + 1, name


def test_the_evidence_a_person_added_is_in_their_download(world, client_for, teacher_leader):
    files = unzip(client_for(teacher_leader).get(reverse("overview:my_data")))
    evidence = [name for name in files if name.startswith("bewijs/")]
    assert len(evidence) == 1 and files[evidence[0]] == "%PDF-1.4 bewijs"


def test_the_new_pages_keep_their_number_of_queries_as_data_grows(
    world, client_for, schoolleider, teacher_leader
):
    """History, access log and privacy pages read the same number of queries for a short and
    a long history."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    reader = client_for(schoolleider)
    pages = [
        reverse("team_history"),
        reverse("leaders:history", args=[world.role.pk]),
        reverse("privacy:school_access"),
        reverse("privacy:page"),
        reverse("privacy:retention"),
        reverse("invitations"),
    ]

    def counts():
        result = []
        for page in pages:
            with CaptureQueriesContext(connection) as queries:
                assert reader.get(page).status_code == 200, page
            result.append(len(queries))
        return result

    counts()  # the first visit makes the school's retention row with its defaults
    before = counts()
    membership = Membership.objects.get(user=world.membership.user)
    for role in ("teacher_leader", "teamlid") * 5:
        school_services.member_set_role(membership=membership, role=role)
    for _look in range(10):
        reader.get(reverse("leaders:role", args=[world.role.pk]))
    from leaders import services as leader_services

    for number in range(5):
        leader_services.mandate_item_add(
            role=world.role, kind="authority", description=f"punt {number}", decision="alone"
        )
    assert counts() == before


def test_signing_in_is_in_the_download_without_secrets_and_goes_with_erasure(
    world, client_for, schoolleider, teamlid
):
    from allauth.mfa.models import Authenticator
    from allauth.socialaccount.models import SocialAccount

    SocialAccount.objects.create(
        user=teamlid,
        provider=world.provider.provider_id,
        uid="oid-thomas",
        extra_data={"oid": "oid-thomas", "tid": "tenant-a"},
    )
    Authenticator.objects.create(
        user=teamlid, type=Authenticator.Type.TOTP, data={"secret": "GEHEIMGEHEIMGEHEIM"}
    )
    files = unzip(client_for(teamlid).get(reverse("overview:my_data")))
    sign_in = json.loads(files["gegevens.json"])["sign_in"]
    assert sign_in["linked_accounts"][0]["identifier"] == "oid-thomas"
    assert sign_in["linked_accounts"][0]["kept_of_the_answer"] == {
        "oid": "oid-thomas",
        "tid": "tenant-a",
    }
    assert sign_in["second_step"] == ["authenticator-app"]
    assert "GEHEIMGEHEIMGEHEIM" not in files["gegevens.json"] + files["gegevens.html"]

    school_services.member_remove(membership=Membership.objects.get(user=teamlid), by=schoolleider)
    client_for(schoolleider).post(reverse("overview:person_erase", args=[teamlid.pk]))
    assert not SocialAccount.objects.filter(user=teamlid).exists()
    assert not Authenticator.objects.filter(user=teamlid).exists()
