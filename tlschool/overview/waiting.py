""" "Wacht op jou": what waits for this person's own step in this school, at the top of their
home page. The same rules as the reminders (`tlschool/reminders/rules.py`): a mandate version
waiting for their agreement, a pulse they have not answered, their agreements due this week
or overdue, a session they attended and have not reflected on."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from innovations import selectors as innovation_selectors
from leaders import selectors as leader_selectors
from plg import selectors as plg_selectors
from tlschool.reminders.rules import mandate_text, pulse_text, reflection_text, scan_text
from tlschool.schools.schooljaar import Schooljaar

AGREEMENTS_AHEAD_DAYS = 7


@dataclass(frozen=True)
class Waiting:
    text: str
    url: str
    link_text: str
    late: bool = False


def waiting_for(access, *, today: date, agreements=None) -> list[Waiting]:
    """`agreements`: the person's open agreements when the page has them already."""
    school, person = access.school, access.user
    found = []
    for mandate in leader_selectors.mandates_awaiting_agreement(
        schools=[school], year=Schooljaar.containing(today)
    ):
        mine = mandate.role.person_id == person.pk and leader_selectors.mandate_waits_for_leader(
            mandate
        )
        schools_turn = access.is_schoolleider and leader_selectors.mandate_waits_for_school(mandate)
        if mine or schools_turn:
            found.append(
                Waiting(
                    mandate_text(mandate),
                    reverse("leaders:role", args=[mandate.role_id]),
                    _("Read and agree"),
                )
            )
    if access.is_teacher_leader:
        asked = leader_selectors.open_feedback_request(school=school, person=person)
        role_id = asked and leader_selectors.role_id_of(school=school, person=person)
        if role_id:
            found.append(
                Waiting(
                    _("%(name)s asks what you need in time, mandate, support and information.")
                    % {"name": asked.asked_by},
                    reverse("leaders:role", args=[role_id]) + "#feedback",
                    _("Answer"),
                )
            )
    for pulse in innovation_selectors.open_pulses_for(school=school, person=person):
        found.append(
            Waiting(
                pulse_text(pulse),
                reverse("innovations:pulse_answer", args=[pulse.pk]),
                _("Answer"),
            )
        )
    for scan, _person in plg_selectors.scans_awaiting_answer(school=school, person=person):
        found.append(
            Waiting(scan_text(scan), reverse("plg:scan_answer", args=[scan.pk]), _("Answer"))
        )
    if agreements is None:
        agreements = plg_selectors.open_agreements(school=school, owner=person)
    soon = today + timedelta(days=AGREEMENTS_AHEAD_DAYS)
    for agreement in (a for a in agreements if a.due_on <= soon):
        late = agreement.due_on < today
        found.append(
            Waiting(
                (_("%(text)s — was due %(when)s") if late else _("%(text)s — due %(when)s"))
                % {"text": agreement.text, "when": date_format(agreement.due_on, "j F")},
                reverse("plg:detail", args=[agreement.plg_id]),
                agreement.plg.name,
                late=late,
            )
        )
    for row in plg_selectors.awaiting_reflection(today=today, school=school, person=person):
        found.append(
            Waiting(
                reflection_text(row.session),
                reverse("plg:session", args=[row.session_id]),
                _("Reflect"),
            )
        )
    return found
