from django.db import migrations


class Migration(migrations.Migration):
    """Meeting records moved to the archive (archive 0002 copied them); the old table goes."""

    dependencies = [
        ("activities", "0002_meetingrecord_participantmessage"),
        ("archive", "0002_move_activity_meeting_records"),
    ]

    operations = [
        migrations.DeleteModel(
            name="MeetingRecord",
        ),
    ]
