"""Reads: a person's notifications, newest first, a page at a time by key; the unread count."""

from sotong.notifications.models import Notification

PAGE_SIZE = 20
BELL_CAP = 99  # the bell shows "99+" beyond this, so counting never walks a long list


def notifications_page(user, *, before: int | None = None, size: int = PAGE_SIZE):
    """One page (newest first) and the key of the next page, or None on the last one."""
    rows = Notification.objects.filter(recipient=user).select_related(None)
    if before:
        rows = rows.filter(pk__lt=before)
    page = list(rows.order_by("-pk")[: size + 1])
    next_before = page[size - 1].pk if len(page) > size else None
    return page[:size], next_before


def unread_count(user) -> int:
    return (
        Notification.objects.filter(recipient=user, read_at__isnull=True)
        .order_by()
        .values("pk")[: BELL_CAP + 1]
        .count()
    )
