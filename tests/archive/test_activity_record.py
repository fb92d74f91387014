"""The meeting record (대화모임 기록) an activity's organisers write once it has started: it
lives in the archive, and the activity's page shows it and links to the form."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from sotong.activities.models import Activity
from sotong.activities.services import activity_cancel
from sotong.archive.models import MeetingRecord
from sotong.archive.services import record_create
from tests.activities.factories import ActivityFactory
from tests.conftest import ROLES
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

MANAGERS = {"resident", "org_admin", "region_admin", "admin"}


def make_started(activity, ended=True):
    now = timezone.now()
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=now - timedelta(hours=3),
        ends_at=now - timedelta(hours=1) if ended else now + timedelta(hours=1),
    )
    activity.refresh_from_db()


@pytest.fixture
def held(city, resident, organization, org_admin):
    """A roundtable hosted by 지민 for 하늘's organisation, which took place this afternoon."""
    MembershipFactory(organization=organization, user=resident)
    activity = ActivityFactory(
        region=city, host=resident, host_organization=organization, title="놀이터 원탁회의"
    )
    make_started(activity)
    return activity


def record_form(activity, **overrides):
    data = {
        "title": "동네 놀이터를 어떻게 바꿀까",
        "held_on": timezone.localdate().isoformat(),
        "place": "동충동 주민센터",
        "region": str(activity.region_id),
        "participants_count": "14",
        "summary": "주민 14명이 모여 놀이터 개선안을 이야기했습니다.",
        "discussion": "그늘막이 필요하다는 의견이 많았습니다.",
        "outcomes": "그늘막 설치를 시에 제안하기로 했습니다.",
        "next_steps": "다음 달 첫째 주에 제안서를 냅니다.",
        "licence": "cc-by-4.0",
        "visibility": "published",
    }
    data.update(overrides)
    return data


def form_url(activity) -> str:
    return f"/archive/activity/{activity.pk}/record/"


def test_the_old_address_leads_to_the_archive_form(client, held):
    response = client.get(f"/activities/{held.pk}/record/")

    assert response.status_code == 301
    assert response["Location"] == form_url(held)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_write_the_meeting_record(role, user_for_role, client_for, held):
    client = client_for(user_for_role(role))

    page = client.get(form_url(held))
    response = client.post(form_url(held), record_form(held))

    if role == "anonymous":
        assert page.status_code == 302 and "/accounts/login/" in page["Location"]
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert not MeetingRecord.objects.exists()
    elif role in MANAGERS:
        assert page.status_code == 200
        assert response.status_code == 302
        record = MeetingRecord.objects.get()
        assert response["Location"] == f"/archive/records/{record.pk}/"
        assert record.activity == held
        assert record.created_by == user_for_role(role)
        assert record.participants_count == 14
    else:
        assert page.status_code == 403
        assert response.status_code == 403
        assert not MeetingRecord.objects.exists()


def test_the_record_is_public_on_the_activity_page_and_in_the_archive(
    client, client_for, held, resident
):
    client_for(resident).post(form_url(held), record_form(held))
    record = MeetingRecord.objects.get()

    activity_html = client.get(f"/activities/{held.pk}/").content.decode()
    record_html = client.get(f"/archive/records/{record.pk}/").content.decode()

    assert "동네 놀이터를 어떻게 바꿀까" in activity_html
    assert "14명" in activity_html
    assert f'href="/archive/records/{record.pk}/"' in activity_html
    assert "기록 고치기" not in activity_html  # the edit link is for organisers only
    assert "그늘막 설치를 시에 제안하기로 했습니다." in record_html
    assert "다음 달 첫째 주에 제안서를 냅니다." in record_html
    assert f'href="/activities/{held.pk}/"' in record_html


def test_the_form_starts_from_the_activity(client_for, held, resident, topics):
    held.topics.set(topics[:1])
    Activity.objects.filter(pk=held.pk).update(confirmed_count=9, place_name="향교동 경로당")

    html = client_for(resident).get(form_url(held)).content.decode()

    assert 'name="participants_count" value="9"' in html
    assert 'value="놀이터 원탁회의"' in html
    assert 'value="향교동 경로당"' in html
    assert re.search(rf'name="topics" value="{topics[0].pk}"[^>]*checked', html)


