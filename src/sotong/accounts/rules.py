"""Who may see and change a person's profile and data: one place for views, the API and admin.

Profiles honour the person's own choice (public / members / private); everything else about
a person (editing, the data export, deleting the account) belongs to that person alone —
operators act through the Django admin, not through these pages.
"""

import rules

from sotong.accounts.models import User
from sotong.core.rules import is_admin


@rules.predicate
def is_self(user, person: User | None) -> bool:
    return bool(person is not None and user.is_authenticated and user.pk == person.pk)


@rules.predicate
def profile_is_public(user, person: User | None) -> bool:
    return person is not None and person.profile_visibility == User.Visibility.PUBLIC


@rules.predicate
def profile_is_for_members(user, person: User | None) -> bool:
    return person is not None and person.profile_visibility == User.Visibility.MEMBERS


@rules.predicate
def is_active_member(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


@rules.predicate
def is_deleted(user, person: User | None) -> bool:
    return person is None or person.is_deleted


@rules.predicate
def is_switched_off(user, person: User | None) -> bool:
    """An account an operator deactivated (or a deleted one)."""
    return person is None or not person.is_active


profile_visible_by_choice = profile_is_public | (profile_is_for_members & is_active_member)

rules.add_perm(
    "accounts.view_profile",
    ~is_deleted & (is_admin | (~is_switched_off & (profile_visible_by_choice | is_self))),
)
rules.add_perm("accounts.change_profile", is_self & ~is_switched_off)
rules.add_perm("accounts.export_data", is_self & ~is_switched_off)
rules.add_perm("accounts.delete_account", (is_self | is_admin) & ~is_deleted)
