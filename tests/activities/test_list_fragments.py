"""Fragments of the activity pages kept between requests (the region switcher, the filters,
the cards): a visitor always sees the current data and their own language."""

import re

import pytest

from sotong.activities.services import rsvp_create
from tests.activities.factories import ActivityFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_renamed_region_shows_in_the_switcher_and_the_filters_at_once(client, city):
    ActivityFactory(region=city)
    assert "남원시 전체" in client.get("/activities/").content.decode()

    city.name = "새남원시"
    city.save()
    html = client.get("/activities/").content.decode()

    assert "새남원시 전체" in html  # the switcher
    assert '<option value="namwon" selected>새남원시</option>' in html  # the filters


def test_a_card_shows_a_new_sign_up_at_once(client, city, resident):
    activity = ActivityFactory(region=city, capacity=10, title="요천 걷기")
    assert "10자리 남음" in client.get("/activities/").content.decode()

    rsvp_create(actor=UserFactory(), activity=activity)
    html = client.get("/activities/").content.decode()

    assert "9자리 남음" in html


def test_an_edited_title_shows_at_once(client, city):
    activity = ActivityFactory(region=city, title="요천 걷기")
    client.get("/activities/")

    activity.title = "요천 둑길 걷기"
    activity.save()

    assert "요천 둑길 걷기" in client.get("/activities/").content.decode()


def test_each_language_gets_its_own_fragments(client, city):
    ActivityFactory(region=city, capacity=10)
    korean = client.get("/activities/").content.decode()
    client.cookies["django_language"] = "en"
    english = client.get("/activities/").content.decode()

    assert "자리 남음" in korean and "조건으로 찾기" in korean
    assert "자리 남음" not in english and "조건으로 찾기" not in english


def test_filters_keep_what_each_visitor_chose(client, city):
    ActivityFactory(region=city)
    client.get("/activities/?kind=class")

    html = client.get("/activities/?kind=event").content.decode()

    assert re.search(r'<input type="checkbox" name="kind" value="event"[^>]*checked', html)
    assert not re.search(r'<input type="checkbox" name="kind" value="class"[^>]*checked', html)
