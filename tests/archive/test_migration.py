"""The data migration: meeting records kept by activities move into the archive."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

OLD = [("activities", "0002_meetingrecord_participantmessage"), ("archive", "0001_initial")]
NEW = [
    ("activities", "0003_delete_meetingrecord"),
    ("archive", "0002_move_activity_meeting_records"),
]


@pytest.mark.django_db(transaction=True)
def test_old_records_move_into_the_archive_with_their_text_and_dates():
    executor = MigrationExecutor(connection)
    executor.migrate(OLD)
    old_apps = executor.loader.project_state(OLD).apps
    Region = old_apps.get_model("core", "Region")
    Topic = old_apps.get_model("core", "Topic")
    User = old_apps.get_model("accounts", "User")
    Activity = old_apps.get_model("activities", "Activity")
    OldRecord = old_apps.get_model("activities", "MeetingRecord")

    region = Region.objects.create(
        name="남원시",
        slug="namwon-migration",
        latitude=35.4,
        longitude=127.4,
        bound_south=35.3,
        bound_west=127.3,
        bound_north=35.5,
        bound_east=127.5,
    )
    topic = Topic.objects.create(name="놀이", slug="play-migration")
    host = User.objects.create(email="host-migration@example.org", nickname="주최자마이그")
    starts = timezone.now() - timedelta(days=30)
    activity = Activity.objects.create(
        kind="gathering",
        title="놀이터 원탁회의",
        description="설명",
        region=region,
        place_name="도통동 작은도서관",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        host=host,
        status="published",
    )
    activity.topics.add(topic)
    written = timezone.now() - timedelta(days=29)
    old = OldRecord.objects.create(
        activity=activity,
        topic="놀이터를 어떻게 바꿀까",
        participants_count=14,
        summary="요약",
        discussion="나눈 이야기",
        outcomes="결과",
        next_steps="다음 할 일",
        created_by=host,
    )
    OldRecord.objects.filter(pk=old.pk).update(created_at=written, updated_at=written)

    executor = MigrationExecutor(connection)
    executor.migrate(NEW)
    new_apps = executor.loader.project_state(NEW).apps
    Record = new_apps.get_model("archive", "MeetingRecord")

    record = Record.objects.get()
    assert record.activity_id == activity.pk
    assert record.title == "놀이터를 어떻게 바꿀까"
    assert (record.summary, record.discussion, record.outcomes, record.next_steps) == (
        "요약",
        "나눈 이야기",
        "결과",
        "다음 할 일",
    )
    assert record.participants_count == 14
    assert record.held_on == timezone.localtime(starts).date()
    assert record.place == "도통동 작은도서관"
    assert record.region_id == region.pk
    assert record.created_by_id == host.pk
    assert record.created_at == written
    assert record.visibility == "published" and record.licence == "cc-by-4.0"
    assert list(record.topics.values_list("pk", flat=True)) == [topic.pk]
    assert "activities_meetingrecord" not in connection.introspection.table_names()

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
