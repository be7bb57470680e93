from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from leaders import selectors, services
from leaders.facilitation import Facilitation
from leaders.models import Decision, Mandate, MandateItemKind, TimeUnit
from tests.factories import make_role
from tlschool.schools.models import Membership, Role
from tlschool.schools.schooljaar import Schooljaar


@pytest.fixture
def role(school, teacher_leader):
    return make_role(school, teacher_leader)


def add_item(role, text="Lesmateriaal kiezen"):
    return services.mandate_item_add(
        role=role,
        kind=MandateItemKind.AUTHORITY,
        description=text,
        decision=Decision.AFTER_CONSULTING,
    )


def agree_both(role, schoolleider):
    services.mandate_agree(role=role, by=schoolleider, as_schoolleider=True)
    return services.mandate_agree(role=role, by=role.person, as_schoolleider=False)


def test_creating_a_role_makes_an_open_mandate_and_the_teacher_a_teacher_leader(school, teamlid):
    role = make_role(school, teamlid, title="Kartrekker W&T", kind="informal")
    assert role.mandates.get().version == 1
    assert Membership.objects.get(user=teamlid).role == Role.TEACHER_LEADER


def test_a_mandate_is_agreed_when_both_sides_agree(role, schoolleider):
    add_item(role)
    services.mandate_agree(role=role, by=schoolleider, as_schoolleider=True)
    assert not services.mandate_current(role=role).is_agreed
    mandate = services.mandate_agree(role=role, by=role.person, as_schoolleider=False)
    assert mandate.is_agreed
    assert mandate.leader_agreed_by == role.person
    assert mandate.schoolleider_agreed_by == schoolleider


def test_a_change_after_agreement_makes_a_new_version_to_agree_again(role, schoolleider):
    add_item(role, "Lesmateriaal kiezen")
    agree_both(role, schoolleider)
    add_item(role, "Toetskalender vaststellen")

    first, second = Mandate.objects.filter(role=role).order_by("version")
    assert first.is_agreed
    assert list(first.items.values_list("description", flat=True)) == ["Lesmateriaal kiezen"]
    assert second.version == 2 and not second.is_agreed
    assert second.leader_agreed_at is None and second.schoolleider_agreed_at is None
    assert sorted(second.items.values_list("description", flat=True)) == [
        "Lesmateriaal kiezen",
        "Toetskalender vaststellen",
    ]


def test_removing_an_item_after_agreement_also_starts_a_new_version(role, schoolleider):
    item = add_item(role)
    add_item(role, "Collega's uitnodigen")
    agree_both(role, schoolleider)
    mandate = services.mandate_item_remove(item=item)
    assert mandate.version == 2
    assert list(mandate.items.values_list("description", flat=True)) == ["Collega's uitnodigen"]
    assert Mandate.objects.get(role=role, version=1).items.count() == 2


def test_an_empty_mandate_cannot_be_agreed(role, schoolleider):
    with pytest.raises(services.LeaderRuleError, match="leeg mandaat"):
        services.mandate_agree(role=role, by=schoolleider, as_schoolleider=True)


def test_someone_else_cannot_agree_for_the_teacher_leader(role, teamlid):
    add_item(role)
    with pytest.raises(services.LeaderRuleError):
        services.mandate_agree(role=role, by=teamlid, as_schoolleider=False)


def test_positioning_needs_an_agreed_mandate_and_an_announcement(role, schoolleider):
    fresh = selectors.roles_queryset(role.school).get(pk=role.pk)
    assert not selectors.positioning(fresh).is_positioned
    add_item(role)
    agree_both(role, schoolleider)
    fresh = selectors.roles_queryset(role.school).get(pk=role.pk)
    assert selectors.positioning(fresh).mandate_agreed
    assert not selectors.positioning(fresh).is_positioned
    services.announcement_record(
        role=role,
        by=schoolleider,
        announced_on=timezone.localdate(),
        channel="team_meeting",
        text="Sanne is onze rekencoördinator.",
    )
    fresh = selectors.roles_queryset(role.school).get(pk=role.pk)
    assert selectors.positioning(fresh).is_positioned


def log(role, days_ago, hours, within=True):
    return services.time_entry_add(
        role=role,
        worked_on=timezone.localdate() - timedelta(days=days_ago),
        hours=Decimal(hours),
        activity="PLG voorbereiden",
        within_school_time=within,
    )


def test_time_sums_use_the_schools_dagdeel_and_count_time_outside_school(role, school):
    year = Schooljaar.current()
    services.allotment_set(
        role=role, schooljaar=year.start_year, amount=Decimal("10"), unit=TimeUnit.DAGDELEN
    )
    log(role, 0, "4")
    log(role, 0, "2", within=False)  # same day: the schooljaar may have started today
    roles = selectors.roles_in_year(school=school, year=year)
    facilitation = selectors.facilitation_for_roles(roles=roles, year=year, school=school)[role.pk]
    assert facilitation.allotted_hours == Decimal("40.0")
    assert facilitation.used_hours == Decimal("6")
    assert facilitation.outside_percent == 33
    assert facilitation.outside_over_threshold

    school.dagdeel_hours = Decimal("5")
    school.outside_time_threshold_percent = 40
    school.save()
    facilitation = selectors.facilitation_for_roles(roles=roles, year=year, school=school)[role.pk]
    assert facilitation.allotted_hours == Decimal("50.0")
    assert not facilitation.outside_over_threshold


@pytest.mark.parametrize(
    ("used", "elapsed", "behind", "ahead"),
    [("10", 0.5, True, False), ("50", 0.5, False, False), ("90", 0.5, False, True)],
)
def test_pace_against_the_schooljaar(used, elapsed, behind, ahead):
    facilitation = Facilitation(
        allotted_hours=Decimal("100"),
        used_hours=Decimal(used),
        outside_hours=Decimal("0"),
        elapsed_fraction=elapsed,
        outside_threshold_percent=25,
    )
    assert facilitation.expected_hours == Decimal("50.0")
    assert (facilitation.far_behind, facilitation.far_ahead) == (behind, ahead)


def test_more_than_twelve_hours_on_one_day_is_refused(role):
    log(role, 0, "8")
    with pytest.raises(services.LeaderRuleError, match="hoogstens 12 uur"):
        log(role, 0, "5")
    assert role.time_entries.count() == 1


def test_time_outside_the_roles_schooljaar_or_in_the_future_is_refused(role):
    year = Schooljaar.current()
    before = year.start - timedelta(days=1)
    assert "buiten het schooljaar" in services.time_entry_problem(
        role=role, worked_on=before, hours=Decimal("1")
    )
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert "vandaag of eerder" in services.time_entry_problem(
        role=role, worked_on=tomorrow, hours=Decimal("1")
    )


def test_schooljaar_runs_from_august_to_july():
    from datetime import date

    assert Schooljaar.containing(date(2026, 7, 31)).label == "2025-2026"
    assert Schooljaar.containing(date(2026, 8, 1)).label == "2026-2027"
    assert Schooljaar.parse("2026-2027") == Schooljaar(2026)
    assert Schooljaar.parse("2026-2028") is None
    assert Schooljaar(2026).elapsed_fraction(date(2025, 1, 1)) == 0.0
    assert Schooljaar(2026).elapsed_fraction(date(2027, 7, 31)) == 1.0
