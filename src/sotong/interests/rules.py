"""Who may follow what. Any signed-in person may follow; the target decides the rest."""

import rules

from sotong.accounts.models import User
from sotong.core.models import Region, Topic
from sotong.organizations.models import Organization


@rules.predicate
def is_followable(user, target) -> bool:
    if isinstance(target, Topic | Region):
        return target.is_active
    if isinstance(target, Organization):
        return target.is_active
    if isinstance(target, User):
        return (
            target.pk != user.pk
            and target.is_active
            and target.deleted_at is None
            and target.profile_visibility != User.Visibility.PRIVATE
        )
    return False


rules.add_perm("interests.follow", rules.is_authenticated & is_followable)
# Unfollowing is always allowed: even a target that went away or turned private.
rules.add_perm("interests.unfollow", rules.is_authenticated)
