"""Serving the app with gunicorn from a script, as the benchmark and the fault tests do."""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(*, env: dict, workers: int = 1, quiet: bool = False, start_timeout=60):
    """Start gunicorn on a free local port; return the process and its base URL once /healthz answers."""
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    output = subprocess.DEVNULL if quiet else None
    process = subprocess.Popen(
        [
            str(gunicorn),
            "tlschool.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--no-control-socket",
            "--log-level",
            "critical" if quiet else "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=output,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + start_timeout
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode} while starting")
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=5)
                return process, base
            except urllib.error.HTTPError:
                return process, base  # it answers: a 503 while the database is away counts
            except OSError:  # refused, reset, URLError, and TimeoutError on a slow read
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within {start_timeout} s")
    except BaseException:
        stop(process)
        raise


def stop(process) -> None:
    """Stop a server started here, whatever state it is in."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def session_cookie(user) -> str:
    """A logged-in session for `user`, as a Cookie header value (same SECRET_KEY needed)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"sessionid={session.session_key}"
