"""Telling the people signed up for an activity: the organiser's messages (and, through the
`activity.cancelled` event, the cancellation) go out as notifications, so each person gets
them in the app and by e-mail as their preferences say (at once, in a digest, or not at all).

Each e-mail is addressed to its recipient alone: no To or Cc list ever holds another
participant's address, and the organiser's address is never shown either.
"""

from sotong.activities.models import Activity, Rsvp


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


def send_participant_message(message_id: int) -> None:
    """Hands an organiser's message to the notifications (run after the transaction commits)."""
    from sotong.activities.notifying import notify_participant_message

    notify_participant_message(message_id)
