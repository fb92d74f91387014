"""Who hears of a newly published meeting record: followers of the host organisation and the
confirmed participants of the linked activity (they were there)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sotong.activities.models import Rsvp
from sotong.archive.models import MeetingRecord
from sotong.core.events import subscribe
from sotong.interests.selectors import follower_ids_for
from sotong.notifications.registry import Kind, register_audience, register_kind
from sotong.notifications.services import notify

register_kind(
    Kind(
        key="archive.record",
        label=_("대화모임 기록 공개"),
        message=_("‘{title}’ 대화모임 기록이 아카이브에 올라왔습니다."),
        default_delivery="daily",
    )
)


@register_audience("archive.record_audience")
def record_audience(record_id: int):
    record = MeetingRecord.objects.filter(pk=record_id).values("host_organization_id").first()
    if record is None:
        return []
    ids = set()
    if record["host_organization_id"]:
        ids |= set(follower_ids_for(organization_id=record["host_organization_id"]))
    participants = Rsvp.objects.filter(
        Q(activity__meeting_record__pk=record_id), status=Rsvp.Status.CONFIRMED
    ).values_list("user_id", flat=True)
    ids |= set(participants)
    return sorted(ids)


def on_record_published(record_id: int) -> None:
    record = MeetingRecord.objects.filter(pk=record_id).first()
    if record is None or not record.is_published:
        return
    notify(
        kind="archive.record",
        event_key=f"archive-record:{record.pk}",
        audience="archive.record_audience",
        audience_args=[record.pk],
        params={"title": record.title},
        url=record.get_absolute_url(),
        actor_id=record.created_by_id,
    )


subscribe("record.published", on_record_published)
