"""Telling people: `notify` (the cross-app contract), reading, preferences, unsubscribing.

`notify` only enqueues a background job; the fan-out, preferences, e-mail and digests run in
the worker (tasks.py), so a request never waits for thousands of recipients.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sotong.notifications.models import Delivery, Notification, Preference
from sotong.notifications.registry import DELIVERIES, get_kind, kinds
from sotong.notifications.tokens import ALL_KINDS


def notify(
    *,
    kind: str,
    event_key: str,
    audience: str | None = None,
    audience_args: Iterable[Any] = (),
    recipients: Iterable[int] | None = None,
    params: dict[str, Any] | None = None,
    url: str = "",
    actor_id: int | None = None,
) -> None:
    """Tell an audience (a registered name with its arguments) or a list of user ids about one
    event. Each recipient gets it once, whatever happens to the worker."""
    from sotong.notifications.tasks import fan_out

    if get_kind(kind) is None:
        raise LookupError(f"Unknown notification kind {kind!r}")
    if (audience is None) == (recipients is None):
        raise ValueError("notify needs exactly one of audience or recipients")
    fan_out.enqueue(
        kind=kind,
        event_key=event_key,
        audience=audience,
        audience_args=list(audience_args),
        recipients=None if recipients is None else sorted({int(pk) for pk in recipients}),
        params=params or {},
        url=url,
        actor_id=actor_id,
    )


def deliveries_for(user_ids: list[int], kind: str) -> dict[int, str]:
    """Each user's e-mail choice for `kind` (their preference, else the kind's default)."""
    default = get_kind(kind).default_delivery
    chosen = dict(
        Preference.objects.filter(kind=kind, user_id__in=user_ids).values_list(
            "user_id", "delivery"
        )
    )
    return {pk: chosen.get(pk, default) for pk in user_ids}


def preferences_of(user) -> list[tuple[Any, str]]:
    """Every registered kind with the person's current choice, in the page's order."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "delivery"))
    return [(kind, chosen.get(kind.key, kind.default_delivery)) for kind in kinds()]


def preferences_save(*, actor, user, choices: dict[str, str]) -> None:
    if actor is None or not actor.has_perm("notifications.change_preferences", user):
        raise PermissionDenied(_("이 일을 할 권한이 없습니다."))
    for key, delivery in choices.items():
        if get_kind(key) is None or delivery not in DELIVERIES:
            raise ValidationError(_("알림 설정 값이 올바르지 않습니다."))
    with transaction.atomic():
        for key, delivery in choices.items():
            Preference.objects.update_or_create(
                user=user, kind=key, defaults={"delivery": delivery}
            )


def unsubscribe(*, user_id: int, kind: str = ALL_KINDS) -> list[str]:
    """Turns e-mail off for one kind, or for every kind; returns the kinds turned off. Mail
    already waiting for a digest is dropped too, so nothing arrives after unsubscribing."""
    keys = [k.key for k in kinds()] if kind == ALL_KINDS else [kind]
    keys = [key for key in keys if get_kind(key) is not None]
    with transaction.atomic():
        for key in keys:
            Preference.objects.update_or_create(
                user_id=user_id, kind=key, defaults={"delivery": Delivery.OFF}
            )
        Notification.objects.filter(
            recipient_id=user_id, kind__in=keys, emailed_at__isnull=True
        ).exclude(delivery=Delivery.OFF).update(delivery=Delivery.OFF)
    return keys


def notification_mark_read(*, actor, notification: Notification) -> Notification:
    if actor is None or not actor.has_perm("notifications.read_notification", notification):
        raise PermissionDenied(_("이 알림을 읽을 권한이 없습니다."))
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


def notifications_mark_all_read(*, actor) -> int:
    if actor is None or not actor.is_authenticated:
        raise PermissionDenied(_("로그인한 뒤 알림을 볼 수 있습니다."))
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )
