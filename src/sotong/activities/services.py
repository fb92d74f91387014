"""The business rules of activities: posting, sign-ups with capacity and a waiting list, reviews.

Every write checks permission through `user.has_perm(...)` (rules in rules.py) and runs in one
transaction. Sign-ups lock the activity row first (SELECT … FOR UPDATE on PostgreSQL; on SQLite
the IMMEDIATE transaction takes the write lock at BEGIN), so counting seats and inserting the
sign-up can never interleave with another sign-up for the same activity.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from sotong.activities import messaging
from sotong.activities.models import (
    MAX_DURATION,
    MAX_OCCURRENCES,
    Activity,
    ActivitySeries,
    ParticipantMessage,
    Review,
    Rsvp,
    encode_audience,
)
from sotong.core import events
from sotong.core.images import clean_uploaded_image
from sotong.core.models import KOREA_BOUNDS, Region, Topic

# The fields a host fills in; everything else (status, counters, host) is set by the rules.
EDITABLE_FIELDS = (
    "kind",
    "title",
    "description",
    "audience",
    "region",
    "is_online",
    "place_name",
    "address",
    "latitude",
    "longitude",
    "starts_at",
    "ends_at",
    "capacity",
    "fee",
    "requires_signup",
    "host_organization",
    "host_contact",
    "image",
    "external_url",
)
ACTIVE_RSVP = (Rsvp.Status.CONFIRMED, Rsvp.Status.WAITING)


@dataclass
class Recurrence:
    frequency: str
    until: date
    exception_dates: list[date] = field(default_factory=list)


def _require(actor, perm: str, obj=None, message: str | None = None) -> None:
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied(message or _("이 일을 할 권한이 없습니다."))


# --- Validation ---------------------------------------------------------------------------


def _in_korea(latitude: float, longitude: float) -> bool:
    return (
        KOREA_BOUNDS["south"] <= latitude <= KOREA_BOUNDS["north"]
        and KOREA_BOUNDS["west"] <= longitude <= KOREA_BOUNDS["east"]
    )


def duration_error(starts_at: datetime | None, ends_at: datetime | None) -> str | None:
    """Korean message when an activity would run longer than MAX_DURATION (lists rely on it)."""
    if starts_at and ends_at and ends_at - starts_at > MAX_DURATION:
        return _(
            "활동 기간은 %(days)d일을 넘을 수 없습니다. 더 긴 활동은 기간을 나누어 올리거나 "
            "정규 활동(반복)으로 만들어 주세요."
        ) % {"days": MAX_DURATION.days}
    return None


def _validate_activity(
    *, actor, activity: Activity, topics: list[Topic], previous_organization_id: int | None = None
) -> None:
    """Collects every problem at once, keyed by form field, so the form can show them all."""
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    if activity.starts_at and activity.ends_at and activity.ends_at <= activity.starts_at:
        add("ends_at", _("끝나는 시간은 시작 시간보다 뒤여야 합니다."))
    elif too_long := duration_error(activity.starts_at, activity.ends_at):
        add("ends_at", too_long)
    if activity.capacity is not None and activity.capacity < 1:
        add("capacity", _("정원은 1명 이상이어야 합니다. 제한이 없으면 비워 두세요."))
    if activity.fee is not None and activity.fee < 0:
        add("fee", _("참가비는 0원 이상이어야 합니다."))
    if not activity.is_online and not (activity.place_name or "").strip():
        add("place_name", _("장소 이름을 적거나 온라인 활동으로 표시해 주세요."))

    region: Region | None = activity.region if activity.region_id else None
    if region is not None and not region.is_active:
        add("region", _("지금은 쓰지 않는 지역입니다. 다른 지역을 골라 주세요."))
    has_lat, has_lng = activity.latitude is not None, activity.longitude is not None
    if has_lat != has_lng:
        add("latitude", _("위치는 위도와 경도를 함께 적어야 합니다."))
    elif has_lat:
        if not _in_korea(activity.latitude, activity.longitude):
            add("latitude", _("위치가 한국 밖입니다. 지도에서 장소를 다시 골라 주세요."))
        elif region is not None and not region.city.contains_point(
            activity.latitude, activity.longitude
        ):
            add(
                "latitude",
                _("위치가 고른 지역(%(region)s) 밖입니다. 장소나 지역을 다시 골라 주세요.")
                % {"region": region.city.name},
            )

    organization_changed = activity.host_organization_id != previous_organization_id
    if (
        organization_changed
        and activity.host_organization_id
        and not actor.has_perm("activities.host_for_organization", activity.host_organization)
    ):
        add("host_organization", _("구성원인 단체의 이름으로만 활동을 올릴 수 있습니다."))
    if region is not None and topics:
        allowed = set(Topic.objects.active().for_region(region).values_list("pk", flat=True))
        if any(topic.pk not in allowed for topic in topics):
            add("topics", _("이 지역에서 쓰지 않는 주제가 있습니다."))
    if errors:
        raise ValidationError(errors)
    # Lengths, choices and URL format, with Django's own (translated) messages.
    activity.full_clean(exclude=["host", "series", "status"], validate_constraints=False)


def _apply_fields(activity: Activity, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    for name, value in fields.items():
        if name == "audience" and not isinstance(value, str):
            value = encode_audience(value)
        if name == "image" and isinstance(value, UploadedFile):
            try:
                value = clean_uploaded_image(value)
            except ValidationError as error:
                raise ValidationError({"image": error.messages}) from error
        setattr(activity, name, value)
    if activity.is_online and not activity.place_name:
        activity.latitude = activity.longitude = None
    if not activity.requires_signup:
        activity.capacity = None


# --- Recurrence ---------------------------------------------------------------------------


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1–4) given weekday of a month; nth 5 means the last one."""
    days = [
        day
        for day in calendar.Calendar().itermonthdates(year, month)
        if day.month == month and day.weekday() == weekday
    ]
    return days[min(nth, len(days)) - 1] if nth < 5 else days[-1]


