"""Every step reaches every supporter who has not withdrawn, and the author; thresholds reach
the region's officials. Run through the real queue and worker code."""

import pytest

from sotong.notifications.models import Notification
from sotong.proposals import services
from sotong.proposals.models import RegionPolicy, ThresholdLevel
from tests.notifications.jobs import run_queued_jobs

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_policy(city):
    policy = RegionPolicy.objects.create(region=city, answer_days=30)
    ThresholdLevel.objects.create(policy=policy, supports=2, label="부서 답변")
    return policy


def _received(user, kind="proposals.step"):
    return list(
        Notification.objects.filter(recipient=user, kind=kind).values_list("params", flat=True)
    )


def test_a_step_reaches_supporters_and_author_but_not_who_withdrew_or_the_actor(
    django_capture_on_commit_callbacks, proposal, resident, supporters, official, department
):
    staying, leaving = supporters(2)
    with django_capture_on_commit_callbacks(execute=True):
        services.support_add(actor=staying, proposal=proposal)
        services.support_add(actor=leaving, proposal=proposal)
        services.support_withdraw(actor=leaving, proposal=proposal)
    run_queued_jobs()
    Notification.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_assign(actor=official, proposal=proposal, department=department)
    run_queued_jobs()

    assert [p["step"] for p in _received(staying)] == ["제출됨 → 검토 중"]
    assert len(_received(resident)) == 1
    assert _received(leaving) == []
    assert _received(official) == []


def test_reaching_the_threshold_tells_the_region_officials(
    django_capture_on_commit_callbacks, proposal, supporters, official, region_admin, small_policy
):
    people = supporters(2)
    with django_capture_on_commit_callbacks(execute=True):
        for person in people:
            services.support_add(actor=person, proposal=proposal)
    run_queued_jobs()

    for user in (official, region_admin):
        params = _received(user, "proposals.threshold")
        assert params == [{"title": proposal.title, "level": 2, "label": "부서 답변"}]
    # The supporters hear of the milestone as a step of the timeline.
    assert "공감 2명 달성" in [p["step"] for p in _received(people[0])]


def test_a_comment_tells_the_author(
    django_capture_on_commit_callbacks, proposal, resident, second_resident
):
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_create(actor=second_resident, proposal=proposal, body="좋은 생각이에요")
    run_queued_jobs()
    assert _received(resident, "proposals.comment") == [
        {"title": proposal.title, "nickname": "서준"}
    ]
