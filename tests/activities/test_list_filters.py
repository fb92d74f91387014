"""Sorting the activity list nearest first."""

import pytest

from tests.activities.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_nearest_first_measures_from_the_given_point_and_puts_online_last(client, city):
    far = ActivityFactory(region=city, title="운봉 먼 모임", latitude=35.44, longitude=127.55)
    near = ActivityFactory(
        region=city, title="동충동 가까운 모임", latitude=35.409, longitude=127.381
    )
    online = ActivityFactory(
        region=city, title="온라인 모임", is_online=True, latitude=None, longitude=None
    )

    page = client.get(
        "/activities/?region=namwon&sort=near&near_lat=35.41&near_lng=127.38"
    ).content.decode()

    assert page.index(near.title) < page.index(far.title) < page.index(online.title)


def test_nearest_first_without_a_point_measures_from_the_region_centre(client, city):
    ActivityFactory(region=city, title="운봉 먼 모임", latitude=35.52, longitude=127.60)
    ActivityFactory(region=city, title="시청 앞 모임", latitude=35.4165, longitude=127.3906)

    page = client.get("/activities/?region=namwon&sort=near").content.decode()

    assert page.index("시청 앞 모임") < page.index("운봉 먼 모임")


def test_a_point_outside_korea_is_refused_in_korean(client, city):
    response = client.get("/activities/?region=namwon&sort=near&near_lat=51.5&near_lng=-0.1")

    assert response.status_code == 200
    assert "내 위치가 한국 밖이어서 가까운 순으로 볼 수 없습니다." in response.content.decode()
