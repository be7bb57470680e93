"""Evidence for the inspectie and the board: what the programme holds, per quality standard.

The standards are data (`QualityStandard`, loaded from tlschool/overview/frameworks); each
names kinds of evidence, and each kind is worked out here for a schooljaar and any number of
schools in one query. A standard whose kinds hold nothing says so plainly.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from innovations.borging import WITH_CARD
from innovations.models import Adjustment, BorgingReview, Innovation, MonitoringEntry
from leaders import selectors as leader_selectors
from leaders.models import Announcement, Course, DialogueNote
from plg.health_scan import term_of
from plg.models import PLG, HealthScan, Protocol, SessionStatus
from tlschool.overview.models import QualityStandard
from tlschool.schools.models import Ambition

FRAMEWORKS = Path(__file__).parent / "frameworks"


@dataclass
class Item:
    day: date | None
    text: str
    url: str = ""


@dataclass
class Kind:
    key: str
    title: str
    find: object  # (schools, year) -> {school_id: [Item]}


def _grouped(rows, school_of, item_of) -> dict[int, list[Item]]:
    found = defaultdict(list)
    for row in rows:
        found[school_of(row)].append(item_of(row))
    return found


def _monitoring(schools, year):
    rows = (
        MonitoringEntry.objects.filter(
            innovation__school__in=schools, observed_on__range=(year.start, year.end)
        )
        .select_related("innovation")
        .order_by("observed_on", "pk")
    )
    return _grouped(
        rows,
        lambda e: e.innovation.school_id,
        lambda e: Item(
            e.observed_on,
            f"{e.innovation.title}: {e.get_method_display()} — {Truncator(e.findings).chars(90)}",
            reverse("innovations:detail", args=[e.innovation_id]),
        ),
    )


def _adjustments(schools, year):
    rows = (
        Adjustment.objects.filter(
            innovation__school__in=schools, made_on__range=(year.start, year.end)
        )
        .select_related("innovation")
        .prefetch_related("based_on")
        .order_by("made_on", "pk")
    )
    return _grouped(
        rows,
        lambda a: a.innovation.school_id,
        lambda a: Item(
            a.made_on,
            _("%(title)s: %(what)s (resting on monitoring of %(dates)s)")
            % {
                "title": a.innovation.title,
                "what": Truncator(a.what).chars(90),
                "dates": ", ".join(date_format(e.observed_on) for e in a.based_on.all()) or "—",
            },
            reverse("innovations:detail", args=[a.innovation_id]) + "#adjustments",
        ),
    )


def _borgingskaarten(schools, year):
    rows = (
        Innovation.objects.filter(school__in=schools, stage__in=WITH_CARD)
        .annotate(
            reviews=Count(
                "borging_reviews",
                filter=Q(borging_reviews__reviewed_on__range=(year.start, year.end)),
            )
        )
        .order_by("title")
    )
    return _grouped(
        rows,
        lambda i: i.school_id,
        lambda i: Item(
            None,
            _("Borgingskaart %(title)s: %(count)s reviews this schooljaar, next review %(date)s")
            % {
                "title": i.title,
                "count": i.reviews,
                "date": date_format(i.borging_review_on) if i.borging_review_on else "—",
            },
            reverse("innovations:card", args=[i.pk]),
        ),
    )


def _borging_reviews(schools, year):
    rows = (
        BorgingReview.objects.filter(
            innovation__school__in=schools, reviewed_on__range=(year.start, year.end)
        )
        .select_related("innovation")
        .order_by("reviewed_on", "pk")
    )
    return _grouped(
        rows,
        lambda r: r.innovation.school_id,
        lambda r: Item(
            r.reviewed_on,
            f"{r.innovation.title}: {Truncator(r.findings).chars(90)}",
            reverse("innovations:card", args=[r.innovation_id]),
        ),
    )


def _plg_sessions(schools, year):
    final = Q(sessions__status=SessionStatus.FINAL) & Q(
        sessions__held_on__range=(year.start, year.end)
    )
    rows = (
        PLG.objects.filter(school__in=schools)
        .annotate(
            count=Count("sessions", filter=final),
            with_protocol=Count("sessions", filter=final & ~Q(sessions__protocol=Protocol.OTHER)),
            not_learned=Count("sessions", filter=final & Q(sessions__q_not_learned=True)),
        )
        .filter(count__gt=0)
        .order_by("name")
    )
    return _grouped(
        rows,
        lambda p: p.school_id,
        lambda p: Item(
            None,
            _(
                "%(name)s: %(count)s sessions, %(protocol)s with a protocol, %(not_learned)s on "
                "what to do when pupils don't learn it"
            )
            % {
                "name": p.name,
                "count": p.count,
                "protocol": p.with_protocol,
                "not_learned": p.not_learned,
            },
            reverse("plg:detail", args=[p.pk]),
        ),
    )


def _health_scans(schools, year):
    rows = HealthScan.objects.filter(
        plg__school__in=schools,
        closed_at__isnull=False,
        opened_on__range=(year.start, year.end),
    ).select_related("plg")
    return _grouped(
        rows,
        lambda s: s.plg.school_id,
        lambda s: Item(
            s.opened_on,
            _("%(plg)s, %(term)s: %(count)s answers")
            % {"plg": s.plg.name, "term": term_of(s.opened_on), "count": s.results["answers"]},
            reverse("plg:detail", args=[s.plg_id]) + "#scan",
        ),
    )


def _scholing(schools, year):
    rows = (
        Course.objects.filter(school__in=schools)
        .filter(
            Q(starts_on__lte=year.end) | Q(starts_on__isnull=True),
            Q(ends_on__gte=year.start) | Q(ends_on__isnull=True),
        )
        .select_related("person")
        .order_by("starts_on", "pk")
    )
    return _grouped(
        rows,
        lambda c: c.school_id,
        lambda c: Item(c.starts_on, f"{c.name} — {c.person} ({c.get_status_display()})"),
    )


def _roles(schools, year):
    def item(role):
        positioning = leader_selectors.overview_positioning(role)
        return Item(
            None,
            _("%(title)s: %(person)s; mandate %(mandate)s, %(announced)s")
            % {
                "title": role.title,
                "person": role.person,
                "mandate": _("agreed") if positioning.mandate_agreed else _("not yet agreed"),
                "announced": _("announced to the team")
                if positioning.announced
                else _("not yet announced"),
            },
            reverse("leaders:role", args=[role.pk]),
        )

    return _grouped(
        leader_selectors.roles_overview(schools=schools, year=year), lambda r: r.school_id, item
    )


def _year_report(schools, year):
    return {
        school.pk: [
            Item(
                None,
                _("Year report %(year)s") % {"year": year.label},
                reverse("overview:report") + f"?schooljaar={year.label}",
            )
        ]
        for school in schools
    }


def _dialogue(schools, year):
    rows = (
        DialogueNote.objects.filter(school__in=schools, held_on__range=(year.start, year.end))
        .values("school_id")
        .annotate(count=Count("pk"), people=Count("person", distinct=True))
        .order_by()
    )
    # Counts only: what is said in these conversations stays between the two of them.
    return {
        row["school_id"]: [
            Item(
                None,
                _(
                    "Conversations of the schoolleider with teacher leaders: %(count)s, with "
                    "%(people)s of them"
                )
                % row,
            )
        ]
        for row in rows
    }


def _announcements(schools, year):
    rows = (
        Announcement.objects.filter(
            role__school__in=schools, announced_on__range=(year.start, year.end)
        )
        .select_related("role__person")
        .order_by("announced_on", "pk")
    )
    return _grouped(
        rows,
        lambda a: a.role.school_id,
        lambda a: Item(
            a.announced_on,
            _("%(title)s of %(person)s announced to the team (%(how)s)")
            % {"title": a.role.title, "person": a.role.person, "how": a.get_channel_display()},
            reverse("leaders:role", args=[a.role_id]),
        ),
    )


def _ambitions(schools, year):
    rows = Ambition.objects.filter(school__in=schools).annotate(
        innovation_count=Count("innovations", distinct=True)
    )
    return _grouped(
        rows,
        lambda a: a.school_id,
        lambda a: Item(
            None,
            _("%(title)s: %(count)s innovations work on it")
            % {"title": a.title, "count": a.innovation_count},
        ),
    )


KINDS = {
    kind.key: kind
    for kind in [
        Kind("monitoring", gettext_lazy("Monitoring"), _monitoring),
        Kind("adjustments", gettext_lazy("Bijstellingen"), _adjustments),
        Kind("borgingskaarten", gettext_lazy("Borgingskaarten"), _borgingskaarten),
        Kind("borging_reviews", gettext_lazy("Reviews of the borging"), _borging_reviews),
        Kind("plg_sessions", gettext_lazy("PLG sessions"), _plg_sessions),
        Kind("health_scans", gettext_lazy("PLG health scans"), _health_scans),
        Kind("scholing", gettext_lazy("Scholing of teacher leaders"), _scholing),
        Kind("roles", gettext_lazy("Teacher-leader roles and mandates"), _roles),
        Kind("year_report", gettext_lazy("Year report"), _year_report),
        Kind("dialogue", gettext_lazy("Dialogue with teacher leaders"), _dialogue),
        Kind("announcements", gettext_lazy("Announcements to the team"), _announcements),
        Kind("ambitions", gettext_lazy("The school's ambitions"), _ambitions),
    ]
}


@dataclass
class KindEvidence:
    kind: Kind
    items: list[Item]


@dataclass
class StandardEvidence:
    standard: object
    kinds: list[KindEvidence] = field(default_factory=list)

    @property
    def has_evidence(self) -> bool:
        return any(k.items for k in self.kinds)


def _standards_found(level: str, schools, year):
    """The level's active standards, each with its kinds of evidence, and what every kind
    they name holds for the schools: one query for the standards and one per kind."""
    found_standards = list(QualityStandard.objects.filter(level=level, is_active=True))
    kinds = {
        standard.pk: [KINDS[key] for key in standard.evidence_kinds if key in KINDS]
        for standard in found_standards
    }
    needed = {kind.key: kind for found in kinds.values() for kind in found}
    found = {key: kind.find(schools, year) for key, kind in needed.items()}
    return [(standard, kinds[standard.pk]) for standard in found_standards], found


def school_evidence(*, school, year, level: str = "school") -> list[StandardEvidence]:
    """Every active standard of the level with what this school's schooljaar holds for it."""
    standards, found = _standards_found(level, [school], year)
    return [
        StandardEvidence(
            standard, [KindEvidence(kind, found[kind.key].get(school.pk, [])) for kind in kinds]
        )
        for standard, kinds in standards
    ]


