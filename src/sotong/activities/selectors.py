"""Reads about activities that cross relations: each owns its select_related / prefetch."""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import (
    Avg,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Prefetch,
    Q,
    QuerySet,
)
from django.utils import timezone

from sotong.activities.models import Activity, Review, Rsvp
from sotong.core.models import Region, Topic
from sotong.organizations.models import Organization

LIST_PAGE_SIZE = 20
SORTS = ("soon", "new", "popular")
HOST_KINDS = ("resident", "group", "city")
WHEN_CHOICES = ("", "today", "weekend", "month", "past")


@dataclass
class ActivityFilters:
    when: str = ""
    date_from: date | None = None
    date_to: date | None = None
    regions: list[int] | None = None
    topics: list[Topic] | None = None
    kinds: list[str] | None = None
    audience: str = ""
    free: bool = False
    seats_left: bool = False
    host_kind: str = ""
    sort: str = "soon"
    near: tuple[float, float] | None = None


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def date_window(when: str, now: datetime) -> tuple[datetime, datetime] | None:
    """The local-time window of the 오늘 / 이번 주말 / 이번 달 shortcuts."""
    today = timezone.localtime(now).date()
    if when == "today":
        return _midnight(today), _midnight(today + timedelta(days=1))
    if when == "weekend":
        saturday = today + timedelta(days=(5 - today.weekday()) % 7)
        if today.weekday() == 6:
            saturday = today - timedelta(days=1)
        return max(_midnight(saturday), now), _midnight(saturday + timedelta(days=2))
    if when == "month":
        first_of_next = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
        return now, _midnight(first_of_next)
    return None


def activity_list(
    filters: ActivityFilters, now: datetime | None = None, *, include_cancelled: bool = False
) -> QuerySet[Activity]:
    """Published activities matching the filters, ready for a list page (topics prefetched).

    Calendar feeds include cancelled ones, so subscribers' calendars show them as cancelled
    instead of silently dropping them.
    """
    now = now or timezone.now()
    statuses = [Activity.Status.PUBLISHED]
    if include_cancelled:
        statuses.append(Activity.Status.CANCELLED)
    activities = Activity.objects.filter(status__in=statuses)
    if filters.when == "past":
        activities = activities.past(now)
    else:
        activities = activities.upcoming(now)
        window = date_window(filters.when, now)
        if window:
            activities = activities.filter(starts_at__lt=window[1], ends_at__gte=window[0])
    if filters.date_from:
        activities = activities.filter(ends_at__gte=_midnight(filters.date_from))
    if filters.date_to:
        activities = activities.filter(starts_at__lt=_midnight(filters.date_to + timedelta(1)))
    if filters.regions:
        activities = activities.filter(region_id__in=filters.regions)
    if filters.topics:
        activities = activities.filter(
            pk__in=Activity.topics.through.objects.filter(
                topic_id__in=[topic.pk for topic in filters.topics]
            ).values("activity_id")
        )
    if filters.kinds:
        activities = activities.filter(kind__in=filters.kinds)
    if filters.audience:
        wanted = Q(audience__contains=f",{filters.audience},")
        if filters.audience != "everyone":
            wanted |= Q(audience__contains=",everyone,")
        activities = activities.filter(wanted)
    if filters.free:
        activities = activities.filter(fee=0)
    if filters.seats_left:
        activities = activities.with_seats_left()
    government = Organization.Kind.GOVERNMENT
    if filters.host_kind == "resident":
        activities = activities.filter(host_organization__isnull=True)
    elif filters.host_kind == "group":
        activities = activities.filter(host_organization__isnull=False).exclude(
            host_organization__kind=government
        )
    elif filters.host_kind == "city":
        activities = activities.filter(host_organization__kind=government)

    if filters.sort == "new":
        order = ["-created_at", "-pk"]
    elif filters.sort == "popular":
        order = ["-confirmed_count", "starts_at", "pk"]
    elif filters.sort == "near" and filters.near:
        activities = activities.annotate(distance=_squared_distance(*filters.near))
        order = [F("distance").asc(nulls_last=True), "starts_at", "pk"]
    elif filters.when == "past":
        order = ["-starts_at", "-pk"]
    else:
        order = ["starts_at", "pk"]
    return (
        activities.select_related("region__parent", "host", "host_organization")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("order", "name")))
        .order_by(*order)
    )


def _squared_distance(latitude: float, longitude: float):
    """Order-preserving distance on a local flat map: a degree of longitude is shorter by
    cos(latitude). Online activities (no point) have none and sort last."""
    squeeze = math.cos(math.radians(latitude))
    return ExpressionWrapper(
        (F("latitude") - latitude) * (F("latitude") - latitude)
        + (F("longitude") - longitude) * (F("longitude") - longitude) * (squeeze * squeeze),
        output_field=FloatField(),
    )


def activity_for_page(
    activity_id: int, *, with_record: bool = False, regions: Iterable[Region] | None = None
) -> Activity | None:
    """The activity with what its page shows, in one query (and one for its topics).

    `with_record` joins its meeting record (kept by the archive app, which links to
    activities), which the page shows when there is one. `regions`: the regions (with their
    parents) the request has read anyway, for the page's frame; the activity's region is taken
    from them instead of joined twice more. Each join costs the planner more than the row does,
    and so would an ORDER BY, which one row by its key does not need.
    """
    related = ["host", "host_organization", "series"]
    if with_record:
        related.append("meeting_record")
    known = {region.pk: region for region in regions} if regions is not None else {}
    if regions is None:
        related.append("region__parent")
    found = list(
        Activity.objects.select_related(*related)
        .prefetch_related("topics")
        .filter(pk=activity_id)
        .order_by()[:1]
    )
    if not found:
        return None
    activity = found[0]
    if activity.region_id in known:
        activity.region = known[activity.region_id]
    return activity


def viewer_rsvp(user, activity: Activity) -> Rsvp | None:
    if not user.is_authenticated:
        return None
    return (
        Rsvp.objects.filter(activity=activity, user=user)
        .exclude(status=Rsvp.Status.CANCELLED)
        .first()
    )


def reviews_for(activity: Activity) -> list[Review]:
    return list(activity.reviews.select_related("author").order_by("-created_at", "-pk"))


def rating_summary(activity: Activity) -> dict:
    return activity.reviews.aggregate(average=Avg("rating"), count=Count("pk"))


def rating_of(reviews: list[Review]) -> dict:
    """rating_summary for reviews already read (all of an activity's): no query."""
    count = len(reviews)
    return {"average": sum(r.rating for r in reviews) / count if count else None, "count": count}


def participants(activity: Activity) -> list[Rsvp]:
    """Confirmed people first (by sign-up), then the waiting list in order."""
    rows = list(
        Rsvp.objects.filter(activity=activity)
        .exclude(status=Rsvp.Status.CANCELLED)
        .select_related("user")
    )
    confirmed = [r for r in rows if r.status == Rsvp.Status.CONFIRMED]
    waiting = sorted((r for r in rows if r.status == Rsvp.Status.WAITING), key=lambda r: r.position)
    return [*confirmed, *waiting]


def other_occurrences(activity: Activity, limit: int = 10) -> list[Activity]:
    if not activity.series_id:
        return []
    return list(
        Activity.objects.filter(series_id=activity.series_id, ends_at__gte=timezone.now())
        .exclude(pk=activity.pk)
        .exclude(status=Activity.Status.DRAFT)
        .order_by("starts_at")[:limit]
    )
