"""The school's holidays from the government's table for its region; each person's language
on every device and in their e-mails."""

import json
from datetime import date, timedelta
from io import StringIO

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from tests.factories import SchoolFactory
from tlschool.reminders import holiday_import, rules
from tlschool.reminders.models import Holiday, Kind
from tlschool.reminders.tasks import send_reminders

THURSDAY = date(2026, 11, 19)


def region(name, first, last):
    """One region's dates as the government writes them: midnight in the Netherlands, in UTC."""
    return {
        "region": name,
        "startdate": (first - timedelta(days=1)).isoformat() + "T23:00:00.000Z",
        "enddate": (last - timedelta(days=1)).isoformat() + "T23:00:00.000Z",
    }


def table(*years) -> bytes:
    documents = [
        {
            "id": f"doc-{year}",
            "type": "schoolholidays",
            "content": [
                {
                    "title": f"Schoolvakanties {year}",
                    "schoolyear": f" {year} ",
                    "vacations": vacations,
                }
            ],
        }
        for year, vacations in years
    ]
    return json.dumps(documents if len(documents) > 1 else documents[0]).encode()


AUTUMN = (
    "2026-2027",
    [
        {
            "type": " Herfstvakantie ",
            "compulsorydates": "true",
            "regions": [
                region("noord", date(2026, 10, 17), date(2026, 10, 25)),
                region("midden", date(2026, 10, 17), date(2026, 10, 25)),
                region("zuid", date(2026, 10, 10), date(2026, 10, 18)),
            ],
        },
        {
            "type": "Kerstvakantie\r\n",
            "compulsorydates": "true",
            "regions": [region("heel Nederland", date(2026, 12, 19), date(2027, 1, 3))],
        },
    ],
)
NEXT_YEAR = (
    "2027-2028",
    [
        {
            "type": "Herfstvakantie",
            "compulsorydates": "false",
            "regions": [region("zuid", date(2027, 10, 16), date(2027, 10, 24))],
        }
    ],
)


def upload(content: bytes, name="schoolvakanties.json"):
    return SimpleUploadedFile(name, content, content_type="application/json")


def held(school):
    return list(school.holidays.values_list("name", "first_day", "last_day"))


def test_the_table_is_read_in_dutch_dates_for_every_region():
    found = holiday_import.read_table(table(AUTUMN))
    zuid = {(h.name, h.first_day, h.last_day) for h in found if h.region == "zuid"}
    assert zuid == {
        ("Herfstvakantie", date(2026, 10, 10), date(2026, 10, 18)),
        ("Kerstvakantie", date(2026, 12, 19), date(2027, 1, 3)),
    }
    # "heel Nederland" belongs to each region.
    assert {h.region for h in found if h.name == "Kerstvakantie"} == {"noord", "midden", "zuid"}
    assert holiday_import.school_years(found) == ["2026-2027"]


def test_the_schoolleider_fills_in_the_regions_holidays_once(login, school, schoolleider):
    client = login(schoolleider)
    Holiday.objects.create(
        school=school, name="Studiedag", first_day=date(2026, 11, 20), last_day=date(2026, 11, 20)
    )
    page = reverse("reminders:holidays")
    fill = reverse("reminders:holidays_fill")
    response = client.post(fill, {"region": "zuid", "table": upload(table(AUTUMN, NEXT_YEAR))})
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.holiday_region == "zuid"
    assert sorted(held(school)) == [
        ("Herfstvakantie", date(2026, 10, 10), date(2026, 10, 18)),
        ("Herfstvakantie", date(2027, 10, 16), date(2027, 10, 24)),
        ("Kerstvakantie", date(2026, 12, 19), date(2027, 1, 3)),
        ("Studiedag", date(2026, 11, 20), date(2026, 11, 20)),
    ]
    shown = client.get(page).text
    assert "3 vakanties van regio zuid toegevoegd (2026-2027, 2027-2028)" in shown
    assert 'value="zuid" selected' in shown

    client.post(fill, {"region": "zuid", "table": upload(table(AUTUMN))})
    assert len(held(school)) == 4
    assert "0 vakanties van regio zuid toegevoegd" in client.get(page).text


