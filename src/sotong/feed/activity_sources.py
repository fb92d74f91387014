"""Feed sources from activities: new activities in what I follow and other participants'
reviews of activities I joined."""

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.translation import gettext as _

from sotong.activities.models import Activity, Review, Rsvp
from sotong.core.models import Topic
from sotong.feed.sources import Cursor, Item, Reader, before, register_source

ACTIVITY_RANK, REVIEW_RANK = 30, 10


def joined_activity_ids(reader: Reader):
    return Rsvp.objects.filter(user_id=reader.user_id, status=Rsvp.Status.CONFIRMED).values(
        "activity_id"
    )


def activity_reason(activity: Activity, reader: Reader) -> str:
    followed = reader.followed
    if activity.host_id in followed.person_ids:
        return _("‘%(name)s’ 님을 팔로우해서") % {"name": activity.host.nickname}
    if activity.host_organization_id in followed.organization_ids:
        return _("‘%(name)s’ 단체를 팔로우해서") % {"name": activity.host_organization.name}
    for topic in activity.topics.all():
        if topic.pk in followed.topic_ids:
            return _("#%(name)s 주제를 팔로우해서") % {"name": topic.name}
    if activity.region_id in reader.region_ids:
        return _("%(name)s 지역을 팔로우해서") % {"name": activity.region.full_name}
    return _("사는 지역의 활동이라서")


def new_activities(reader: Reader, cursor: Cursor | None, limit: int) -> list[Item]:
    """Upcoming activities published in the window, in my topics, regions (or home region),
    by organisations or people I follow. Not my own.

    The topic follows and the other follows are asked apart, for the ids only, and the newest
    `limit` of both are then read whole: each of the two walks the newest published first
    and stops at `limit` rows. One query with `topic OR region …` made PostgreSQL read every
    activity of the followed topics (tens of thousands at city scale) to hash them."""
    followed = reader.followed
    criteria = []
    if followed.topic_ids:
        criteria.append(
            Exists(
                Activity.topics.through.objects.filter(
                    activity_id=OuterRef("pk"), topic_id__in=list(followed.topic_ids)
                )
            )
        )
    others = Q()
    region_ids = reader.region_ids | reader.home_region_ids
    if region_ids:
        others |= Q(region_id__in=list(region_ids))
    if followed.organization_ids:
        others |= Q(host_organization_id__in=list(followed.organization_ids))
    if followed.person_ids:
        others |= Q(host_id__in=list(followed.person_ids))
    if others:
        criteria.append(others)
    if not criteria:
        return []
    candidates = (
        Activity.objects.published()
        .upcoming(reader.now)
        .filter(published_at__gte=reader.since)
        .filter(before(cursor, ACTIVITY_RANK, "published_at"))
        .exclude(host_id=reader.user_id)
        .order_by("-published_at", "-pk")
    )
    newest = sorted(
        {
            row
            for criterion in criteria
            for row in candidates.filter(criterion).values_list("published_at", "pk")[:limit]
        },
        reverse=True,
    )[:limit]
    activities = (
        Activity.objects.filter(pk__in=[pk for _, pk in newest])
        .select_related("region__parent", "host", "host_organization")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("order", "name")))
        .order_by("-published_at", "-pk")
    )
    return [
        Item(
            kind="activity",
            at=activity.published_at,
            pk=activity.pk,
            obj=activity,
            reason=activity_reason(activity, reader),
            template="feed/items/activity.html",
            rank=ACTIVITY_RANK,
        )
        for activity in activities
    ]


def joined_reviews(reader: Reader, cursor: Cursor | None, limit: int) -> list[Item]:
    """Other participants' reviews of activities I joined."""
    reviews = (
        Review.objects.filter(
            activity_id__in=joined_activity_ids(reader), created_at__gte=reader.since
        )
        .filter(before(cursor, REVIEW_RANK, "created_at"))
        .exclude(author_id=reader.user_id)
        .select_related("activity", "author")
        .order_by("-created_at", "-pk")[:limit]
    )
    return [
        Item(
            kind="review",
            at=review.created_at,
            pk=review.pk,
            obj=review,
            reason=_("참여한 활동이라서"),
            template="feed/items/review.html",
            rank=REVIEW_RANK,
        )
        for review in reviews
    ]


def register() -> None:
    register_source("activity", ACTIVITY_RANK, new_activities)
    register_source("review", REVIEW_RANK, joined_reviews)
