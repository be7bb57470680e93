"""The main menu: the current page marked, and no page twice."""

import re

import pytest
from django.urls import reverse


@pytest.fixture
def world_plg(school, teacher_leader):
    from tests.factories import make_plg

    return make_plg(school, teacher_leader)


def menu(client, url):
    html = client.get(url).content.decode()
    nav = html[
        html.index('class="navbar-nav') : html.index("</ul>", html.index('class="navbar-nav'))
    ]
    links = re.findall(
        r'<a class="nav-link( active" aria-current="page)?" href="([^"]+)">([^<]+)(?:<span[^>]*>'
        r"</span>)?</a>",
        nav,
    )
    return [(text, href, bool(current)) for current, href, text in links]


def test_the_current_section_is_marked_for_screen_readers_too(
    client_for, teacher_leader, world_plg
):
    client = client_for(teacher_leader)
    current = [
        text
        for text, _href, here in menu(client, reverse("plg:detail", args=[world_plg.pk]))
        if here
    ]
    assert current == ["PLG's"]
    current = [text for text, _href, here in menu(client, reverse("home")) if here]
    assert current == ["Start"]


def test_the_schoolleider_has_one_dashboard_link_not_home_and_dashboard(client_for, schoolleider):
    links = menu(client_for(schoolleider), reverse("home"))
    hrefs = [href for _text, href, _here in links]
    assert len(hrefs) == len(set(hrefs))
    assert [text for text, _href, _here in links].count("Dashboard") == 1
    assert "Start" not in [text for text, _href, _here in links]
    assert client_for(schoolleider).get(reverse("home")).content.count(b'rel="icon"') == 1
