"""Load benchmark: seed a large board into PostgreSQL, serve it with gunicorn and drive the main
pages with wrk, beside a bare Django view in the same run. Prints JSON.

Two floors run beside the pages: "signed-in floor" is a view that only finds out who asks and
in which school (the session, the user and their schools: what every page pays before its own
work), "layout floor" adds the site's layout around an empty page. Each page is driven twice:
under load (`--connections`, for requests/s, p50 and p95) and one request at a time (p95 as one
person sees it on a server that is not busy).

    .venv/bin/python bench/run.py            # about 40 schools, 1,500 staff, 50,000 sessions
    .venv/bin/python bench/run.py --small    # a quick look: 4 schools, 2,000 sessions

Needs PostgreSQL (DATABASE_URL's server, default 127.0.0.1:5432 as postgres) and wrk.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DB_NAME = "tlschool_bench"
RESULT = re.compile(r"RESULT (\d+) ([\d.]+) ([\d.]+) ([\d.]+) (\d+)")


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--schools", type=int, default=40)
    parser.add_argument("--staff", type=int, default=1500)
    parser.add_argument("--innovations", type=int, default=200)
    parser.add_argument("--sessions", type=int, default=50_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers in all")
    parser.add_argument(
        "--servers",
        type=int,
        default=1,
        help="app servers (gunicorn instances) sharing the workers and one PostgreSQL; with "
        "more than one, every page is also read from each and compared",
    )
    parser.add_argument(
        "--small", action="store_true", help="4 schools, 150 staff, 2,000 sessions, 3 s"
    )
    args = parser.parse_args()
    if args.small:
        args.schools, args.staff, args.innovations, args.sessions, args.duration = (
            4,
            150,
            20,
            2000,
            3,
        )
    return args


def environment():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"{SERVER}/{DB_NAME}",
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def recreate_database():
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{DB_NAME}"')


def pages_to_drive(plg_id: int, feed_token: str) -> dict[str, tuple[str, str | None]]:
    """Each page's path and who asks for it (a key of what the seed returns, None: nobody)."""
    return {
        "bare view": ("/bench/bare", None),
        "signed-in floor": ("/bench/signed-in", "schoolleider"),
        "layout floor": ("/bench/layout", "schoolleider"),
        "dashboard": ("/", "schoolleider"),
        "team home": ("/", "teacher_leader"),
        "wie leidt wat": ("/leaders/", "teacher_leader"),
        "PLG page": (f"/plg/{plg_id}/", "teacher_leader"),
        "session form": (f"/plg/{plg_id}/sessions/new/", "teacher_leader"),
        "innovation board": ("/innovations/", "teacher_leader"),
        "PLG list": ("/plg/", "teacher_leader"),
        "board overview": ("/board/", "board_staff"),
        "calendar feed": (f"/reminders/feed/{feed_token}.ics", None),
    }


def seed(args):
    """Migrate and seed in this process; return session cookies and the paths to drive."""
    os.environ.update(environment())
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from bench.seed import seed_large_board
    from tlschool.serving import session_cookie

    call_command("migrate", verbosity=0)
    started = time.monotonic()
    people = seed_large_board(
        schools=args.schools,
        staff=args.staff,
        innovations=args.innovations,
        sessions=args.sessions,
        password="bench",
    )
    seconds = round(time.monotonic() - started, 1)
    analyze()

    cookies = {
        key: session_cookie(people[key])
        for key in ("schoolleider", "teacher_leader", "board_staff")
    }
    pages = {
        name: (path, cookies[who] if who else "")
        for name, (path, who) in pages_to_drive(people["plg"].pk, people["feed_token"]).items()
    }
    return pages, seconds


