"""Who may do what with organisations: one place for views, the API and the admin."""

import rules

from sotong.core.models import Region
from sotong.core.rules import has_region_role, is_admin, is_region_admin
from sotong.organizations.models import JoinRequest, Membership, Organization


def org_admin_memberships(user, organization_id: int):
    """The user's admin membership of the organisation (a queryset), for callers that ask it
    together with something else in one query."""
    return Membership.objects.filter(
        organization_id=organization_id, user=user, role=Membership.Role.ADMIN
    )


@rules.predicate
def is_org_admin(user, organization: Organization | None) -> bool:
    if organization is None or not user.is_authenticated:
        return False
    return org_admin_memberships(user, organization.pk).exists()


@rules.predicate
def is_org_member(user, organization: Organization | None) -> bool:
    if organization is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(organization=organization, user=user).exists()


@rules.predicate
def is_active_organization(user, organization: Organization | None) -> bool:
    return organization is not None and organization.is_active


@rules.predicate
def is_requester(user, join_request: JoinRequest | None) -> bool:
    return join_request is not None and user.is_authenticated and join_request.user_id == user.pk


@rules.predicate
def is_org_region_admin(user, organization: Organization | None) -> bool:
    return organization is not None and has_region_role(user, organization.region, "admin")


def is_official(user, region: Region | None = None) -> bool:
    """An official is a member of a government-department organisation (of the region)."""
    if not user.is_authenticated:
        return False
    memberships = Membership.objects.filter(
        user=user, organization__kind=Organization.Kind.GOVERNMENT, organization__is_active=True
    )
    if region is not None:
        city = region.city
        memberships = memberships.filter(
            organization__region_id__in=[city.pk, *city.children.values_list("pk", flat=True)]
        )
    return memberships.exists()


@rules.predicate
def is_official_of_region(user, region: Region | None) -> bool:
    return region is not None and is_official(user, region)


manages_organization = is_admin | is_org_admin | is_org_region_admin

rules.add_perm("organizations.add_organization", rules.is_authenticated)
# Checked against the region: a government organisation's members are that region's officials.
rules.add_perm("organizations.add_government_organization", is_admin | is_region_admin)
rules.add_perm("organizations.change_organization", manages_organization)
rules.add_perm("organizations.manage_members", manages_organization)
rules.add_perm("organizations.view_contact", rules.is_authenticated)
rules.add_perm("organizations.view_join_requests", manages_organization)
rules.add_perm("organizations.decide_join_request", manages_organization)
rules.add_perm("organizations.join_organization", rules.is_authenticated & is_active_organization)
rules.add_perm("organizations.leave_organization", is_org_member)
rules.add_perm("organizations.withdraw_join_request", is_requester)
