"""Authenticator codes for tests, typed the way a person would: not in the last seconds of
a code's 30-second period, when it may run out before the server reads it (a run under load
once refused a code that turned over between typing and checking)."""

import time

import pyotp


def current_code(secret: str, *, seconds_needed: float = 3) -> str:
    totp = pyotp.TOTP(secret)
    left = totp.interval - time.time() % totp.interval
    if left < seconds_needed:
        time.sleep(left + 0.2)
    return totp.now()
