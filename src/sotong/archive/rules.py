"""Who may see and write meeting records and documents.

A published item is open to everyone. A draft is seen, like every change, by whoever may edit:
its author, the admins of its host organisation, the organisers of the linked activity, the
region's admins and the site's admins.
"""

import rules

from sotong.activities.rules import manages_activity
from sotong.core.rules import is_admin, is_region_admin
from sotong.organizations.rules import is_org_admin, is_org_member


@rules.predicate
def is_author(user, item) -> bool:
    return item is not None and user.is_authenticated and item.created_by_id == user.pk


@rules.predicate
def is_host_organization_admin(user, item) -> bool:
    if item is None or item.host_organization_id is None:
        return False
    return is_org_admin(user, item.host_organization)


@rules.predicate
def organises_linked_activity(user, item) -> bool:
    activity_id = getattr(item, "activity_id", None)
    if activity_id is None or not user.is_authenticated:
        return False
    return manages_activity(user, item.activity)


@rules.predicate
def is_item_region_admin(user, item) -> bool:
    return item is not None and is_region_admin(user, item.region)


@rules.predicate
def is_published(user, item) -> bool:
    return item is not None and item.is_published


manages_item = (
    is_admin
    | is_author
    | is_host_organization_admin
    | organises_linked_activity
    | is_item_region_admin
)

rules.add_perm("archive.add_record", rules.is_authenticated)
rules.add_perm("archive.add_document", rules.is_authenticated)
rules.add_perm("archive.view_item", is_published | manages_item)
rules.add_perm("archive.change_item", manages_item)
# Naming an organisation as the host (the object) is open to its members.
rules.add_perm("archive.host_for_organization", is_admin | is_org_member)
