from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import PASSWORD, visible_text
from tests.factories import MembershipFactory
from tlschool.schools import services
from tlschool.schools.models import Invitation, Membership, Role


def upload(client, text, name="team.csv"):
    file = SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("team_import"), {"file": file})


def test_schoolleider_invites_a_colleague_who_joins_after_accepting(
    login, schoolleider, school, client_for
):
    client = login(schoolleider)
    response = client.post(
        reverse("team"),
        {"full_name": "Lotte Visser", "email": "Lotte@School.nl", "role": Role.TEAMLID},
        follow=True,
    )
    assert "Lotte Visser is per e-mail uitgenodigd" in response.text
    assert "Uitgenodigd, nog niet geaccepteerd" in response.text
    assert not Membership.objects.filter(user__email="lotte@school.nl").exists()
    assert mail.outbox and "lotte@school.nl" in mail.outbox[0].to
    assert "/accounts/password/reset/" in mail.outbox[0].body

    lotte = Invitation.objects.get(email_given="lotte@school.nl").user
    lotte.set_password(PASSWORD)
    lotte.save()
    invited = client_for(lotte)
    page = invited.get(reverse("home"))
    assert "OBS De Regenboog nodigt je uit" in visible_text(page)
    invitation = Invitation.objects.get(user=lotte)
    invited.post(reverse("invitation_accept", args=[invitation.pk]))
    assert Membership.objects.get(user=lotte, school=school).role == Role.TEAMLID
    assert "Je werkt in OBS De Regenboog als teamlid" in visible_text(invited.get(reverse("home")))


def test_an_account_of_another_board_is_invited_never_attached(
    login, client_for, other_school_leader, other_school, school, schoolleider
):
    """A schoolleider of another board types our schoolleider's e-mail address: they see no
    name and no sign that an account exists, and our schoolleider's next sign-in opens
    their own school until they accept."""
    attacker = client_for(other_school_leader)
    response = attacker.post(
        reverse("team"),
        {"full_name": "Wie dan ook", "email": schoolleider.email, "role": Role.SCHOOLLEIDER},
        follow=True,
    )
    fresh = attacker.post(
        reverse("team"),
        {"full_name": "Wie dan ook", "email": "nieuw@elders.nl", "role": Role.SCHOOLLEIDER},
        follow=True,
    )
    for page in (response, fresh):
        text = visible_text(page)
        assert "Wie dan ook is per e-mail uitgenodigd" in text
        assert str(schoolleider) not in text
    assert not Membership.objects.filter(user=schoolleider, school=other_school).exists()

    victim = client_for(schoolleider)
    assert "Je werkt in OBS De Regenboog" in visible_text(victim.get(reverse("home")))
    invitation = Invitation.objects.get(user=schoolleider)
    victim.post(reverse("invitation_decline", args=[invitation.pk]))
    assert not Invitation.objects.filter(user=schoolleider).exists()
    assert not Membership.objects.filter(user=schoolleider, school=other_school).exists()


def test_the_csv_import_invites_and_attaches_nobody(
    client_for, other_school_leader, other_school, schoolleider
):
    attacker = client_for(other_school_leader)
    preview = upload(attacker, f"Iemand;{schoolleider.email}\nNieuw;nieuw@elders.nl\n")
    assert str(schoolleider) not in visible_text(preview)
    csv_text = preview.context["confirm"].initial["csv_text"]
    done = attacker.post(reverse("team_import"), {"csv_text": csv_text}, follow=True)
    assert "2 personen zijn per e-mail uitgenodigd" in done.text
    assert str(schoolleider) not in visible_text(done)
    assert not Membership.objects.filter(user=schoolleider, school=other_school).exists()


def test_someone_else_cannot_accept_an_invitation(client_for, teamlid, other_school_leader):
    invitation, _sent = services.member_invite(
        school=other_school_leader.memberships.get().school,
        full_name="Thomas",
        email=teamlid.email,
        role=Role.SCHOOLLEIDER,
    )
    response = client_for(other_school_leader).post(
        reverse("invitation_accept", args=[invitation.pk])
    )
    assert response.status_code == 404
    assert not Membership.objects.filter(user=teamlid, school=invitation.school).exists()


def test_the_school_last_chosen_opens_after_signing_in(client_for, teamlid, other_school):
    MembershipFactory(user=teamlid, school=other_school)  # "CBS Andere" comes first by name
    first = client_for(teamlid)
    assert "Je werkt in CBS Andere School" in visible_text(first.get(reverse("home")))
    first.post(reverse("school_switch"), {"school": other_school.pk})
    later = client_for(teamlid)
    assert "Je werkt in CBS Andere School" in visible_text(later.get(reverse("home")))


