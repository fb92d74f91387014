"""Moves the meeting records that activities kept (one per activity) into the archive.

Each keeps its text, author and dates; the activity gives the date, place, region, host
organisation and topics. Records are published under CC BY 4.0, the archive's default: they
were already public on the activity's page. Their key words are computed afterwards by
`manage.py archive_keywords` (the analyser is too heavy to load inside a migration).
"""

from django.db import migrations
from django.utils import timezone


def forwards(apps, schema_editor):
    OldRecord = apps.get_model("activities", "MeetingRecord")
    NewRecord = apps.get_model("archive", "MeetingRecord")
    Activity = apps.get_model("activities", "Activity")
    old_records = OldRecord.objects.select_related("activity").order_by("pk")
    for old in old_records.iterator(chunk_size=500):
        activity = old.activity
        record = NewRecord.objects.create(
            activity_id=activity.pk,
            title=old.topic,
            held_on=timezone.localtime(activity.starts_at).date(),
            place=activity.place_name or ("온라인" if activity.is_online else ""),
            participants_count=old.participants_count,
            summary=old.summary,
            discussion=old.discussion,
            outcomes=old.outcomes,
            next_steps=old.next_steps,
            region_id=activity.region_id,
            host_organization_id=activity.host_organization_id,
            created_by_id=old.created_by_id,
            licence="cc-by-4.0",
            visibility="published",
            published_at=old.created_at,
        )
        # auto_now / auto_now_add stamped today: keep when the record was really written.
        NewRecord.objects.filter(pk=record.pk).update(
            created_at=old.created_at, updated_at=old.updated_at
        )
        topic_ids = Activity.topics.through.objects.filter(activity_id=activity.pk).values_list(
            "topic_id", flat=True
        )
        record.topics.set(list(topic_ids))


def backwards(apps, schema_editor):
    OldRecord = apps.get_model("activities", "MeetingRecord")
    NewRecord = apps.get_model("archive", "MeetingRecord")
    for record in NewRecord.objects.filter(activity__isnull=False).iterator(chunk_size=500):
        old = OldRecord.objects.create(
            activity_id=record.activity_id,
            topic=record.title,
            participants_count=record.participants_count,
            summary=record.summary,
            discussion=record.discussion,
            outcomes=record.outcomes,
            next_steps=record.next_steps,
            created_by_id=record.created_by_id,
        )
        OldRecord.objects.filter(pk=old.pk).update(
            created_at=record.created_at, updated_at=record.updated_at
        )


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0001_initial"),
        ("activities", "0002_meetingrecord_participantmessage"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
