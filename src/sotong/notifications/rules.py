"""Who may do what with notifications: each person reads and sets only their own."""

import rules


@rules.predicate
def is_recipient(user, notification) -> bool:
    return notification is not None and notification.recipient_id == user.pk


@rules.predicate
def is_self(user, other) -> bool:
    return other is not None and other.pk == user.pk


rules.add_perm("notifications.read_notification", rules.is_authenticated & is_recipient)
rules.add_perm("notifications.change_preferences", rules.is_authenticated & is_self)
rules.add_perm("notifications.view_own_notifications", rules.is_authenticated)
