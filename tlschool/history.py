"""Reading what django-simple-history keeps: who changed what, when, from which value to
which. Each app's history page asks `history_lines` for the records of its objects; the rows
are read in one query per kind of record, and the people and other objects they name in one
query per model, so a page keeps a fixed number of queries however long its history is."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db import models
from django.utils import formats, timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Bookkeeping fields that say nothing to a reader.
QUIET_FIELDS = {"id", "created_at", "updated_at", "revision", "form_key", "stage_since"}
ACTIONS = {"+": gettext_lazy("created"), "~": gettext_lazy("changed"), "-": gettext_lazy("removed")}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class HistoryLine:
    at: datetime
    by: object  # the user, or None when the product itself changed it
    action: str
    subject: str
    changes: list[Change] = field(default_factory=list)


def history_lines(*sources, subject=str) -> list[HistoryLine]:
    """`sources`: querysets of historical records (e.g. `Innovation.history.filter(...)`).
    Newest first. `subject(record)` names the object a line is about."""
    records = []
    for source in sources:
        records.extend(source.select_related("history_user").order_by("history_date", "pk"))
    names = _names_of_related(records)
    members = _many_to_many(records, names)
    lines, previous = [], {}
    for record in records:
        key = (type(record), record.id)
        before = previous.get(key)
        previous[key] = record
        changes = []
        if record.history_type == "~":
            changes = _changes(record, before, names) + _changes_of_sets(record, before, members)
        if record.history_type == "~" and not changes:
            continue
        lines.append(
            HistoryLine(
                at=record.history_date,
                by=record.history_user,
                action=str(ACTIONS[record.history_type]),
                subject=subject(record),
                changes=changes,
            )
        )
    lines.reverse()
    return lines


def _fields(record):
    return [f for f in record.tracked_fields if f.name not in QUIET_FIELDS]


def _names_of_related(records) -> dict:
    """Every object a foreign key of the records points to, by (model, pk), read in bulk."""
    wanted = defaultdict(set)
    for record in records:
        for model_field in _fields(record):
            if model_field.is_relation:
                value = getattr(record, model_field.attname)
                if value is not None:
                    wanted[model_field.related_model].add(value)
    names = {}
    for model, pks in wanted.items():
        for obj in model._default_manager.filter(pk__in=pks):
            names[(model, obj.pk)] = str(obj)
    return names


def _many_to_many(records, names) -> dict:
    """{(history row, field name): set of names} for the many-to-many fields kept (a PLG's
    leaders and members), one query per field and one per target model."""
    result = defaultdict(set)
    by_model = defaultdict(list)
    for record in records:
        by_model[type(record)].append(record.pk)
    for model, history_ids in by_model.items():
        for m2m_field in getattr(model, "_history_m2m_fields", []):
            through = next(
                rel.related_model
                for rel in model._meta.related_objects
                if rel.name == f"{model._meta.model_name}_{m2m_field.name}"
            )
            target = m2m_field.related_model
            column = f"{target._meta.model_name}_id"
            rows = list(
                through.objects.filter(history_id__in=history_ids).values_list("history_id", column)
            )
            labels = {
                obj.pk: str(obj)
                for obj in target._default_manager.filter(pk__in={pk for _h, pk in rows})
            }
            for history_id, pk in rows:
                result[(history_id, m2m_field.name)].add(labels.get(pk, _("(removed)")))
    return result


def _changes_of_sets(record, before, members) -> list[Change]:
    if before is None:
        return []
    changes = []
    for m2m_field in getattr(type(record), "_history_m2m_fields", []):
        old = members.get((before.pk, m2m_field.name), set())
        new = members.get((record.pk, m2m_field.name), set())
        if old != new:
            changes.append(
                Change(
                    label=capfirst(m2m_field.verbose_name),
                    old=", ".join(sorted(old)) or "—",
                    new=", ".join(sorted(new)) or "—",
                )
            )
    return changes


def _changes(record, before, names) -> list[Change]:
    if before is None:
        return []
    changes = []
    for model_field in _fields(record):
        old, new = (getattr(r, model_field.attname) for r in (before, record))
        if old != new:
            changes.append(
                Change(
                    label=capfirst(model_field.verbose_name),
                    old=_shown(model_field, old, names),
                    new=_shown(model_field, new, names),
                )
            )
    return changes


def _shown(model_field, value, names) -> str:
    if value is None or value == "":
        return "—"
    if model_field.is_relation:
        return names.get((model_field.related_model, value), _("(removed)"))
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, date):
        return date_format(value)
    if isinstance(value, Decimal | float):
        return formats.number_format(value.normalize() if isinstance(value, Decimal) else value)
    return str(value)
