"""An attention point for the schoolleider's dashboard: what needs support, and where it is
resolved. Each app states its own (`leaders/attention.py`, `innovations/attention.py`,
`plg/attention.py`) beside its rules; `tlschool/overview/attention.py` gathers them.

Attention points are computed from the current data every time, so one disappears as soon as
its cause is resolved.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Attention:
    kind: str
    message: str
    url: str
    link_text: str
    subject_id: int  # the role, innovation or PLG it is about

    @property
    def key(self) -> str:
        """Stable while the cause lasts: what a schoolleider puts aside."""
        return f"{self.kind}:{self.subject_id}"
