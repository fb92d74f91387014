"""Notification e-mails: Korean, plain text with an HTML alternative, one per person, each with
a one-click unsubscribe (RFC 8058 List-Unsubscribe headers) and a link to the preferences."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from sotong.notifications.tokens import ALL_KINDS, unsubscribe_token

SUBJECT_PREFIX = "[소통] "


def absolute_url(path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL.rstrip("/") + path


def one_line(text: str) -> str:
    """Headers cannot hold line breaks (Django would refuse the message)."""
    return " ".join(str(text).split())


def message_id(key: str) -> str:
    """A Message-ID fixed by what the e-mail is about. A worker killed between handing a message
    to the mail server and recording it sends it again on retry (no mail transport can prevent
    that window); the retry carries the same Message-ID, and mail servers and clients show a
    Message-ID once."""
    domain = urlsplit(settings.SITE_URL).hostname or "sotong.local"
    return f"<{key}@{domain}>"


def build_message(
    *,
    user,
    subject: str,
    template: str,
    context: dict,
    key: str,
    kind: str = ALL_KINDS,
    connection=None,
) -> EmailMultiAlternatives:
    unsubscribe_url = absolute_url(
        reverse("notifications:unsubscribe", args=[unsubscribe_token(user.pk, kind)])
    )
    with translation.override(settings.LANGUAGE_CODE):
        full = {
            **context,
            "nickname": user.nickname,
            "unsubscribe_url": unsubscribe_url,
            "preferences_url": absolute_url(reverse("notifications:preferences")),
            "unsubscribes_all": kind == ALL_KINDS,
        }
        message = EmailMultiAlternatives(
            subject=one_line(SUBJECT_PREFIX + subject),
            body=render_to_string(f"notifications/email/{template}.txt", full),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
            connection=connection,
            headers={
                "Message-ID": message_id(key),
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(
            render_to_string(f"notifications/email/{template}.html", full), "text/html"
        )
    return message
