"""The production settings plus one bare view to compare against (bench/urls.py)."""

from tlschool.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # seeding 1,500 people