def occurrence_dates(first: date, recurrence: Recurrence) -> list[date]:
    """Every date of a series from its first date until `until`, without the exceptions."""
    if recurrence.frequency not in ActivitySeries.Frequency.values:
        raise ValidationError({"repeat": _("반복 방식을 목록에서 골라 주세요.")})
    if recurrence.until < first:
        raise ValidationError({"repeat_until": _("반복 종료일은 첫 활동 날짜 뒤여야 합니다.")})
    skipped = set(recurrence.exception_dates)
    dates: list[date] = []
    nth = (first.day - 1) // 7 + 1
    step = 0
    while True:
        if recurrence.frequency == ActivitySeries.Frequency.MONTHLY_WEEKDAY:
            month_index = first.month - 1 + step
            year, month = first.year + month_index // 12, month_index % 12 + 1
            day = _nth_weekday(year, month, first.weekday(), nth)
        else:
            weeks = 2 if recurrence.frequency == ActivitySeries.Frequency.BIWEEKLY else 1
            day = first + timedelta(weeks=weeks * step)
        if day > recurrence.until:
            break
        if day not in skipped:
            dates.append(day)
            if len(dates) > MAX_OCCURRENCES:
                raise ValidationError(
                    {
                        "repeat_until": _(
                            "반복 활동은 한 번에 %(max)d회까지 만들 수 있습니다. "
                            "반복 종료일을 앞당겨 주세요."
                        )
                        % {"max": MAX_OCCURRENCES}
                    }
                )
        step += 1
    if not dates:
        raise ValidationError({"repeat_exceptions": _("건너뛰는 날짜를 빼면 남는 날이 없습니다.")})
    return dates


def _shift_to(moment: datetime, day: date) -> datetime:
    """The same local wall-clock time on another day (daylight saving safe)."""
    local = timezone.localtime(moment)
    return timezone.make_aware(datetime.combine(day, local.time().replace(tzinfo=None)))


# --- Activities ---------------------------------------------------------------------------


