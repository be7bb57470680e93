from datetime import date

import pytest

from plg.models import Agreement
from tests.factories import log_session, make_plg


@pytest.fixture
def plg(school, teacher_leader, teamlid):
    return make_plg(school, teacher_leader, members=[teamlid])


@pytest.fixture
def agreement_due(plg, teacher_leader, teamlid):
    """An agreement of the teamlid's, due on a given day."""
    session = log_session(plg, teacher_leader, present=[teacher_leader, teamlid])

    def _make(due_on: date, text="Rekenspel uitproberen in groep 5"):
        return Agreement.objects.create(
            plg=plg, session=session, text=text, owner=teamlid, due_on=due_on
        )

    return _make


@pytest.fixture
def smtp_server():
    """A real SMTP server on localhost; always stopped."""
    from aiosmtpd.controller import Controller

    from tests.processes import Inbox
    from tlschool.serving import free_port

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()
