"""Writing and reading the log of looks at private data."""

from tlschool.privacy.models import AccessKind, AccessLog


def access_record(*, school, viewer, kind: str, subject=None, detail: str = "") -> None:
    """Record a look at private data. A person looking at their own data is not recorded."""
    if subject is not None and subject.pk == viewer.pk:
        return
    AccessLog.objects.create(
        school=school, viewer=viewer, subject=subject, kind=kind, detail=detail[:200]
    )


def accesses_to(*, school, person):
    """Who looked at this person's private data, newest first."""
    return AccessLog.objects.filter(school=school, subject=person).select_related("viewer")


def accesses_in(*, school):
    return AccessLog.objects.filter(school=school).select_related("viewer", "subject")


__all__ = ["AccessKind", "access_record", "accesses_in", "accesses_to"]
