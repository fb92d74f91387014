"""iCal (RFC 5545) for one activity and for the filtered list, parsed back with icalendar."""

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from sotong.activities.models import Activity
from sotong.activities.services import activity_cancel
from tests.activities.factories import ActivityFactory
from tests.factories import NeighbourhoodFactory, RegionFactory

pytestmark = pytest.mark.django_db


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar: Calendar) -> list:
    return list(calendar.walk("VEVENT"))


def test_one_activity_downloads_as_a_valid_calendar(client, activity, settings):
    settings.SITE_URL = "https://sotong.example.kr"

    response = client.get(f"/activities/{activity.pk}/calendar.ics")

    assert f'filename="activity-{activity.pk}.ics"' in response["Content-Disposition"]
    calendar = parse(response)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Sotong//Activities//KO"
    assert str(calendar["X-WR-CALNAME"]) == "요천 둑길 걷기 모임"
    [event] = events(calendar)
    assert str(event["UID"]) == f"activity-{activity.pk}@sotong.example.kr"
    assert str(event["SUMMARY"]) == "요천 둑길 걷기 모임"
    assert event.decoded("DTSTART") == activity.starts_at.replace(microsecond=0)
    assert event.decoded("DTEND") == activity.ends_at.replace(microsecond=0)
    assert event.decoded("DTSTART").utcoffset() == timedelta(0)
    assert event.decoded("DTSTAMP").tzinfo is not None
    assert str(event["LOCATION"]) == "요천 생태공원 입구, 전북특별자치도 남원시 요천로"
    assert str(event["URL"]) == f"https://sotong.example.kr/activities/{activity.pk}/"
    assert "요천 둑길을 함께 걷고" in str(event["DESCRIPTION"])
    assert str(event["STATUS"]) == "CONFIRMED"


def test_the_uid_stays_the_same_between_downloads(client, activity):
    first = events(parse(client.get(f"/activities/{activity.pk}/calendar.ics")))[0]
    Activity.objects.filter(pk=activity.pk).update(title="요천 둑길 걷기 (시간 변경)")
    second = events(parse(client.get(f"/activities/{activity.pk}/calendar.ics")))[0]

    assert str(first["UID"]) == str(second["UID"])
    assert str(second["SUMMARY"]) == "요천 둑길 걷기 (시간 변경)"


def test_long_lines_are_folded_at_75_octets_with_crlf(client, activity):
    Activity.objects.filter(pk=activity.pk).update(description="요천 둑길을 함께 걷습니다. " * 60)

    raw = client.get(f"/activities/{activity.pk}/calendar.ics").content

    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # continuation lines
    for line in lines:
        line.decode("utf-8")  # folding never splits a Korean character in two
    event = events(Calendar.from_ical(raw))[0]
    assert str(event["DESCRIPTION"]).count("요천 둑길을 함께 걷습니다.") == 60


def test_a_cancelled_activity_says_cancelled(client, activity, resident):
    activity_cancel(actor=resident, activity=activity, reason="태풍 예보로 취소합니다.")

    [event] = events(parse(client.get(f"/activities/{activity.pk}/calendar.ics")))

    assert str(event["STATUS"]) == "CANCELLED"
    assert "[취소]" in str(event["SUMMARY"])
    assert "태풍 예보로 취소합니다." in str(event["DESCRIPTION"])


def test_a_draft_has_no_calendar_file_even_for_its_host(client_for, activity, resident):
    Activity.objects.filter(pk=activity.pk).update(status=Activity.Status.DRAFT)

    assert client_for(None).get(f"/activities/{activity.pk}/calendar.ics").status_code == 404
    assert client_for(resident).get(f"/activities/{activity.pk}/calendar.ics").status_code == 404


def test_unknown_activity_is_404(client):
    assert client.get("/activities/999999/calendar.ics").status_code == 404


def test_private_data_stays_out_of_the_calendar(client, activity, resident):
    raw = client.get(f"/activities/{activity.pk}/calendar.ics").content.decode()
    unfolded = raw.replace("\r\n ", "")

    assert resident.email not in unfolded
    assert activity.host_contact not in unfolded  # shown to participants only


