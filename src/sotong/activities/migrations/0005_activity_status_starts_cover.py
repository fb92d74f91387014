from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("activities", "0004_activity_status_published"),
    ]

    # The new index holds the old one's columns first: added before the old one is dropped,
    # so upcoming lists never go without one.
    operations = [
        migrations.AddIndex(
            model_name="activity",
            index=models.Index(
                fields=["status", "starts_at", "ends_at", "latitude", "longitude", "region"],
                name="activity_status_starts_cover",
            ),
        ),
        migrations.RemoveIndex(
            model_name="activity",
            name="activity_status_starts",
        ),
    ]
