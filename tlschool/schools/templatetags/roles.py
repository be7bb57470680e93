from django import template

from tlschool.schools.models import Role

register = template.Library()


@register.filter
def role_label(value) -> str:
    """A role's label from `Role` itself: 'teacher_leader' → 'teacher leader' (translated)."""
    return Role(value).label if value in Role.values else ""
