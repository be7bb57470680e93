"""The borgingskaart: what a school anchored, on one page (the Dutch kwaliteitskaart), and the
quality handbook that lists every card by theme with its review date."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from innovations.models import BorgingReview, CriterionValue, Innovation, MonitoringEntry
from innovations.stages import Stage

# The stages in which an innovation has a borgingskaart.
WITH_CARD = {Stage.BORGEN, Stage.GEBORGD}


@dataclass
class Evidence:
    observed_on: date
    text: str
    entry_id: int
    url: str = ""
    has_file: bool = False


@dataclass
class CardFigure:
    name: str
    latest: float
    target: float | None
    unit: str

    @property
    def reached(self) -> bool:
        return self.target is not None and self.latest >= self.target


@dataclass
class BorgingCard:
    innovation: Innovation
    theme: str
    figures: list[CardFigure] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    reviews: list[BorgingReview] = field(default_factory=list)

    @property
    def review_overdue(self) -> bool:
        review = self.innovation.borging_review_on
        return review is not None and review < timezone.localdate()


def card_queryset(school):
    """Innovations with a borgingskaart, with what the card shows: four queries for any number."""
    return (
        Innovation.objects.filter(school=school, stage__in=WITH_CARD)
        .select_related("owner", "borging_guardian", "ambition")
        .prefetch_related(
            "criteria",
            Prefetch(
                "monitoring_entries",
                queryset=MonitoringEntry.objects.prefetch_related(
                    Prefetch("values", queryset=CriterionValue.objects.order_by("pk"))
                ),
            ),
            Prefetch("borging_reviews", queryset=BorgingReview.objects.select_related("by")),
        )
    )


def theme_of(innovation) -> str:
    """The card's theme: its own, else the ambition it serves, else 'other'."""
    if innovation.borging_theme.strip():
        return innovation.borging_theme.strip()
    if innovation.ambition_id:
        return innovation.ambition.title
    return _("Other")


def card(innovation) -> BorgingCard:
    """From `card_queryset`'s prefetched rows, no further query."""
    entries = list(innovation.monitoring_entries.all())
    latest = {}
    for entry in entries:
        for value in entry.values.all():
            latest[value.criterion_id] = float(value.value)
    figures = [
        CardFigure(
            criterion.name,
            latest[criterion.pk],
            float(criterion.target) if criterion.target is not None else None,
            criterion.unit,
        )
        for criterion in innovation.criteria.all()
        if criterion.pk in latest
    ]
    evidence = [
        Evidence(
            entry.observed_on,
            entry.findings,
            entry.pk,
            url=entry.evidence_url,
            has_file=bool(entry.evidence_file),
        )
        for entry in reversed(entries)
        if entry.evidence_url or entry.evidence_file
    ]
    return BorgingCard(
        innovation,
        theme_of(innovation),
        figures=figures,
        evidence=evidence,
        reviews=list(innovation.borging_reviews.all()),
    )


def handbook(school) -> list[tuple[str, list[BorgingCard]]]:
    """The school's quality handbook: its borgingskaarten by theme, each theme's cards by
    review date (the soonest first)."""
    cards = [card(innovation) for innovation in card_queryset(school)]
    themes = {}
    for found in cards:
        themes.setdefault(found.theme, []).append(found)
    far = date.max
    return [
        (
            theme,
            sorted(
                found, key=lambda c: (c.innovation.borging_review_on or far, c.innovation.title)
            ),
        )
        for theme, found in sorted(themes.items(), key=lambda item: item[0].lower())
    ]


# The card is one page: long texts are shortened in the PDF (the page has them whole).
PDF_TEXT_CHARS = 350
PDF_EVIDENCE = 5
PDF_REVIEWS = 2


def card_pdf(found: BorgingCard, *, school_name: str) -> bytes:
    from django.utils.formats import date_format
    from django.utils.text import Truncator

    from tlschool.pdf import Document

    innovation = found.innovation

    def short(text):
        return Truncator(text or "—").chars(PDF_TEXT_CHARS)

    pdf = Document(footer=f"{school_name} · {_('Borgingskaart')} · {innovation.title}")
    pdf.set_title(f"{_('Borgingskaart')} {innovation.title}")
    pdf.paragraph(f"{school_name} · {found.theme}", size=11)
    pdf.heading(f"{_('Borgingskaart')}: {innovation.title}", 18, space=2)
    pdf.ln(2)
    rows = [
        (_("The agreement"), short(innovation.borging_agreements)),
        (_("Why"), short(innovation.aanleiding)),
        (_("What monitoring showed"), short(innovation.borging_monitoring_showed)),
        (_("How it is done in class"), short(innovation.borging_in_class)),
        (
            _("Guarded by"),
            str(innovation.borging_guardian or "—")
            + (
                f" · {innovation.get_borging_anchor_display()}" if innovation.borging_anchor else ""
            ),
        ),
        (
            _("Next review"),
            date_format(innovation.borging_review_on) if innovation.borging_review_on else "—",
        ),
    ]
    for label, text in rows:
        pdf.ln(1)
        pdf.paragraph(label, "B")
        pdf.paragraph(text)
    figures = [
        f"{f.name}: {f.latest:g}{f.unit}"
        + (f" ({_('streefwaarde')} {f.target:g}{f.unit})" if f.target is not None else "")
        for f in found.figures
    ]
    evidence = [
        f"{date_format(e.observed_on)}: {Truncator(e.text).chars(90)}"
        for e in found.evidence[:PDF_EVIDENCE]
    ]
    pdf.items(_("The evidence"), figures + evidence, _("No evidence recorded yet."))
    reviews = [
        f"{date_format(r.reviewed_on)} ({r.by or '—'}): {Truncator(r.findings).chars(140)}"
        for r in found.reviews[:PDF_REVIEWS]
    ]
    pdf.items(_("Reviews"), reviews, _("Not reviewed yet."))
    return pdf.as_bytes()
