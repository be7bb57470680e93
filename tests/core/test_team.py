from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tlschool.schools.models import Membership, Role


def upload(client, text, name="team.csv"):
    file = SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("team_import"), {"file": file})


def test_schoolleider_adds_a_colleague_who_is_invited(login, schoolleider):
    client = login(schoolleider)
    response = client.post(
        reverse("team"),
        {"full_name": "Lotte Visser", "email": "Lotte@School.nl", "role": Role.TEAMLID},
        follow=True,
    )
    assert "Lotte Visser is toegevoegd" in response.text
    assert Membership.objects.filter(user__email="lotte@school.nl", role=Role.TEAMLID).exists()
    assert mail.outbox and "lotte@school.nl" in mail.outbox[0].to


def test_adding_someone_twice_is_a_form_error(login, schoolleider, teamlid):
    response = login(schoolleider).post(
        reverse("team"),
        {"full_name": "Thomas Bakker", "email": teamlid.email, "role": Role.TEAMLID},
    )
    assert response.status_code == 422
    assert "is al lid van deze school" in response.text


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
    assert "2 personen zijn aan het team toegevoegd" in response.text
    assert Membership.objects.get(user__email="daan@school.nl").role == Role.TEACHER_LEADER


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
    assert Membership.objects.filter(user__email="daan@school.nl").exists()


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
