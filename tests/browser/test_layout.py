"""Every main page of every role, on a phone (390 × 844) and a laptop (1366 × 900), in Dutch
and English: nothing scrolls sideways, the header stays one line on the laptop, and axe-core
finds nothing serious or critical (WCAG 2.2 AA). A screenshot of each role's home at both
widths goes to test-artifacts/ for a person to look at."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.browser.conftest import ARTIFACTS, assert_accessible, log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

SIZES = {"phone": (390, 844), "laptop": (1366, 900)}
# The header's height when everything in it fits on one line.
ONE_LINE_HEADER_PX = 60


# A space before a full stop or comma, an arrow typed as "->", ".;" or ". ." in the text.
TYPOGRAPHY = re.compile(r"\S {1,}[.,;:](?=\s|$)|->|\.;|\.\s\.")


# Buttons and links that cut their text off, and selects too narrow for the chosen option
# ("Verplaatse", "bijstell"), among those on screen.
CLIPPED_CONTROLS = """() => {
  const canvas = document.createElement("canvas").getContext("2d");
  const seen = (el) => el.getClientRects().length && getComputedStyle(el).visibility !== "hidden";
  const out = [];
  for (const el of document.querySelectorAll("button, a.btn, select")) {
    if (!seen(el)) continue;
    const style = getComputedStyle(el);
    if (el.tagName === "SELECT") {
      const option = el.options[el.selectedIndex];
      if (!option) continue;
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (canvas.measureText(option.text).width > room + 1) out.push(`select ${option.text}`);
    } else if (el.scrollWidth > el.clientWidth + 1) {
      out.push(`${el.tagName.toLowerCase()} ${el.textContent.trim().slice(0, 30)}`);
    }
  }
  return out;
}"""


def main_pages():
    """Per demo user, the pages they use, the detail pages of the demo's own data included."""
    from innovations.models import Innovation
    from leaders.models import TeacherLeaderRole
    from plg.models import PLG, Session

    role = TeacherLeaderRole.objects.filter(person__username="teacherleader").first()
    plg = PLG.objects.filter(leaders__username="teacherleader").first()
    session = Session.objects.filter(plg=plg).order_by("-held_on").first()
    innovation = Innovation.objects.filter(school=plg.school).order_by("pk").first()
    details = [
        reverse("leaders:role", args=[role.pk]),
        reverse("plg:detail", args=[plg.pk]),
        reverse("innovations:detail", args=[innovation.pk]),
    ]
    session_page = reverse("plg:session", args=[session.pk])
    growth_page = reverse("leaders:growth", args=[role.pk])
    card = Innovation.objects.filter(school=plg.school, stage__in=["borgen", "geborgd"]).first()
    quality = [reverse("innovations:handbook"), reverse("innovations:card", args=[card.pk])]
    return {
        "schoolleider": [
            "/",
            "/leaders/",
            "/plg/",
            "/innovations/",
            "/team/",
            "/school/settings/",
            "/report/",
            "/leaders/leading/",
            "/leaders/growing/colleagues/",
            reverse("overview:evidence"),
            growth_page,
            session_page,
            *details,
            *quality,
        ],
        "teacherleader": [
            "/",
            "/leaders/",
            "/plg/",
            "/innovations/",
            "/reminders/",
            reverse("plg:session_new", args=[plg.pk]),
            reverse("plg:schedule", args=[plg.pk]),
            growth_page,
            session_page,
            *details,
        ],
        "teamlid": [
            "/",
            "/leaders/",
            "/leaders/growing/",
            "/plg/",
            "/plg/agreements/",
            "/accounts/profile/",
            *details,
            *quality,
        ],
        "bestuur": [
            "/board/",
            "/dashboard/",
            "/leaders/",
            "/innovations/",
            reverse("overview:board_evidence"),
        ],
    }


def test_every_main_page_fits_a_phone_and_passes_axe(browser, live_server, browser_context_args):
    call_command("seed_demo", "--password", PASSWORD)
    ARTIFACTS.mkdir(exist_ok=True)
    problems = []
    for person, paths in main_pages().items():
        for size, (width, height) in SIZES.items():
            context = browser.new_context(
                **{**browser_context_args, "viewport": {"width": width, "height": height}}
            )
            try:
                page = context.new_page()
                log_in(page, live_server.url, person)
                page.screenshot(path=str(ARTIFACTS / f"home-{person}-{size}.png"), full_page=True)
                for language in ("nl", "en"):
                    if language == "en":
                        switch_language(page, "en")
                    for path in paths:
                        page.goto(live_server.url + path)
                        where = f"{person} {size} {language} {path}"
                        scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
                        if scroll_width > width:
                            problems.append(f"{where}: {scroll_width} px wide")
                        header = page.locator("header nav").bounding_box()["height"]
                        if size == "laptop" and header > ONE_LINE_HEADER_PX:
                            problems.append(f"{where}: header {header:.0f} px high")
                        for control in page.evaluate(CLIPPED_CONTROLS):
                            problems.append(f"{where}: clipped {control}")
                        text = page.locator("body").inner_text()
                        for mark in TYPOGRAPHY.findall(text):
                            problems.append(f"{where}: typography {mark!r}")
                        if language == "nl" or size == "phone":
                            try:
                                assert_accessible(page)
                            except AssertionError as error:
                                problems.append(f"{where}: {error}")
            finally:
                context.close()
    assert not problems, "\n".join(problems)


def test_every_innovation_column_is_in_sight_on_a_laptop(
    browser, live_server, browser_context_args
):
    call_command("seed_demo", "--password", PASSWORD)
    context = browser.new_context(
        **{**browser_context_args, "viewport": {"width": 1366, "height": 900}}
    )
    try:
        page = context.new_page()
        log_in(page, live_server.url, "teacherleader")
        page.goto(live_server.url + "/innovations/")
        headings = page.locator(".stage-column h3")
        assert headings.count() == 8
        for index in range(headings.count()):
            box = headings.nth(index).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 1366, headings.nth(
                index
            ).text_content()
        assert page.evaluate(CLIPPED_CONTROLS) == []
    finally:
        context.close()


def switch_language(page, language):
    page.locator("#language").select_option(language)
    with page.expect_navigation():
        page.locator("#language").locator("xpath=ancestor::form").locator("button").click()