def activity_preview(
    *, actor, fields: dict[str, Any], topics: list[Topic] | None = None
) -> Activity:
    """An unsaved activity checked by the same rules as a real post, for the preview."""
    _require(
        actor, "activities.add_activity", message=_("로그인한 회원만 활동을 올릴 수 있습니다.")
    )
    activity = Activity(host=actor, status=Activity.Status.DRAFT)
    _apply_fields(activity, {name: value for name, value in fields.items() if name != "image"})
    _validate_activity(actor=actor, activity=activity, topics=list(topics or []))
    return activity


def activity_create(
    *,
    actor,
    fields: dict[str, Any],
    topics: list[Topic] | None = None,
    recurrence: Recurrence | None = None,
    publish: bool = True,
) -> Activity:
    """Posts an activity (or saves a draft). A recurrence makes one row per occurrence;
    the first one is returned."""
    _require(
        actor, "activities.add_activity", message=_("로그인한 회원만 활동을 올릴 수 있습니다.")
    )
    topics = list(topics or [])
    activity = Activity(host=actor)
    _apply_fields(activity, fields)
    _validate_activity(actor=actor, activity=activity, topics=topics)
    now = timezone.now()
    activity.status = Activity.Status.PUBLISHED if publish else Activity.Status.DRAFT
    activity.published_at = now if publish else None

    with transaction.atomic():
        if recurrence is None:
            activity.save()
            activity.topics.set(topics)
            if publish:
                events.publish("activity.published", activity_id=activity.pk)
            return activity
        local_first = timezone.localtime(activity.starts_at).date()
        dates = occurrence_dates(local_first, recurrence)
        series = ActivitySeries.objects.create(
            frequency=recurrence.frequency,
            until=recurrence.until,
            exception_dates=sorted(d.isoformat() for d in recurrence.exception_dates),
            host=actor,
        )
        duration = activity.ends_at - activity.starts_at
        template = activity
        occurrences = []
        for day in dates:
            occurrence = Activity(
                **{name: getattr(template, name) for name in EDITABLE_FIELDS},
                host=actor,
                status=template.status,
                published_at=template.published_at,
                series=series,
            )
            occurrence.starts_at = _shift_to(template.starts_at, day)
            occurrence.ends_at = occurrence.starts_at + duration
            occurrence.save()
            occurrences.append(occurrence)
        through = Activity.topics.through
        through.objects.bulk_create(
            [
                through(activity_id=occurrence.pk, topic_id=topic.pk)
                for occurrence in occurrences
                for topic in topics
            ]
        )
        if publish:  # one notice for the whole series, pointing at its first occurrence
            events.publish("activity.published", activity_id=occurrences[0].pk)
        return occurrences[0]


def activity_update(
    *, actor, activity: Activity, fields: dict[str, Any], topics: list[Topic] | None = None
) -> Activity:
    """Changes one activity (one occurrence of a series). A larger capacity lets people in
    from the waiting list at once; a capacity below those already confirmed is refused."""
    _require(actor, "activities.change_activity", activity)
    if activity.is_cancelled:
        raise ValidationError(_("취소된 활동은 고칠 수 없습니다."))
    with transaction.atomic():
        locked = Activity.objects.select_for_update().get(pk=activity.pk)
        activity.confirmed_count = locked.confirmed_count
        activity.waiting_count = locked.waiting_count
        previous_organization_id = locked.host_organization_id
        _apply_fields(activity, fields)
        _validate_activity(
            actor=actor,
            previous_organization_id=previous_organization_id,
            activity=activity,
            topics=list(topics) if topics is not None else list(activity.topics.all()),
        )
        if activity.capacity is not None and activity.capacity < activity.confirmed_count:
            raise ValidationError(
                {
                    "capacity": _(
                        "이미 %(count)d명이 참가 확정되어 정원을 그보다 줄일 수 없습니다."
                    )
                    % {"count": activity.confirmed_count}
                }
            )
        activity.save()
        if topics is not None:
            activity.topics.set(topics)
        _fill_free_seats(activity)
        if activity.is_published:
            events.publish("activity.changed", activity_id=activity.pk)
    return activity


