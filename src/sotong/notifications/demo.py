"""Demo notifications: the organisation admins' bell shows the pending join requests, as the
worker would have told them. Idempotent: the same (recipient, event) key as the real fan-out.
E-mails count as sent, so the demo's console stays quiet."""

from django.urls import reverse
from django.utils import timezone

from sotong.notifications.models import Delivery, Notification
from sotong.notifications.organizations import JOIN_REQUEST
from sotong.organizations.models import JoinRequest, Membership


def seed(context) -> None:
    pending = list(
        JoinRequest.objects.filter(status=JoinRequest.Status.PENDING)
        .select_related("organization", "user")
        .order_by("pk")
    )
    admins: dict[int, list[int]] = {}
    for organization_id, user_id in Membership.objects.filter(
        organization_id__in={r.organization_id for r in pending}, role=Membership.Role.ADMIN
    ).values_list("organization_id", "user_id"):
        admins.setdefault(organization_id, []).append(user_id)
    now = timezone.now()
    rows = [
        Notification(
            recipient_id=admin_id,
            kind=JOIN_REQUEST.key,
            event_key=f"join-request:{request.pk}",
            params={"nickname": request.user.nickname, "organization": request.organization.name},
            url=reverse("organizations:requests", args=[request.organization.slug]),
            actor_id=request.user_id,
            delivery=Delivery.IMMEDIATE,
            emailed_at=now,
        )
        for request in pending
        for admin_id in admins.get(request.organization_id, [])
    ]
    with context.progress.stage("notifications", len(rows)) as stage:
        Notification.objects.bulk_create(rows, ignore_conflicts=True)
        stage.advance(len(rows))
