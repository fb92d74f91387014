import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sotong.activities.models import Activity, Review, Rsvp
from sotong.organizations.models import Organization
from tests.activities.factories import ActivityFactory, ReviewFactory, RsvpFactory
from tests.conftest import ROLES
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def as_text(response) -> str:
    return json.dumps(response.json(), ensure_ascii=False)


def in_days(days: float, hours: float = 0):
    return timezone.now() + timedelta(days=days, hours=hours)


@pytest.fixture
def past_activity(city, resident):
    return ActivityFactory(
        region=city,
        host=resident,
        title="지난주 원탁회의",
        starts_at=in_days(-3),
        ends_at=in_days(-3, 2),
    )


@pytest.fixture
def catalogue(city, neighbourhood, topics, resident, organization, department):
    """A small city's worth: resident, group and city activities of every kind."""
    kids, music, agenda = topics
    walk = ActivityFactory(
        region=neighbourhood,
        host=resident,
        title="요천 둑길 걷기",
        starts_at=in_days(2),
        audience=",everyone,",
        topics=[agenda],
    )
    play = ActivityFactory(
        region=city,
        host=resident,
        host_organization=organization,
        kind=Activity.Kind.EVENT,
        title="골목 놀이판",
        starts_at=in_days(5),
        audience=",kids,families,",
        fee=5000,
        capacity=2,
        topics=[kids],
    )
    RsvpFactory.create_batch(2, activity=play)
    play.confirmed_count = 2
    play.save()
    concert = ActivityFactory(
        region=city,
        host=UserFactory(nickname="문화도시"),
        host_organization=department,
        kind=Activity.Kind.PERFORMANCE,
        title="광한루원 판소리 한마당",
        starts_at=in_days(9),
        audience=",adults,",
        capacity=None,
        topics=[music],
    )
    draft = ActivityFactory(
        region=city, host=resident, title="아직 쓰는 중", status=Activity.Status.DRAFT
    )
    past = ActivityFactory(
        region=city,
        host=resident,
        kind=Activity.Kind.CLASS,
        title="지난달 뜨개 교실",
        starts_at=in_days(-20),
        ends_at=in_days(-20, 2),
    )
    return {"walk": walk, "play": play, "concert": concert, "draft": draft, "past": past}


# --- the list -----------------------------------------------------------------------------


def test_list_shows_upcoming_published_activities_soonest_first(client, catalogue):
    response = client.get("/api/v1/activities")

    assert ids(response) == [catalogue[k].pk for k in ("walk", "play", "concert")]
    assert response.json()["next_cursor"] is None


def test_list_pages_follow_next_cursor_without_gaps_or_repeats(client, catalogue):
    first = client.get("/api/v1/activities?limit=2").json()
    second = client.get(f"/api/v1/activities?limit=2&cursor={first['next_cursor']}").json()

    walked = [item["id"] for item in first["items"] + second["items"]]
    assert walked == [catalogue[k].pk for k in ("walk", "play", "concert")]
    assert "count" not in first and second["next_cursor"] is None


@pytest.mark.parametrize("cursor", ["nonsense", "eyJvIjogInN0YXJ0c19hdCJ9", "A" * 40])
def test_a_cursor_the_api_did_not_give_is_a_422_in_korean(client, catalogue, cursor):
    response = client.get(f"/api/v1/activities?cursor={cursor}")

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "cursor"
    assert "next_cursor" in response.json()["errors"][0]["message"]


def test_a_cursor_from_another_sort_is_refused(client, catalogue):
    newest_first = client.get("/api/v1/activities?limit=1&sort=new").json()

    response = client.get(f"/api/v1/activities?cursor={newest_first['next_cursor']}")

    assert response.status_code == 422


