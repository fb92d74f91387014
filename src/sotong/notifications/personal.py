"""A person's notifications and e-mail choices, for their data export and account deletion."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sotong.notifications.models import Notification, Preference


def export(user) -> dict:
    return {
        "preferences": [
            {"kind": kind, "delivery": delivery}
            for kind, delivery in Preference.objects.filter(user=user)
            .order_by("kind")
            .values_list("kind", "delivery")
        ],
        "notifications": [
            {
                "kind": n.kind,
                "text": n.text,
                "url": n.url,
                "created_at": n.created_at.isoformat(),
                "read_at": n.read_at.isoformat() if n.read_at else None,
            }
            for n in Notification.objects.filter(recipient=user).order_by("-id")[:1000]
        ],
    }


def erase(user) -> None:
    """What was told to the person goes with them; what they did stays, without their name."""
    Notification.objects.filter(recipient=user).delete()
    Preference.objects.filter(user=user).delete()
    with translation.override(settings.LANGUAGE_CODE):
        anonymous = str(_("탈퇴한 회원"))
    told_others = Notification.objects.filter(actor=user)
    for notification in told_others.filter(params__has_key="nickname").iterator(chunk_size=500):
        notification.params = {**notification.params, "nickname": anonymous}
        notification.save(update_fields=["params"])
    told_others.update(actor=None)
