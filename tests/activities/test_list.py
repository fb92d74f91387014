"""/activities/: filters in the URL, sorting, past activities and a fixed number of queries."""

import re
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from sotong.activities.models import Activity
from sotong.activities.selectors import date_window
from sotong.activities.services import rsvp_create
from sotong.organizations.models import Organization
from tests.activities.factories import ActivityFactory
from tests.factories import NeighbourhoodFactory, OrganizationFactory, RegionFactory, UserFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [activity.title for activity in response.context["activities"]]


def local(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def test_list_shows_upcoming_published_activities_soonest_first(client, city):
    ActivityFactory(region=city, title="다음 주 모임", starts_at=local(7, 10))
    ActivityFactory(region=city, title="내일 모임", starts_at=local(1, 10))
    ActivityFactory(region=city, title="임시 저장", status=Activity.Status.DRAFT)
    ActivityFactory(region=city, title="취소된 모임", status=Activity.Status.CANCELLED)
    ActivityFactory(region=city, title="지난달 모임", starts_at=local(-30, 10))

    response = client.get("/activities/")

    assert response.status_code == 200
    assert titles(response) == ["내일 모임", "다음 주 모임"]
    assert "활동 2개" in response.content.decode()


def test_past_activities_stay_findable(client, city):
    ActivityFactory(region=city, title="지난달 모임", starts_at=local(-30, 10))
    ActivityFactory(region=city, title="지난주 모임", starts_at=local(-7, 10))
    ActivityFactory(region=city, title="다음 주 모임", starts_at=local(7, 10))

    response = client.get("/activities/?when=past")

    assert titles(response) == ["지난주 모임", "지난달 모임"]
    assert "<h1>지난 활동</h1>" in response.content.decode()


def at(year, month, day, hour=12) -> datetime:
    return timezone.make_aware(datetime(year, month, day, hour))


@pytest.mark.parametrize(
    ("now", "when", "start", "end"),
    [
        (at(2030, 5, 15, 9), "today", at(2030, 5, 15, 0), at(2030, 5, 16, 0)),  # a Wednesday
        (at(2030, 5, 15, 9), "weekend", at(2030, 5, 18, 0), at(2030, 5, 20, 0)),
        (at(2030, 5, 18, 9), "weekend", at(2030, 5, 18, 9), at(2030, 5, 20, 0)),  # Saturday
        (at(2030, 5, 19, 9), "weekend", at(2030, 5, 19, 9), at(2030, 5, 20, 0)),  # Sunday
        (at(2030, 5, 15, 9), "month", at(2030, 5, 15, 9), at(2030, 6, 1, 0)),
        (at(2030, 12, 31, 9), "month", at(2030, 12, 31, 9), at(2031, 1, 1, 0)),
    ],
)
def test_date_shortcuts_cover_the_right_local_days(now, when, start, end):
    assert date_window(when, now) == (start, end)


def test_today_weekend_and_month_shortcuts_filter_the_list(client, city):
    now = timezone.now()
    inside = {
        when: ActivityFactory(
            region=city,
            title=f"{when} 안",
            starts_at=max(date_window(when, now)[0], now) + timedelta(minutes=1),
            ends_at=max(date_window(when, now)[0], now) + timedelta(minutes=2),
        )
        for when in ("today", "weekend", "month")
    }
    far = ActivityFactory(region=city, title="두 달 뒤", starts_at=local(62, 10))

    for when, activity in inside.items():
        found = titles(client.get(f"/activities/?when={when}"))
        assert activity.title in found
        assert far.title not in found


def test_date_range_filter(client, city):
    ActivityFactory(region=city, title="10일 뒤", starts_at=local(10, 10))
    ActivityFactory(region=city, title="20일 뒤", starts_at=local(20, 10))
    start = (timezone.localdate() + timedelta(days=15)).isoformat()
    end = (timezone.localdate() + timedelta(days=25)).isoformat()

    assert titles(client.get(f"/activities/?date_from={start}&date_to={end}")) == ["20일 뒤"]


def test_topic_kind_audience_free_and_seats_filters(client, city, topics):
    kids, music = topics[0], topics[1]
    ActivityFactory(
        region=city, title="어린이 국악", kind="class", topics=[kids, music], audience=",kids,"
    )
    ActivityFactory(region=city, title="작은 음악회", kind="performance", topics=[music], fee=5000)
    ActivityFactory(region=city, title="모두의 장터", kind="event", audience=",everyone,")
    full = ActivityFactory(region=city, title="꽉 찬 모임", capacity=1)
    rsvp_create(actor=UserFactory(), activity=full)

    assert titles(client.get("/activities/?topic=music")) == ["어린이 국악", "작은 음악회"]
    assert titles(client.get("/activities/?topic=music&topic=kids")) == [
        "어린이 국악",
        "작은 음악회",
    ]
    assert titles(client.get("/activities/?kind=performance&kind=event")) == [
        "작은 음악회",
        "모두의 장터",
    ]
    assert titles(client.get("/activities/?audience=kids")) == ["어린이 국악", "모두의 장터"]
    assert "작은 음악회" not in titles(client.get("/activities/?free=on"))
    assert "꽉 찬 모임" not in titles(client.get("/activities/?seats=on"))
    assert "꽉 찬 모임" in titles(client.get("/activities/"))


def test_host_kind_filter(client, city, resident):
    group = OrganizationFactory(region=city, kind=Organization.Kind.CIVIC_GROUP)
    department = OrganizationFactory(region=city, kind=Organization.Kind.GOVERNMENT)
    ActivityFactory(region=city, title="주민이 연 모임", host=resident)
    ActivityFactory(region=city, title="단체 행사", host_organization=group)
    ActivityFactory(region=city, title="시청 공청회", host_organization=department)

    assert titles(client.get("/activities/?host=resident")) == ["주민이 연 모임"]
    assert titles(client.get("/activities/?host=group")) == ["단체 행사"]
    assert titles(client.get("/activities/?host=city")) == ["시청 공청회"]


def test_region_filter_covers_neighbourhoods_and_defaults_to_the_city(client, city):
    dong = NeighbourhoodFactory(parent=city, name="도통동", slug="dotong")
    other_city = RegionFactory(
        name="전주시",
        slug="jeonju",
        latitude=35.82,
        longitude=127.15,
        bound_south=35.7,
        bound_west=127.0,
        bound_north=35.95,
        bound_east=127.3,
        order=5,
    )
    ActivityFactory(region=city, title="남원 시내")
    ActivityFactory(region=dong, title="도통동 모임")
    ActivityFactory(region=other_city, title="전주 모임", latitude=35.82, longitude=127.15)

    assert titles(client.get("/activities/")) == ["남원 시내", "도통동 모임"]
    assert titles(client.get("/activities/?region=dotong")) == ["도통동 모임"]
    assert titles(client.get("/activities/?region=jeonju")) == ["전주 모임"]
    assert len(titles(client.get("/activities/?region="))) == 3


def test_sorting_by_newest_and_most_joined(client, city):
    first = ActivityFactory(region=city, title="먼저 올린", starts_at=local(2, 10))
    popular = ActivityFactory(region=city, title="인기 모임", starts_at=local(5, 10))
    for _ in range(3):
        rsvp_create(actor=UserFactory(), activity=popular)
    Activity.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=3))

    assert titles(client.get("/activities/?sort=new")) == ["인기 모임", "먼저 올린"]
    assert titles(client.get("/activities/?sort=popular")) == ["인기 모임", "먼저 올린"]
    assert titles(client.get("/activities/?sort=soon")) == ["먼저 올린", "인기 모임"]


