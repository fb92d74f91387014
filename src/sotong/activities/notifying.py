"""What activities tell people, through the notifications app: the kinds, their audiences and
the event handlers that call `notify`. Imported from ActivitiesConfig.ready()."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from sotong.activities.models import Activity, ParticipantMessage, Review, Rsvp
from sotong.core.events import subscribe
from sotong.notifications.registry import (
    Kind,
    Periodic,
    register_audience,
    register_kind,
    register_periodic,
)
from sotong.notifications.services import notify

NEW_ACTIVITY = register_kind(
    Kind(
        key="activities.new",
        label=_("관심 있는 주제·지역·단체·사람의 새 활동"),
        message=_("관심 있는 곳에 새 활동이 올라왔습니다: ‘{title}’ ({when})"),
        default_delivery="daily",
        order=10,
    )
)
CHANGED = register_kind(
    Kind(
        key="activities.changed",
        label=_("신청한 활동의 변경"),
        message=_("신청한 활동 ‘{title}’의 내용이 바뀌었습니다. 일시: {when}"),
        order=20,
    )
)
CANCELLED = register_kind(
    Kind(
        key="activities.cancelled",
        label=_("신청한 활동의 취소"),
        message=_("신청한 활동 ‘{title}’이(가) 취소되었습니다."),
        order=21,
    )
)
PROMOTED = register_kind(
    Kind(
        key="activities.promoted",
        label=_("대기하던 활동의 자리가 났을 때"),
        message=_("‘{title}’에 자리가 나서 참가가 확정되었습니다. 일시: {when}"),
        order=22,
    )
)
REMINDER = register_kind(
    Kind(
        key="activities.reminder",
        label=_("신청한 활동 하루 전 알림"),
        message=_("내일 ‘{title}’ 활동이 있습니다. 일시: {when}, 장소: {place}"),
        order=23,
    )
)
REVIEW = register_kind(
    Kind(
        key="activities.review",
        label=_("내가 연 활동의 새 후기"),
        message=_("{nickname}님이 ‘{title}’에 후기를 남겼습니다."),
        order=30,
    )
)
REPLY = register_kind(
    Kind(
        key="activities.review_reply",
        label=_("내 후기에 달린 주최 측 답글"),
        message=_("‘{title}’ 주최 측이 내 후기에 답글을 달았습니다."),
        order=31,
    )
)
MESSAGE = register_kind(
    Kind(
        key="activities.message",
        label=_("신청한 활동 주최 측이 보내는 글"),
        message=_("‘{title}’ 주최 측의 글: {subject}"),
        order=40,
    )
)


@register_audience("activities.followers")
def followers(activity_id: int):
    from sotong.interests.selectors import follower_ids_for_activity

    return follower_ids_for_activity(activity_id)


@register_audience("activities.participants")
def participants(activity_id: int):
    """Everyone confirmed or waiting."""
    return Rsvp.objects.filter(
        activity_id=activity_id, status__in=(Rsvp.Status.CONFIRMED, Rsvp.Status.WAITING)
    ).values_list("user_id", flat=True)


@register_audience("activities.confirmed")
def confirmed(activity_id: int):
    return Rsvp.objects.filter(activity_id=activity_id, status=Rsvp.Status.CONFIRMED).values_list(
        "user_id", flat=True
    )


def _when(activity: Activity) -> str:
    return timezone.localtime(activity.starts_at).strftime("%Y-%m-%d %H:%M")


def _params(activity: Activity, **more) -> dict:
    return {"title": activity.title, "when": _when(activity), **more}


def _activity(activity_id: int) -> Activity | None:
    return Activity.objects.filter(pk=activity_id).first()


def on_published(activity_id: int) -> None:
    activity = _activity(activity_id)
    if activity is None or not activity.is_published:
        return
    notify(
        kind=NEW_ACTIVITY.key,
        event_key=f"activity-published:{activity.pk}",
        audience="activities.followers",
        audience_args=[activity.pk],
        params=_params(activity),
        url=activity.get_absolute_url(),
        actor_id=activity.host_id,
    )


def on_changed(activity_id: int) -> None:
    activity = _activity(activity_id)
    if activity is None or not activity.is_published:
        return
    # One notice per version: a second edit is a second event.
    version = int(activity.updated_at.timestamp())
    notify(
        kind=CHANGED.key,
        event_key=f"activity-changed:{activity.pk}:{version}",
        audience="activities.participants",
        audience_args=[activity.pk],
        params=_params(activity),
        url=activity.get_absolute_url(),
        actor_id=activity.host_id,
    )


def on_cancelled(activity_id: int) -> None:
    activity = _activity(activity_id)
    if activity is None or not activity.is_cancelled:
        return
    notify(
        kind=CANCELLED.key,
        event_key=f"activity-cancelled:{activity.pk}",
        audience="activities.participants",
        audience_args=[activity.pk],
        params=_params(
            activity,
            subject=_cancelled_subject(activity.title),
            body=activity.cancel_reason,
        ),
        url=activity.get_absolute_url(),
        actor_id=activity.host_id,
    )


def _cancelled_subject(title: str) -> str:
    """Stored with the notification, so in the site's language whatever the request's."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(_("[취소] %(title)s")) % {"title": title}


