"""Reads the API serves: each one a fixed number of queries, whatever the data size."""

import re

from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from sotong.accounts.models import User
from sotong.core.models import Region, RegionRole, Topic
from sotong.organizations.models import Membership, Organization

PUBLIC_MEMBERS_PREVIEW = 50
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_slug(value: str) -> bool:
    """Anything else cannot name a region, topic or organisation: no need to ask the database."""
    return len(value) <= 80 and SLUG_PATTERN.fullmatch(value) is not None


def _active_memberships():
    return Membership.objects.filter(user__is_active=True, user__deleted_at__isnull=True)


def _public_memberships():
    return _active_memberships().filter(is_public=True)


def _count_of(memberships: QuerySet) -> Coalesce:
    counted = (
        memberships.filter(organization=OuterRef("pk"))
        .order_by()
        .values("organization")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def active_region(slug: str) -> Region | None:
    if not is_slug(slug):
        return None
    return Region.objects.active().select_related("parent").filter(slug=slug).first()


def active_topic(slug: str) -> Topic | None:
    if not is_slug(slug):
        return None
    return Topic.objects.active().filter(slug=slug).first()


def active_organization(slug: str) -> Organization | None:
    if not is_slug(slug):
        return None
    return Organization.objects.filter(is_active=True, slug=slug).first()


def region_detail(slug: str) -> Region | None:
    if not is_slug(slug):
        return None
    return (
        Region.objects.active()
        .select_related("parent")
        .prefetch_related(
            Prefetch("children", queryset=Region.objects.active().order_by("order", "name"))
        )
        .filter(slug=slug)
        .first()
    )


def topic_list(*, region: Region | None = None) -> QuerySet[Topic]:
    topics = Topic.objects.active()
    if region is not None:
        topics = topics.for_region(region)
    return topics.order_by("order", "name", "pk")


def organization_list(
    *,
    region: Region | None = None,
    kind: str | None = None,
    topic: Topic | None = None,
    query: str | None = None,
) -> QuerySet[Organization]:
    organizations = Organization.objects.filter(is_active=True)
    if region is not None:
        organizations = organizations.filter(region_id__in=region.family_ids())
    if kind:
        organizations = organizations.filter(kind=kind)
    if topic is not None:
        organizations = organizations.filter(topics=topic)
    if query:
        organizations = organizations.filter(Q(name__icontains=query) | Q(summary__icontains=query))
    return (
        organizations.select_related("region")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("order", "name")))
        .annotate(active_member_count=_count_of(_active_memberships()))
        .order_by("name", "pk")
    )


def organization_detail(slug: str) -> Organization | None:
    if not is_slug(slug):
        return None
    organization = (
        Organization.objects.filter(is_active=True, slug=slug)
        .select_related("region")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("order", "name")))
        .annotate(
            active_member_count=_count_of(_active_memberships()),
            public_member_count=_count_of(_public_memberships()),
        )
        .first()
    )
    if organization is not None:
        organization.public_members_preview = list(
            public_members(organization)[:PUBLIC_MEMBERS_PREVIEW]
        )
    return organization


def public_members(organization: Organization) -> QuerySet:
    """Members who chose to be listed, as rows carrying nothing but user id and nickname."""
    return (
        _public_memberships()
        .filter(organization=organization)
        .order_by("joined_at", "pk")
        .values("user_id", nickname=F("user__nickname"))
    )


def me(user: User) -> User:
    return (
        User.objects.select_related("home_region")
        .prefetch_related(
            Prefetch("interests", queryset=Topic.objects.order_by("order", "name")),
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("organization").order_by("joined_at"),
            ),
            Prefetch(
                "region_roles",
                queryset=RegionRole.objects.select_related("region").order_by("region__name"),
            ),
        )
        .get(pk=user.pk)
    )
