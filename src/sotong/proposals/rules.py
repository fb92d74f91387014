"""Who may do what with proposals and roundtables: one place for views, the API and the admin.

Objects: a Proposal for most permissions, a Region for the region-wide ones (dashboard,
policy, new roundtables), a Roundtable for its minutes.
"""

import rules

from sotong.core.models import Region
from sotong.core.rules import is_admin, is_facilitator, is_region_admin
from sotong.organizations.models import Membership
from sotong.organizations.rules import is_official_of_region, is_org_member


def _region_of(obj) -> Region | None:
    if obj is None:
        return None
    if isinstance(obj, Region):
        return obj
    if hasattr(obj, "activity"):  # a roundtable
        return obj.activity.region
    return obj.region


@rules.predicate
def is_author(user, proposal) -> bool:
    return proposal is not None and user.is_authenticated and proposal.author_id == user.pk


@rules.predicate
def is_region_official(user, obj) -> bool:
    return is_official_of_region(user, _region_of(obj))


@rules.predicate
def is_admin_of_region(user, obj) -> bool:
    return is_region_admin(user, _region_of(obj))


@rules.predicate
def is_facilitator_of_region(user, obj) -> bool:
    return is_facilitator(user, _region_of(obj))


@rules.predicate
def is_department_member(user, proposal) -> bool:
    if proposal is None or not proposal.department_id or not user.is_authenticated:
        return False
    return Membership.objects.filter(organization_id=proposal.department_id, user=user).exists()


@rules.predicate
def is_roundtable_facilitator(user, roundtable) -> bool:
    return roundtable is not None and user.is_authenticated and roundtable.facilitator_id == user.pk


runs_region = is_admin | is_admin_of_region

rules.add_perm("proposals.add_proposal", rules.is_authenticated)
# The object is the organisation: one may propose only on behalf of one's own organisation.
rules.add_perm("proposals.propose_for_organization", is_org_member)
rules.add_perm("proposals.change_proposal", is_author | runs_region)
rules.add_perm("proposals.withdraw_proposal", is_author)
rules.add_perm("proposals.support_proposal", rules.is_authenticated & ~is_author)
rules.add_perm("proposals.comment_proposal", rules.is_authenticated)
rules.add_perm("proposals.assign_department", runs_region | is_region_official)
rules.add_perm("proposals.answer_proposal", runs_region | is_department_member)
rules.add_perm("proposals.post_progress", runs_region | is_department_member)
rules.add_perm(
    "proposals.take_to_roundtable", runs_region | is_facilitator_of_region | is_region_official
)
rules.add_perm(
    "proposals.add_roundtable", runs_region | is_facilitator_of_region | is_region_official
)
rules.add_perm(
    "proposals.record_minutes",
    runs_region | is_roundtable_facilitator | is_facilitator_of_region,
)
rules.add_perm(
    "proposals.view_dashboard", runs_region | is_region_official | is_facilitator_of_region
)
rules.add_perm("proposals.change_policy", runs_region)