def analyze():
    """Give the planner statistics, as autovacuum does on a real board after the data arrives."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def sql_per_page(pages):
    """Per page, in-process after one warm-up request: rendered (as on the first read after a
    change: nothing kept can be used) and kept (every read until the school's data changes):
    how many queries, their time together and the slowest one's, and the time of the whole
    request, in ms (the median of three)."""
    from django.db import connection
    from django.test import Client, override_settings

    def measured(client, path):
        times, walls = [], []

        def timed(execute, sql, params, many, context):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                times.append((time.perf_counter() - started) * 1000)

        for _attempt in range(3):
            times.clear()
            started = time.perf_counter()
            with connection.execute_wrapper(timed):
                response = client.get(path)
            walls.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, f"{path}: {response.status_code}"
        return len(times), round(sum(times), 1), round(max(times, default=0), 1), walls

    result = {}
    for name, (path, cookie) in pages.items():
        client = Client(HTTP_COOKIE=cookie) if cookie else Client()
        client.get(path)
        with override_settings(KEPT_PAGES=False):
            queries, sql_ms, slowest, walls = measured(client, path)
        kept_queries, _kept_sql, _slowest, kept_walls = measured(client, path)
        result[name] = {
            "sql_queries": queries,
            "sql_ms": sql_ms,
            "slowest_sql_ms": slowest,
            "in_process_ms_rendered": round(sorted(walls)[1], 1),
            "sql_queries_kept": kept_queries,
            "in_process_ms_kept": round(sorted(kept_walls)[1], 1),
        }
        if name == "board overview":
            result[name]["in_process_ms_after_every_school_changed"] = board_cold_ms(client, path)
    connection.close()
    return result


def board_cold_ms(client, path) -> float:
    """The board overview when every school changed since it was last read (nothing kept
    can be used), in-process, the median of three."""
    from django.db.models import F

    from tlschool.schools.models import School

    times = []
    for _attempt in range(3):
        School.objects.update(data_version=F("data_version") + 1)
        started = time.perf_counter()
        assert client.get(path).status_code == 200
        times.append((time.perf_counter() - started) * 1000)
    return round(sorted(times)[1], 1)


def load(base, path, cookie, *, connections, seconds):
    command = [
        "wrk",
        "-t",
        str(min(2, connections)),
        "-c",
        str(connections),
        "-d",
        f"{seconds}s",
        "-s",
        str(ROOT / "bench" / "report.lua"),
        f"{base}{path}",
    ]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    requests, seconds, p50, p95, errors = RESULT.search(output).groups()
    return {
        "requests_per_second": round(int(requests) / float(seconds), 1),
        "p50_ms": float(p50),
        "p95_ms": float(p95),
        "errors": int(errors),
    }


VOLATILE = re.compile(
    rb'nonce="[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"|"x-csrftoken": "[^"]*"'
    rb'|name="form_key" value="[^"]*"'
)


def same_answers(bases, pages) -> dict[str, bool]:
    """Each page read from every server: the same page, but for per-request tokens (CSRF,
    the CSP nonce, the key a new session form gets)."""
    import urllib.request

    result = {}
    for name, (path, cookie) in pages.items():
        bodies = set()
        for base in bases:
            request = urllib.request.Request(f"{base}{path}", headers={"Cookie": cookie})
            with urllib.request.urlopen(request, timeout=30) as response:
                bodies.add(VOLATILE.sub(b"", response.read()))
        result[name] = len(bodies) == 1
    return result


def load_all(bases, path, cookie, *, connections, seconds):
    """The load spread over every server at once: requests/s added up, the worst p95."""
    if len(bases) == 1:
        return load(bases[0], path, cookie, connections=connections, seconds=seconds)
    from concurrent.futures import ThreadPoolExecutor

    share = max(1, connections // len(bases))
    with ThreadPoolExecutor(len(bases)) as pool:
        parts = list(
            pool.map(
                lambda base: load(base, path, cookie, connections=share, seconds=seconds), bases
            )
        )
    return {
        "requests_per_second": round(sum(p["requests_per_second"] for p in parts), 1),
        "p50_ms": max(p["p50_ms"] for p in parts),
        "p95_ms": max(p["p95_ms"] for p in parts),
        "errors": sum(p["errors"] for p in parts),
    }


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: sudo apt-get install wrk")
    recreate_database()
    pages, seed_seconds = seed(args)
    sql = sql_per_page(pages)
    from tlschool.serving import start_gunicorn, stop

    workers = max(1, args.workers // args.servers)
    servers = [start_gunicorn(env=environment(), workers=workers) for _ in range(args.servers)]
    bases = [base for _process, base in servers]
    try:
        same = same_answers(bases, pages) if len(bases) > 1 else None
        results = {}
        for name, (path, cookie) in pages.items():
            results[name] = load_all(
                bases, path, cookie, connections=args.connections, seconds=args.duration
            )
            alone = load(bases[0], path, cookie, connections=1, seconds=max(2, args.duration // 2))
            results[name]["p95_ms_one_at_a_time"] = alone["p95_ms"]
            if same is not None:
                results[name]["same_on_every_server"] = same[name]
    finally:
        for process, _base in servers:
            stop(process)
    bare = results["bare view"]["requests_per_second"]
    floor = results["signed-in floor"]["requests_per_second"]
    for name, result in results.items():
        result["ratio_to_bare"] = round(result["requests_per_second"] / bare, 3)
        result["ratio_to_signed_in_floor"] = round(result["requests_per_second"] / floor, 3)
        result.update(sql[name])
        result["meets_target"] = result["ratio_to_signed_in_floor"] >= 0.25
    print(
        json.dumps(
            {
                "size": {
                    "schools": args.schools,
                    "staff": args.staff,
                    "innovations": args.innovations,
                    "sessions": args.sessions,
                },
                "seed_seconds": seed_seconds,
                "load": {
                    "tool": "wrk",
                    "connections": args.connections,
                    "seconds_per_page": args.duration,
                    "gunicorn_workers": args.workers,
                    "app_servers": args.servers,
                    "cores": os.cpu_count(),
                },
                "pages": results,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
