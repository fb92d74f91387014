"""Background jobs (django-tasks): fan-out, immediate e-mails and digests.

Nothing is lost and nothing is sent twice, even when a worker is killed mid-job and the job
runs again:
- the fan-out inserts notifications in id-ordered batches with `ignore_conflicts` on the
  unique (recipient, event_key), and commits its cursor (FanOut) with each batch, so a rerun
  resumes after the last committed batch;
- an e-mail is sent inside the transaction that claims its notification (`select_for_update
  (skip_locked)` where the database has it; SQLite's IMMEDIATE transactions serialise writers)
  and marks it emailed, so a job that runs again finds nothing left to send.
"""

import bisect
import logging
import os
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from sotong.notifications.email import absolute_url, build_message, one_line
from sotong.notifications.models import Delivery, FanOut, Notification
from sotong.notifications.registry import audience as find_audience
from sotong.notifications.registry import get_kind
from sotong.notifications.rendering import notification_text

logger = logging.getLogger(__name__)

DIGEST_MAX_ITEMS = 30


def batch_size() -> int:
    # An environment override lets the worker test cut 2,500 recipients into many batches.
    return int(os.environ.get("NOTIFICATIONS_BATCH_SIZE", 0)) or getattr(
        settings, "NOTIFICATIONS_BATCH_SIZE", 1000
    )


class _Audience:
    """The audience's ids, read once per run and walked in id order from a cursor. (Asking the
    database for "the next 1,000 followers above the cursor" re-evaluates the whole follower
    query for every batch; 100,000 ids are under 4 MB in a list.)"""

    def __init__(self, *, audience, audience_args, recipients):
        if recipients is not None:
            self.ids = sorted(set(recipients))
        else:
            source = find_audience(audience)(*audience_args)
            if isinstance(source, QuerySet):
                source = source.order_by().iterator(chunk_size=10_000)
            self.ids = sorted({int(pk) for pk in source})

    def after(self, cursor: int, size: int) -> list[int]:
        start = bisect.bisect_right(self.ids, cursor)
        return self.ids[start : start + size]


@task()
def fan_out(
    *,
    kind: str,
    event_key: str,
    audience: str | None,
    audience_args: list,
    recipients: list[int] | None,
    params: dict,
    url: str,
    actor_id: int | None,
) -> int:
    """Creates everyone's notification for one event, batch by batch, and queues the e-mails of
    those who want them at once. Returns how many notifications this run created."""
    if get_kind(kind) is None:
        logger.error("fan-out of unknown kind %s (%s) skipped", kind, event_key)
        return 0
    FanOut.objects.get_or_create(event_key=event_key, defaults={"kind": kind})
    User = get_user_model()
    created_total = 0
    size = batch_size()
    people_to_tell = _Audience(
        audience=audience, audience_args=audience_args, recipients=recipients
    )
    while True:
        with transaction.atomic():
            progress = FanOut.objects.select_for_update().get(event_key=event_key)
            if progress.finished_at is not None:
                return created_total
            candidates = people_to_tell.after(progress.cursor, size)
            if not candidates:
                progress.finished_at = timezone.now()
                progress.save(update_fields=["finished_at"])
                return created_total
            people = list(
                User.objects.filter(pk__in=candidates, is_active=True)
                .exclude(pk=actor_id)
                .values_list("pk", flat=True)
            )
            created_total += _create_batch(
                kind=kind,
                event_key=event_key,
                people=people,
                params=params,
                url=url,
                actor_id=actor_id,
            )
            progress.cursor = candidates[-1]
            progress.created_count += len(people)
            progress.save(update_fields=["cursor", "created_count"])


