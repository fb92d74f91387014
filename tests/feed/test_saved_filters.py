"""Saved filters and their RSS, Atom and iCal feeds, read back with real parsers."""

import re

import feedparser
import pytest
from icalendar import Calendar

from sotong.feed.models import SavedFilter
from tests.activities.factories import ActivityFactory
from tests.conftest import ROLES
from tests.factories import NeighbourhoodFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def saved(client, resident, city, topics):
    dong = NeighbourhoodFactory(parent=city, name="동충동", slug="dongchung")
    ActivityFactory(
        region=dong, topics=[topics[0]], title="동충동 키즈 놀이", host_contact="010-9999-0000"
    )
    ActivityFactory(region=city, topics=[topics[1]], title="남원 음악회")
    ActivityFactory(region=city, topics=[topics[0]], title="남원 키즈 강좌", kind="class")
    client.force_login(resident)
    response = client.post(
        "/feeds/new/?region=namwon&topic=kids",
        {
            "name": "우리 동네 키즈 모임",
            "topics": [topics[0].pk],
            "regions": [city.pk],
            "kinds": ["gathering"],
        },
    )
    assert response.status_code == 302
    return SavedFilter.objects.get(owner=resident)


def test_the_activity_list_offers_to_save_its_filters(client, resident, city, topics):
    client.force_login(resident)
    text = client.get("/activities/?region=namwon&topic=kids").content.decode()
    assert 'href="/feeds/new/?region=namwon&amp;topic=kids"' in text
    form = client.get("/feeds/new/?region=namwon&topic=kids").content.decode()
    checked = re.findall(r'<input type="checkbox" name="(\w+)" value="(\d+)"[^>]*checked', form)
    assert sorted(checked) == sorted([("topics", str(topics[0].pk)), ("regions", str(city.pk))])


def test_rss_and_atom_list_matching_activities_without_private_data(client, saved, resident):
    for kind in ("rss", "atom"):
        response = client.get(f"/feeds/{saved.token}/{kind}/")
        assert response.status_code == 200
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, parsed.bozo_exception
        assert parsed.feed.title == "소통 · 우리 동네 키즈 모임"
        assert [entry.title for entry in parsed.entries] == ["동충동 키즈 놀이"]
        body = response.content.decode()
        assert "010-9999-0000" not in body and resident.email not in body


def test_ical_lists_the_same_activities(client, saved):
    response = client.get(f"/feeds/{saved.token}/ical/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["동충동 키즈 놀이"]
    assert "010-9999-0000" not in response.content.decode()


def test_regenerating_the_token_stops_the_old_address(client, saved):
    old = saved.token
    response = client.post(f"/feeds/{saved.pk}/token/", follow=True)
    assert "예전 주소는 더 이상 쓸 수 없습니다" in response.content.decode()
    saved.refresh_from_db()
    assert saved.token != old
    for kind in ("rss", "atom", "ical"):
        assert client.get(f"/feeds/{old}/{kind}/").status_code == 404
        assert client.get(f"/feeds/{saved.token}/{kind}/").status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_only_the_owner_or_the_site_admin_manages_a_saved_filter(
    role, user_for_role, client_for, city
):
    saved = SavedFilter.objects.create(owner=UserFactory(), name="우리 동네 키즈 모임")
    client = client_for(user_for_role(role))
    token = saved.token
    response = client.post(f"/feeds/{saved.pk}/token/")
    saved.refresh_from_db()
    if role == "anonymous":
        assert response.url.startswith("/accounts/login/")
    elif role == "admin":  # support can rotate a leaked address
        assert response.status_code == 302 and saved.token != token
        return
    else:
        assert response.status_code == 403
    assert saved.token == token
    assert client.post(f"/feeds/{saved.pk}/delete/").status_code in (302, 403)
    assert SavedFilter.objects.filter(pk=saved.pk).exists()
    if role != "anonymous":
        assert "우리 동네 키즈 모임" not in client.get("/feeds/").content.decode()


def test_a_filter_needs_a_name_and_a_condition_and_keeps_what_was_typed(client, resident):
    client.force_login(resident)
    response = client.post("/feeds/new/", {"name": "빈 조건"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "하나 이상을 골라 주세요" in text
    assert 'value="빈 조건"' in text
    response = client.post("/feeds/new/", {"kinds": ["class"]})
    assert "이름을 적어 주세요." in response.content.decode()


def test_owner_deletes_a_filter(client, saved):
    client.post(f"/feeds/{saved.pk}/delete/")
    assert not SavedFilter.objects.exists()


def test_organisation_filter_only_offers_followed_organisations(client, resident, city):
    from sotong.interests.services import follow

    mine = OrganizationFactory(region=city, name="팔로우한 모임", slug="followed")
    OrganizationFactory(region=city, name="모르는 모임", slug="unknown")
    follow(user=resident, target=mine)
    client.force_login(resident)
    text = client.get("/feeds/new/").content.decode()
    assert "팔로우한 모임" in text and "모르는 모임" not in text
    other = UserFactory()
    assert other.saved_filters.count() == 0


def test_saved_filters_are_exported_and_erased_with_the_account(saved, resident):
    from sotong.accounts.selectors import user_personal_data
    from sotong.accounts.services import user_delete

    assert "우리 동네 키즈 모임" in str(user_personal_data(user=resident))
    user_delete(user=resident)
    assert not SavedFilter.objects.exists()
