"""Reads about follows. The notifications and the feed ask who follows what through here.

Topic follows live in `User.interests`; every other follow is a `Follow` row (see models.py).
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Count, Q, QuerySet

from sotong.accounts.models import User
from sotong.core.models import Region, Topic
from sotong.interests.models import Follow
from sotong.organizations.models import Organization

TopicFollow = User.interests.through


@dataclass(frozen=True)
class Followed:
    """Everything one person follows, as ids: what the feed needs to build its sources."""

    topic_ids: frozenset[int] = field(default_factory=frozenset)
    region_ids: frozenset[int] = field(default_factory=frozenset)
    organization_ids: frozenset[int] = field(default_factory=frozenset)
    person_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_empty(self) -> bool:
        return not (self.topic_ids or self.region_ids or self.organization_ids or self.person_ids)


def followed_by(user) -> Followed:
    """Two queries: the topic follows and every other follow."""
    if not user.is_authenticated:
        return Followed()
    topic_ids = frozenset(
        TopicFollow.objects.filter(user_id=user.pk).values_list("topic_id", flat=True)
    )
    regions, organizations, people = set(), set(), set()
    for region_id, organization_id, person_id in Follow.objects.filter(
        follower_id=user.pk
    ).values_list("region_id", "organization_id", "person_id"):
        if region_id:
            regions.add(region_id)
        elif organization_id:
            organizations.add(organization_id)
        else:
            people.add(person_id)
    return Followed(topic_ids, frozenset(regions), frozenset(organizations), frozenset(people))


def expand_regions(region_ids, all_regions: list[Region] | None = None) -> set[int]:
    """Followed region ids plus the neighbourhoods of the followed cities."""
    wanted = set(region_ids)
    if not wanted:
        return set()
    if all_regions is None:
        children = Region.objects.filter(parent_id__in=wanted).values_list("pk", flat=True)
        return wanted | set(children)
    return wanted | {r.pk for r in all_regions if r.parent_id in wanted}


def _active_people() -> QuerySet[User]:
    return User.objects.filter(is_active=True, deleted_at__isnull=True)


def follower_ids_for(
    *,
    topic_ids=(),
    region_id: int | None = None,
    organization_id: int | None = None,
    person_id: int | None = None,
    exclude_ids=(),
) -> QuerySet:
    """Distinct ids of active people following any of the given targets.

    A region means the region and, for a neighbourhood, its city too (following 남원시 covers
    동충동). One query, built from indexed lookups on the follow tables.
    """
    region_ids: list[int] = []
    if region_id is not None:
        region = Region.objects.filter(pk=region_id).values_list("pk", "parent_id").first()
        if region is not None:
            region_ids = [pk for pk in region if pk]
    follows = Q()
    if region_ids:
        follows |= Q(region_id__in=region_ids)
    if organization_id:
        follows |= Q(organization_id=organization_id)
    if person_id:
        follows |= Q(person_id=person_id)
    wanted = Q(pk__in=[])
    if topic_ids:
        wanted |= Q(
            pk__in=TopicFollow.objects.filter(topic_id__in=list(topic_ids)).values("user_id")
        )
    if follows:
        wanted |= Q(pk__in=Follow.objects.filter(follows).values("follower_id"))
    return (
        _active_people()
        .filter(wanted)
        .exclude(pk__in=list(exclude_ids))
        .values_list("pk", flat=True)
    )


def follower_ids_for_activity(activity_id: int) -> QuerySet:
    """Ids of the people following the activity's topics, its region (or city), its host
    organisation or its host person: the audience of "a new activity in what I follow".
    The host is never among them. Empty for an unknown activity."""
    # interests sits below activities: read the activity through the app registry.
    activity_model = apps.get_model("activities", "Activity")
    row = (
        activity_model.objects.filter(pk=activity_id)
        .values("region_id", "host_organization_id", "host_id")
        .first()
    )
    if row is None:
        return User.objects.none().values_list("pk", flat=True)
    topic_ids = list(
        activity_model.topics.through.objects.filter(activity_id=activity_id).values_list(
            "topic_id", flat=True
        )
    )
    return follower_ids_for(
        topic_ids=topic_ids,
        region_id=row["region_id"],
        organization_id=row["host_organization_id"],
        person_id=row["host_id"],
        exclude_ids=[row["host_id"]],
    )


def target_field(target) -> str:
    """The Follow field that points at a region, organisation or person."""
    if isinstance(target, Region):
        return "region"
    if isinstance(target, Organization):
        return "organization"
    if isinstance(target, User):
        return "person"
    raise TypeError(f"Not something to follow: {target!r}")


def target_filter(target) -> Q:
    return Q(**{target_field(target): target})


def follow_state(user, target) -> tuple[int, bool]:
    """(how many follow the target, whether `user` does): one query."""
    if isinstance(target, Topic):
        rows, who = TopicFollow.objects.filter(topic=target), "user_id"
    else:
        rows, who = Follow.objects.filter(target_filter(target)), "follower_id"
    if not user.is_authenticated:
        return rows.count(), False
    counts = rows.aggregate(total=Count("pk"), mine=Count("pk", filter=Q(**{who: user.pk})))
    return counts["total"], counts["mine"] > 0


def topic_follow_states(user, topics) -> dict[int, tuple[int, bool]]:
    """topic id → (followers, whether `user` follows): two queries for any number of topics."""
    ids = [t.pk for t in topics]
    counts = dict(
        TopicFollow.objects.filter(topic_id__in=ids)
        .order_by()
        .values("topic_id")
        .annotate(n=Count("pk"))
        .values_list("topic_id", "n")
    )
    mine = set()
    if user.is_authenticated:
        mine = set(
            TopicFollow.objects.filter(user_id=user.pk, topic_id__in=ids).values_list(
                "topic_id", flat=True
            )
        )
    return {pk: (counts.get(pk, 0), pk in mine) for pk in ids}


def follower_count(target) -> int:
    if isinstance(target, Topic):
        return TopicFollow.objects.filter(topic=target).count()
    return Follow.objects.filter(target_filter(target)).count()


def is_following(user, target) -> bool:
    if not user.is_authenticated:
        return False
    if isinstance(target, Topic):
        return TopicFollow.objects.filter(user_id=user.pk, topic=target).exists()
    return Follow.objects.filter(target_filter(target), follower_id=user.pk).exists()


def follow_list(user) -> dict[str, list]:
    """What the "내 관심사" page shows: each kind of follow, named and linked."""
    follows = list(
        Follow.objects.filter(follower=user).select_related(
            "region", "region__parent", "organization", "person"
        )
    )
    return {
        "topics": list(user.interests.order_by("order", "name")),
        "regions": [f.region for f in follows if f.region_id],
        "organizations": [f.organization for f in follows if f.organization_id],
        "people": [f.person for f in follows if f.person_id],
    }


def suggested_organizations(user, *, limit: int = 6) -> list[Organization]:
    """Active organisations near the person (home city) sharing their topics, not yet followed;
    the most followed first."""
    organizations = Organization.objects.filter(is_active=True).exclude(
        pk__in=Follow.objects.filter(follower_id=user.pk, organization__isnull=False).values(
            "organization_id"
        )
    )
    if user.home_region_id:
        city = user.home_region.city
        organizations = organizations.filter(Q(region=city) | Q(region__parent=city))
    topic_ids = list(user.interests.values_list("pk", flat=True))
    if topic_ids:
        organizations = organizations.annotate(
            shared=Count("topics", filter=Q(topics__in=topic_ids), distinct=True)
        ).order_by("-shared", "name")
    else:
        organizations = organizations.order_by("name")
    return list(organizations.select_related("region")[:limit])
