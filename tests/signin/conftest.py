import pytest

from tests.oidc.fixtures import entra, oidc  # noqa: F401  (fixtures)


@pytest.fixture(autouse=True)
def second_step_asked(school):
    """The model's default for a real board (the factories switch it off elsewhere)."""
    school.board.two_factor_for_leaders = True
    school.board.save()
