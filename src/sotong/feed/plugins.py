"""Sources from the participation apps (notices, the archive's meeting records, proposals).

Each registers only when its app offers what the feed needs, so the feed keeps working while
those apps are still being built; each follows the same rules as the activity sources: one
bounded, indexed query after the cursor, a reason per item.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from sotong.feed.activity_sources import joined_activity_ids
from sotong.feed.sources import Cursor, Item, Reader, before, register_source

NOTICE_RANK, RECORD_RANK, PROPOSAL_RANK = 25, 20, 15


def _notice_source():
    from sotong.notices.models import Notice

    def notices(reader: Reader, cursor: Cursor | None, limit: int) -> list[Item]:
        """Notices of my regions (or home region), my topics, or departments I follow."""
        followed = reader.followed
        region_ids = reader.region_ids | reader.home_region_ids
        wanted = Q()
        if region_ids:
            wanted |= Q(region_id__in=list(region_ids))
        if followed.organization_ids:
            wanted |= Q(department_id__in=list(followed.organization_ids))
        if followed.topic_ids:
            wanted |= Q(
                pk__in=Notice.topics.through.objects.filter(
                    topic_id__in=list(followed.topic_ids)
                ).values("notice_id")
            )
        if not wanted:
            return []
        rows = (
            Notice.objects.filter(
                wanted, published_at__gte=reader.since, published_at__lte=reader.now
            )
            .filter(before(cursor, NOTICE_RANK, "published_at"))
            .select_related("region__parent", "department")
            .order_by("-published_at", "-pk")[:limit]
        )
        items = []
        for notice in rows:
            if notice.department_id in followed.organization_ids:
                reason = _("‘%(name)s’ 단체를 팔로우해서") % {"name": notice.department.name}
            elif notice.region_id in reader.region_ids:
                reason = _("%(name)s 지역을 팔로우해서") % {"name": notice.region.full_name}
            elif notice.region_id in reader.home_region_ids:
                reason = _("사는 지역의 공지라서")
            else:
                reason = _("팔로우한 주제의 공지라서")
            items.append(
                Item(
                    "notice",
                    notice.published_at,
                    notice.pk,
                    notice,
                    reason,
                    "feed/items/notice.html",
                    NOTICE_RANK,
                )
            )
        return items

    return notices


def _record_source():
    from sotong.archive.models import MeetingRecord

    def records(reader: Reader, cursor: Cursor | None, limit: int) -> list[Item]:
        """Published records of meetings I joined or that organisations I follow held."""
        wanted = Q(activity_id__in=joined_activity_ids(reader))
        organization_ids = list(reader.followed.organization_ids)
        if organization_ids:
            wanted |= Q(host_organization_id__in=organization_ids)
        rows = (
            MeetingRecord.objects.published()
            .filter(wanted, published_at__gte=reader.since)
            .filter(before(cursor, RECORD_RANK, "published_at"))
            .exclude(created_by_id=reader.user_id)
            .select_related("host_organization", "activity")
            .order_by("-published_at", "-pk")[:limit]
        )
        items = []
        for record in rows:
            if record.host_organization_id in reader.followed.organization_ids:
                reason = _("‘%(name)s’ 단체를 팔로우해서") % {"name": record.host_organization.name}
            else:
                reason = _("참여한 활동이라서")
            items.append(
                Item(
                    "record",
                    record.published_at,
                    record.pk,
                    record,
                    reason,
                    "feed/items/record.html",
                    RECORD_RANK,
                )
            )
        return items

    return records


def _proposal_source():
    from sotong.proposals.models import Proposal, Step, Support

    def proposal_steps(reader: Reader, cursor: Cursor | None, limit: int) -> list[Item]:
        """New steps on the public timeline of proposals I support."""
        supported = Support.objects.filter(
            user_id=reader.user_id, withdrawn_at__isnull=True
        ).values("proposal_id")
        rows = (
            Step.objects.filter(
                proposal_id__in=supported,
                proposal__in=Proposal.objects.public(),
                created_at__gte=reader.since,
            )
            .filter(before(cursor, PROPOSAL_RANK, "created_at"))
            .select_related("proposal")
            .order_by("-created_at", "-pk")[:limit]
        )
        return [
            Item(
                "proposal_step",
                step.created_at,
                step.pk,
                step,
                _("공감한 제안이라서"),
                "feed/items/proposal_step.html",
                PROPOSAL_RANK,
            )
            for step in rows
        ]

    return proposal_steps


def register() -> None:
    for kind, rank, build in (
        ("notice", NOTICE_RANK, _notice_source),
        ("record", RECORD_RANK, _record_source),
        ("proposal_step", PROPOSAL_RANK, _proposal_source),
    ):
        try:
            register_source(kind, rank, build())
        except (ImportError, AttributeError):  # that app has not landed in this tree yet
            continue
