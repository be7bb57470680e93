"""Session protocols: each gives the session form its own words, without fields of its own.

A protocol names what the session's three texts hold (a focus, then what the form calls
"tried" and "learned") and what its agreements are, so a bordsessie writes "this week's
actions" where a free session writes "agreements". Everything is stored in the session's
ordinary fields, so lists, exports and the history read every protocol alike.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from plg.models import Protocol, WorkKind


@dataclass(frozen=True)
class ProtocolForm:
    focus: str | None  # the focus field's label; None: the protocol has no focus
    tried: str
    learned: str
    agreements: str
    minutes: int | None = None  # the usual length, filled in when the length is empty
    work_kind: str | None = None


FREE = ProtocolForm(
    focus=None,
    tried=_("What we tried"),
    learned=_("What we learned"),
    agreements=_("Agreements (afspraken)"),
)

PROTOCOLS: dict[str, ProtocolForm] = {
    Protocol.OTHER: FREE,
    Protocol.BORDSESSIE: ProtocolForm(
        focus=_("The board's goal"),
        tried=_("Last week's actions: what got done"),
        learned=_("What we see on the board"),
        agreements=_("This week's actions"),
        minutes=15,
        work_kind=WorkKind.EXPERIMENT,
    ),
    Protocol.LESBEZOEK: ProtocolForm(
        focus=_("Focus of the visit"),
        tried=_("What we saw"),
        learned=_("Feedback"),
        agreements=_("Agreements (afspraken)"),
        work_kind=WorkKind.LESSON_VISITS,
    ),
    Protocol.LESONTWERP: ProtocolForm(
        focus=_("The lesson's goal"),
        tried=_("The design"),
        learned=_("What we learned"),
        agreements=_("Who tries it when"),
        work_kind=WorkKind.LESSON_STUDY,
    ),
    Protocol.DATA_ANALYSE: ProtocolForm(
        focus=_("Which data"),
        tried=_("What the data show"),
        learned=_("What we do with it"),
        agreements=_("Agreements (afspraken)"),
        work_kind=WorkKind.DATA_ANALYSIS,
    ),
}


def protocol_form(protocol: str) -> ProtocolForm:
    return PROTOCOLS.get(protocol, FREE)


def protocol_texts() -> dict[str, dict]:
    """Every protocol's words, for the form's script to change the labels as one picks."""
    return {
        key: {
            "focus": str(form.focus) if form.focus else "",
            "tried": str(form.tried),
            "learned": str(form.learned),
            "agreements": str(form.agreements),
            "minutes": form.minutes,
            "work_kind": form.work_kind or "",
        }
        for key, form in PROTOCOLS.items()
    }


# A PLG that has met this often in a schooljaar without once working on "what do we do when
# they don't learn it" skips the Check and Act of its cycle: its page and the dashboard say so.
SESSIONS_BEFORE_ASKING_FOR_CHECK_ACT = 4


def skips_check_act(*, sessions: int, not_learned_sessions: int) -> bool:
    return sessions >= SESSIONS_BEFORE_ASKING_FOR_CHECK_ACT and not_learned_sessions == 0
