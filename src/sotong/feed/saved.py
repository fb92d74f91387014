"""Saved filters: the rules (services) and the reads (selectors) in one small module."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from sotong.activities.models import Activity
from sotong.activities.selectors import ActivityFilters, activity_list
from sotong.core.models import Region, Topic
from sotong.feed.models import SavedFilter, new_token
from sotong.interests.selectors import expand_regions


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(_("이 일을 할 권한이 없습니다."))


@transaction.atomic
def saved_filter_create(*, user, name: str, topics, regions, organizations, kinds) -> SavedFilter:
    _require(user, "feed.add_savedfilter")
    saved = SavedFilter.objects.create(owner=user, name=name, kinds=sorted(set(kinds)))
    saved.topics.set(topics)
    saved.regions.set(regions)
    saved.organizations.set(organizations)
    return saved


def saved_filter_regenerate_token(*, user, saved: SavedFilter) -> SavedFilter:
    """A new secret address; the old one stops working at once."""
    _require(user, "feed.manage_savedfilter", saved)
    saved.token = new_token()
    saved.save(update_fields=["token"])
    return saved


def saved_filter_delete(*, user, saved: SavedFilter) -> None:
    _require(user, "feed.manage_savedfilter", saved)
    saved.delete()


def saved_filters_of(user) -> list[SavedFilter]:
    return list(
        SavedFilter.objects.filter(owner=user).prefetch_related(
            Prefetch("topics", queryset=Topic.objects.order_by("order", "name")),
            Prefetch("regions", queryset=Region.objects.select_related("parent")),
            "organizations",
        )
    )


def saved_filter_by_token(token: str) -> SavedFilter | None:
    if not token or len(token) > 64:
        return None
    return (
        SavedFilter.objects.filter(token=token)
        .prefetch_related("topics", "regions", "organizations")
        .first()
    )


def saved_filter_activities(saved: SavedFilter, *, include_cancelled: bool = False) -> QuerySet:
    """Upcoming published activities matching every part of the filter that is filled in;
    a city covers its neighbourhoods."""
    region_ids = expand_regions([r.pk for r in saved.regions.all()])
    activities = activity_list(
        ActivityFilters(
            regions=sorted(region_ids) or None,
            topics=list(saved.topics.all()) or None,
            kinds=[k for k in saved.kinds if k in Activity.Kind.values] or None,
        ),
        include_cancelled=include_cancelled,
    )
    organization_ids = [o.pk for o in saved.organizations.all()]
    if organization_ids:
        activities = activities.filter(host_organization_id__in=organization_ids)
    return activities
