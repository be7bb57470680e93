"""The PLG health scan: a handful of statements per capacity of a professional learning
community (Verbiest: personal, interpersonal and organisational capacity) and one open
question, answered anonymously once a term (tlschool.anonymity)."""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from tlschool.anonymity import MIN_ANSWERS
from tlschool.schools.schooljaar import Schooljaar


class Capacity(models.TextChoices):
    PERSONAL = "personal", _("personal capacity")
    INTERPERSONAL = "interpersonal", _("interpersonal capacity")
    ORGANISATIONAL = "organisational", _("organisational capacity")


@dataclass(frozen=True)
class Statement:
    key: str
    capacity: Capacity
    text: str


STATEMENTS = [
    Statement("p1", Capacity.PERSONAL, _("I look critically at my own lessons.")),
    Statement("p2", Capacity.PERSONAL, _("I try out new ways of working in my class.")),
    Statement("p3", Capacity.PERSONAL, _("I use pupils' work and data to improve my teaching.")),
    Statement("p4", Capacity.PERSONAL, _("What I learn in the PLG changes what I do in class.")),
    Statement(
        "i1", Capacity.INTERPERSONAL, _("We show each other our practice, also what failed.")
    ),
    Statement("i2", Capacity.INTERPERSONAL, _("We give each other honest feedback.")),
    Statement("i3", Capacity.INTERPERSONAL, _("We share a view of what good teaching is here.")),
    Statement("i4", Capacity.INTERPERSONAL, _("In this PLG an experiment may fail.")),
    Statement("o1", Capacity.ORGANISATIONAL, _("The PLG meets within school time.")),
    Statement("o2", Capacity.ORGANISATIONAL, _("The schoolleider supports what the PLG does.")),
    Statement(
        "o3", Capacity.ORGANISATIONAL, _("What the PLG learns reaches the rest of the team.")
    ),
    Statement("o4", Capacity.ORGANISATIONAL, _("The PLG's work fits the school's vision.")),
]
STATEMENT_KEYS = [s.key for s in STATEMENTS]
OPEN_QUESTION = _("What would make this PLG stronger?")


def term_of(day: date) -> str:
    """The term a day falls in, as the school names it: '2026-2027, periode 1'. Terms are
    August to November, December to March and April to July."""
    number = 1 if day.month in (8, 9, 10, 11) else 2 if day.month in (12, 1, 2, 3) else 3
    return _("%(year)s, term %(number)s") % {
        "year": Schooljaar.containing(day).label,
        "number": number,
    }


def held_in_term(scans, day: date) -> bool:
    """Whether one of the scans was opened in the term of `day`: a PLG holds one a term."""
    term = term_of(day)
    return any(term_of(scan.opened_on) == term for scan in scans)


def scan_results(answers) -> dict:
    """What a closed scan keeps: the number of answers and, from MIN_ANSWERS answers on, the
    average per statement and per capacity and the open answers in alphabetical order."""
    answers = list(answers)
    if len(answers) < MIN_ANSWERS:
        return {"answers": len(answers)}
    per_statement = {}
    for statement in STATEMENTS:
        scores = [a.scores[statement.key] for a in answers if statement.key in a.scores]
        per_statement[statement.key] = round(sum(scores) / len(scores), 1) if scores else None
    per_capacity = {}
    for capacity in Capacity:
        values = [
            a.scores[s.key]
            for a in answers
            for s in STATEMENTS
            if s.capacity == capacity and s.key in a.scores
        ]
        per_capacity[capacity.value] = round(sum(values) / len(values), 1) if values else None
    return {
        "answers": len(answers),
        "statements": per_statement,
        "capacities": per_capacity,
        "open_answers": sorted(a.open_answer for a in answers if a.open_answer),
    }


@dataclass
class CapacityResult:
    capacity: Capacity
    average: float | None
    statements: list[tuple[Statement, float | None]]


@dataclass
class ScanResult:
    scan: object
    term: str
    answers: int
    shown: bool
    capacities: list[CapacityResult]
    open_answers: list[str]


def scan_result(scan, *, answer_count: int | None = None) -> ScanResult:
    """While open: how many answered, nothing else. Closed: what it kept, shown only with
    enough answers."""
    term = term_of(scan.opened_on)
    if scan.is_open:
        count = answer_count if answer_count is not None else scan.answers.count()
        return ScanResult(scan, term, count, False, [], [])
    results = scan.results or {"answers": 0}
    if results["answers"] < MIN_ANSWERS:
        return ScanResult(scan, term, results["answers"], False, [], [])
    capacities = [
        CapacityResult(
            capacity,
            results["capacities"].get(capacity.value),
            [(s, results["statements"].get(s.key)) for s in STATEMENTS if s.capacity == capacity],
        )
        for capacity in Capacity
    ]
    return ScanResult(scan, term, results["answers"], True, capacities, results["open_answers"])