def on_promoted(rsvp_id: int) -> None:
    rsvp = Rsvp.objects.select_related("activity").filter(pk=rsvp_id).first()
    if rsvp is None or rsvp.status != Rsvp.Status.CONFIRMED:
        return
    notify(
        kind=PROMOTED.key,
        event_key=f"rsvp-promoted:{rsvp.pk}",
        recipients=[rsvp.user_id],
        params=_params(rsvp.activity),
        url=rsvp.activity.get_absolute_url(),
    )


def on_review_posted(review_id: int) -> None:
    review = Review.objects.select_related("activity", "author").filter(pk=review_id).first()
    if review is None:
        return
    activity = review.activity
    notify(
        kind=REVIEW.key,
        event_key=f"review-posted:{review.pk}",
        recipients=[activity.host_id],
        params={"title": activity.title, "nickname": review.author.nickname},
        url=activity.get_absolute_url(),
        actor_id=review.author_id,
    )


def on_review_replied(review_id: int) -> None:
    review = Review.objects.select_related("activity").filter(pk=review_id).first()
    if review is None or not review.host_reply:
        return
    notify(
        kind=REPLY.key,
        event_key=f"review-replied:{review.pk}",
        recipients=[review.author_id],
        params={"title": review.activity.title},
        url=review.activity.get_absolute_url(),
    )


def notify_participant_message(message_id: int) -> None:
    """The organiser's message goes to everyone signed up, by their own preferences."""
    message = ParticipantMessage.objects.select_related("activity").filter(pk=message_id).first()
    if message is None:
        return
    activity = message.activity
    notify(
        kind=MESSAGE.key,
        event_key=f"participant-message:{message.pk}",
        audience="activities.participants",
        audience_args=[activity.pk],
        params=_params(activity, subject=message.subject, body=message.body),
        url=activity.get_absolute_url(),
        actor_id=message.sender_id,
    )


@task()
def send_reminders(period: str) -> int:
    """The day before: everyone confirmed for an activity starting tomorrow (local time)."""
    today = datetime.fromisoformat(period).date() if period else timezone.localdate()
    tomorrow = today + timedelta(days=1)
    start = timezone.make_aware(datetime.combine(tomorrow, time.min))
    end = start + timedelta(days=1)
    activities = Activity.objects.filter(
        Q(status=Activity.Status.PUBLISHED), starts_at__gte=start, starts_at__lt=end
    ).order_by("pk")
    count = 0
    for activity in activities.iterator():
        place = activity.place_name or (_("온라인") if activity.is_online else "")
        notify(
            kind=REMINDER.key,
            event_key=f"activity-reminder:{activity.pk}:{tomorrow.isoformat()}",
            audience="activities.confirmed",
            audience_args=[activity.pk],
            params=_params(activity, place=str(place)),
            url=activity.get_absolute_url(),
        )
        count += 1
    return count


def connect() -> None:
    subscribe("activity.published", on_published)
    subscribe("activity.changed", on_changed)
    subscribe("activity.cancelled", on_cancelled)
    subscribe("rsvp.promoted", on_promoted)
    subscribe("review.posted", on_review_posted)
    subscribe("review.replied", on_review_replied)
    register_periodic(Periodic("activities.reminders", send_reminders, hour=9))
