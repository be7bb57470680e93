#!/usr/bin/env bash
# Creates .venv with Python 3.12+ and installs tlschool with its development tools.
set -euo pipefail
cd "$(dirname "$0")/.."

find_python() {
    local candidate
    for candidate in python3.14 python3.13 python3.12 python3 \
        "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python3 /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9]; do
        if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    if ! python=$(find_python); then
        echo "tlschool needs Python 3.12 or newer (Django 6.1 requires it)." >&2
        echo "On Debian/Ubuntu: sudo apt-get install python3.12 python3.12-venv (or use pyenv)." >&2
        exit 1
    fi
    echo "Using $python ($("$python" --version))"
    rm -rf .venv
    "$python" -m venv .venv
fi

# pip 25.3+ keeps build dependencies apart from run-time constraints.
export PIP_BUILD_CONSTRAINT="$PWD/scripts/constraints.txt"
export PIP_DISABLE_PIP_VERSION_CHECK=1
.venv/bin/python -m pip install --quiet --upgrade "pip>=25.3"
.venv/bin/python -m pip install --quiet -e ".[dev]"
