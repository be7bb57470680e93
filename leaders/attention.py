"""What in a teacher leader's role needs the schoolleider's support."""

from django.urls import reverse
from django.utils.translation import gettext as _

from leaders.facilitation import Facilitation
from leaders.selectors import Positioning
from tlschool.attention import Attention

# Points that carry a figure about the teacher leader as a person (the share of their work
# outside school time): the teacher leader and the schoolleider see them; board staff, who
# read every school, do not, per person (individual monitoring of staff needs the staff
# section of the (G)MR; README "Privacy").
PERSONAL_KINDS = frozenset({"outside_time"})


def not_personal(points) -> list:
    return [point for point in points if point.kind not in PERSONAL_KINDS]


def role_attention(
    *, role, positioning: Positioning, facilitation: Facilitation, recognition=None
) -> list:
    url = reverse("leaders:role", args=[role.pk])
    name = {"name": role.person, "title": role.title}
    points = []
    if not positioning.mandate_agreed:
        points.append(
            Attention(
                "mandate",
                _("%(name)s (%(title)s) has no agreed mandate.") % name,
                url + "#mandate",
                _("Agree the mandate"),
                role.pk,
            )
        )
    if not positioning.announced:
        points.append(
            Attention(
                "announcement",
                _("The team has not been told what %(name)s (%(title)s) does and may do.") % name,
                url + "#announcement-add",
                _("Record the announcement"),
                role.pk,
            )
        )
    if recognition is not None and recognition.is_low:
        points.append(
            Attention(
                "recognition_low",
                _(
                    "Weeks after the announcement, %(count)s of %(team)s colleagues say they "
                    "know what %(name)s does and may do."
                )
                % {"count": recognition.recognised, "team": recognition.team, "name": role.person},
                url + "#positioning",
                _("Tell the team again"),
                role.pk,
            )
        )
    if facilitation.outside_over_threshold:
        points.append(
            Attention(
                "outside_time",
                _("%(name)s does %(percent)s%% of the work outside school time.")
                % {"name": role.person, "percent": facilitation.outside_percent},
                url + "#time",
                _("Look at the time log"),
                role.pk,
            )
        )
    if facilitation.far_behind:
        points.append(
            Attention(
                "time_behind",
                _("%(name)s uses far less of the allotted time than the schooljaar's pace.") % name,
                url + "#time",
                _("Look at the time"),
                role.pk,
            )
        )
    elif facilitation.far_ahead:
        points.append(
            Attention(
                "time_ahead",
                _("%(name)s uses the allotted time far faster than the schooljaar's pace.") % name,
                url + "#time",
                _("Look at the time"),
                role.pk,
            )
        )
    return points
