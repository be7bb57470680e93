"""Real-browser journeys in Debian's chromium, driven by Playwright against the live server."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.oidc.fixtures import entra, oidc  # noqa: F401  (fixtures)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL"}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing journey leaves a screenshot and the page's HTML in test-artifacts/."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    if report.when != "call" or not report.failed:
        return report
    pages = list(getattr(item, "journey_pages", []))
    if "page" in getattr(item, "funcargs", {}):
        pages.insert(0, item.funcargs["page"])
    name = item.nodeid.replace("/", "_").replace("::", "__")
    for number, page in enumerate(pages):
        ARTIFACTS.mkdir(exist_ok=True)
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}-{number}.png"), full_page=True)
            (ARTIFACTS / f"{name}-{number}.html").write_text(page.content())
        except Exception as error:  # the page may be gone; the report still stands
            report.sections.append(("artifacts", f"could not save page {number}: {error}"))
    return report


# Generous waits: on a busy 2-core machine (CI beside other work) a page can take seconds.
PAGE_TIMEOUT_MS = 30_000
expect.set_options(timeout=15_000)


def log_in(page, base_url, username, password=PASSWORD):
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state("domcontentloaded")
    return page


@pytest.fixture
def log_in_as(page, live_server):
    """Log in on the test's page (one person per test)."""
    return lambda username, password=PASSWORD: log_in(page, live_server.url, username, password)


@pytest.fixture
def page_for(request, browser, live_server, browser_context_args):
    """A separate browser (own cookies) per person, for journeys with several people.

    Every page a person reaches is remembered; when the journey has passed, each is opened
    again as that person and scanned with axe-core.
    """
    contexts, visited = [], []
    request.node.journey_pages = []

    def _page(username, password=PASSWORD):
        context = browser.new_context(**browser_context_args)
        contexts.append(context)
        page = context.new_page()
        request.node.journey_pages.append(page)
        page.on(
            "framenavigated",
            lambda frame: frame == page.main_frame and visited.append((page, frame.url)),
        )
        return log_in(page, live_server.url, username, password)

    yield _page
    try:
        call = getattr(request.node, "rep_call", None)
        if call is not None and call.passed:
            for page, url in dict.fromkeys(visited):
                page.goto(url)
                assert_accessible(page)
    finally:
        for context in contexts:
            context.close()


AXE = Axe()
BLOCKING_IMPACT = {"serious", "critical"}


def assert_accessible(page):
    """axe-core on the current page: no violation of impact serious or critical."""
    results = AXE.run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACT]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"])
        for v in blocking
    )
    assert not blocking, f"accessibility violations on {page.url}:\n{report}"