def test_bad_filter_values_are_explained_and_ignored(client, city):
    ActivityFactory(region=city, title="정상 모임")

    response = client.get(
        "/activities/?when=yesterday&kind=party&sort=random&date_from=not-a-date&topic=nope"
        "&region=atlantis&audience=aliens&host=martians&page=9999"
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert titles(response) == ["정상 모임"]
    assert "알 수 없는 기간입니다." in page
    assert "날짜를 2025-05-01 형식으로 적어 주세요." in page
    assert "알 수 없는 지역입니다." in page


def test_filtered_list_is_a_shareable_url_that_keeps_its_choices(client, city, topics):
    response = client.get("/activities/?topic=kids&kind=class&free=on&when=weekend")

    page = response.content.decode()
    checked = {
        (match.group("name"), match.group("value"))
        for match in re.finditer(
            r'<input[^>]*name="(?P<name>\w+)"[^>]*value="(?P<value>\w+)"[^>]*>', page
        )
        if "checked" in match.group(0)
    }
    assert {("topic", "kids"), ("kind", "class"), ("when", "weekend")} <= checked
    assert ("topic", "music") not in checked


def make_city_activities(city, topics, count):
    organization = OrganizationFactory(region=city)
    for n in range(count):
        ActivityFactory(
            region=city,
            topics=topics[: 1 + n % 3],
            host_organization=organization if n % 2 else None,
            starts_at=local(1 + n % 40, 10),
        )


@pytest.mark.parametrize("count", [3, 60])
def test_list_runs_a_fixed_number_of_queries(
    client_for, resident, city, topics, count, django_assert_max_num_queries
):
    make_city_activities(city, topics, count)
    client = client_for(resident)

    with django_assert_max_num_queries(12) as captured:
        response = client.get("/activities/?topic=kids&topic=music&sort=popular")

    assert response.status_code == 200
    print(f"\n/activities/ with {count} activities: {len(captured)} queries")
    assert len(response.context["activities"]) == min(count, 20)
