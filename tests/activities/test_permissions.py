"""Every view that changes data, for every role (tests.conftest.ROLES).

The activity is hosted by the resident 지민 on behalf of the organisation 하늘 runs, in the
city the region admin runs: host, organisation admin, region admin and admin manage it.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from sotong.activities.models import Activity, Review, Rsvp
from sotong.activities.services import review_create, rsvp_create
from tests.activities.factories import ActivityFactory
from tests.conftest import ROLES
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

MANAGERS = {"resident", "org_admin", "region_admin", "admin"}


@pytest.fixture
def hosted(city, resident, organization, org_admin):
    MembershipFactory(organization=organization, user=resident)
    return ActivityFactory(
        region=city, host=resident, host_organization=organization, title="놀이터 탐사대"
    )


def login_redirect(response) -> bool:
    return response.status_code == 302 and "/accounts/login/" in response["Location"]


def make_ended(activity):
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )


def activity_form(city, **overrides):
    starts = timezone.localtime() + timedelta(days=3)
    data = {
        "kind": "gathering",
        "title": "요천 플로깅",
        "description": "쓰레기를 주우며 걸어요.",
        "region": city.pk,
        "place_name": "요천 둔치",
        "starts_at": starts.strftime("%Y-%m-%dT10:00"),
        "ends_at": starts.strftime("%Y-%m-%dT12:00"),
        "requires_signup": "on",
        "capacity": "15",
        "fee": "0",
        "action": "publish",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ROLES)
def test_who_may_post_an_activity(role, user_for_role, client_for, city):
    response = client_for(user_for_role(role)).post("/activities/new/", activity_form(city))

    if role == "anonymous":
        assert login_redirect(response)
        assert not Activity.objects.exists()
    else:
        activity = Activity.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/activities/{activity.pk}/"
        assert activity.host == user_for_role(role)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_edit_an_activity(role, user_for_role, client_for, hosted, city):
    client = client_for(user_for_role(role))
    form = activity_form(city, title="놀이터 탐사대 (장소 변경)", action="save")
    form["host_organization"] = hosted.host_organization_id

    response = client.post(f"/activities/{hosted.pk}/edit/", form)

    hosted.refresh_from_db()
    if role == "anonymous":
        assert login_redirect(response)
    elif role in MANAGERS:
        assert response.status_code == 302
        assert hosted.title == "놀이터 탐사대 (장소 변경)"
    else:
        assert response.status_code == 403
    if role not in MANAGERS:
        assert hosted.title == "놀이터 탐사대"
        assert client.get(f"/activities/{hosted.pk}/edit/").status_code in (302, 403)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_publish_a_draft(role, user_for_role, client_for, hosted):
    Activity.objects.filter(pk=hosted.pk).update(status=Activity.Status.DRAFT)

    response = client_for(user_for_role(role)).post(f"/activities/{hosted.pk}/publish/")

    hosted.refresh_from_db()
    if role == "anonymous":
        assert login_redirect(response)
    elif role in MANAGERS:
        assert hosted.status == Activity.Status.PUBLISHED
    else:
        assert response.status_code == 404  # a draft is invisible to others
    if role not in MANAGERS:
        assert hosted.status == Activity.Status.DRAFT


@pytest.mark.parametrize("role", ROLES)
def test_who_may_cancel_an_activity(role, user_for_role, client_for, hosted):
    response = client_for(user_for_role(role)).post(
        f"/activities/{hosted.pk}/cancel/", {"reason": "우천으로 취소"}
    )

    hosted.refresh_from_db()
    if role == "anonymous":
        assert login_redirect(response)
    elif role in MANAGERS:
        assert response.status_code == 302
        assert hosted.status == Activity.Status.CANCELLED
        assert hosted.cancel_reason == "우천으로 취소"
    else:
        assert response.status_code == 403
    if role not in MANAGERS:
        assert hosted.status == Activity.Status.PUBLISHED


@pytest.mark.parametrize("role", ROLES)
def test_who_may_copy_an_activity(role, user_for_role, client_for, hosted):
    response = client_for(user_for_role(role)).post(f"/activities/{hosted.pk}/copy/")

    if role == "anonymous":
        assert login_redirect(response)
    elif role in MANAGERS:
        copy = Activity.objects.exclude(pk=hosted.pk).get()
        assert response["Location"] == f"/activities/{copy.pk}/edit/"
        assert copy.status == Activity.Status.DRAFT
        assert copy.host == user_for_role(role)
    else:
        assert response.status_code == 403
    if role not in MANAGERS:
        assert Activity.objects.count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_every_logged_in_person_may_join_and_leave(role, user_for_role, client_for, hosted):
    client = client_for(user_for_role(role))

    joined = client.post(f"/activities/{hosted.pk}/rsvp/")

    if role == "anonymous":
        assert login_redirect(joined)
        assert not Rsvp.objects.exists()
        assert login_redirect(client.post(f"/activities/{hosted.pk}/rsvp/cancel/"))
        return
    assert joined["Location"] == f"/activities/{hosted.pk}/"
    rsvp = Rsvp.objects.get(user=user_for_role(role))
    assert rsvp.status == Rsvp.Status.CONFIRMED

    client.post(f"/activities/{hosted.pk}/rsvp/cancel/")

    rsvp.refresh_from_db()
    assert rsvp.status == Rsvp.Status.CANCELLED


@pytest.mark.parametrize("role", ROLES)
def test_who_may_see_the_participant_list_and_csv(role, user_for_role, client_for, hosted):
    rsvp_create(actor=UserFactory(nickname="참가자하나"), activity=hosted)
    client = client_for(user_for_role(role))

    page = client.get(f"/activities/{hosted.pk}/participants/")
    csv = client.get(f"/activities/{hosted.pk}/participants/?format=csv")

    if role == "anonymous":
        assert login_redirect(page) and login_redirect(csv)
    elif role in MANAGERS:
        assert "참가자하나" in page.content.decode()
        assert "참가자하나" in csv.content.decode("utf-8-sig")
    else:
        assert (page.status_code, csv.status_code) == (403, 403)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_check_people_in(role, user_for_role, client_for, hosted):
    rsvp = rsvp_create(actor=UserFactory(), activity=hosted)

    response = client_for(user_for_role(role)).post(
        f"/activities/{hosted.pk}/participants/{rsvp.pk}/checkin/", {"present": "on"}
    )

    rsvp.refresh_from_db()
    if role == "anonymous":
        assert login_redirect(response)
    elif role in MANAGERS:
        assert response["Location"] == f"/activities/{hosted.pk}/participants/"
        assert rsvp.checked_in_at is not None
    else:
        assert response.status_code == 403
    if role not in MANAGERS:
        assert rsvp.checked_in_at is None


@pytest.mark.parametrize("role", ROLES)
def test_only_confirmed_participants_may_review(role, user_for_role, client_for, hosted):
    participant = UserFactory()
    rsvp_create(actor=participant, activity=hosted)
    make_ended(hosted)
    form = {"rating": "5", "text": "아이들이 정말 좋아했어요."}

    response = client_for(user_for_role(role)).post(f"/activities/{hosted.pk}/reviews/new/", form)

    if role == "anonymous":
        assert login_redirect(response)
    else:
        assert response.status_code == 403
    assert not Review.objects.exists()
    ok = client_for(participant).post(f"/activities/{hosted.pk}/reviews/new/", form)
    assert ok["Location"] == f"/activities/{hosted.pk}/"
    assert Review.objects.get().author == participant


@pytest.mark.parametrize("role", ROLES)
def test_who_may_reply_to_a_review(role, user_for_role, client_for, hosted):
    participant = UserFactory()
    rsvp_create(actor=participant, activity=hosted)
    make_ended(hosted)
    hosted.refresh_from_db()
    review = review_create(actor=participant, activity=hosted, rating=4, text="좋았어요")

    response = client_for(user_for_role(role)).post(
        f"/activities/{hosted.pk}/reviews/{review.pk}/reply/", {"text": "고맙습니다!"}
    )

    review.refresh_from_db()
    if role == "anonymous":
        assert login_redirect(response)
    elif role in MANAGERS:
        assert review.host_reply == "고맙습니다!"
    else:
        assert response.status_code == 403
    if role not in MANAGERS:
        assert review.host_reply == ""


@pytest.mark.parametrize("role", ROLES)
def test_host_contact_is_shown_only_to_participants_and_organisers(
    role, user_for_role, client_for, hosted
):
    page = client_for(user_for_role(role)).get(f"/activities/{hosted.pk}/").content.decode()

    assert ("010-1234-5678" in page) == (role in MANAGERS)


def test_a_confirmed_participant_sees_the_host_contact_but_a_waiting_one_does_not(
    client_for, hosted
):
    hosted.capacity = 1
    hosted.save()
    confirmed, waiting = UserFactory(), UserFactory()
    rsvp_create(actor=confirmed, activity=hosted)
    rsvp_create(actor=waiting, activity=hosted)

    assert (
        "010-1234-5678" in client_for(confirmed).get(f"/activities/{hosted.pk}/").content.decode()
    )
    page = client_for(waiting).get(f"/activities/{hosted.pk}/").content.decode()
    assert "010-1234-5678" not in page
    assert "대기 1번입니다." in page
