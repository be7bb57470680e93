"""Queries about schools and their people that every app's pages and forms need."""

from django.contrib.auth import get_user_model

from tlschool.schools.models import Role

LEADING_ROLES = (Role.SCHOOLLEIDER, Role.TEACHER_LEADER)


def school_people(school, *, roles=None):
    """The people of this school; with `roles`, only those who have one of them *here*.

    School and role are conditions on the same membership, so they stand in one `.filter()`:
    in two calls they would match two different memberships, and a teamlid here who leads at
    another school would be offered.
    """
    condition = {"memberships__school": school}
    if roles is not None:
        condition["memberships__role__in"] = list(roles)
    return get_user_model().objects.filter(**condition).order_by("full_name", "username")


def people_who_may_lead(school):
    """Who may lead a PLG or own an innovation here: its teacher leaders and schoolleiders."""
    return school_people(school, roles=LEADING_ROLES)
