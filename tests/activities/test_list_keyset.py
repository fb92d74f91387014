"""Key-based pages on /activities/ and the map's list, the 31-day cap that keeps upcoming lists
on a short index range, and what the cap means for a long activity already running."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sotong.activities.models import MAX_DURATION, Activity
from sotong.activities.services import activity_create
from sotong.core.keyset import InvalidCursor, after, decode_cursor, keyset_page
from tests.activities.factories import ActivityFactory
from tests.activities.test_services import fields_for, next_week_at
from tests.activities.test_views import form_data

pytestmark = pytest.mark.django_db

NEXT_LINK = re.compile(r'<a class="page-navi next" href="([^"]+)" rel="next">')


def walk(client, url: str) -> tuple[list[str], int]:
    """Follows "다음 쪽" from the first page to the last; returns the titles seen in order."""
    seen, pages = [], 0
    while url:
        response = client.get(url)
        assert response.status_code == 200
        seen += [activity.title for activity in response.context["activities"]]
        pages += 1
        found = NEXT_LINK.search(response.content.decode())
        url = response.request["PATH_INFO"] + found.group(1).replace("&amp;", "&") if found else ""
    return seen, pages


def test_following_next_shows_every_upcoming_activity_once_in_order(client, city):
    start = timezone.now() + timedelta(days=1)
    for number in range(45):
        # three activities share each start time, so the id has to break the ties
        ActivityFactory(
            region=city, title=f"모임 {number:02d}", starts_at=start + timedelta(hours=number // 3)
        )

    seen, pages = walk(client, "/activities/")

    assert seen == [f"모임 {number:02d}" for number in range(45)]
    assert pages == 3


@pytest.mark.parametrize("sort", ["new", "popular"])
def test_every_sort_pages_through_everything(client, city, sort):
    for number in range(25):
        ActivityFactory(region=city, title=f"모임 {number:02d}")

    seen, pages = walk(client, f"/activities/?sort={sort}")

    assert sorted(seen) == [f"모임 {number:02d}" for number in range(25)]
    assert pages == 2


def test_nearest_first_pages_through_places_then_online_ones(client, city):
    for number in range(15):
        ActivityFactory(region=city, title=f"장소 {number:02d}", latitude=35.40 + number / 1000)
    for number in range(10):
        ActivityFactory(
            region=city, title=f"온라인 {number}", is_online=True, latitude=None, longitude=None
        )

    seen, _pages = walk(client, "/activities/?sort=near&near_lat=35.40&near_lng=127.38")

    assert seen[:15] == [f"장소 {number:02d}" for number in range(15)]
    assert sorted(seen[15:]) == [f"온라인 {number}" for number in range(10)]


def test_past_activities_page_from_the_latest_back(client, city):
    for number in range(25):
        ActivityFactory(
            region=city,
            title=f"지난 모임 {number:02d}",
            starts_at=timezone.now() - timedelta(days=2 + number),
        )

    seen, pages = walk(client, "/activities/?when=past")

    assert seen == [f"지난 모임 {number:02d}" for number in range(25)]
    assert pages == 2


def test_a_page_never_counts_its_list(client, city):
    ActivityFactory.create_batch(25, region=city)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/activities/")

    assert len(response.context["activities"]) == 20
    assert not [query for query in queries if "COUNT(" in query["sql"].upper()]
    assert "다음 쪽" in response.content.decode()
    assert "활동 목록" in response.content.decode()  # no total: that would need the count


def test_a_short_list_still_says_how_many(client, city):
    ActivityFactory.create_batch(3, region=city)

    html = client.get("/activities/").content.decode()

    assert "활동 3개" in html
    assert "다음 쪽" not in html


@pytest.mark.parametrize(
    "cursor", ["nonsense", "eyJvIjogInN0YXJ0c19hdCJ9", "%F0%9F%98%80", "A" * 2000]
)
def test_a_broken_cursor_shows_the_first_page_and_says_so(client, city, cursor):
    ActivityFactory(region=city, title="첫 모임")

    response = client.get(f"/activities/?after={cursor}")

    assert response.status_code == 200
    assert [activity.title for activity in response.context["activities"]] == ["첫 모임"]
    assert "처음부터 보여 드립니다" in response.content.decode()


def test_a_cursor_from_another_sort_starts_again_from_the_top(client, city):
    ActivityFactory.create_batch(25, region=city)
    newest = client.get("/activities/?sort=new").content.decode()
    cursor = NEXT_LINK.search(newest).group(1).split("after=")[1].split("&")[0]

    response = client.get(f"/activities/?after={cursor}")

    assert len(response.context["activities"]) == 20
    assert "처음부터 보여 드립니다" in response.content.decode()


def test_the_map_list_pages_by_key_too(client, city):
    for number in range(25):
        ActivityFactory(
            region=city,
            title=f"지도 모임 {number:02d}",
            starts_at=next_week_at(9) + timedelta(minutes=number),
        )

    seen, pages = walk(client, "/activities/map/")

    assert seen == [f"지도 모임 {number:02d}" for number in range(25)]
    assert pages == 2


def test_view_tabs_drop_the_cursor(client, city):
    ActivityFactory.create_batch(25, region=city)
    first = client.get("/activities/?kind=gathering").content.decode()
    next_url = NEXT_LINK.search(first).group(1).replace("&amp;", "&")

    html = client.get(f"/activities/{next_url}").content.decode()

    assert 'href="/activities/map/?kind=gathering"' in html
    assert "첫 쪽" in html


# --- the keyset helper itself -------------------------------------------------------------


def test_decoding_refuses_values_of_the_wrong_type(city):
    ordered = Activity.objects.order_by("starts_at", "pk")
    ActivityFactory.create_batch(2, region=city)
    cursor = keyset_page(ordered, None, 1).next_cursor
    assert decode_cursor(ordered, cursor)[1] == ordered.first().pk

    import base64
    import json

    forged = base64.urlsafe_b64encode(
        json.dumps({"o": "starts_at,pk", "v": [{"dt": "어제"}, 1]}).encode()
    ).decode()
    with pytest.raises(InvalidCursor):
        decode_cursor(ordered, forged)
    forged = base64.urlsafe_b64encode(
        json.dumps({"o": "starts_at,pk", "v": [None, 1]}).encode()
    ).decode()
    with pytest.raises(InvalidCursor):
        decode_cursor(ordered, forged)


def test_after_the_last_row_nothing_is_left(city):
    ActivityFactory.create_batch(3, region=city)
    ordered = Activity.objects.order_by("-starts_at", "-pk")
    last = ordered.last()

    assert list(after(ordered, [last.starts_at, last.pk])) == []


# --- the 31-day cap -----------------------------------------------------------------------


def test_an_activity_longer_than_31_days_is_refused_by_the_service(resident, city):
    start = next_week_at(10)
    with pytest.raises(ValidationError) as error:
        activity_create(
            actor=resident,
            fields=fields_for(
                city, starts_at=start, ends_at=start + MAX_DURATION + timedelta(minutes=1)
            ),
        )

    assert "31일을 넘을 수 없습니다" in error.value.message_dict["ends_at"][0]


def test_exactly_31_days_is_allowed(resident, city):
    start = next_week_at(10)

    activity = activity_create(
        actor=resident, fields=fields_for(city, starts_at=start, ends_at=start + MAX_DURATION)
    )

    assert activity.ends_at - activity.starts_at == timedelta(days=31)


def test_the_form_explains_the_cap_beside_the_end_and_keeps_the_input(client_for, resident, city):
    day = timezone.localdate() + timedelta(days=5)
    too_late = day + timedelta(days=40)

    response = client_for(resident).post(
        "/activities/new/", form_data(city, ends_at=f"{too_late.isoformat()}T16:00")
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "31일을 넘을 수 없습니다" in html
    assert f'value="{too_late.isoformat()}T16:00"' in html
    assert not Activity.objects.exists()


def test_a_month_long_festival_in_its_last_days_is_still_upcoming(client, city):
    ActivityFactory(
        region=city,
        title="한 달 축제",
        starts_at=timezone.now() - timedelta(days=29),
        ends_at=timezone.now() + timedelta(days=2),
    )

    response = client.get("/activities/")
    past = client.get("/activities/?when=past")

    assert [activity.title for activity in response.context["activities"]] == ["한 달 축제"]
    assert list(past.context["activities"]) == []
