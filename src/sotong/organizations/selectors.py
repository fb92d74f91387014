"""Reads about organisations that cross relations; each returns a fixed number of queries."""

from django.db.models import Prefetch, Q, QuerySet

from sotong.core.models import Region, Topic
from sotong.organizations.models import JoinRequest, Membership, Organization

DIRECTORY_PAGE_SIZE = 24
PUBLIC_MEMBERS_SHOWN = 100
SORTS = {
    "name": ("name", "pk"),
    "newest": ("-created_at", "-pk"),
}


def _with_card_data(organizations: QuerySet[Organization]) -> QuerySet[Organization]:
    return organizations.select_related("region", "region__parent").prefetch_related(
        Prefetch("topics", queryset=Topic.objects.active().order_by("order", "name"))
    )


def organization_directory(
    *,
    region: Region | None = None,
    kind: str = "",
    topic: Topic | None = None,
    query: str = "",
    sort: str = "name",
) -> QuerySet[Organization]:
    """Active organisations matching the filters; a city includes its neighbourhoods."""
    organizations = Organization.objects.filter(is_active=True)
    if region is not None:
        organizations = organizations.filter(Q(region=region) | Q(region__parent=region))
    if kind:
        organizations = organizations.filter(kind=kind)
    if topic is not None:
        organizations = organizations.filter(topics=topic)
    if query:
        organizations = organizations.filter(Q(name__icontains=query) | Q(summary__icontains=query))
    return _with_card_data(organizations).order_by(*SORTS.get(sort, SORTS["name"]))


def organization_for_page(slug: str) -> Organization | None:
    """One organisation with its region and topics, or None."""
    return _with_card_data(Organization.objects.filter(slug=slug)).first()


def public_memberships(
    organization: Organization, *, limit: int = PUBLIC_MEMBERS_SHOWN
) -> list[Membership]:
    """Members who chose to be shown, admins first; deleted accounts never appear."""
    return list(
        Membership.objects.filter(
            organization=organization,
            is_public=True,
            user__is_active=True,
            user__deleted_at__isnull=True,
        )
        .select_related("user")
        .only("pk", "role", "joined_at", "organization_id", "user__id", "user__nickname")
        .order_by("role", "joined_at", "pk")[:limit]
    )


def viewer_membership(user, organization: Organization) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(organization=organization, user=user).first()


def viewer_pending_request(user, organization: Organization) -> JoinRequest | None:
    if not user.is_authenticated:
        return None
    return JoinRequest.objects.filter(
        organization=organization, user=user, status=JoinRequest.Status.PENDING
    ).first()


def pending_join_requests(organization: Organization) -> QuerySet[JoinRequest]:
    return (
        JoinRequest.objects.filter(organization=organization, status=JoinRequest.Status.PENDING)
        .select_related("user")
        .order_by("created_at", "pk")
    )


def memberships_for_managers(organization: Organization) -> QuerySet[Membership]:
    """Every membership (public or not) for the members page, admins first."""
    return (
        Membership.objects.filter(organization=organization)
        .select_related("user")
        .order_by("role", "joined_at", "pk")
    )
