"""Two organisers writing the same activity's record at once still make one record: the
activity row lock (PostgreSQL) or the IMMEDIATE transaction (SQLite) orders them."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sotong.activities.models import Activity
from sotong.archive.models import MeetingRecord
from sotong.archive.services import record_create
from sotong.organizations.models import Membership
from tests.activities.factories import ActivityFactory
from tests.activities.test_concurrency import run_together
from tests.factories import MembershipFactory, OrganizationFactory, RegionFactory, UserFactory

ORGANISERS = 8


@pytest.mark.django_db(transaction=True)
def test_parallel_organisers_make_one_record_and_the_others_are_told_in_korean():
    city = RegionFactory()
    organization = OrganizationFactory(region=city)
    organisers = [UserFactory() for _ in range(ORGANISERS)]
    for person in organisers:
        MembershipFactory(organization=organization, user=person, role=Membership.Role.ADMIN)
    activity = ActivityFactory(region=city, host=organisers[0], host_organization=organization)
    now = timezone.now()
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=now - timedelta(hours=3), ends_at=now - timedelta(hours=1)
    )
    activity.refresh_from_db()
    refused: list[str] = []

    def write(person):
        fields = {
            "title": f"{person.nickname}의 기록",
            "held_on": timezone.localdate(),
            "participants_count": 10,
            "summary": "요약",
            "region": city,
        }
        try:
            record_create(actor=person, fields=fields, activity=activity)
        except ValidationError as error:
            refused.extend(error.messages)

    errors = run_together(write, organisers)

    assert errors == []
    assert MeetingRecord.objects.filter(activity=activity).count() == 1
    assert refused == ["이 활동의 기록이 이미 있습니다. 기록을 고쳐 주세요."] * (ORGANISERS - 1)
