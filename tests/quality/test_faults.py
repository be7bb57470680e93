"""The database goes away and comes back, against the app served by gunicorn as in production:
a friendly Dutch page meanwhile, /healthz 503, and recovery without a restart."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import pytest
from django.conf import settings as django_settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server():
    settings = connection.settings_dict
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tlschool.settings",
        "DATABASE_URL": f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT'] or 5432}/{settings['NAME']}",
        "DEBUG": "false",
        # The same key as the tests, so the session made here is valid there.
        "SECRET_KEY": django_settings.SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "LOG_LEVEL": "CRITICAL",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [
            str(gunicorn),
            "tlschool.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--no-control-socket",
            "--log-level",
            "critical",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def session_cookie(user):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"sessionid={session.session_key}"


def fetch(url, cookie=""):
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def kill_app_connections():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def allow_connections(allowed: bool):
    """Open or close the app's database to new connections (from the maintenance database)."""
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        dbname="postgres",
        autocommit=True,
    ) as admin:
        admin.execute(
            f'ALTER DATABASE "{settings["NAME"]}" ALLOW_CONNECTIONS {str(allowed).lower()}'
        )


def test_killed_connections_are_replaced_without_a_restart(server, teamlid):
    cookie = session_cookie(teamlid)
    assert fetch(f"{server}/plg/", cookie)[0] == 200
    kill_app_connections()
    status, body = fetch(f"{server}/plg/", cookie)
    assert status == 200
    assert "Professionele leergemeenschappen" in body, body[-3000:]


def test_database_away_gives_a_friendly_dutch_page_and_healthz_503_then_recovers(server, teamlid):
    cookie = session_cookie(teamlid)
    assert fetch(f"{server}/leaders/", cookie)[0] == 200
    allow_connections(False)
    try:
        kill_app_connections()
        status, body = fetch(f"{server}/leaders/", cookie)
        health, _ = fetch(f"{server}/healthz")
    finally:
        allow_connections(True)
    assert status == 503
    assert "Even geen verbinding" in body
    assert "Traceback" not in body and "OperationalError" not in body
    assert health == 503

    status, body = fetch(f"{server}/leaders/", cookie)
    assert status == 200 and "Wie leidt wat" in body
    assert fetch(f"{server}/healthz")[0] == 200