def activity_publish(*, actor, activity: Activity) -> Activity:
    """Publishes a draft (and the other drafts of its series)."""
    _require(actor, "activities.change_activity", activity)
    if not activity.is_draft:
        raise ValidationError(_("임시 저장된 활동만 게시할 수 있습니다."))
    now = timezone.now()
    with transaction.atomic():
        drafts = Activity.objects.filter(status=Activity.Status.DRAFT)
        if activity.series_id:
            drafts = drafts.filter(series_id=activity.series_id)
        else:
            drafts = drafts.filter(pk=activity.pk)
        drafts.update(status=Activity.Status.PUBLISHED, published_at=now, updated_at=now)
        events.publish("activity.published", activity_id=activity.pk)
    activity.refresh_from_db()
    return activity


def activity_cancel(*, actor, activity: Activity, reason: str = "") -> Activity:
    """Cancels an activity; sign-ups are kept so participants see that it is cancelled."""
    _require(actor, "activities.change_activity", activity)
    if activity.is_cancelled:
        raise ValidationError(_("이미 취소된 활동입니다."))
    if activity.has_ended:
        raise ValidationError(_("이미 끝난 활동은 취소할 수 없습니다."))
    reason = (reason or "").strip()
    if len(reason) > 500:
        raise ValidationError({"reason": _("취소 사유는 500자 이하로 적어 주세요.")})
    with transaction.atomic():
        # Locked and checked again, so two organisers cancelling at once send one notice.
        if _lock(activity).is_cancelled:
            raise ValidationError(_("이미 취소된 활동입니다."))
        activity.status = Activity.Status.CANCELLED
        activity.cancel_reason = reason
        activity.cancelled_at = timezone.now()
        activity.save(update_fields=["status", "cancel_reason", "cancelled_at", "updated_at"])
        events.publish("activity.cancelled", activity_id=activity.pk)
    return activity


def activity_copy(*, actor, activity: Activity) -> Activity:
    """A new draft with the same content, moved forward by whole weeks into the future."""
    _require(actor, "activities.change_activity", activity)
    copy = Activity(host=actor, status=Activity.Status.DRAFT)
    for name in EDITABLE_FIELDS:
        setattr(copy, name, getattr(activity, name))
    if copy.host_organization_id and not actor.has_perm(
        "activities.host_for_organization", copy.host_organization
    ):
        copy.host_organization = None
    now = timezone.now()
    if copy.starts_at <= now:
        weeks = (now - copy.starts_at).days // 7 + 1
        copy.starts_at += timedelta(weeks=weeks)
        copy.ends_at += timedelta(weeks=weeks)
    with transaction.atomic():
        copy.save()
        copy.topics.set(activity.topics.all())
    return copy


# --- Sign-ups -----------------------------------------------------------------------------


def _lock(activity: Activity) -> Activity:
    return Activity.objects.select_for_update().get(pk=activity.pk)


def _fill_free_seats(activity: Activity) -> list[Rsvp]:
    """Moves the first people of the waiting list into free seats. Caller holds the lock."""
    if activity.waiting_count == 0:
        return []
    free = (
        activity.waiting_count
        if activity.capacity is None
        else activity.capacity - activity.confirmed_count
    )
    if free <= 0:
        return []
    promoted = list(
        Rsvp.objects.filter(activity=activity, status=Rsvp.Status.WAITING).order_by("position")[
            :free
        ]
    )
    if not promoted:
        return []
    Rsvp.objects.filter(pk__in=[rsvp.pk for rsvp in promoted]).update(
        status=Rsvp.Status.CONFIRMED, position=None
    )
    Rsvp.objects.filter(activity=activity, status=Rsvp.Status.WAITING).update(
        position=F("position") - len(promoted)
    )
    activity.confirmed_count += len(promoted)
    activity.waiting_count -= len(promoted)
    Activity.objects.filter(pk=activity.pk).update(
        confirmed_count=activity.confirmed_count, waiting_count=activity.waiting_count
    )
    for rsvp in promoted:
        rsvp.status, rsvp.position = Rsvp.Status.CONFIRMED, None
        events.publish("rsvp.promoted", rsvp_id=rsvp.pk)
    return promoted


