"""The bell, the list, preferences and unsubscribe pages, and the API, for every role."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from sotong.notifications.models import Delivery, Notification, Preference
from sotong.notifications.tokens import unsubscribe_token
from tests.conftest import ROLES
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def give(user, n=1, **extra):
    made = [
        Notification.objects.create(
            recipient=user,
            kind="activities.new",
            event_key=f"test:{user.pk}:{i}:{extra.get('tag', '')}",
            params={"title": f"숲 놀이 {i}", "when": "2026-12-01 10:00"},
            url="/activities/",
        )
        for i in range(n)
    ]
    return made


@pytest.mark.parametrize("role", ROLES)
def test_everyone_logged_in_sees_only_their_own_notifications(
    role, user_for_role, client_for, second_resident
):
    user = user_for_role(role)
    give(second_resident, tag="other")
    if user is not None:
        give(user, 2)
    response = client_for(user).get("/notifications/")

    if user is None:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        return
    text = response.content.decode()
    assert response.status_code == 200
    assert text.count('class="sotong-panel notifications__item') == 2
    assert "읽지 않은 알림이 2건 있습니다." in text
    assert 'class="krds-badge bg-primary notification-bell__count" aria-hidden="true">2<' in text


@pytest.mark.parametrize("role", ROLES)
def test_nobody_reads_someone_elses_notification(role, user_for_role, client_for, second_resident):
    [theirs] = give(second_resident)
    response = client_for(user_for_role(role)).post(f"/notifications/{theirs.pk}/read/")

    assert response.status_code in (302, 404)
    if role == "anonymous":
        assert "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_reading_one_goes_to_it_and_the_bell_goes_down(client_for, resident):
    first, second = give(resident, 2)
    client = client_for(resident)

    response = client.post(f"/notifications/{first.pk}/read/", {"go": "1"})

    assert response.status_code == 302 and response["Location"] == "/activities/"
    first.refresh_from_db()
    assert first.read_at is not None
    page = client.get("/notifications/").content.decode()
    assert "읽지 않은 알림이 1건 있습니다." in page
    assert ">1<" in page

    client.post("/notifications/read-all/")
    page = client.get("/notifications/").content.decode()
    assert "읽지 않은 알림이 0건 있습니다." in page
    assert "notification-bell__count" not in page


def test_the_list_pages_by_key_and_costs_the_same_queries_whatever_the_count(client_for, resident):
    give(resident, 25)
    client = client_for(resident)
    first = client.get("/notifications/").content.decode()
    assert first.count("새 알림") == 20
    assert "?before=" in first
    before = first.split("?before=")[1].split('"')[0]
    second = client.get(f"/notifications/?before={before}").content.decode()
    assert second.count("새 알림") == 5
    assert "이전 알림 더 보기" not in second

    counts = []
    for extra in (0, 200):
        give(resident, extra, tag=f"more{extra}")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/notifications/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_bell_is_one_query_on_any_page(client_for, resident):
    give(resident, 3)
    client = client_for(resident)
    with CaptureQueriesContext(connection) as queries:
        client.get("/regions/")
    bell = [q for q in queries.captured_queries if "notifications_notification" in q["sql"]]
    assert len(bell) == 1


@pytest.mark.parametrize("role", ROLES)
def test_preferences_are_each_persons_own(role, user_for_role, client_for):
    user = user_for_role(role)
    client = client_for(user)
    page = client.get("/notifications/preferences/")
    if user is None:
        assert page.status_code == 302 and "/accounts/login/" in page["Location"]
        return
    assert page.status_code == 200
    text = page.content.decode()
    for label in ("즉시", "매일 요약", "매주 요약", "받지 않음", "신청한 활동의 취소"):
        assert label in text

    from sotong.notifications.services import preferences_of

    choices = {kind.key: delivery for kind, delivery in preferences_of(user)}
    choices["activities.message"] = "off"
    response = client.post("/notifications/preferences/", choices)
    assert response.status_code == 302
    assert Preference.objects.get(user=user, kind="activities.message").delivery == "off"


def test_a_bad_preference_is_refused_in_korean_and_the_rest_kept(client_for, resident):
    from sotong.notifications.services import preferences_of

    choices = {kind.key: delivery for kind, delivery in preferences_of(resident)}
    choices["activities.message"] = "weekly"
    choices["activities.new"] = "hourly"
    response = client_for(resident).post("/notifications/preferences/", choices)

    assert response.status_code == 400
    text = response.content.decode()
    assert "목록에 있는 방법을 골라 주세요." in text
    assert 'value="weekly" checked' in text or 'value="weekly"\n' in text or "checked" in text
    assert not Preference.objects.filter(user=resident).exists()


def test_unsubscribe_asks_on_get_and_works_by_post_without_logging_in(resident):
    token = unsubscribe_token(resident.pk, "activities.new")
    client = Client(enforce_csrf_checks=True)

    page = client.get(f"/notifications/unsubscribe/{token}/")
    assert page.status_code == 200
    assert "이메일을 더 받지 않으시겠습니까?" in page.content.decode()
    assert not Preference.objects.exists()

    done = client.post(f"/notifications/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    assert "이제 ‘관심 있는 주제·지역·단체·사람의 새 활동’ 이메일을 보내지 않습니다." in (
        done.content.decode()
    )
    assert Preference.objects.get(user=resident).delivery == Delivery.OFF


def test_a_forged_or_broken_unsubscribe_link_is_404(resident):
    token = unsubscribe_token(resident.pk)
    client = Client()
    assert client.post(f"/notifications/unsubscribe/{token[:-2]}xx/").status_code == 404
    assert client.get("/notifications/unsubscribe/nonsense/").status_code == 404
    assert not Preference.objects.exists()


def test_unsubscribing_from_everything(resident):
    Client().post(f"/notifications/unsubscribe/{unsubscribe_token(resident.pk)}/")
    from sotong.notifications.registry import kinds

    assert Preference.objects.filter(user=resident, delivery="off").count() == len(kinds())


# --- API ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_the_api_lists_only_my_notifications(role, user_for_role, client_for, second_resident):
    user = user_for_role(role)
    give(second_resident, tag="other")
    if user is not None:
        give(user, 3)
    response = client_for(user).get("/api/v1/me/notifications?limit=2")
    if user is None:
        assert response.status_code == 401
        assert response.json()["detail"] == "로그인이 필요합니다."
        return
    body = response.json()
    assert response.status_code == 200
    assert len(body["items"]) == 2 and body["unread"] == 3
    assert body["items"][0]["text"].startswith("관심 있는 곳에 새 활동이 올라왔습니다")
    rest = client_for(user).get(f"/api/v1/me/notifications?before={body['next_before']}").json()
    assert len(rest["items"]) == 1 and rest["next_before"] is None


def test_the_api_marks_read_mine_only(client_for, resident, second_resident):
    [mine] = give(resident)
    [theirs] = give(second_resident, tag="x")
    client = client_for(resident)

    assert client.post(f"/api/v1/me/notifications/{theirs.pk}/read").status_code == 404
    response = client.post(f"/api/v1/me/notifications/{mine.pk}/read")
    assert response.status_code == 200 and response.json()["read_at"] is not None
    give(resident, 2, tag="y")
    assert client.post("/api/v1/me/notifications/read-all").json() == {"count": 2}
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_no_address_in_any_notification_page(client_for, resident):
    other = UserFactory(email="hidden@example.kr")
    Notification.objects.create(
        recipient=resident,
        kind="activities.review",
        event_key="r:1",
        params={"title": "모임", "nickname": other.nickname},
        actor=other,
    )
    for url in ("/notifications/", "/api/v1/me/notifications"):
        assert "hidden@example.kr" not in client_for(resident).get(url).content.decode()


def test_marking_read_through_the_api_with_a_session_needs_the_csrf_token(resident):
    [mine] = give(resident)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(resident)

    refused = browser.post(f"/api/v1/me/notifications/{mine.pk}/read")

    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    mine.refresh_from_db()
    assert mine.read_at is None
