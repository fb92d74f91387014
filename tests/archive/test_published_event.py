"""Publishing a record tells the world once (record.published), and notifies the host
organisation's followers and the activity's participants."""

import pytest

from sotong.archive.services import record_update
from sotong.core import events
from sotong.notifications.models import Notification
from sotong.notifications.registry import audience, get_kind
from tests.activities.factories import ActivityFactory, RsvpFactory

pytestmark = pytest.mark.django_db


def test_publishing_a_draft_publishes_the_event_once(
    make_record, resident, django_capture_on_commit_callbacks
):
    heard = []
    handler = events.subscribe("record.published", lambda record_id: heard.append(record_id))
    try:
        draft = make_record(visibility="draft")
        with django_capture_on_commit_callbacks(execute=True):
            record_update(actor=resident, record=draft, fields={"visibility": "published"})
        with django_capture_on_commit_callbacks(execute=True):
            record_update(actor=resident, record=draft, fields={"summary": "고친 요약"})
    finally:
        events._handlers["record.published"].remove(handler)

    assert heard == [draft.pk]
    draft.refresh_from_db()
    assert draft.published_at is not None


def test_the_audience_is_the_hosts_followers_and_the_participants(
    make_record, city, organization, second_resident, resident
):
    from sotong.interests.models import Follow

    activity = ActivityFactory(region=city, host=resident)
    RsvpFactory(activity=activity, user=second_resident)
    follower = Follow.objects.create(follower=resident, organization=organization).follower
    record = make_record(activity=activity, host_organization=organization)

    people = set(audience("archive.record_audience")(record.pk))

    assert get_kind("archive.record") is not None
    assert {second_resident.pk, follower.pk} <= people


def test_a_published_record_reaches_a_follower(
    make_record, organization, second_resident, resident, django_capture_on_commit_callbacks
):
    from sotong.interests.models import Follow
    from tests.notifications.jobs import run_queued_jobs

    Follow.objects.create(follower=second_resident, organization=organization)
    draft = make_record(visibility="draft", host_organization=organization)
    with django_capture_on_commit_callbacks(execute=True):
        record_update(actor=resident, record=draft, fields={"visibility": "published"})
    run_queued_jobs()

    notification = Notification.objects.get(recipient=second_resident)
    assert notification.kind == "archive.record"
    assert not Notification.objects.filter(recipient=resident).exists()  # the author
