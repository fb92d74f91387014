"""Who may do what with regions and topics. Other apps build on these predicates.

Every check in views, the API and the admin goes through `user.has_perm(...)`, which the
`rules` backend answers from the predicates registered in each app's rules.py.
"""

import rules

from sotong.core.models import Region, RegionRole


@rules.predicate
def is_admin(user) -> bool:
    return bool(user and user.is_active and user.is_superuser)


def _region_ids_with_parent(region: Region) -> list[int]:
    return [region.pk, region.parent_id] if region.parent_id else [region.pk]


def region_roles(user, region: Region, role: str):
    """The user's rows of that role in the region or in the city above it (a queryset), for
    callers that ask it together with something else in one query."""
    return RegionRole.objects.filter(
        user=user, role=role, region_id__in=_region_ids_with_parent(region)
    )


def has_region_role(user, region: Region | None, role: str) -> bool:
    """True when the user holds the role in the region or in the city above it."""
    if region is None or not user.is_authenticated:
        return False
    return region_roles(user, region, role).exists()


@rules.predicate
def is_region_admin(user, region: Region | None) -> bool:
    return has_region_role(user, region, RegionRole.Role.ADMIN)


@rules.predicate
def is_facilitator(user, region: Region | None) -> bool:
    return has_region_role(user, region, RegionRole.Role.FACILITATOR)


@rules.predicate
def is_region_admin_anywhere(user) -> bool:
    return user.is_authenticated and user.region_roles.filter(role=RegionRole.Role.ADMIN).exists()


manages_region = is_admin | is_region_admin

rules.add_perm("core.change_region", manages_region)
rules.add_perm("core.manage_topics", is_admin | is_region_admin_anywhere)
rules.add_perm("core.assign_region_roles", manages_region)
