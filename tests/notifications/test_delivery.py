"""Who is told what, by which channel, and that nothing is told twice."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from sotong.activities.models import Rsvp
from sotong.activities.services import (
    activity_cancel,
    activity_create,
    activity_update,
    review_create,
    review_reply,
    rsvp_cancel,
)
from sotong.notifications.models import Delivery, Notification, Preference
from sotong.notifications.services import notify, unsubscribe
from sotong.notifications.tasks import fan_out, send_immediate
from sotong.organizations.services import join_request_create
from tests.activities.factories import ActivityFactory, RsvpFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def kinds_of(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def mails_to(user) -> list:
    return [m for m in mail.outbox if m.to == [user.email]]


def _fields(city, topic, title="아이와 함께하는 숲 놀이"):
    start = timezone.now() + timedelta(days=5)
    return {
        "kind": "gathering",
        "title": title,
        "description": "숲에서 놀아요.",
        "region": city,
        "place_name": "교룡산 숲길",
        "latitude": 35.41,
        "longitude": 127.39,
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "capacity": 2,
        "fee": 0,
        "host_contact": "010-0000-0000",
    }


@pytest.fixture
def follower(topics):
    user = UserFactory(email="follower@example.kr", nickname="따라가는사람")
    user.interests.add(topics[0])
    return user


def test_a_new_activity_reaches_the_topic_followers_but_not_the_host(
    city, topics, resident, follower, second_resident, run_jobs, django_capture_on_commit_callbacks
):
    Preference.objects.create(user=follower, kind="activities.new", delivery=Delivery.IMMEDIATE)
    with django_capture_on_commit_callbacks(execute=True):
        activity = activity_create(
            actor=resident, fields=_fields(city, topics[0]), topics=[topics[0]]
        )
    run_jobs()

    assert kinds_of(follower) == ["activities.new"]
    assert kinds_of(resident) == [] and kinds_of(second_resident) == []
    [message] = mails_to(follower)
    assert "아이와 함께하는 숲 놀이" in message.subject
    assert f"/activities/{activity.pk}/" in message.body
    assert "따라가는사람님, 안녕하세요." in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert (
        message.extra_headers["List-Unsubscribe"].startswith(
            "<http://testserver/notifications/unsubscribe/"
        )
        or "/notifications/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    )
    assert "/notifications/preferences/" in message.body
    html, content_type = message.alternatives[0]
    assert content_type == "text/html" and "아이와 함께하는 숲 놀이" in html


def test_new_activities_default_to_the_daily_digest_one_mail_for_many(
    city, topics, resident, follower, run_jobs, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for title in ("숲 놀이 하나", "숲 놀이 둘", "숲 놀이 셋"):
            activity_create(
                actor=resident, fields=_fields(city, topics[0], title), topics=[topics[0]]
            )
    run_jobs()
    assert len(kinds_of(follower)) == 3
    assert mail.outbox == []

    from sotong.notifications.tasks import send_digests

    assert send_digests.call("daily") == 1
    [digest] = mail.outbox
    assert digest.to == [follower.email]
    assert "오늘의 소식 3건" in digest.subject
    for title in ("숲 놀이 하나", "숲 놀이 둘", "숲 놀이 셋"):
        assert title in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert send_digests.call("daily") == 0  # stored ones are not sent again
    assert len(mail.outbox) == 1


def test_participants_hear_of_changes_and_cancellation_and_the_reason(
    activity, resident, second_resident, run_jobs, django_capture_on_commit_callbacks
):
    waiting = UserFactory(email="waiting@example.kr")
    RsvpFactory(activity=activity, user=second_resident)
    RsvpFactory(activity=activity, user=waiting, status=Rsvp.Status.WAITING, position=1)
    gone = RsvpFactory(activity=activity, status=Rsvp.Status.CANCELLED).user

    with django_capture_on_commit_callbacks(execute=True):
        activity_update(actor=resident, activity=activity, fields={"place_name": "광한루원 정문"})
    run_jobs()
    assert kinds_of(second_resident) == ["activities.changed"]
    assert kinds_of(waiting) == ["activities.changed"]
    assert kinds_of(gone) == [] and kinds_of(resident) == []

    with django_capture_on_commit_callbacks(execute=True):
        activity_cancel(actor=resident, activity=activity, reason="태풍 예보로 미룹니다.")
    run_jobs()
    assert sorted(kinds_of(second_resident)) == ["activities.cancelled", "activities.changed"]
    [cancelled] = [m for m in mails_to(second_resident) if "취소" in m.subject]
    assert "태풍 예보로 미룹니다." in cancelled.body
    assert activity.host_contact not in cancelled.body


def test_a_freed_seat_tells_the_person_promoted(
    activity, resident, second_resident, run_jobs, django_capture_on_commit_callbacks
):
    activity.capacity = 1
    activity.save()
    first = UserFactory()
    RsvpFactory(activity=activity, user=first)
    RsvpFactory(activity=activity, user=second_resident, status=Rsvp.Status.WAITING, position=1)
    type(activity).objects.filter(pk=activity.pk).update(confirmed_count=1, waiting_count=1)
    activity.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        rsvp_cancel(actor=first, activity=activity)
    run_jobs()

    assert kinds_of(second_resident) == ["activities.promoted"]
    [message] = mails_to(second_resident)
    assert "자리가 나서 참가가 확정되었습니다" in message.subject


def test_reviews_tell_the_host_and_replies_tell_the_author(
    city, resident, second_resident, run_jobs, django_capture_on_commit_callbacks
):
    past = timezone.now() - timedelta(days=2)
    activity = ActivityFactory(
        region=city, host=resident, starts_at=past, ends_at=past + timedelta(hours=2)
    )
    RsvpFactory(activity=activity, user=second_resident)
    with django_capture_on_commit_callbacks(execute=True):
        review = review_create(actor=second_resident, activity=activity, rating=5, text="좋았어요")
    run_jobs()
    assert kinds_of(resident) == ["activities.review"]
    assert "서준님이" in Notification.objects.get(recipient=resident).text

    with django_capture_on_commit_callbacks(execute=True):
        review_reply(actor=resident, review=review, text="고맙습니다")
    run_jobs()
    assert kinds_of(second_resident) == ["activities.review_reply"]


def test_a_join_request_reaches_the_organisation_admins_only(
    department, official, second_resident, run_jobs, django_capture_on_commit_callbacks
):
    from sotong.organizations.models import Membership
    from tests.factories import MembershipFactory

    admin = UserFactory(email="dept-admin@example.kr")
    MembershipFactory(organization=department, user=admin, role=Membership.Role.ADMIN)
    with django_capture_on_commit_callbacks(execute=True):
        join_request_create(actor=second_resident, organization=department, message="안녕하세요")
    run_jobs()

    assert kinds_of(admin) == ["organizations.join_request"]
    assert kinds_of(official) == [] and kinds_of(second_resident) == []
    notification = Notification.objects.get(recipient=admin)
    assert notification.url == f"/organizations/{department.slug}/requests/"
    assert notification.text == "서준님이 ‘남원시 자치행정과’ 단체에 가입을 신청했습니다."


def test_the_day_before_reminder_reaches_confirmed_participants(
    city, resident, second_resident, run_jobs
):
    from sotong.activities.notifying import send_reminders

    tomorrow = timezone.localtime() + timedelta(days=1)
    soon = ActivityFactory(region=city, host=resident, starts_at=tomorrow.replace(hour=10))
    later = ActivityFactory(region=city, host=resident, starts_at=tomorrow + timedelta(days=2))
    RsvpFactory(activity=soon, user=second_resident)
    RsvpFactory(activity=later, user=second_resident)
    waiting = UserFactory()
    RsvpFactory(activity=soon, user=waiting, status=Rsvp.Status.WAITING, position=1)

    period = timezone.localdate().isoformat()
    send_reminders.call(period)
    send_reminders.call(period)  # the same day twice: still one reminder
    run_jobs()

    assert kinds_of(second_resident) == ["activities.reminder"]
    assert kinds_of(waiting) == []
    assert "내일 ‘" in Notification.objects.get(recipient=second_resident).text


def test_running_a_fan_out_again_adds_nothing_and_sends_nothing_twice(
    resident, second_resident, run_jobs
):
    people = [UserFactory() for _ in range(5)]
    arguments = dict(
        kind="activities.message",
        event_key="participant-message:test",
        audience=None,
        audience_args=[],
        recipients=sorted(p.pk for p in people),
        params={"title": "모임", "subject": "안내", "when": ""},
        url="/activities/1/",
        actor_id=resident.pk,
    )
    fan_out.call(**arguments)
    run_jobs()
    from sotong.notifications.models import FanOut

    FanOut.objects.all().update(finished_at=None, cursor=0)  # as if the worker died at the end
    fan_out.call(**arguments)
    run_jobs()
    send_immediate.call(list(Notification.objects.values_list("pk", flat=True)))

    assert Notification.objects.count() == 5
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)


def test_unsubscribing_drops_what_waits_for_a_digest(follower, run_jobs):
    notify(
        kind="activities.new",
        event_key="activity-published:1",
        recipients=[follower.pk],
        params={"title": "하나", "when": ""},
    )
    run_jobs()
    assert Notification.objects.get().delivery == Delivery.DAILY

    unsubscribe(user_id=follower.pk)

    from sotong.notifications.tasks import send_digests

    assert send_digests.call("daily") == 0
    assert Preference.objects.get(user=follower, kind="activities.new").delivery == Delivery.OFF


def test_notify_refuses_an_unknown_kind_and_a_missing_audience(resident):
    with pytest.raises(LookupError):
        notify(kind="nope.nope", event_key="x", recipients=[resident.pk])
    with pytest.raises(ValueError):
        notify(kind="activities.new", event_key="x")


def test_a_resent_e_mail_carries_the_message_id_of_the_first(resident, run_jobs):
    """A worker killed after handing a message over but before recording it hands it over again
    on retry: the same Message-ID lets mail servers and clients show it once."""
    person = UserFactory()
    fan_out.call(
        kind="activities.message",
        event_key="participant-message:resend",
        audience=None,
        audience_args=[],
        recipients=[person.pk],
        params={"title": "모임", "subject": "안내", "when": ""},
        url="/activities/1/",
        actor_id=resident.pk,
    )
    run_jobs()
    first = mail.outbox[-1]
    Notification.objects.update(emailed_at=None)  # as if the worker died before recording it
    send_immediate.call(list(Notification.objects.values_list("pk", flat=True)))

    again = mail.outbox[-1]
    assert again is not first
    assert again.extra_headers["Message-ID"] == first.extra_headers["Message-ID"]
    assert first.extra_headers["Message-ID"].startswith("<notification-")