def test_a_second_visit_corrects_the_one_record(client_for, held, resident, org_admin):
    client_for(resident).post(form_url(held), record_form(held))
    record = MeetingRecord.objects.get()

    moved = client_for(org_admin).get(form_url(held))
    page = client_for(org_admin).get(moved["Location"]).content.decode()
    client_for(org_admin).post(
        moved["Location"], record_form(held, participants_count="15", outcomes="")
    )

    assert moved["Location"] == f"/archive/records/{record.pk}/edit/"
    assert "동네 놀이터를 어떻게 바꿀까" in page  # the form shows what is stored
    record = MeetingRecord.objects.get()
    assert record.participants_count == 15
    assert record.outcomes == ""
    assert record.created_by == resident


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"title": ""}, "주제를 적어 주세요."),
        ({"summary": "   "}, "요약을 적어 주세요."),
        ({"participants_count": "-1"}, "참석 인원은 0명 이상이어야 합니다."),
        ({"participants_count": "열네 명"}, "참석 인원은 숫자로 적어 주세요."),
        ({"participants_count": ""}, "참석 인원을 적어 주세요."),
        ({"participants_count": "1000001"}, "참석 인원은 100,000명 이하여야 합니다."),
        ({"title": "가" * 201}, "주제는 200자까지 쓸 수 있습니다."),
        ({"summary": "가" * 3001}, "요약은 3,000자까지 쓸 수 있습니다."),
        ({"held_on": "어제"}, "날짜는 2026-11-22처럼 적어 주세요."),
    ],
)
def test_bad_input_is_refused_in_korean_and_kept(client_for, held, resident, overrides, error):
    form = record_form(held, discussion="그늘막 이야기를 오래 했습니다.", **overrides)

    response = client_for(resident).post(form_url(held), form)

    assert response.status_code == 400
    html = response.content.decode()
    assert error in html
    assert "그늘막 이야기를 오래 했습니다." in html
    assert not MeetingRecord.objects.exists()


def test_zero_participants_is_a_valid_count(client_for, held, resident):
    client_for(resident).post(form_url(held), record_form(held, participants_count="0"))

    assert MeetingRecord.objects.get().participants_count == 0


def test_script_in_the_record_is_shown_as_text(client, client_for, held, resident):
    client_for(resident).post(
        form_url(held), record_form(held, summary="<script>alert('기록')</script>")
    )

    html = client.get(f"/activities/{held.pk}/").content.decode()

    assert "<script>alert('기록')</script>" not in html
    assert "&lt;script&gt;" in html


def test_no_record_before_the_activity_starts(client_for, city, resident):
    upcoming = ActivityFactory(region=city, host=resident)
    client = client_for(resident)

    page = client.get(form_url(upcoming))
    post = client.post(form_url(upcoming), record_form(upcoming), follow=True)

    assert page.status_code == 302 and page["Location"] == f"/activities/{upcoming.pk}/"
    assert "기록은 활동이 시작된 뒤에 남길 수 있습니다." in post.content.decode()
    assert not MeetingRecord.objects.exists()
    assert "대화모임 기록 남기기" not in client.get(f"/activities/{upcoming.pk}/").content.decode()


def test_a_record_can_be_written_while_the_activity_is_on(client_for, city, resident):
    ongoing = ActivityFactory(region=city, host=resident)
    make_started(ongoing, ended=False)

    response = client_for(resident).post(form_url(ongoing), record_form(ongoing))

    assert response.status_code == 302
    assert MeetingRecord.objects.filter(activity=ongoing).exists()


def _fields(activity):
    return {
        "title": "주제",
        "held_on": timezone.localdate(),
        "participants_count": 3,
        "summary": "요약",
        "region": activity.region,
    }


def test_no_record_for_a_cancelled_activity(city, resident):
    activity = ActivityFactory(region=city, host=resident)
    activity_cancel(actor=resident, activity=activity, reason="")
    make_started(activity)

    with pytest.raises(ValidationError, match="취소된 활동에는 기록을 남길 수 없습니다."):
        record_create(actor=resident, fields=_fields(activity), activity=activity)


def test_the_service_refuses_non_organisers_in_korean(held, second_resident):
    with pytest.raises(PermissionDenied, match="주최 측만 대화모임 기록을 남길 수 있습니다."):
        record_create(actor=second_resident, fields=_fields(held), activity=held)


def test_an_activity_has_one_record(held, resident):
    record_create(actor=resident, fields=_fields(held), activity=held)

    with pytest.raises(ValidationError, match="이 활동의 기록이 이미 있습니다."):
        record_create(actor=resident, fields=_fields(held), activity=held)
    assert MeetingRecord.objects.count() == 1


def test_organisers_see_the_link_to_write_the_record(client_for, held, resident):
    html = client_for(resident).get(f"/activities/{held.pk}/").content.decode()

    assert f'href="{form_url(held)}"' in html
    assert "대화모임 기록 남기기" in html


def test_a_draft_record_stays_off_the_activity_page(client, client_for, held, resident):
    client_for(resident).post(form_url(held), record_form(held, visibility="draft"))

    assert MeetingRecord.objects.get().visibility == "draft"
    assert (
        "동네 놀이터를 어떻게 바꿀까" not in client.get(f"/activities/{held.pk}/").content.decode()
    )


def test_unknown_activity_record_page_is_404(client_for, resident):
    assert client_for(resident).get("/archive/activity/999999/record/").status_code == 404
