"""The app's own processes, started by tests as production starts them, on the test database."""

import os
import subprocess
import sys
from email import message_from_bytes, policy
from pathlib import Path

from django.conf import settings as django_settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def app_env(**extra) -> dict:
    """The environment of an app process on this test run's database (production settings)."""
    database = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tlschool.settings",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT'] or 5432}"
            f"/{database['NAME']}"
        ),
        "DEBUG": "false",
        # The same key as the tests, so sessions and signed links made here are valid there.
        "SECRET_KEY": django_settings.SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "LOG_LEVEL": "CRITICAL",
        **extra,
    }


def start_worker(env: dict) -> subprocess.Popen:
    """`manage.py db_worker --batch`: runs what is queued, then exits."""
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "-v", "0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def finish(process: subprocess.Popen, timeout=120) -> None:
    """Wait for a process started here; stop it whatever happens."""
    try:
        _out, err = process.communicate(timeout=timeout)
        assert process.returncode == 0, err.decode(errors="replace")[-2000:]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


class Inbox:
    """What a real SMTP server on this machine received (aiosmtpd)."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"
