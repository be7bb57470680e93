"""Someone leaves a school: the team (schools), their PLGs (plg) and what to hand over
(leaders, innovations, plg) in one place."""

from dataclasses import dataclass

from django.db import transaction

from innovations import selectors as innovation_selectors
from leaders import selectors as leader_selectors
from plg import selectors as plg_selectors
from plg import services as plg_services
from tlschool.schools import services as school_services
from tlschool.schools.schooljaar import Schooljaar


@dataclass
class Handover:
    """What a leaving colleague still holds in the school, for the schoolleider to pass on."""

    roles: list
    innovations: list
    plgs_led: list
    open_agreements: list

    @property
    def is_empty(self) -> bool:
        return not (self.roles or self.innovations or self.plgs_led or self.open_agreements)


def handover(*, school, person) -> Handover:
    year = Schooljaar.current().start_year
    roles = leader_selectors.roles_of_person(school=school, person=person)
    return Handover(
        roles=[role for role in roles if role.last_schooljaar >= year],
        innovations=innovation_selectors.innovations_owned_by(
            school=school, person_ids=[person.pk]
        ).get(person.pk, []),
        plgs_led=plg_selectors.plgs_led_by(school=school, person_ids=[person.pk]).get(
            person.pk, []
        ),
        open_agreements=list(plg_selectors.open_agreements(school=school, owner=person)),
    )


def leave_school(*, membership, by) -> None:
    with transaction.atomic():
        school_services.member_remove(membership=membership, by=by)
        plg_services.person_leaves_school(school=membership.school, person=membership.user)
