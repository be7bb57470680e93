"""Reading values from a request the one way the whole project uses.

`str.isdigit()` is true for '²' and '٣', which `int()` then refuses or reads as another
number; ids and versions are plain ASCII digits within PostgreSQL's bigint.
"""

import re

ASCII_WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")


def parse_id(raw) -> int | None:
    """A positive whole number written in ASCII digits, or None for anything else."""
    if not isinstance(raw, str) or not ASCII_WHOLE_NUMBER.fullmatch(raw):
        return None
    return int(raw)