def rsvp_create(*, actor, activity: Activity) -> Rsvp:
    """Signs the actor up: a confirmed seat while seats last, else the end of the waiting list."""
    _require(actor, "activities.rsvp_activity", activity, _("로그인한 뒤 신청할 수 있습니다."))
    with transaction.atomic():
        activity = _lock(activity)
        if not activity.is_published:
            raise ValidationError(_("게시된 활동에만 신청할 수 있습니다."))
        if activity.has_started:
            raise ValidationError(_("이미 시작한 활동에는 신청할 수 없습니다."))
        if Rsvp.objects.filter(activity=activity, user=actor, status__in=ACTIVE_RSVP).exists():
            raise ValidationError(_("이미 신청한 활동입니다."))
        if activity.capacity is None or activity.confirmed_count < activity.capacity:
            rsvp = Rsvp.objects.create(activity=activity, user=actor, status=Rsvp.Status.CONFIRMED)
            activity.confirmed_count += 1
        else:
            rsvp = Rsvp.objects.create(
                activity=activity,
                user=actor,
                status=Rsvp.Status.WAITING,
                position=activity.waiting_count + 1,
            )
            activity.waiting_count += 1
        Activity.objects.filter(pk=activity.pk).update(
            confirmed_count=activity.confirmed_count, waiting_count=activity.waiting_count
        )
    return rsvp


def rsvp_cancel(*, actor, activity: Activity, user=None) -> Rsvp:
    """Cancels a sign-up (one's own; organisers may cancel anyone's). A freed seat goes to the
    first person on the waiting list in the same transaction."""
    user = user or actor
    if actor is None or not actor.is_authenticated:
        raise PermissionDenied(_("로그인한 뒤 취소할 수 있습니다."))
    if user.pk != actor.pk:
        _require(actor, "activities.manage_participants", activity)
    with transaction.atomic():
        activity = _lock(activity)
        rsvp = Rsvp.objects.filter(activity=activity, user=user, status__in=ACTIVE_RSVP).first()
        if rsvp is None:
            raise ValidationError(_("취소할 신청 내역이 없습니다."))
        if activity.has_ended:
            raise ValidationError(_("이미 끝난 활동의 신청은 취소할 수 없습니다."))
        was_waiting_at = rsvp.position
        was_confirmed = rsvp.status == Rsvp.Status.CONFIRMED
        rsvp.status, rsvp.position, rsvp.cancelled_at = Rsvp.Status.CANCELLED, None, timezone.now()
        rsvp.save(update_fields=["status", "position", "cancelled_at"])
        if was_confirmed:
            activity.confirmed_count -= 1
        else:
            Rsvp.objects.filter(
                activity=activity, status=Rsvp.Status.WAITING, position__gt=was_waiting_at
            ).update(position=F("position") - 1)
            activity.waiting_count -= 1
        Activity.objects.filter(pk=activity.pk).update(
            confirmed_count=activity.confirmed_count, waiting_count=activity.waiting_count
        )
        if was_confirmed:
            _fill_free_seats(activity)
    return rsvp


def rsvp_checkin(*, actor, rsvp: Rsvp, present: bool = True) -> Rsvp:
    """The organiser marks a confirmed participant as present (or undoes it)."""
    _require(actor, "activities.manage_participants", rsvp.activity)
    if rsvp.status != Rsvp.Status.CONFIRMED:
        raise ValidationError(_("참가가 확정된 사람만 출석 확인할 수 있습니다."))
    with transaction.atomic():
        rsvp.checked_in_at = timezone.now() if present else None
        rsvp.save(update_fields=["checked_in_at"])
    return rsvp


# --- Reviews ------------------------------------------------------------------------------