@dataclass
class BoardRow:
    kind: Kind
    counts: list[int]  # per school, in the page's order


@dataclass
class BoardStandard:
    standard: object
    rows: list[BoardRow]
    schools: list

    @property
    def schools_without(self) -> list:
        """The schools that hold no evidence at all for this standard."""
        return [
            school
            for index, school in enumerate(self.schools)
            if not any(row.counts[index] for row in self.rows)
        ]


def board_evidence(*, schools, year) -> list[BoardStandard]:
    """The board's standards with, per kind, how much each school holds."""
    schools = list(schools)
    standards, found = _standards_found("board", schools, year)
    return [
        BoardStandard(
            standard,
            [
                BoardRow(kind, [len(found[kind.key].get(school.pk, [])) for school in schools])
                for kind in kinds
            ],
            schools,
        )
        for standard, kinds in standards
    ]


def load_framework(data: dict, model, *, activate: bool = True) -> int:
    """Store a framework's standards (the JSON of tlschool/overview/frameworks); with
    `activate` its levels' earlier standards step back. Returns how many were stored."""

    for standard in data["standards"]:
        unknown = [key for key in standard["evidence_kinds"] if key not in KINDS]
        if unknown:
            raise ValueError(f"{standard['code']}: unknown kinds of evidence {unknown}")
    levels = {standard["level"] for standard in data["standards"]}
    with transaction.atomic():
        if activate:
            model.objects.filter(level__in=levels).exclude(
                framework=data["framework"], version=data["version"]
            ).update(is_active=False)
        for position, standard in enumerate(data["standards"]):
            model.objects.update_or_create(
                framework=data["framework"],
                version=data["version"],
                code=standard["code"],
                defaults={
                    "level": standard["level"],
                    "title": standard["title"],
                    "description": standard.get("description", ""),
                    "evidence_kinds": standard["evidence_kinds"],
                    "position": position,
                    "is_active": activate,
                },
            )
    return len(data["standards"])


def read_framework(path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))
