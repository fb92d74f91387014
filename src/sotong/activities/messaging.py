"""E-mails to the people signed up for an activity: the cancellation notice and the organiser's
messages. In Korean, plain text with an HTML alternative.

Each person gets a message of their own, addressed to them alone: no To or Cc list ever holds
another participant's address, and the organiser's address is never shown either.

Delivery runs after the transaction commits (the services register it with
transaction.on_commit), in the request for now; the notifications issue will move delivery
into background jobs (django-tasks) with people's preferences.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils import translation

from sotong.activities.links import absolute_url
from sotong.activities.models import Activity, ParticipantMessage, Rsvp

logger = logging.getLogger(__name__)

SUBJECT_PREFIX = "[소통] "


def recipients(activity: Activity) -> list:
    """Everyone confirmed or waiting who can receive mail, once each."""
    rows = (
        Rsvp.objects.filter(
            activity=activity,
            status__in=(Rsvp.Status.CONFIRMED, Rsvp.Status.WAITING),
            user__is_active=True,
        )
        .exclude(user__email="")
        .select_related("user")
        .order_by("pk")
    )
    seen: set[str] = set()
    people = []
    for rsvp in rows:
        address = rsvp.user.email.strip().lower()
        if address and address not in seen:
            seen.add(address)
            people.append(rsvp.user)
    return people


def _send_each(people, *, subject: str, template: str, context: dict) -> int:
    """One message per person on one connection; a failure for one does not stop the rest."""
    sent = 0
    connection = get_connection()
    with translation.override(settings.LANGUAGE_CODE):
        for person in people:
            personal = {**context, "nickname": person.nickname}
            message = EmailMultiAlternatives(
                subject=subject,
                body=render_to_string(f"activities/email/{template}.txt", personal),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[person.email],
                connection=connection,
            )
            message.attach_alternative(
                render_to_string(f"activities/email/{template}.html", personal), "text/html"
            )
            try:
                sent += message.send()
            except Exception:  # one bad address must not stop the others
                logger.exception("could not e-mail participant %s", person.pk)
    return sent


def send_cancellation_notice(activity_id: int) -> int:
    """Tells everyone signed up that the activity is cancelled, and why."""
    activity = (
        Activity.objects.select_related("region__parent", "host", "host_organization")
        .filter(pk=activity_id, status=Activity.Status.CANCELLED)
        .first()
    )
    if activity is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = SUBJECT_PREFIX + translation.gettext("[취소] %(title)s") % {
            "title": activity.title
        }
    return _send_each(
        recipients(activity),
        subject=_one_line(subject),
        template="cancelled",
        context={"activity": activity, "url": absolute_url(activity.get_absolute_url())},
    )


def send_participant_message(message_id: int) -> int:
    """Delivers an organiser's message to everyone signed up."""
    message = (
        ParticipantMessage.objects.select_related("activity__host", "activity__host_organization")
        .filter(pk=message_id)
        .first()
    )
    if message is None:
        return 0
    activity = message.activity
    return _send_each(
        recipients(activity),
        subject=_one_line(SUBJECT_PREFIX + message.subject),
        template="message",
        context={
            "activity": activity,
            "message": message,
            "url": absolute_url(activity.get_absolute_url()),
        },
    )


def _one_line(text: str) -> str:
    """Headers cannot hold line breaks (Django would refuse the message)."""
    return " ".join(text.split())
