"""Whole anonymous pages from the cache (sotong.core.middleware.AnonymousPageCacheMiddleware)."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from tests.activities.factories import ActivityFactory

pytestmark = pytest.mark.django_db

HIT = "X-Sotong-Page-Cache"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.SOTONG_PAGE_CACHE_SECONDS = 30
    cache.clear()
    yield
    cache.clear()


def test_the_second_anonymous_visit_runs_no_query(city, django_assert_num_queries):
    client = Client()
    first = client.get("/regions/")
    assert first.status_code == 200 and first[HIT] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/regions/")
    assert second[HIT] == "hit"
    assert second.content == first.content
    assert second["Content-Type"].startswith("text/html")


def test_the_cache_has_a_copy_per_language(city):
    korean, english = Client(), Client()
    assert english.post("/language/", {"language": "en", "next": "/"}).status_code == 302
    korean.get("/regions/")
    english.get("/regions/")
    again = english.get("/regions/")
    assert again[HIT] == "hit"
    assert '<html lang="en">' in again.content.decode()
    assert "<h1>Regions</h1>" in again.content.decode()
    assert '<html lang="ko">' in korean.get("/regions/").content.decode()


def test_a_logged_in_person_never_gets_the_anonymous_copy(city, resident):
    anonymous = Client()
    anonymous.get("/regions/")
    assert anonymous.get("/regions/")[HIT] == "hit"

    member = Client()
    member.force_login(resident)
    response = member.get("/regions/")
    assert HIT not in response
    text = response.content.decode()
    assert 'action="/accounts/logout/"' in text
    assert 'href="/accounts/login/"' not in text
    # … and what was drawn for them is never stored for anyone else.
    assert 'action="/accounts/logout/"' not in Client().get("/regions/").content.decode()


def test_pages_with_a_csrf_token_are_never_stored(city, resident):
    client = Client()
    first = client.get("/accounts/login/")
    assert "csrfmiddlewaretoken" in first.content.decode()
    second = Client().get("/accounts/login/")
    assert HIT not in second
    assert second.cookies.get("csrftoken") is not None


def test_a_change_shows_once_the_short_lifetime_ends(city):
    held = timezone.now() - timedelta(days=3)
    activity = ActivityFactory(
        region=city, title="첫 번째 제목", starts_at=held, ends_at=held + timedelta(hours=2)
    )
    path = activity.get_absolute_url()
    assert "첫 번째 제목" in Client().get(path).content.decode()
    activity.title = "바뀐 제목"
    activity.save()
    assert "첫 번째 제목" in Client().get(path).content.decode()  # the cached copy, ≤ 30 s
    cache.clear()  # as when the 30 seconds are over
    assert "바뀐 제목" in Client().get(path).content.decode()


def test_anonymous_api_answers_come_from_the_cache_per_language(city, django_assert_num_queries):
    first = Client().get("/api/v1/regions")
    assert first.status_code == 200 and first[HIT] == "miss"
    with django_assert_num_queries(0):
        second = Client().get("/api/v1/regions")
    assert second[HIT] == "hit" and second.json() == first.json()
    assert second["Content-Type"].startswith("application/json")
    assert "Accept-Language" in second["Vary"]
    missing = Client(HTTP_ACCEPT_LANGUAGE="en").get("/api/v1/regions/nowhere")
    assert missing.status_code == 404 and missing.json()["detail"] == "Region not found."
    assert HIT not in Client(HTTP_ACCEPT_LANGUAGE="en").get("/api/v1/regions/nowhere")


def test_the_api_of_a_logged_in_person_is_never_stored_nor_served_from_the_cache(city, resident):
    Client().get("/api/v1/regions")
    member = Client()
    member.force_login(resident)
    answer = member.get("/api/v1/me")
    assert answer.status_code == 200 and HIT not in answer
    assert HIT not in member.get("/api/v1/regions")
    assert Client().get("/api/v1/me").status_code == 401


def test_the_cache_is_off_when_the_setting_is_zero(city, settings):
    settings.SOTONG_PAGE_CACHE_SECONDS = 0
    Client().get("/regions/")
    assert HIT not in Client().get("/regions/")


def test_the_language_switch_works_without_a_token_and_only_returns_to_this_site(city):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/language/", {"language": "en", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert not response["Location"].startswith("https://evil.example")
    assert response.cookies["django_language"].value == "en"
    assert client.get("/language/").status_code == 405


def test_an_upcoming_activity_is_kept_for_visitors_with_a_log_in_link_not_a_form(
    city, resident, django_assert_num_queries
):
    activity = ActivityFactory(region=city)
    first = Client().get(activity.get_absolute_url())
    assert first[HIT] == "miss"
    assert "csrfmiddlewaretoken" not in first.content.decode()
    with django_assert_num_queries(0):
        second = Client().get(activity.get_absolute_url())
    assert second[HIT] == "hit"
    assert "로그인하고 신청하기" in second.content.decode()

    member = Client()
    member.force_login(resident)
    page = member.get(activity.get_absolute_url())
    assert HIT not in page
    assert "참가 신청하기</button>" in page.content.decode()