def test_the_feed_uses_the_list_filters(client, city, topics):
    kids, music, _ = topics
    ActivityFactory(
        region=city, kind=Activity.Kind.PERFORMANCE, title="광한루 음악회", topics=[music]
    )
    class_for_kids = ActivityFactory(
        region=city, kind=Activity.Kind.CLASS, title="어린이 목공 교실", topics=[kids]
    )
    ActivityFactory(region=city, kind=Activity.Kind.CLASS, title="유료 강좌", fee=5000)
    ActivityFactory(region=city, status=Activity.Status.DRAFT, title="아직 준비 중인 모임")
    ActivityFactory(
        region=city,
        title="지난달 모임",
        starts_at=timezone.now() - timedelta(days=30),
        ends_at=timezone.now() - timedelta(days=30) + timedelta(hours=2),
    )

    everything = events(parse(client.get(f"/activities/calendar.ics?region={city.slug}")))
    performances = events(
        parse(client.get(f"/activities/calendar.ics?region={city.slug}&kind=performance"))
    )
    kids_topic = events(
        parse(client.get(f"/activities/calendar.ics?region={city.slug}&topic=kids"))
    )
    free_classes = events(
        parse(client.get(f"/activities/calendar.ics?region={city.slug}&kind=class&free=on"))
    )

    assert {str(e["SUMMARY"]) for e in everything} == {
        "광한루 음악회",
        "어린이 목공 교실",
        "유료 강좌",
    }
    assert [str(e["SUMMARY"]) for e in performances] == ["광한루 음악회"]
    assert [str(e["UID"]).split("@")[0] for e in kids_topic] == [f"activity-{class_for_kids.pk}"]
    assert [str(e["SUMMARY"]) for e in free_classes] == ["어린이 목공 교실"]


def test_the_feed_names_the_region_and_keeps_other_regions_out(client, city):
    other_city = RegionFactory(name="순창군", slug="sunchang")
    dong = NeighbourhoodFactory(parent=city, name="도통동", slug="dotong")
    ActivityFactory(region=city, title="남원 시내 모임")
    ActivityFactory(region=dong, title="도통동 모임")
    ActivityFactory(region=other_city, title="순창 모임")

    city_feed = parse(client.get(f"/activities/calendar.ics?region={city.slug}"))
    all_feed = parse(client.get("/activities/calendar.ics?region="))

    assert city.name in str(city_feed["X-WR-CALNAME"])
    assert {str(e["SUMMARY"]) for e in events(city_feed)} == {"남원 시내 모임", "도통동 모임"}
    assert {str(e["SUMMARY"]) for e in events(all_feed)} == {
        "남원 시내 모임",
        "도통동 모임",
        "순창 모임",
    }


def test_hostile_or_wrong_filters_never_break_the_feed(client, activity):
    for query in (
        "kind=<script>",
        "date_from=not-a-date",
        "date_from=2025-05-31&date_to=2025-05-01",
        "region=nowhere",
        "topic=%00",
        "sort=DROP+TABLE",
        "page=abc",
    ):
        response = client.get(f"/activities/calendar.ics?{query}")
        assert response.status_code == 200, query
        Calendar.from_ical(response.content)


def test_the_feed_is_bounded_and_runs_a_fixed_number_of_queries(
    client, city, django_assert_max_num_queries, settings, monkeypatch
):
    from sotong.activities import ical

    monkeypatch.setattr(ical, "FEED_LIMIT", 5)
    ActivityFactory.create_batch(3, region=city)
    with django_assert_max_num_queries(8) as small:
        client.get(f"/activities/calendar.ics?region={city.slug}")
    ActivityFactory.create_batch(12, region=city)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(f"/activities/calendar.ics?region={city.slug}")

    assert len(events(parse(response))) == 5


def test_feed_times_are_in_utc(client, city):
    ActivityFactory(region=city)

    raw = client.get(f"/activities/calendar.ics?region={city.slug}").content.decode()

    stamps = [line for line in raw.split("\r\n") if line.startswith(("DTSTART", "DTEND"))]
    assert len(stamps) == 2
    assert all(line.endswith("Z") for line in stamps)


def test_detail_and_list_pages_link_to_the_calendars(client, activity, city):
    detail = client.get(f"/activities/{activity.pk}/").content.decode()
    listing = client.get(f"/activities/?region={city.slug}&kind=gathering&page=1").content.decode()

    assert f'href="/activities/{activity.pk}/calendar.ics"' in detail
    assert "캘린더에 추가" in detail
    assert "이 목록 구독하기 (iCal)" in listing
    assert f"/activities/calendar.ics?region={city.slug}&amp;kind=gathering" in listing
    assert "page=1" not in listing.split("feed-url")[1].split(">")[0]


def test_a_subscribed_feed_marks_a_cancelled_activity_instead_of_dropping_it(
    client, activity, resident
):
    activity_cancel(actor=resident, activity=activity, reason="강사 사정으로 취소합니다.")

    [event] = events(parse(client.get("/activities/calendar.ics?region=")))

    assert str(event["UID"]).startswith(f"activity-{activity.pk}@")
    assert str(event["STATUS"]) == "CANCELLED"


def test_the_web_list_still_hides_cancelled_activities(client, activity, resident):
    activity_cancel(actor=resident, activity=activity, reason="강사 사정으로 취소합니다.")

    response = client.get("/activities/?region=")

    assert activity.title not in response.content.decode()