def test_list_entry_has_place_time_seats_host_and_no_contact(client, catalogue, organization):
    items = client.get("/api/v1/activities").json()["items"]
    play = next(item for item in items if item["title"] == "골목 놀이판")

    assert play["kind"] == "event" and play["kind_label"] == "행사"
    assert play["audience"] == ["kids", "families"]
    assert play["place"]["name"] == "요천 생태공원 입구"
    assert play["place"]["latitude"] == 35.405
    assert play["capacity"] == 2 and play["seats_left"] == 0 and play["is_full"] is True
    assert play["host"]["kind"] == "group"
    assert play["host"]["name"] == organization.name
    assert play["host"]["nickname"] == "지민"
    assert play["web_url"] == f"/activities/{catalogue['play'].pk}/"
    assert [topic["slug"] for topic in play["topics"]] == ["kids"]
    assert "host_contact" not in play
    assert "010-1234-5678" not in as_text(client.get("/api/v1/activities"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=performance", ["concert"]),
        ("kind=event&kind=performance", ["play", "concert"]),
        ("topic=kids&topic=music", ["play", "concert"]),
        ("region=dongchung", ["walk"]),
        ("region=namwon", ["walk", "play", "concert"]),
        ("host=resident", ["walk"]),
        ("host=group", ["play"]),
        ("host=city", ["concert"]),
        ("free=true", ["walk", "concert"]),
        ("seats=true", ["walk", "concert"]),
        ("audience=kids", ["walk", "play"]),
        ("when=past", ["past"]),
        ("sort=popular", ["play", "walk", "concert"]),
        ("sort=new", ["concert", "play", "walk"]),
    ],
)
def test_list_filters_mean_what_the_page_filters_mean(client, catalogue, query, expected):
    response = client.get(f"/api/v1/activities?{query}")

    assert ids(response) == [catalogue[name].pk for name in expected], query


def test_date_range_filter(client, catalogue):
    start = (timezone.localdate() + timedelta(days=4)).isoformat()
    end = (timezone.localdate() + timedelta(days=6)).isoformat()

    assert ids(client.get(f"/api/v1/activities?date_from={start}&date_to={end}")) == [
        catalogue["play"].pk
    ]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("region=nowhere", "region", "이런 지역이 없습니다."),
        ("topic=no-such-topic", "topic", "알 수 없는 주제입니다. 목록에서 골라 주세요."),
        ("kind=party", "kind", "다음 중 하나를 입력하세요"),
        ("date_from=2026-13-45", "date_from", "날짜"),
        (
            "date_from=2026-05-10&date_to=2026-05-01",
            "date_to",
            "종료일은 시작일과 같거나 뒤여야 합니다.",
        ),
        ("sort=random", "sort", "다음 중 하나를 입력하세요"),
        ("limit=1000", "limit", "100 이하여야 합니다."),
    ],
)
def test_bad_filters_are_a_422_naming_the_field_in_korean(client, catalogue, query, field, message):
    response = client.get(f"/api/v1/activities?{query}")

    assert response.status_code == 422
    body = response.json()
    assert body["errors"][0]["field"] == field
    assert message in body["errors"][0]["message"]
    assert field in body["detail"]


@pytest.mark.parametrize(
    "query",
    [
        "region=<script>alert(1)</script>",
        "topic=%00",
        "q=" + "가" * 5000,
        "region=" + "a" * 500,
        "date_from=0000-00-00",
        "free=maybe",
        "topic=" + "&topic=".join(["kids"] * 50),
        "offset=-1",
        "offset=99999999999999999999",
        "cursor=" + "A" * 5000,
    ],
)
def test_hostile_list_queries_get_a_4xx_json_answer(client, catalogue, query):
    response = client.get(f"/api/v1/activities?{query}")

    assert 200 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")
    if response.status_code != 200:
        assert response.json()["detail"]


def test_list_runs_the_same_number_of_queries_for_few_and_many(client, city, topics, resident):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v1/activities?region=namwon&topic=kids&limit=100")
        assert response.status_code == 200
        return len(queries)

    ActivityFactory.create_batch(2, region=city, host=resident, topics=topics)
    few = count_queries()
    for number in range(30):
        ActivityFactory(
            region=city,
            host=UserFactory(),
            host_organization=OrganizationFactory(region=city) if number % 2 else None,
            topics=topics[: 1 + number % 3],
        )
    many = count_queries()

    assert few == many
    assert many <= 8


