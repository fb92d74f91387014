"""Who may do what with activities, sign-ups and reviews."""

import rules

from sotong.activities.models import Activity, Review, Rsvp
from sotong.core.models import RegionRole
from sotong.core.rules import is_admin, region_roles
from sotong.organizations.rules import is_org_member, org_admin_memberships


@rules.predicate
def is_host(user, activity: Activity | None) -> bool:
    return activity is not None and user.is_authenticated and activity.host_id == user.pk


@rules.predicate
def holds_a_managing_role(user, activity: Activity | None) -> bool:
    """Admin of the hosting organisation, or region admin of the activity's neighbourhood or
    city: both asked in one query (every logged-in visitor's activity page asks it)."""
    if activity is None or not user.is_authenticated:
        return False
    roles = region_roles(user, activity.region, RegionRole.Role.ADMIN).values("pk")
    if activity.host_organization_id is not None:
        admin = org_admin_memberships(user, activity.host_organization_id).values("pk")
        roles = roles.union(admin, all=True)
    return roles.exists()


@rules.predicate
def is_confirmed_participant(user, activity: Activity | None) -> bool:
    if activity is None or not user.is_authenticated:
        return False
    return Rsvp.objects.filter(activity=activity, user=user, status=Rsvp.Status.CONFIRMED).exists()


@rules.predicate
def is_visible(user, activity: Activity | None) -> bool:
    return activity is not None and activity.status != Activity.Status.DRAFT


@rules.predicate
def manages_reviewed_activity(user, review: Review | None) -> bool:
    return review is not None and manages_activity(user, review.activity)


manages_activity = is_admin | is_host | holds_a_managing_role

rules.add_perm("activities.add_activity", rules.is_authenticated)
# Posting on behalf of an organisation (the object) is open to its members.
rules.add_perm("activities.host_for_organization", is_admin | is_org_member)
rules.add_perm("activities.view_activity", is_visible | manages_activity)
rules.add_perm("activities.change_activity", manages_activity)
rules.add_perm("activities.manage_participants", manages_activity)
rules.add_perm("activities.view_host_contact", manages_activity | is_confirmed_participant)
rules.add_perm("activities.rsvp_activity", rules.is_authenticated)
rules.add_perm("activities.review_activity", is_confirmed_participant)
rules.add_perm("activities.reply_review", manages_reviewed_activity)
