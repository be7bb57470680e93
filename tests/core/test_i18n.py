import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def test_the_ui_speaks_dutch_by_default(login, teamlid):
    response = login(teamlid).get(reverse("home"))
    assert '<html lang="nl">' in response.text
    assert "Uitloggen" in response.text


def test_the_language_switch_turns_the_ui_english(login, teamlid):
    client = login(teamlid)
    client.post(reverse("set_language"), {"language": "en", "next": reverse("home")})
    response = client.get(reverse("home"))
    assert '<html lang="en">' in response.text
    assert "Log out" in response.text
    assert "Uitloggen" not in response.text


@pytest.mark.skipif(not shutil.which("xgettext"), reason="needs gettext's xgettext")
def test_every_text_in_the_code_has_a_dutch_translation(tmp_path):
    """makemessages on a copy of the catalogue: no message may stay untranslated or fuzzy."""
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "staticfiles", "node_modules", "*.sqlite3", "mutants", "test-artifacts"
        ),
    )
    subprocess.run(
        ["python", "manage.py", "makemessages", "-l", "nl", "--no-obsolete", "-i", "tests/*"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PATH": str(ROOT / ".venv" / "bin") + ":/usr/bin:/bin", "DEBUG": "true"},
    )
    result = subprocess.run(
        ["msgattrib", "--untranslated", "--only-fuzzy", "--no-wrap"],
        input=(copy / "locale/nl/LC_MESSAGES/django.po").read_text(),
        capture_output=True,
        text=True,
    )
    untranslated = subprocess.run(
        ["msgattrib", "--untranslated", "--no-wrap", str(copy / "locale/nl/LC_MESSAGES/django.po")],
        capture_output=True,
        text=True,
    ).stdout
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-wrap", str(copy / "locale/nl/LC_MESSAGES/django.po")],
        capture_output=True,
        text=True,
    ).stdout
    assert result.returncode == 0
    assert untranslated.count("msgid") <= 1, f"untranslated:\n{untranslated}"
    assert fuzzy.count("msgid") == 0, f"fuzzy:\n{fuzzy}"


def test_dates_in_sentences_follow_the_language(login, school, teacher_leader, teamlid):
    from datetime import date

    from plg.models import Agreement, Session
    from tests.factories import make_plg

    plg = make_plg(school, teacher_leader, members=[teamlid])
    session = Session.objects.create(plg=plg, held_on=date(2026, 10, 1), status="final")
    Agreement.objects.create(
        plg=plg, session=session, text="Kijkwijzer delen", owner=teamlid, due_on=date(2026, 10, 31)
    )
    client = login(teamlid)
    assert "uiterlijk 31 oktober 2026" in client.get(reverse("home")).text
    client.post(reverse("set_language"), {"language": "en", "next": reverse("home")})
    assert "due 31 October 2026" in client.get(reverse("home")).text  # one date style


def test_english_names_the_badges_and_stages_with_the_dutch_term_beside(
    login, school, teacher_leader, schoolleider
):
    from tests.factories import make_innovation, make_role

    role = make_role(school, teacher_leader)
    make_innovation(school, teacher_leader)
    client = login(schoolleider)
    client.post(reverse("set_language"), {"language": "en", "next": reverse("home")})
    assert (
        "not positioned (niet gepositioneerd)"
        in client.get(reverse("leaders:role", args=[role.pk])).text
    )
    assert "preparing (voorbereiden)" in client.get(reverse("innovations:board")).text


def test_an_empty_choice_speaks_dutch(login, school, teacher_leader):
    from tests.factories import make_role

    role = make_role(school, teacher_leader)
    page = login(teacher_leader).get(reverse("leaders:role", args=[role.pk])).text
    assert '<option value="" selected>Kies…</option>' in page
    assert "Select an option" not in page
