"""Telling participants: the cancellation notice and the organiser's messages, by e-mail,
through the notifications (background jobs, each person's preferences)."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction

from sotong.activities.models import ParticipantMessage, Rsvp
from sotong.activities.services import MESSAGES_PER_DAY, activity_cancel, participants_message
from sotong.notifications.models import Delivery, Preference
from tests.activities.factories import ActivityFactory, RsvpFactory
from tests.conftest import ROLES
from tests.factories import MembershipFactory, UserFactory
from tests.notifications.jobs import run_queued_jobs

pytestmark = pytest.mark.django_db


@pytest.fixture
def django_capture_on_commit_callbacks(django_capture_on_commit_callbacks):
    """Delivery happens in background jobs: run them after the captured commit callbacks, as
    the worker would, so the tests read the outbox as a participant reads their mail."""
    from contextlib import contextmanager

    @contextmanager
    def capture(*, execute=False, **kwargs):
        with django_capture_on_commit_callbacks(execute=execute, **kwargs) as callbacks:
            yield callbacks
        if execute:
            run_queued_jobs()

    return capture


MANAGERS = {"resident", "org_admin", "region_admin", "admin"}


@pytest.fixture
def people(activity):
    """Two confirmed, one waiting, one who cancelled — each with their own address."""
    confirmed = [
        RsvpFactory(activity=activity, user=UserFactory(email=f"confirmed{n}@example.kr")).user
        for n in (1, 2)
    ]
    waiting = RsvpFactory(
        activity=activity,
        user=UserFactory(email="waiting@example.kr", nickname="대기자"),
        status=Rsvp.Status.WAITING,
        position=1,
    ).user
    gone = RsvpFactory(
        activity=activity,
        user=UserFactory(email="gone@example.kr"),
        status=Rsvp.Status.CANCELLED,
    ).user
    return {"confirmed": confirmed, "waiting": waiting, "cancelled": gone}


@pytest.fixture
def hosted(city, resident, organization, org_admin):
    MembershipFactory(organization=organization, user=resident)
    activity = ActivityFactory(
        region=city, host=resident, host_organization=organization, title="놀이터 탐사대"
    )
    for n in (1, 2, 3):
        RsvpFactory(activity=activity, user=UserFactory(email=f"explorer{n}@example.kr"))
    return activity


def all_addresses_in(message) -> str:
    """Everything a recipient could read: headers, text and HTML."""
    parts = [str(message.message())]
    parts.extend(content for content, _type in message.alternatives)
    return "\n".join(parts)


def assert_sent_one_by_one(outbox, expected: set[str], everyone: set[str]) -> None:
    assert {address for message in outbox for address in message.to} == expected
    assert len(outbox) == len(expected)
    for message in outbox:
        assert len(message.to) == 1
        assert message.cc == [] and message.bcc == []
        assert not message.reply_to
        visible = all_addresses_in(message)
        for other in everyone - set(message.to):
            assert other not in visible


# --- cancellation notice --------------------------------------------------------------------


def test_cancelling_tells_everyone_signed_up_one_email_each(
    activity, people, resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        activity_cancel(actor=resident, activity=activity, reason="태풍 예보로 다음 달로 미룹니다.")

    expected = {"confirmed1@example.kr", "confirmed2@example.kr", "waiting@example.kr"}
    everyone = expected | {"gone@example.kr", resident.email}
    assert_sent_one_by_one(mail.outbox, expected, everyone)
    message = next(m for m in mail.outbox if m.to == ["waiting@example.kr"])
    assert "[취소]" in message.subject and "요천 둑길 걷기 모임" in message.subject
    assert "대기자님, 안녕하세요." in message.body
    assert "태풍 예보로 다음 달로 미룹니다." in message.body
    assert f"/activities/{activity.pk}/" in message.body
    html, content_type = message.alternatives[0]
    assert content_type == "text/html"
    assert "태풍 예보로 다음 달로 미룹니다." in html
    assert activity.host_contact not in message.body


def test_the_notice_goes_out_only_after_the_cancellation_is_committed(
    activity, people, resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        activity_cancel(actor=resident, activity=activity, reason="사정이 생겼습니다.")
        assert mail.outbox == []

    assert callbacks  # the notice waits for the commit (the search index does too)
    for callback in callbacks:
        callback()
    run_queued_jobs()
    assert len(mail.outbox) == 3


def test_no_notice_when_the_cancellation_is_rolled_back(
    activity, people, resident, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        activity_cancel(actor=resident, activity=activity, reason="")
        raise RuntimeError("something else failed")

    assert mail.outbox == []


def test_cancelling_on_the_page_sends_the_notice_with_the_reason(
    client_for, activity, people, resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(resident).post(
            f"/activities/{activity.pk}/cancel/", {"reason": "<b>장소</b> 공사로 취소합니다."}
        )

    assert response.status_code == 302
    assert len(mail.outbox) == 3
    html = mail.outbox[0].alternatives[0][0]
    assert "&lt;b&gt;장소&lt;/b&gt; 공사로 취소합니다." in html
    assert "<b>장소</b>" not in html
    assert "<b>장소</b> 공사로 취소합니다." in mail.outbox[0].body  # plain text stays as typed


def test_a_notice_is_not_sent_to_people_without_an_address_or_inactive(
    activity, resident, django_capture_on_commit_callbacks
):
    RsvpFactory(activity=activity, user=UserFactory(email="active@example.kr"))
    RsvpFactory(activity=activity, user=UserFactory(email="left@example.kr", is_active=False))

    with django_capture_on_commit_callbacks(execute=True):
        activity_cancel(actor=resident, activity=activity, reason="")

    assert [m.to for m in mail.outbox] == [["active@example.kr"]]


# --- the organiser writes to everyone -------------------------------------------------------


def test_organiser_message_reaches_each_participant_alone(
    activity, people, resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = participants_message(
            actor=resident,
            activity=activity,
            subject="우천 시 장소 변경",
            body="비가 오면 요천 생태공원 관리동 2층에서 모입니다.",
        )

    expected = {"confirmed1@example.kr", "confirmed2@example.kr", "waiting@example.kr"}
    assert_sent_one_by_one(mail.outbox, expected, expected | {"gone@example.kr", resident.email})
    assert message.recipients_count == 3
    assert all(m.subject == "[소통] 우천 시 장소 변경" for m in mail.outbox)
    assert all("관리동 2층에서 모입니다." in m.body for m in mail.outbox)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_write_to_participants(
    role, user_for_role, client_for, hosted, django_capture_on_commit_callbacks
):
    client = client_for(user_for_role(role))
    url = f"/activities/{hosted.pk}/participants/message/"

    page = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"subject": "준비물 안내", "body": "물과 모자를 챙겨 오세요."})

    if role == "anonymous":
        assert page.status_code == 302 and "/accounts/login/" in page["Location"]
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif role in MANAGERS:
        assert page.status_code == 200
        assert "참가자에게 글 보내기" in page.content.decode()
        assert response.status_code == 302
        assert response["Location"] == f"/activities/{hosted.pk}/participants/"
    else:
        assert page.status_code == 403
        assert response.status_code == 403
    sent = role in MANAGERS
    assert ParticipantMessage.objects.exists() == sent
    assert len(mail.outbox) == (3 if sent else 0)


def test_the_message_page_shows_no_addresses(client_for, hosted, resident):
    html = client_for(resident).get(f"/activities/{hosted.pk}/participants/message/")
    text = html.content.decode()

    assert "@example.kr" not in text
    assert "3명" in text


@pytest.mark.parametrize(
    ("subject", "body", "error"),
    [
        ("", "내용", "제목을 적어 주세요."),
        ("제목", "", "내용을 적어 주세요."),
        ("   ", "내용", "제목을 적어 주세요."),
        ("가" * 121, "내용", "제목은 120자까지 쓸 수 있습니다."),
        ("제목", "가" * 5001, "내용은 5,000자까지 쓸 수 있습니다."),
    ],
)
def test_bad_messages_are_refused_in_korean_and_keep_what_was_typed(
    client_for, hosted, resident, subject, body, error
):
    response = client_for(resident).post(
        f"/activities/{hosted.pk}/participants/message/", {"subject": subject, "body": body}
    )

    assert response.status_code == 400
    text = response.content.decode()
    assert error in text
    if body and len(body) < 100:
        assert body in text
    assert not ParticipantMessage.objects.exists()
    assert mail.outbox == []


def test_script_in_a_message_is_shown_as_text_in_the_html_mail(
    hosted, resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        participants_message(
            actor=resident,
            activity=hosted,
            subject="<script>alert(1)</script>",
            body='<img src=x onerror="alert(1)">',
        )

    html = mail.outbox[0].alternatives[0][0]
    assert "<script>" not in html and "<img" not in html
    assert "&lt;img src=x" in html


def test_a_subject_cannot_smuggle_extra_headers(
    hosted, resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        participants_message(
            actor=resident,
            activity=hosted,
            subject="안내\r\nBcc: everyone@example.kr",
            body="내용",
        )

    assert len(mail.outbox) == 3
    for message in mail.outbox:
        assert message.subject == "[소통] 안내 Bcc: everyone@example.kr"
        headers = message.message()
        assert headers["Bcc"] is None and headers["Cc"] is None
        assert len(headers.get_all("To")) == 1


def test_at_most_five_messages_a_day_then_a_korean_refusal(
    client_for, hosted, resident, django_capture_on_commit_callbacks
):
    client = client_for(resident)
    url = f"/activities/{hosted.pk}/participants/message/"
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(MESSAGES_PER_DAY):
            assert client.post(url, {"subject": f"안내 {n}", "body": "내용"}).status_code == 302
        refused = client.post(url, {"subject": "여섯 번째", "body": "내용"})

    assert refused.status_code == 400
    assert "하루(24시간)에 5번까지 보낼 수 있습니다" in refused.content.decode()
    assert ParticipantMessage.objects.count() == MESSAGES_PER_DAY
    assert len(mail.outbox) == MESSAGES_PER_DAY * 3
    assert "지금 0번 남았습니다." in client.get(url).content.decode()


def test_messages_older_than_a_day_do_not_count(hosted, resident):
    from datetime import timedelta

    from django.utils import timezone

    for n in range(MESSAGES_PER_DAY):
        participants_message(actor=resident, activity=hosted, subject=f"안내 {n}", body="내용")
    ParticipantMessage.objects.update(sent_at=timezone.now() - timedelta(hours=25))

    participants_message(actor=resident, activity=hosted, subject="다음 날", body="내용")

    assert ParticipantMessage.objects.count() == MESSAGES_PER_DAY + 1


def test_nobody_to_write_to_is_said_in_korean(client_for, activity, resident):
    response = client_for(resident).post(
        f"/activities/{activity.pk}/participants/message/", {"subject": "안내", "body": "내용"}
    )

    assert response.status_code == 400
    assert "글을 받을 참가자가 없습니다." in response.content.decode()


def test_unknown_activity_message_page_is_404(client_for, resident):
    assert client_for(resident).get("/activities/999999/participants/message/").status_code == 404


def test_cancelling_twice_sends_one_notice(
    activity, people, resident, django_capture_on_commit_callbacks
):
    stale_copy = type(activity).objects.get(pk=activity.pk)
    with django_capture_on_commit_callbacks(execute=True):
        activity_cancel(actor=resident, activity=activity, reason="첫 번째 취소")
        with pytest.raises(ValidationError, match="이미 취소된 활동입니다."):
            activity_cancel(actor=resident, activity=stale_copy, reason="두 번째 취소")

    assert len(mail.outbox) == 3


# --- preferences ----------------------------------------------------------------------------


def test_a_participant_who_turned_organiser_messages_off_gets_no_mail_but_sees_it_in_the_app(
    hosted, resident, django_capture_on_commit_callbacks
):
    quiet = hosted.rsvps.select_related("user").first().user
    Preference.objects.create(user=quiet, kind="activities.message", delivery=Delivery.OFF)
    with django_capture_on_commit_callbacks(execute=True):
        participants_message(actor=resident, activity=hosted, subject="준비물", body="모자")

    assert len(mail.outbox) == 2
    assert all(m.to != [quiet.email] for m in mail.outbox)
    assert quiet.notifications.get().text == "‘놀이터 탐사대’ 주최 측의 글: 준비물"


def test_a_participant_on_the_weekly_digest_gets_the_cancellation_there(
    activity, people, resident, django_capture_on_commit_callbacks
):
    from sotong.notifications.tasks import send_digests

    waiting = people["waiting"]
    Preference.objects.create(user=waiting, kind="activities.cancelled", delivery=Delivery.WEEKLY)
    with django_capture_on_commit_callbacks(execute=True):
        activity_cancel(actor=resident, activity=activity, reason="비 예보")
    assert "waiting@example.kr" not in {m.to[0] for m in mail.outbox}

    send_digests.call("weekly")
    digest = mail.outbox[-1]
    assert digest.to == ["waiting@example.kr"] and "이번 주의 소식 1건" in digest.subject
    assert "요천 둑길 걷기 모임" in digest.body
