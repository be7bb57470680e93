"""What a colleague who leaves still holds in the school (leaders, innovations, plg): the page
the schoolleider reads before removing them. Removing is the team's rule
(`tlschool.schools.services.member_remove`); the apps act on its `member_left` event."""

from dataclasses import dataclass

from innovations import selectors as innovation_selectors
from leaders import selectors as leader_selectors
from plg import selectors as plg_selectors
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