def test_a_file_that_is_not_the_table_is_refused_in_the_form(login, school, schoolleider):
    client = login(schoolleider)
    fill = reverse("reminders:holidays_fill")
    for content in (
        b"naam;van;tot\nHerfst;2026-10-17;2026-10-25\n",
        b'{"content": []}',
        json.dumps(
            [{"content": [{"schoolyear": "x", "vacations": [{"type": "Herfst"}]}]}]
        ).encode(),
        table(("2026-2027", [{"type": "Herfst", "regions": [{"region": "zuid"}]}])),
        "Kerstvakantie é".encode("cp1252"),
    ):
        response = client.post(fill, {"region": "zuid", "table": upload(content)})
        assert response.status_code == 422
        assert "Dit is niet de tabel met schoolvakanties van rijksoverheid.nl" in response.text
    assert held(school) == []
    school.refresh_from_db()
    assert school.holiday_region == ""


def test_a_filled_in_holiday_stops_the_reminders(agreement_due, schoolleider, login):
    login_client = login(schoolleider)
    agreement_due(date(2026, 12, 22))  # two school days before: Friday 18 December
    friday = date(2026, 12, 18)
    assert [r for r in rules.reminders_for(friday) if r.kind == Kind.AGREEMENT_DUE]
    login_client.post(
        reverse("reminders:holidays_fill"), {"region": "midden", "table": upload(table(AUTUMN))}
    )
    # 22 December lies in the Christmas holiday: told on the two school days before it.
    assert not [r for r in rules.reminders_for(friday) if r.kind == Kind.AGREEMENT_DUE]


def test_the_command_fills_in_each_school_by_its_own_region(tmp_path, school):
    school.holiday_region = "noord"
    school.save()
    southern = SchoolFactory(board=school.board, holiday_region="zuid")
    without = SchoolFactory(board=school.board)
    path = tmp_path / "schoolvakanties.json"
    path.write_bytes(table(AUTUMN))
    out = StringIO()
    call_command("import_school_holidays", str(path), stdout=out)
    assert ("Herfstvakantie", date(2026, 10, 17), date(2026, 10, 25)) in held(school)
    assert ("Herfstvakantie", date(2026, 10, 10), date(2026, 10, 18)) in held(southern)
    assert held(without) == []
    assert f"{without.name}: no holiday region chosen" in out.getvalue()


def test_the_chosen_language_follows_the_person_to_another_device(client_for, teamlid):
    first = client_for(teamlid)
    first.post(reverse("set_language"), {"language": "en", "next": reverse("home")})
    teamlid.refresh_from_db()
    assert teamlid.language == "en"
    other = client_for(teamlid)  # no language cookie on this one
    assert '<html lang="en">' in other.get(reverse("home")).text


def test_the_preferences_page_sets_the_language_of_pages_and_mail(login, teamlid):
    client = login(teamlid)
    form = client.get(reverse("reminders:preferences")).text
    assert "Taal van pagina&#x27;s en e-mails" in form or "Taal van pagina's en e-mails" in form
    data = {kind.value: "direct" for kind in Kind} | {"language": "en"}
    client.post(reverse("reminders:preferences"), data)
    teamlid.refresh_from_db()
    assert teamlid.language == "en"
    assert "Your choices were saved." in client.get(reverse("reminders:preferences")).text


def test_each_person_gets_reminders_in_their_own_language(
    agreement_due, plg, teamlid, teacher_leader
):
    teamlid.language = "en"
    teamlid.save()
    agreement_due(THURSDAY - timedelta(days=1))  # overdue for the teamlid
    from plg.models import Agreement

    Agreement.objects.create(
        plg=plg,
        session=plg.sessions.first(),
        text="Nakijkmodel delen",
        owner=teacher_leader,
        due_on=THURSDAY - timedelta(days=1),
    )
    send_reminders.call(THURSDAY.isoformat())
    by_person = {message.to[0]: message for message in mail.outbox}
    assert by_person[teamlid.email].subject == "Your agreements: due soon or overdue"
    assert "overdue" in by_person[teamlid.email].body
    assert by_person[teacher_leader.email].subject == "Je afspraken: bijna zover of te laat"
    assert len(mail.outbox) == 2