# --- one activity -------------------------------------------------------------------------


def test_detail_shows_a_published_activity_to_anyone(client, catalogue):
    response = client.get(f"/api/v1/activities/{catalogue['walk'].pk}")

    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "요천 둑길 걷기"
    assert body["description"] == "요천 둑길을 함께 걷고 차 한 잔 나눕니다."
    assert body["host_contact"] is None
    assert body["my_rsvp"] is None
    assert body["rating"] == {"average": None, "count": 0}


def test_a_draft_is_not_found_except_by_its_host(client, client_for, catalogue, resident):
    draft = catalogue["draft"]
    other = client_for(UserFactory())

    assert client.get(f"/api/v1/activities/{draft.pk}").status_code == 404
    assert other.get(f"/api/v1/activities/{draft.pk}").status_code == 404
    assert other.get(f"/api/v1/activities/{draft.pk}").json()["detail"] == "찾는 활동이 없습니다."
    assert client_for(resident).get(f"/api/v1/activities/{draft.pk}").json()["status"] == "draft"
    assert draft.pk not in ids(client_for(resident).get("/api/v1/activities"))


@pytest.mark.parametrize("role", ROLES)
def test_host_contact_is_only_for_confirmed_participants_and_organisers(
    role, user_for_role, client_for, city, activity_host
):
    activity = ActivityFactory(
        region=city, host=activity_host, capacity=1, host_contact="010-9999-0000 talk@host.example"
    )
    user = user_for_role(role)
    url = f"/api/v1/activities/{activity.pk}"

    body = client_for(user).get(url).json()
    # region admins and site admins manage every activity in their city, so they see it
    organiser = role in ("region_admin", "admin")
    assert (body["host_contact"] is not None) is organiser
    if user is None:
        return
    if not organiser:
        RsvpFactory(activity=activity, user=user, status=Rsvp.Status.WAITING, position=1)
        assert client_for(user).get(url).json()["host_contact"] is None  # waiting is not enough
        Rsvp.objects.filter(user=user).update(status=Rsvp.Status.CONFIRMED, position=None)
    assert client_for(user).get(url).json()["host_contact"] == "010-9999-0000 talk@host.example"


@pytest.fixture
def activity_host(db):
    return UserFactory(nickname="주최자", email="host.private@example.kr")


def test_host_sees_own_contact_and_can_manage(client_for, city, activity_host):
    activity = ActivityFactory(region=city, host=activity_host, host_contact="063-000-1111")

    body = client_for(activity_host).get(f"/api/v1/activities/{activity.pk}").json()

    assert body["host_contact"] == "063-000-1111"
    assert body["can_manage"] is True


def test_detail_never_carries_the_hosts_or_participants_email(client, client_for, catalogue):
    play = catalogue["play"]
    for visitor in (client, client_for(play.rsvps.first().user)):
        text = as_text(visitor.get(f"/api/v1/activities/{play.pk}"))
        assert "@" not in text
        assert "jimin@example.kr" not in text


@pytest.mark.parametrize("bad_id", ["0", "-1", "abc", "99999999999", "1.5", "%3Cscript%3E"])
def test_unknown_or_malformed_ids_are_a_4xx(client, bad_id):
    response = client.get(f"/api/v1/activities/{bad_id}")

    assert response.status_code in (404, 422)
    assert response.json()["detail"]


def test_detail_runs_a_fixed_number_of_queries(client_for, catalogue, resident):
    visitor = client_for(UserFactory())
    url = f"/api/v1/activities/{catalogue['concert'].pk}"
    with CaptureQueriesContext(connection) as before:
        visitor.get(url)
    ReviewFactory.create_batch(5, activity=catalogue["concert"])
    RsvpFactory.create_batch(10, activity=catalogue["concert"])
    with CaptureQueriesContext(connection) as after:
        visitor.get(url)

    assert len(before) == len(after)


# --- the map ------------------------------------------------------------------------------


