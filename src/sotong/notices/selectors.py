"""Reads about notices: the list, one notice with its questions, the pinned ones."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from sotong.core.keyset import KeysetPage, keyset_page
from sotong.core.models import Region, Topic
from sotong.notices.models import Notice, NoticeQuestion

LIST_PAGE_SIZE = 20
PINNED_LIMIT = 3
STATES = ("open", "closed")


@dataclass
class NoticeFilters:
    regions: list[int] | None = None
    kinds: list[str] | None = None
    state: str = ""  # "" (all) | open | closed
    topic: Topic | None = None


def _with_list_relations(queryset):
    return queryset.select_related("region__parent", "department").prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("order", "name"))
    )


def notice_list(filters: NoticeFilters, cursor: str | None = None) -> KeysetPage:
    notices = Notice.objects.all()
    if filters.regions:
        notices = notices.filter(region_id__in=filters.regions)
    if filters.kinds:
        notices = notices.filter(kind__in=filters.kinds)
    if filters.topic is not None:
        notices = notices.filter(topics=filters.topic)
    now = timezone.now()
    if filters.state == "open":
        notices = notices.open(now)
    elif filters.state == "closed":
        notices = notices.closed(now)
    ordered = _with_list_relations(notices).order_by("-published_at", "-pk")
    return keyset_page(ordered, cursor, LIST_PAGE_SIZE)


def pinned_notices(region: Region | None) -> list[Notice]:
    """Important notices still open, for the region's home page: a city shows its own and its
    neighbourhoods'; a neighbourhood shows its own and its city's."""
    if region is None:
        return []
    region_ids = region.family_ids()
    if region.parent_id:
        region_ids.append(region.parent_id)
    notices = (
        Notice.objects.open()
        .filter(is_pinned=True, region_id__in=region_ids)
        .select_related("region__parent", "department")
        .order_by("-published_at", "-pk")
    )
    return list(notices[:PINNED_LIMIT])


def notice_for_page(notice_id: int) -> Notice | None:
    return (
        Notice.objects.select_related("region__parent", "department", "author")
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.order_by("order", "name")), "documents"
        )
        .filter(pk=notice_id)
        .first()
    )


def questions_for(notice: Notice) -> list[NoticeQuestion]:
    return list(
        notice.questions.select_related("author", "answered_by").order_by("created_at", "pk")
    )
