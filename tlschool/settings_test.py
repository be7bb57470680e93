"""Settings for the test suite: the real settings, on the machine's PostgreSQL, with fast hashing.

Every value can still be overridden from the environment (for example DATABASE_URL).
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-4b1d9f7e2c8a6d3b5f0e9a7c1d2b3f4a")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tlschool")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault(
    "STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage"
)
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
# On in the tests, so its front door stays in the permission matrix; off by default.
os.environ.setdefault("ADMIN_ENABLED", "true")

from tlschool.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# A test database of this run's own, so two runs on one PostgreSQL (a developer's and CI's, or
# two terminals) never share or drop each other's. tests/conftest.py removes those of runs
# that ended without cleaning up.
DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_{os.getpid()}"}  # noqa: F405