def test_map_gives_the_points_inside_the_box(client, catalogue):
    ActivityFactory(region=catalogue["walk"].region, latitude=33.5, longitude=126.5)

    response = client.get("/api/v1/activities/map?bbox=35.3,127.3,35.5,127.5&zoom=13")

    assert response.status_code == 200
    body = response.json()
    assert body["mode"] == "points"
    assert sorted(point["id"] for point in body["points"]) == sorted(
        catalogue[name].pk for name in ("walk", "play", "concert")
    )
    assert body["total"] == 3


def test_map_takes_the_list_filters(client, catalogue):
    body = client.get("/api/v1/activities/map?bbox=35.3,127.3,35.5,127.5&kind=event").json()

    assert [point["id"] for point in body["points"]] == [catalogue["play"].pk]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "반드시 입력해야 합니다."),
        ("bbox=1,2,3", "숫자 네 개"),
        ("bbox=a,b,c,d", "숫자가 아닌 값"),
        ("bbox=95,0,96,1", "지구 밖"),
        ("bbox=36,127,35,128", "남쪽이 북쪽보다"),
        ("bbox=nan,127,36,128", "숫자가 아닌 값"),
        ("bbox=35,127,36,128&zoom=40", "19 이하여야 합니다."),
    ],
)
def test_map_refuses_a_bad_box_in_korean(client, catalogue, query, message):
    response = client.get(f"/api/v1/activities/map?{query}")

    assert response.status_code == 422
    assert message in response.json()["errors"][0]["message"]


# --- signing up ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_every_logged_in_role_can_sign_up_and_anonymous_cannot(
    role, user_for_role, client_for, city, activity_host
):
    activity = ActivityFactory(region=city, host=activity_host)
    user = user_for_role(role)

    response = client_for(user).post(f"/api/v1/activities/{activity.pk}/rsvp")

    if user is None:
        assert response.status_code == 401
        assert response.json()["detail"] == "로그인이 필요합니다."
        assert not Rsvp.objects.exists()
        return
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "confirmed"
    assert body["position"] is None
    assert body["message"] == "참가 신청이 확정되었습니다."
    assert body["confirmed_count"] == 1 and body["seats_left"] == 9
    assert Rsvp.objects.get(activity=activity).user == user


def test_a_full_activity_puts_people_on_the_waiting_list_in_order(client_for, city, activity_host):
    activity = ActivityFactory(region=city, host=activity_host, capacity=1)
    first, second, third = (client_for(UserFactory()) for _ in range(3))

    assert first.post(f"/api/v1/activities/{activity.pk}/rsvp").json()["status"] == "confirmed"
    waiting = second.post(f"/api/v1/activities/{activity.pk}/rsvp").json()
    assert waiting["status"] == "waiting" and waiting["position"] == 1
    assert waiting["message"].startswith("정원이 차서 대기자 1번으로 신청했습니다.")
    assert third.post(f"/api/v1/activities/{activity.pk}/rsvp").json()["position"] == 2

    detail = second.get(f"/api/v1/activities/{activity.pk}").json()
    assert detail["my_rsvp"] == {"status": "waiting", "position": 1}
    assert detail["waiting_count"] == 2 and detail["is_full"] is True


def test_signing_up_twice_is_refused_in_korean(client_for, resident, city, activity_host):
    activity = ActivityFactory(region=city, host=activity_host)
    client = client_for(resident)
    client.post(f"/api/v1/activities/{activity.pk}/rsvp")

    response = client.post(f"/api/v1/activities/{activity.pk}/rsvp")

    assert response.status_code == 422
    assert response.json()["detail"] == "이미 신청한 활동입니다."
    assert Rsvp.objects.filter(activity=activity).count() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"starts_at": in_days(-1), "ends_at": in_days(1)},
            "이미 시작한 활동에는 신청할 수 없습니다.",
        ),
        ({"status": Activity.Status.CANCELLED}, "게시된 활동에만 신청할 수 있습니다."),
    ],
)
def test_started_or_cancelled_activities_take_no_sign_ups(
    client_for, resident, city, activity_host, change, message
):
    activity = ActivityFactory(region=city, host=activity_host, **change)

    response = client_for(resident).post(f"/api/v1/activities/{activity.pk}/rsvp")

    assert response.status_code == 422
    assert response.json()["detail"] == message


