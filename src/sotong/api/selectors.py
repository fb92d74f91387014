"""Reads the API serves: each one a fixed number of queries, whatever the data size.

Where the web pages already have a selector (core.selectors, organizations.selectors), the API
uses it, so a list means the same thing on a page and in the API.
"""

import re

from django.db.models import Prefetch, QuerySet

from sotong.accounts.models import User
from sotong.core.models import Region, RegionRole, Topic
from sotong.core.selectors import topics_for
from sotong.organizations.models import Membership, Organization
from sotong.organizations.selectors import (
    organization_directory,
    organization_for_page,
    public_memberships,
)

PUBLIC_MEMBERS_PREVIEW = 50
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_slug(value: str) -> bool:
    """Anything else cannot name a region, topic or organisation: no need to ask the database."""
    return len(value) <= 80 and SLUG_PATTERN.fullmatch(value) is not None


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


def topic_list(*, region: Region | None = None) -> list[Topic]:
    """The region's topics (shared ones and its city's own), or every active topic."""
    if region is not None:
        return topics_for(region)
    return list(Topic.objects.active().order_by("order", "name", "pk"))


def organization_list(
    *,
    region: Region | None = None,
    kind: str | None = None,
    topic: Topic | None = None,
    query: str | None = None,
) -> QuerySet[Organization]:
    organizations = organization_directory(
        region=region, kind=kind or "", topic=topic, query=query or ""
    )
    return organizations.defer("description")  # up to 10,000 characters the list never shows


def _public_members_of(organization: Organization) -> QuerySet[Membership]:
    # The same people, in the same order, as organizations.selectors.public_memberships.
    return Membership.objects.filter(
        organization=organization,
        is_public=True,
        user__is_active=True,
        user__deleted_at__isnull=True,
    )


def organization_detail(slug: str) -> Organization | None:
    """An active organisation with its topics, public member count and first public members."""
    organization = organization_for_page(slug) if is_slug(slug) else None
    if organization is None or not organization.is_active:
        return None
    organization.public_member_count = _public_members_of(organization).count()
    organization.public_members_preview = public_memberships(
        organization, limit=PUBLIC_MEMBERS_PREVIEW
    )
    return organization


def public_members(organization: Organization) -> QuerySet[Membership]:
    """Members who chose to be listed (admins first), carrying only the user's id and nickname."""
    return (
        _public_members_of(organization)
        .select_related("user")
        .only("pk", "role", "joined_at", "organization_id", "user__id", "user__nickname")
        .order_by("role", "joined_at", "pk")
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
