"""The database goes away and comes back, against the app served by gunicorn as in production:
a friendly Dutch page meanwhile, /healthz 503, and recovery without a restart."""

import socket
import time
import urllib.error
import urllib.request

import psycopg
import pytest
from django.db import connection

from tests.processes import app_env
from tlschool.serving import session_cookie, start_gunicorn, stop

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def server():
    env = app_env()
    process, base = start_gunicorn(env=env, quiet=True)
    try:
        yield base
    finally:
        stop(process)


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


def test_an_oversized_body_is_refused_before_it_is_read(server):
    """A 100 MB upload announced in its headers is answered 413 after the first kilobytes,
    without the server reading the rest."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection_:
        connection_.sendall(
            b"POST /innovations/1/monitoring/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\n"
            b"Content-Length: 104857600\r\n\r\n" + b"x" * 65536
        )
        started = time.monotonic()
        received = b""
        try:
            while chunk := connection_.recv(4096):  # the server closes after its answer
                received += chunk
        except ConnectionResetError:  # closed with our unread body still in its buffer
            pass
        answer = received.decode(errors="replace")
    assert answer.startswith("HTTP/1.1 413"), answer[:80]
    assert "te groot" in answer
    assert time.monotonic() - started < 5