def test_nobody_but_its_host_can_even_find_a_draft_to_sign_up(client_for, resident, catalogue):
    response = client_for(UserFactory()).post(f"/api/v1/activities/{catalogue['draft'].pk}/rsvp")

    assert response.status_code == 404
    assert not Rsvp.objects.filter(activity=catalogue["draft"]).exists()


def test_sign_up_with_a_session_needs_the_csrf_token(resident, city, activity_host):
    activity = ActivityFactory(region=city, host=activity_host)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(resident)

    refused = browser.post(f"/api/v1/activities/{activity.pk}/rsvp")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"] and "보안 확인" in refused.json()["detail"]
    assert not Rsvp.objects.exists()

    token = "sotong" * 5 + "ok"  # a 32-character secret, as Django's csrftoken cookie holds
    browser.cookies["csrftoken"] = token
    accepted = browser.post(
        f"/api/v1/activities/{activity.pk}/rsvp", headers={"X-CSRFToken": token}
    )
    assert accepted.status_code == 201


@pytest.mark.parametrize("role", ROLES)
def test_cancelling_a_sign_up_frees_the_seat_for_the_first_waiting(
    role, user_for_role, client_for, city, activity_host
):
    activity = ActivityFactory(region=city, host=activity_host, capacity=1)
    user = user_for_role(role)
    waiting = UserFactory(nickname="대기자")
    if user is not None:
        client_for(user).post(f"/api/v1/activities/{activity.pk}/rsvp")
    client_for(waiting).post(f"/api/v1/activities/{activity.pk}/rsvp")

    response = client_for(user).delete(f"/api/v1/activities/{activity.pk}/rsvp")

    if user is None:
        assert response.status_code == 401
        return
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "cancelled"
    assert response.json()["message"] == "참가 신청을 취소했습니다."
    promoted = Rsvp.objects.get(activity=activity, user=waiting)
    assert promoted.status == Rsvp.Status.CONFIRMED and promoted.position is None
    activity.refresh_from_db()
    assert (activity.confirmed_count, activity.waiting_count) == (1, 0)


def test_cancelling_without_a_sign_up_is_refused_in_korean(client_for, resident, catalogue):
    response = client_for(resident).delete(f"/api/v1/activities/{catalogue['concert'].pk}/rsvp")

    assert response.status_code == 422
    assert response.json()["detail"] == "취소할 신청 내역이 없습니다."


# --- reviews ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("participated", [True, False])
def test_only_confirmed_participants_write_a_review(
    role, participated, user_for_role, client_for, past_activity
):
    user = user_for_role(role)
    if user is not None and participated:
        RsvpFactory(activity=past_activity, user=user)

    response = client_for(user).post(
        f"/api/v1/activities/{past_activity.pk}/reviews",
        {"rating": 5, "text": "아이들이 정말 좋아했어요."},
        content_type="application/json",
    )

    if user is None:
        assert response.status_code == 401
    elif participated:
        assert response.status_code == 201, response.content
        assert response.json()["author"] == {"id": user.pk, "nickname": user.nickname}
        assert response.json()["rating"] == 5
    else:
        assert response.status_code == 403
        assert response.json()["detail"] == "참가가 확정된 사람만 후기를 쓸 수 있습니다."
    assert Review.objects.count() == (1 if user is not None and participated else 0)


