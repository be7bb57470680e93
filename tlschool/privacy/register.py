"""The school's processing register (verwerkingsregister) and the privacy page's contents:
one list of what tlschool keeps, why, who sees it and how long, used by both."""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass
class Processing:
    what: str
    data: str
    why: str
    who_sees: str
    kept: str


def processings(retention) -> list[Processing]:
    r = retention
    return [
        Processing(
            _("Team and accounts"),
            _("name, e-mail address, user name, role per school, last sign-in"),
            _("signing in and knowing who does what in the school"),
            _("the team of the school; board staff read"),
            _("while someone works at the school; after leaving, anonymised after %(m)s months")
            % {"m": r.former_member_months},
        ),
        Processing(
            _("Teacher-leader roles and mandates"),
            _("role, focus, expertise, mandate with both agreements, what was told to the team"),
            _("positioning teacher leaders clearly in the team"),
            _("the whole team"),
            _("as long as the school's record; the name goes when someone is forgotten"),
        ),
        Processing(
            _("Facilitated time"),
            _("hours allotted and logged, within or outside school time"),
            _("facilitating teacher leaders within school time"),
            _(
                "the teacher leader and the schoolleider; board staff see the hours allotted "
                "and used per role, not the share outside school time"
            ),
            _("%(m)s months after the end of the schooljaar") % {"m": r.time_log_months},
        ),
        Processing(
            _("Dialogue notes and self-assessments"),
            _("notes of conversations, scores on the teacher-leader skills"),
            _("supporting the teacher leader's growth"),
            _("only the teacher leader and the schoolleider"),
            _("%(m)s months after the role ends") % {"m": r.dialogue_notes_months},
        ),
        Processing(
            _("PLG sessions and agreements"),
            _("who came, what was tried and learned, agreements with owner and date"),
            _("the PLG's own learning and the school's overview"),
            _("the team; private notes only the PLG's members and the schoolleider"),
            _("as long as the school's record"),
        ),
        Processing(
            _("Innovations and monitoring"),
            _("trajectories, findings, evidence files"),
            _("improving education and showing what the school anchored"),
            _("the team"),
            _("evidence files %(m)s months after they were added; the rest with the record")
            % {"m": r.evidence_months},
        ),
        Processing(
            _("Readiness pulses"),
            _("anonymous scores and comments, only as results of at least 5 answers"),
            _("reading the team's veranderbereidheid and verandervermogen"),
            _("the team, once a pulse is closed"),
            _("raw answers are deleted when the pulse closes; the results stay"),
        ),
        Processing(
            _("History and access log"),
            _("who changed what and when; who looked at private data or exported"),
            _("accountability, and the person's right to know who looked"),
            _(
                "the history: the schoolleider and those involved; the access log: the schoolleider, and each person their own"
            ),
            _("history with the record; the access log %(m)s months") % {"m": r.access_log_months},
        ),
    ]
