"""Parallel 공감 from many residents at once: the count stays exact and each threshold level is
recorded once, on SQLite and on PostgreSQL (see tests/activities/test_concurrency.py)."""

import contextlib

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from sotong.proposals import services
from sotong.proposals.models import Proposal, RegionPolicy, Step, Support, ThresholdLevel
from sotong.search.models import SearchDocument
from tests.activities.test_concurrency import run_together
from tests.conftest import database_vendor
from tests.factories import RegionFactory, UserFactory

PEOPLE = 40


@pytest.mark.django_db(transaction=True)
def test_forty_parallel_support_requests_count_exactly_and_cross_each_level_once():
    city = RegionFactory()
    policy = RegionPolicy.objects.create(region=city, answer_days=30)
    ThresholdLevel.objects.create(policy=policy, supports=10, label="부서 답변")
    ThresholdLevel.objects.create(policy=policy, supports=30, label="공개 토론")
    author = UserFactory()
    proposal = services.proposal_create(
        actor=author, fields={"region": city, "title": "버스 노선", "problem": "p", "idea": "i"}
    )
    people = [UserFactory() for _ in range(PEOPLE)]

    def press(person):
        client = Client()
        client.force_login(person)
        response = client.post(f"/proposals/{proposal.pk}/support/")
        assert response.status_code == 302

    errors = run_together(press, people)

    assert errors == []
    proposal.refresh_from_db()
    assert proposal.support_count == PEOPLE
    assert Support.objects.filter(proposal=proposal, withdrawn_at__isnull=True).count() == PEOPLE
    levels = list(
        Step.objects.filter(proposal=proposal, kind="threshold").values_list("level", flat=True)
    )
    assert sorted(levels) == [10, 30]
    # Each 공감 set the search document's popularity after its commit: the last one leaves all.
    assert SearchDocument.objects.get(kind="proposal", object_id=proposal.pk).popularity == PEOPLE
    print(f"\n[{database_vendor()}] {PEOPLE} parallel supports → count {proposal.support_count}")


@pytest.mark.django_db(transaction=True)
def test_parallel_double_presses_and_withdrawals_leave_the_count_equal_to_the_rows():
    city = RegionFactory()
    proposal = services.proposal_create(
        actor=UserFactory(),
        fields={"region": city, "title": "주차", "problem": "p", "idea": "i"},
    )
    people = [UserFactory() for _ in range(15)]
    # Everyone presses twice at once; then a third withdraw at once.
    run_together(lambda p: _quietly(services.support_add, p, proposal), people + people)
    run_together(lambda p: _quietly(services.support_withdraw, p, proposal), people[:5])

    proposal = Proposal.objects.get(pk=proposal.pk)
    active = Support.objects.filter(proposal=proposal, withdrawn_at__isnull=True).count()
    assert active == 10
    assert proposal.support_count == active
    assert SearchDocument.objects.get(kind="proposal", object_id=proposal.pk).popularity == active


def _quietly(service, person, proposal):
    # "이미 공감한 제안입니다." for the second press is the expected refusal.
    with contextlib.suppress(ValidationError):
        service(actor=person, proposal=proposal)