def _create_batch(*, kind, event_key, people, params, url, actor_id) -> int:
    from sotong.notifications.services import deliveries_for

    if not people:
        return 0
    deliveries = deliveries_for(people, kind)
    Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=pk,
                kind=kind,
                event_key=event_key,
                params=params,
                url=url,
                actor_id=actor_id,
                delivery=deliveries[pk],
            )
            for pk in people
        ],
        ignore_conflicts=True,
    )
    immediate = list(
        Notification.objects.filter(
            event_key=event_key,
            recipient_id__in=[pk for pk, how in deliveries.items() if how == Delivery.IMMEDIATE],
            emailed_at__isnull=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if immediate:
        send_immediate.enqueue(immediate)
    return len(people)


@task()
def send_immediate(notification_ids: list[int]) -> int:
    """One e-mail per notification, each claimed and marked in the transaction that sends it."""
    sent = 0
    connection = get_connection()
    connection.open()
    try:
        for pk in notification_ids:
            with transaction.atomic():
                notification = (
                    Notification.objects.select_for_update(skip_locked=True, of=("self",))
                    .select_related("recipient")
                    .filter(pk=pk, emailed_at__isnull=True, delivery=Delivery.IMMEDIATE)
                    .first()
                )
                if notification is None:
                    continue
                recipient = notification.recipient
                if recipient.is_active and recipient.email:
                    _message_for(notification, connection).send()
                    sent += 1
                notification.emailed_at = timezone.now()
                notification.save(update_fields=["emailed_at"])
    finally:
        connection.close()
    return sent


def _message_for(notification: Notification, connection):
    with translation.override(settings.LANGUAGE_CODE):
        text = notification_text(notification)
        subject = notification.params.get("subject") or text
    return build_message(
        user=notification.recipient,
        subject=subject,
        template="notification",
        key=f"notification-{notification.pk}",
        context={
            "text": text,
            "details": notification.params.get("body", ""),
            "url": absolute_url(notification.url) if notification.url else "",
        },
        kind=notification.kind,
        connection=connection,
    )


@task()
def send_digests(frequency: str, period: str = "") -> int:
    """One e-mail per person with everything stored for their daily (or weekly) digest that no
    e-mail has carried yet. Returns how many digests went out."""
    if frequency not in (Delivery.DAILY, Delivery.WEEKLY):
        raise ValueError(frequency)
    User = get_user_model()
    sent = 0
    after = 0
    connection = get_connection()
    connection.open()
    try:
        while True:
            recipient_ids = list(
                Notification.objects.filter(
                    delivery=frequency, emailed_at__isnull=True, recipient_id__gt=after
                )
                .order_by("recipient_id")
                .values_list("recipient_id", flat=True)
                .distinct()[:200]
            )
            if not recipient_ids:
                return sent
            after = recipient_ids[-1]
            for user in User.objects.filter(pk__in=recipient_ids).order_by("pk"):
                sent += _send_digest(user, frequency, connection)
    finally:
        connection.close()


def _send_digest(user, frequency: str, connection) -> int:
    with transaction.atomic():
        pending = list(
            Notification.objects.select_for_update(skip_locked=True)
            .filter(recipient=user, delivery=frequency, emailed_at__isnull=True)
            .order_by("pk")
        )
        if not pending:
            return 0
        sent = 0
        if user.is_active and user.email:
            with translation.override(settings.LANGUAGE_CODE):
                items = [
                    {"text": notification_text(n), "url": absolute_url(n.url) if n.url else ""}
                    for n in pending[:DIGEST_MAX_ITEMS]
                ]
                if frequency == Delivery.DAILY:
                    subject = _("오늘의 소식 %(count)d건") % {"count": len(pending)}
                else:
                    subject = _("이번 주의 소식 %(count)d건") % {"count": len(pending)}
            build_message(
                user=user,
                subject=one_line(subject),
                template="digest",
                key=f"digest-{frequency}-{user.pk}-{pending[0].pk}",
                context={
                    "items": items,
                    "more": max(0, len(pending) - DIGEST_MAX_ITEMS),
                    "list_url": absolute_url("/notifications/"),
                    "subject": subject,
                },
                connection=connection,
            ).send()
            sent = 1
        Notification.objects.filter(pk__in=[n.pk for n in pending]).update(
            emailed_at=timezone.now()
        )
        return sent


@task()
def send_daily_digests(period: str) -> int:
    return send_digests.call(Delivery.DAILY, period)


@task()
def send_weekly_digests(period: str) -> int:
    return send_digests.call(Delivery.WEEKLY, period)


@task()
def prune_old(period: str) -> int:
    """Read notifications older than a year are dropped; the list never grows without end."""
    cutoff = timezone.now() - timedelta(days=365)
    deleted, _details = Notification.objects.filter(
        read_at__isnull=False, created_at__lt=cutoff
    ).delete()
    FanOut.objects.filter(finished_at__lt=cutoff).delete()
    return deleted
