"""Notices, meeting records and proposal steps reach the feed through their plugged-in sources."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from sotong.activities.models import Rsvp
from sotong.archive.models import MeetingRecord
from sotong.interests.services import follow
from sotong.proposals.models import Step, Support
from tests.activities.factories import ActivityFactory, RsvpFactory
from tests.factories import OrganizationFactory, RegionFactory
from tests.notices.factories import NoticeFactory
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def text_of(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_notices_of_a_followed_department_and_of_my_region(client, resident, city):
    jeju = RegionFactory(name="제주시", slug="jeju")
    department = OrganizationFactory(region=jeju, kind="government", name="제주시 자치행정과")
    follow(user=resident, target=department)
    NoticeFactory(region=jeju, department=department, title="제주 공청회")
    NoticeFactory(region=city, title="남원 주민설명회")
    NoticeFactory(region=jeju, title="남의 공지")
    client.force_login(resident)
    text = text_of(client)
    assert "제주 공청회" in text and "‘제주시 자치행정과’ 단체를 팔로우해서" in text
    assert "남원 주민설명회" in text and "사는 지역의 공지라서" in text
    assert "남의 공지" not in text


def test_pinned_notices_show_on_the_region_home(client, city):
    NoticeFactory(region=city, title="꼭 보세요: 예산 설명회", is_pinned=True)
    text = client.get("/regions/namwon/").content.decode()
    assert "주요 공지" in text and "꼭 보세요: 예산 설명회" in text


def test_records_of_a_meeting_i_joined(client, resident, second_resident, city):
    start = timezone.now() - timedelta(days=2)
    activity = ActivityFactory(region=city, starts_at=start, ends_at=start + timedelta(hours=2))
    RsvpFactory(activity=activity, user=resident, status=Rsvp.Status.CONFIRMED)
    MeetingRecord.objects.create(
        title="놀이터 그늘막 이야기",
        held_on=date.today(),
        region=city,
        activity=activity,
        participants_count=9,
        summary="그늘막이 필요하다는 데 모두 뜻을 모았습니다.",
        created_by=second_resident,
        visibility="published",
        published_at=timezone.now() - timedelta(hours=1),
    )
    client.force_login(resident)
    text = text_of(client)
    assert "놀이터 그늘막 이야기" in text and "참여한 활동이라서" in text


def test_steps_of_proposals_i_support(client, resident, city):
    proposal = ProposalFactory(region=city, title="요천 산책로 가로등")
    Support.objects.create(proposal=proposal, user=resident)
    Step.objects.create(proposal=proposal, to_status=proposal.status, reason="부서 검토 시작")
    other = ProposalFactory(region=city, title="공감 안 한 제안")
    Step.objects.create(proposal=other, to_status=other.status)
    client.force_login(resident)
    text = text_of(client)
    assert "요천 산책로 가로등" in text and "공감한 제안이라서" in text
    assert "공감 안 한 제안" not in text
