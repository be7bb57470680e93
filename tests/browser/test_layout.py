"""Every main page of every role, on a phone (390 × 844) and a laptop (1366 × 900): nothing
scrolls sideways, and the header stays one line on the laptop. A screenshot of each role's
home at both widths goes to test-artifacts/ for a person to look at."""

import pytest
from django.core.management import call_command

from tests.browser.conftest import ARTIFACTS, log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

MAIN_PAGES = {
    "schoolleider": ["/", "/leaders/", "/plg/", "/innovations/", "/team/", "/school/settings/"],
    "teacherleader": ["/", "/leaders/", "/plg/", "/innovations/", "/reminders/"],
    "teamlid": ["/", "/plg/", "/accounts/profile/"],
    "bestuur": ["/board/", "/dashboard/", "/leaders/"],
}
SIZES = {"phone": (390, 844), "laptop": (1366, 900)}
# The header's height when everything in it fits on one line.
ONE_LINE_HEADER_PX = 60


def test_no_page_scrolls_sideways_and_the_header_is_one_line(
    browser, live_server, browser_context_args
):
    call_command("seed_demo", "--password", PASSWORD)
    ARTIFACTS.mkdir(exist_ok=True)
    problems = []
    for person, paths in MAIN_PAGES.items():
        for size, (width, height) in SIZES.items():
            context = browser.new_context(
                **{**browser_context_args, "viewport": {"width": width, "height": height}}
            )
            try:
                page = context.new_page()
                log_in(page, live_server.url, person)
                page.screenshot(path=str(ARTIFACTS / f"home-{person}-{size}.png"), full_page=True)
                for path in paths:
                    page.goto(live_server.url + path)
                    scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
                    if scroll_width > width:
                        problems.append(f"{person} {size} {path}: {scroll_width} px wide")
                    header = page.locator("header nav").bounding_box()["height"]
                    if size == "laptop" and header > ONE_LINE_HEADER_PX:
                        problems.append(f"{person} {size} {path}: header {header:.0f} px high")
            finally:
                context.close()
    assert not problems, "\n".join(problems)
