"""Activities in the search index: published ones for everyone; drafts for those who may
see them (`activities.view_activity`): the host, the host organisation's admins, the region's
admins and site admins."""

from django.utils.translation import gettext_lazy as _

from sotong.activities.models import Activity
from sotong.search.registry import Document, Kind, register


def activities():
    return (
        Activity.objects.exclude(status=Activity.Status.CANCELLED)
        .select_related("host", "host_organization")
        .prefetch_related("topics")
    )


def activity_document(activity: Activity) -> Document:
    return Document(
        title=activity.title,
        body="\n".join(
            part for part in (activity.description, activity.place_name, activity.host_name) if part
        ),
        snippet=activity.description,
        url=activity.get_absolute_url(),
        region_id=activity.region_id,
        topic_ids=[topic.pk for topic in activity.topics.all()],
        date=activity.starts_at,
        is_public=activity.status == Activity.Status.PUBLISHED,
        owner_id=activity.host_id,
        organization_id=activity.host_organization_id,
        popularity=activity.confirmed_count,
    )


register(
    Kind(
        key="activity",
        label=_("활동"),
        model=Activity,
        queryset=activities,
        document=activity_document,
        m2m=(Activity.topics.through,),
    )
)
