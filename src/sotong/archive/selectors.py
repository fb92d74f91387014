"""Reads of the archive: browsing with keys (never offsets), pages, key words, exports."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from sotong.archive.models import Document, MeetingRecord, Term, Visibility
from sotong.core.models import Region, Topic
from sotong.organizations.models import Organization

PAGE_SIZE = 20
CHART_KEYWORDS = 12
# Said by the pages and the API alike.
UNKNOWN_CURSOR = _("알 수 없는 cursor입니다. 앞 응답의 next_cursor 값을 보내 주세요.")
UNKNOWN_ORGANIZATION = _("이런 단체가 없습니다.")
UNKNOWN_REGION = _("이런 지역이 없습니다.")
UNKNOWN_TOPIC = _("이런 주제가 없습니다.")


@dataclass
class Page:
    items: list
    next_cursor: str | None
    is_first: bool


@dataclass
class Filters:
    region: Region | None = None
    topic: Topic | None = None
    year: int | None = None
    organization: Organization | None = None


def parse_cursor(value: str | None) -> tuple[date, int] | None:
    """ "2019-07-31.12" → (date, pk); anything else is no cursor (the first page)."""
    if not value or "." not in value:
        return None
    day, _, pk = value.partition(".")
    try:
        key = date.fromisoformat(day), int(pk)
    except ValueError:
        return None
    return key if 0 < key[1] < 2**31 else None  # a number the database cannot hold is no key


def filtered(queryset: QuerySet, filters: Filters, date_field: str) -> QuerySet:
    if filters.region is not None:
        queryset = queryset.filter(region_id__in=filters.region.family_ids())
    if filters.topic is not None:
        queryset = queryset.filter(topics=filters.topic)
    if filters.year is not None:
        start, end = date(filters.year, 1, 1), date(filters.year, 12, 31)
        queryset = queryset.filter(**{f"{date_field}__range": (start, end)})
    if filters.organization is not None:
        organization = filters.organization
        involved = Q(organizations=organization) & ~Q(host_organization=organization)
        queryset = queryset.filter(Q(host_organization=organization) | involved).distinct()
    return queryset


def keyset_page(
    queryset: QuerySet, date_field: str, cursor: str | None, size: int = PAGE_SIZE
) -> Page:
    key = parse_cursor(cursor)
    if key is not None:
        day, pk = key
        queryset = queryset.filter(
            Q(**{f"{date_field}__lt": day}) | Q(**{date_field: day, "pk__lt": pk})
        )
    rows = list(queryset.order_by(f"-{date_field}", "-pk")[: size + 1])
    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        next_cursor = f"{getattr(last, date_field).isoformat()}.{last.pk}"
    return Page(items=rows, next_cursor=next_cursor, is_first=key is None)


def _record_list() -> QuerySet:
    return (
        MeetingRecord.objects.published()
        .select_related("region__parent", "host_organization", "created_by")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("order", "name")))
    )


def record_page(filters: Filters, cursor: str | None = None) -> Page:
    return keyset_page(filtered(_record_list(), filters, "held_on"), "held_on", cursor)


def document_page(filters: Filters, cursor: str | None = None) -> Page:
    documents = (
        Document.objects.published()
        .select_related("region__parent", "host_organization", "created_by")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("order", "name")))
    )
    return keyset_page(filtered(documents, filters, "issued_on"), "issued_on", cursor)


def record_years() -> list[int]:
    return [day.year for day in MeetingRecord.objects.published().dates("held_on", "year", "DESC")]


def archive_organizations() -> list[Organization]:
    """Organisations that host or took part in a published record: the browse filter's list."""
    hosting = MeetingRecord.objects.published().values("host_organization")
    involved = MeetingRecord.organizations.through.objects.filter(
        meetingrecord__visibility=Visibility.PUBLISHED
    ).values("organization")
    return list(
        Organization.objects.filter(Q(pk__in=hosting) | Q(pk__in=involved)).order_by("name")
    )


def record_for_page(record_id: int) -> MeetingRecord | None:
    return (
        MeetingRecord.objects.select_related(
            "region__parent", "host_organization", "created_by", "activity"
        )
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.order_by("order", "name")),
            Prefetch("organizations", queryset=Organization.objects.order_by("name")),
            "photos",
            "attachments",
            "proposals",
        )
        .filter(pk=record_id)
        .first()
    )


def document_for_page(document_id: int) -> Document | None:
    return (
        Document.objects.select_related("region__parent", "host_organization", "created_by")
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.order_by("order", "name")),
            Prefetch("organizations", queryset=Organization.objects.order_by("name")),
            "files",
        )
        .filter(pk=document_id)
        .first()
    )


def keyword_terms(item) -> list[str]:
    owner = {"record": item} if isinstance(item, MeetingRecord) else {"document": item}
    rows = Term.objects.filter(is_keyword=True, **owner).order_by("-score", "term")
    return list(rows.values_list("term", flat=True))


def records_with_keyword(term: str, limit: int = 50) -> list[MeetingRecord]:
    return list(
        _record_list()
        .filter(terms__term=term, terms__is_keyword=True)
        .order_by("-held_on", "-pk")[:limit]
    )


def documents_with_keyword(term: str, limit: int = 50) -> list[Document]:
    return list(
        Document.objects.published()
        .select_related("region__parent", "host_organization", "created_by")
        .filter(terms__term=term, terms__is_keyword=True)
        .order_by("-issued_on", "-pk")[:limit]
    )


@dataclass
class KeywordBar:
    term: str
    records: int
    weight: float
    percent: int  # of the longest bar


def keywords_of_year(region: Region, year: int) -> list[KeywordBar]:
    """The key words of a region's published records of one year, by how many records have
    them (then by weight): what the region talked about that year."""
    rows = list(
        Term.objects.filter(
            is_keyword=True,
            record__visibility=Visibility.PUBLISHED,
            record__region_id__in=region.family_ids(),
            record__held_on__range=(date(year, 1, 1), date(year, 12, 31)),
        )
        .values("term")
        .annotate(records=Count("record", distinct=True), weight=Sum("score"))
        .order_by("-records", "-weight", "term")[:CHART_KEYWORDS]
    )
    if not rows:
        return []
    top = max(row["records"] for row in rows)
    return [
        KeywordBar(
            term=row["term"],
            records=row["records"],
            weight=round(row["weight"], 1),
            percent=round(100 * row["records"] / top),
        )
        for row in rows
    ]


def region_record_years(region: Region) -> list[int]:
    records = MeetingRecord.objects.published().filter(region_id__in=region.family_ids())
    return [day.year for day in records.dates("held_on", "year", "DESC")]


def records_for_export(filters: Filters):
    """Every published record the filters select, oldest first, streamed in chunks."""
    records = (
        filtered(MeetingRecord.objects.published(), filters, "held_on")
        .select_related("region__parent", "host_organization", "created_by", "activity")
        .prefetch_related(
            "topics",
            "organizations",
            Prefetch(
                "terms",
                queryset=Term.objects.filter(is_keyword=True).order_by("-score", "term"),
                to_attr="keyword_rows",
            ),
        )
        .order_by("held_on", "pk")
    )
    return records.iterator(chunk_size=500)
