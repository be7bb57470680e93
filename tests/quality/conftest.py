"""A school with one of everything, for the permission matrix and the input fuzzing."""

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from innovations import services as innovation_services
from leaders import services as leader_services
from leaders.models import Aspiration, Course
from plg import services as plg_services
from plg.health_scan import STATEMENT_KEYS
from tests.factories import log_session, make_innovation, make_plg, make_role, member
from tlschool.accounts.models import IdentityProvider
from tlschool.reminders.models import FeedToken, Holiday, Kind
from tlschool.reminders.sending import unsubscribe_token
from tlschool.schools import services as school_services
from tlschool.schools.models import Membership

MARKER = "Geheimproject-Regenboog"
# Texts that only some of the people who see a page may read, and never board staff.
PRIVATE = {
    "time line": f"Uren {MARKER}",
    "session notes": f"Privénotitie {MARKER}",
    "dialogue note": f"Gesprek {MARKER}",
    "pulse comment": f"Pulsopmerking {MARKER}",
    "aspiration": f"Groeiwens {MARKER}",
    "scan answer": f"Scanantwoord {MARKER}",
}


@dataclass
class World:
    school: object
    role: object
    item: object
    plg: object
    session: object
    innovation: object
    pulse: object
    entry: object
    membership: object
    time_entry: object
    course: object
    criterion: object
    ambition: object
    invitation: object
    former: object
    provider: object
    feed_token: str
    unsubscribe_token: str
    holiday: object
    aspiration: object
    scan: object
    anchored: object


@pytest.fixture
def world(
    ambition,
    school,
    schoolleider,
    teacher_leader,
    teamlid,
    board_staff,
    other_school_leader,
    settings,
    tmp_path,
):
    settings.MEDIA_ROOT = tmp_path
    role = make_role(school, teacher_leader, title=f"Rol {MARKER}")
    item = leader_services.mandate_item_add(
        role=role, kind="authority", description=f"Mandaat {MARKER}", decision="alone"
    )
    time_entry = leader_services.time_entry_add(
        role=role,
        worked_on=timezone.localdate(),
        hours=Decimal("2"),
        activity=PRIVATE["time line"],
        within_school_time=True,
    )
    plg = make_plg(school, teacher_leader, members=[teamlid], name=f"PLG {MARKER}")
    session = log_session(
        plg,
        teacher_leader,
        present=[teacher_leader, teamlid],
        agreements=[(f"Afspraak {MARKER}", teamlid, 3)],
        learned=f"Geleerd {MARKER}",
        private_notes=PRIVATE["session notes"],
    )
    leader_services.dialogue_note_add(
        school=school,
        person=teacher_leader,
        author=schoolleider,
        held_on=timezone.localdate(),
        text=PRIVATE["dialogue note"],
    )
    innovation = make_innovation(school, teacher_leader, title=f"Innovatie {MARKER}", plgs=[plg])
    entry = innovation_services.monitoring_add(
        innovation=innovation,
        by=teacher_leader,
        values={},
        observed_on=timezone.localdate(),
        method="observation",
        findings=f"Bevinding {MARKER}",
        evidence_file=SimpleUploadedFile("bewijs.pdf", b"%PDF-1.4 bewijs"),
    )
    former = member(school, "teamlid", "vertrokken", "Vera Vertrokken")
    school_services.member_remove(membership=Membership.objects.get(user=former), by=schoolleider)
    pulse = innovation_services.pulse_open(innovation=innovation, by=teacher_leader)
    innovation_services.pulse_answer(
        pulse=pulse, person=teamlid, willen=1, kunnen=1, comment=PRIVATE["pulse comment"]
    )
    scan = plg_services.scan_open(plg=plg, by=teacher_leader)
    plg_services.scan_answer(
        scan=scan,
        person=teamlid,
        scores=dict.fromkeys(STATEMENT_KEYS, 1),
        open_answer=PRIVATE["scan answer"],
    )
    anchored = make_innovation(
        school,
        teacher_leader,
        title=f"Geborgd {MARKER}",
        stage="borgen",
        borging_agreements=f"Afspraak borging {MARKER}",
        borging_anchor="kwaliteitskaart",
        borging_guardian=teamlid,
        borging_review_on=timezone.localdate(),
    )
    return World(
        anchored=anchored,
        scan=scan,
        school=school,
        role=role,
        item=item,
        plg=plg,
        session=session,
        innovation=innovation,
        pulse=pulse,
        entry=entry,
        membership=Membership.objects.get(user=teamlid),
        ambition=ambition,
        time_entry=time_entry,
        criterion=innovation_services.criterion_add(
            innovation=innovation, by=teacher_leader, name=f"Criterium {MARKER}", target=80
        ),
        former=former,
        invitation=school_services.member_invite(
            school=school, full_name="Peter", email=other_school_leader.email, role="teamlid"
        )[0],
        # The teamlid's calendar address and the link in a reminder to them.
        feed_token=FeedToken.renew(teamlid),
        unsubscribe_token=unsubscribe_token(teamlid, Kind.AGREEMENT_DUE),
        aspiration=Aspiration.objects.create(
            school=school, person=teamlid, theme="Rekenen", why=PRIVATE["aspiration"]
        ),
        holiday=Holiday.objects.create(
            school=school,
            name=f"Vakantie {MARKER}",
            first_day=timezone.localdate(),
            last_day=timezone.localdate(),
        ),
        provider=IdentityProvider.objects.create(
            board=school.board,
            kind=IdentityProvider.Kind.OIDC,
            label=f"Schoolaccount {MARKER}",
            issuer="http://127.0.0.1:9/",
            client_id="tlschool",
            client_secret="s3cret",
            email_domains="regenboog.nl",
        ),
        course=Course.objects.create(school=school, person=teacher_leader, name=f"Cursus {MARKER}"),
    )