def review_create(
    *, actor, activity: Activity, rating: int, text: str, photo: UploadedFile | None = None
) -> Review:
    """Only confirmed participants write a review, once, after the activity has ended."""
    _require(
        actor,
        "activities.review_activity",
        activity,
        _("참가가 확정된 사람만 후기를 쓸 수 있습니다."),
    )
    # Also for admins, whom has_perm lets through everything: a review needs a real participant.
    if not Rsvp.objects.filter(
        activity=activity, user=actor, status=Rsvp.Status.CONFIRMED
    ).exists():
        raise PermissionDenied(_("참가가 확정된 사람만 후기를 쓸 수 있습니다."))
    if activity.is_cancelled:
        raise ValidationError(_("취소된 활동에는 후기를 쓸 수 없습니다."))
    if not activity.has_ended:
        raise ValidationError(_("후기는 활동이 끝난 뒤에 쓸 수 있습니다."))
    text = (text or "").strip()
    errors = {}
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        errors["rating"] = _("별점은 1~5 사이에서 골라 주세요.")
    if not text:
        errors["text"] = _("후기 내용을 적어 주세요.")
    elif len(text) > 5000:
        errors["text"] = _("후기는 5000자 이하로 적어 주세요.")
    if errors:
        raise ValidationError(errors)
    if photo:
        try:
            photo = clean_uploaded_image(photo)
        except ValidationError as error:
            raise ValidationError({"photo": error.messages}) from error
    with transaction.atomic():
        if Review.objects.filter(activity=activity, author=actor).exists():
            raise ValidationError(_("이 활동에는 이미 후기를 썼습니다."))
        review = Review.objects.create(
            activity=activity, author=actor, rating=rating, text=text, photo=photo or ""
        )
        events.publish("review.posted", review_id=review.pk)
        return review


def review_reply(*, actor, review: Review, text: str) -> Review:
    _require(actor, "activities.reply_review", review)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("답글 내용을 적어 주세요.")})
    if len(text) > 2000:
        raise ValidationError({"text": _("답글은 2000자 이하로 적어 주세요.")})
    with transaction.atomic():
        review.host_reply = text
        review.replied_at = timezone.now()
        review.save(update_fields=["host_reply", "replied_at"])
        events.publish("review.replied", review_id=review.pk)
    return review


# --- Telling participants and recording the meeting ----------------------------------------

MESSAGES_PER_DAY = 5
MESSAGE_SUBJECT_MAX = 120
MESSAGE_BODY_MAX = 5000


def participants_message(
    *, actor, activity: Activity, subject: str, body: str
) -> ParticipantMessage:
    """The organiser writes to everyone confirmed or waiting; each gets their own e-mail after
    commit. At most MESSAGES_PER_DAY per activity in any 24 hours, so it cannot become spam."""
    _require(actor, "activities.manage_participants", activity)
    subject = " ".join((subject or "").split())
    body = (body or "").strip()
    errors = {}
    if not subject:
        errors["subject"] = _("제목을 적어 주세요.")
    elif len(subject) > MESSAGE_SUBJECT_MAX:
        errors["subject"] = _("제목은 %(max)d자 이하로 적어 주세요.") % {"max": MESSAGE_SUBJECT_MAX}
    if not body:
        errors["body"] = _("내용을 적어 주세요.")
    elif len(body) > MESSAGE_BODY_MAX:
        errors["body"] = _("내용은 %(max)d자 이하로 적어 주세요.") % {"max": MESSAGE_BODY_MAX}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        activity = _lock(activity)  # two organisers sending at once still count one by one
        since = timezone.now() - timedelta(days=1)
        if activity.participant_messages.filter(sent_at__gte=since).count() >= MESSAGES_PER_DAY:
            raise ValidationError(
                _(
                    "참가자에게 보내는 글은 하루(24시간)에 %(max)d번까지 보낼 수 있습니다. "
                    "나중에 다시 보내 주세요."
                )
                % {"max": MESSAGES_PER_DAY}
            )
        count = len(messaging.recipients(activity))
        if count == 0:
            raise ValidationError(_("글을 받을 참가자가 없습니다."))
        message = ParticipantMessage.objects.create(
            activity=activity, sender=actor, subject=subject, body=body, recipients_count=count
        )
        transaction.on_commit(partial(messaging.send_participant_message, message.pk))
    return message