def test_reviews_wait_until_the_activity_has_ended(client_for, resident, catalogue):
    RsvpFactory(activity=catalogue["walk"], user=resident)

    response = client_for(resident).post(
        f"/api/v1/activities/{catalogue['walk'].pk}/reviews",
        {"rating": 4, "text": "좋았어요"},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["detail"] == "후기는 활동이 끝난 뒤에 쓸 수 있습니다."


def test_a_second_review_is_refused(client_for, second_resident, past_activity):
    RsvpFactory(activity=past_activity, user=second_resident)
    client = client_for(second_resident)
    body = {"rating": 4, "text": "좋았어요"}
    url = f"/api/v1/activities/{past_activity.pk}/reviews"
    assert client.post(url, body, content_type="application/json").status_code == 201

    response = client.post(url, body, content_type="application/json")

    assert response.status_code == 422
    assert response.json()["detail"] == "이 활동에는 이미 후기를 썼습니다."


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"rating": 6, "text": "좋아요"}, "rating"),
        ({"rating": 0, "text": "좋아요"}, "rating"),
        ({"rating": "다섯", "text": "좋아요"}, "rating"),
        ({"rating": 5, "text": ""}, "text"),
        ({"rating": 5, "text": "가" * 5001}, "text"),
        ({"rating": 5, "text": "널\x00문자"}, "text"),
        ({"rating": 5}, "text"),
        ("not json at all", "body"),
    ],
)
def test_bad_reviews_are_refused_and_nothing_is_stored(
    client_for, second_resident, past_activity, body, field
):
    RsvpFactory(activity=past_activity, user=second_resident)

    response = client_for(second_resident).post(
        f"/api/v1/activities/{past_activity.pk}/reviews",
        body if isinstance(body, str) else json.dumps(body),
        content_type="application/json",
    )

    assert response.status_code in (400, 422)
    assert response.json()["detail"]
    assert not Review.objects.exists()


def test_script_in_a_review_is_kept_as_text(client_for, second_resident, past_activity):
    RsvpFactory(activity=past_activity, user=second_resident)
    text = '<script>alert("후기")</script>'

    response = client_for(second_resident).post(
        f"/api/v1/activities/{past_activity.pk}/reviews",
        {"rating": 3, "text": text},
        content_type="application/json",
    )

    assert response.status_code == 201
    assert response["Content-Type"].startswith("application/json")
    assert Review.objects.get().text == text


def test_reviews_are_listed_newest_first_with_nicknames_only(client, past_activity):
    older = ReviewFactory(
        activity=past_activity, author=UserFactory(nickname="첫손님", email="first@secret.example")
    )
    newer = ReviewFactory(activity=past_activity, rating=3, text="조금 추웠어요")

    response = client.get(f"/api/v1/activities/{past_activity.pk}/reviews")

    assert ids(response) == [newer.pk, older.pk]
    assert response.json()["items"][1]["author"]["nickname"] == "첫손님"
    assert "@" not in as_text(response)


def test_review_list_is_paginated_with_fixed_queries(client, past_activity):
    url = f"/api/v1/activities/{past_activity.pk}/reviews?limit=5"
    ReviewFactory.create_batch(2, activity=past_activity)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    ReviewFactory.create_batch(20, activity=past_activity)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    assert len(few) == len(many)
    assert response.json()["count"] == 22 and len(response.json()["items"]) == 5


def test_reviews_of_a_draft_are_not_found(client, catalogue):
    assert client.get(f"/api/v1/activities/{catalogue['draft'].pk}/reviews").status_code == 404


# --- the document -------------------------------------------------------------------------


def test_openapi_documents_every_activity_operation_and_its_errors(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert set(paths["/api/v1/activities/{activity_id}/rsvp"]) == {"post", "delete"}
    assert set(paths["/api/v1/activities/{activity_id}/reviews"]) == {"get", "post"}
    for method in ("post", "delete"):
        operation = paths["/api/v1/activities/{activity_id}/rsvp"][method]
        assert {"401", "403", "404", "422"} <= set(operation["responses"])
        assert operation["security"] == [{"SessionWithCsrf": []}]
    assert "bbox" in {p["name"] for p in paths["/api/v1/activities/map"]["get"]["parameters"]}


def test_government_hosts_count_as_city(client, city, activity_host):
    office = OrganizationFactory(region=city, kind=Organization.Kind.GOVERNMENT)
    activity = ActivityFactory(region=city, host=activity_host, host_organization=office)

    body = client.get(f"/api/v1/activities/{activity.pk}").json()

    assert body["host"]["kind"] == "city"