def test_adding_someone_twice_is_a_form_error(login, schoolleider, teamlid):
    response = login(schoolleider).post(
        reverse("team"),
        {"full_name": "Thomas Bakker", "email": teamlid.email, "role": Role.TEAMLID},
    )
    assert response.status_code == 422
    assert "is al lid van deze school" in response.text


def test_inviting_someone_twice_is_a_form_error(login, schoolleider):
    client = login(schoolleider)
    data = {"full_name": "Lotte Visser", "email": "lotte@school.nl", "role": Role.TEAMLID}
    client.post(reverse("team"), data)
    response = client.post(reverse("team"), data)
    assert response.status_code == 422
    assert "is al uitgenodigd" in response.text


def test_schoolleider_changes_a_role(login, schoolleider, teamlid):
    membership = Membership.objects.get(user=teamlid)
    login(schoolleider).post(
        reverse("member_role", args=[membership.pk]), {"role": Role.TEACHER_LEADER}
    )
    membership.refresh_from_db()
    assert membership.role == Role.TEACHER_LEADER


def test_csv_import_shows_a_preview_then_imports_on_confirm(login, schoolleider, school):
    client = login(schoolleider)
    text = "naam;e-mail;rol\nLotte Visser;lotte@school.nl;teamlid\nDaan Smit;daan@school.nl;teacher leader\n"
    preview = upload(client, text)
    assert preview.status_code == 200
    assert "Lotte Visser" in preview.text and "Daan Smit" in preview.text
    assert Membership.objects.filter(school=school).count() == 1  # nothing saved yet

    csv_text = preview.context["confirm"].initial["csv_text"]
    response = client.post(reverse("team_import"), {"csv_text": csv_text}, follow=True)
    assert "2 personen zijn per e-mail uitgenodigd" in response.text
    assert Invitation.objects.get(email_given="daan@school.nl").role == Role.TEACHER_LEADER


def test_csv_with_bad_lines_names_each_and_imports_nothing(login, schoolleider, school):
    text = (
        "Lotte Visser,lotte@school.nl\n"
        ",zonder-naam@school.nl\n"
        "Daan Smit,geen-adres\n"
        "Lotte Twee,lotte@school.nl\n"
        "Eva,eva@school.nl,koning\n"
    )
    response = upload(login(schoolleider), text)
    assert response.status_code == 422
    assert "Er is niets geïmporteerd" in response.text
    assert "Regel 2" in response.text and "De naam ontbreekt" in response.text
    assert "Regel 3" in response.text and "geen-adres" in response.text
    assert "Regel 4" in response.text and "staat al op regel 1" in response.text
    assert "Regel 5" in response.text and "koning" in response.text
    assert Membership.objects.filter(school=school).count() == 1


def test_confirming_a_tampered_csv_still_imports_nothing(login, schoolleider, school):
    response = login(schoolleider).post(
        reverse("team_import"), {"csv_text": "Goed,goed@school.nl\nFout,fout"}
    )
    assert response.status_code == 422
    assert Membership.objects.filter(school=school).count() == 1


def test_a_file_that_is_not_text_is_refused_clearly(login, schoolleider):
    response = upload(login(schoolleider), "", name="leeg.csv")
    assert response.status_code == 422
    assert "Het verstuurde bestand is leeg" in response.text


def test_a_mail_server_that_is_down_does_not_undo_adding_a_colleague(login, schoolleider, settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 2},
        }
    }
    response = login(schoolleider).post(
        reverse("team"),
        {"full_name": "Daan Smit", "email": "daan@school.nl", "role": Role.TEAMLID},
        follow=True,
    )
    assert "kon niet worden verstuurd" in response.text
    assert Invitation.objects.filter(email_given="daan@school.nl").exists()


def test_imported_colleagues_are_invited_and_can_ask_for_a_new_link(login, schoolleider, client):
    from django.core import mail

    client = login(schoolleider)
    preview = upload(client, "Lotte Visser;lotte@school.nl\n")
    client.post(
        reverse("team_import"), {"csv_text": preview.context["confirm"].initial["csv_text"]}
    )
    assert [message.to for message in mail.outbox] == [["lotte@school.nl"]]
    client.logout()
    client.post(reverse("password_reset"), {"email": "lotte@school.nl"})
    assert len(mail.outbox) == 2 and "/accounts/password/reset/" in mail.outbox[1].body


def test_schoolleider_removes_an_ambition_and_roles_keep_their_text(
    login, schoolleider, ambition, teacher_leader, school
):
    from tests.factories import make_role

    role = make_role(school, teacher_leader, ambition=ambition)
    response = login(schoolleider).post(reverse("ambition_remove", args=[ambition.pk]), follow=True)
    assert "De ambitie Sterk rekenonderwijs is verwijderd" in response.text
    role.refresh_from_db()
    assert role.ambition is None and role.focus
