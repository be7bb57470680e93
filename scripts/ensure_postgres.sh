#!/usr/bin/env bash
# The tests run against a real PostgreSQL (DATABASE_URL, default 127.0.0.1:5432 as postgres).
# Starts the machine's cluster when it is installed but down.
set -euo pipefail
if [ -n "${DATABASE_URL:-}" ] && [[ "$DATABASE_URL" != postgres*://*@127.0.0.1* ]]; then
    exit 0
fi
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    exit 0
fi
if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null; then
    echo "PostgreSQL is down; starting it."
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
    for _ in $(seq 1 30); do
        pg_isready -q -h 127.0.0.1 -p 5432 && exit 0
        sleep 1
    done
fi
echo "The tests need PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), or DATABASE_URL." >&2
echo "On Debian/Ubuntu: sudo apt-get install postgresql" >&2
exit 1
