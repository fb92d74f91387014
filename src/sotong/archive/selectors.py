"""Reads of the archive: browsing with keys (never offsets), pages, key words, exports."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
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
# The browse filter's "단체 이름" resolves at most this many organisations (by name), so a
# word that half the city's organisations share still costs one bounded lookup.
ORGANIZATIONS_BY_NAME = 50


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
    organization: Organization | None = None  # one organisation, chosen by its slug
    # the organisations whose name holds the words typed in "단체 이름" (at most
    # ORGANIZATIONS_BY_NAME); None when nothing was typed
    named_organizations: list[Organization] | None = None
    _family: list[int] | None = field(default=None, repr=False, compare=False)

    def region_family(self) -> list[int]:
        """The region and its neighbourhoods, looked up once however often it is asked."""
        if self._family is None:
            self._family = self.region.family_ids()
        return self._family


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


def involving(model, organization_ids: list[int]) -> Q:
    """Items hosted by one of these organisations or listing one as taking part.

    Written as one `pk IN (hosted UNION ALL taking part)`, each side an indexed lookup (the
    host column; the through table by organisation), so the database sees how few rows the
    organisations have and sorts just those. Written as `host IN … OR pk IN …`, PostgreSQL
    walked the whole date index instead, filtering row by row: 45 ms for a busy organisation
    at city scale, more for a quiet one, against 2 ms now."""
    through = model.organizations.through
    owner = f"{model._meta.model_name}_id"
    hosted = model.objects.filter(host_organization_id__in=organization_ids).order_by()
    taking_part = through.objects.filter(organization_id__in=organization_ids).order_by()
    ids = hosted.values("pk").union(taking_part.values(owner), all=True)
    return Q(pk__in=ids)


def filtered(queryset: QuerySet, filters: Filters, date_field: str) -> QuerySet:
    if filters.region is not None:
        queryset = queryset.filter(region_id__in=filters.region_family())
    if filters.topic is not None:
        queryset = queryset.filter(topics=filters.topic)
    if filters.year is not None:
        start, end = date(filters.year, 1, 1), date(filters.year, 12, 31)
        queryset = queryset.filter(**{f"{date_field}__range": (start, end)})
    if filters.organization is not None:
        queryset = queryset.filter(involving(queryset.model, [filters.organization.pk]))
    if filters.named_organizations is not None:
        ids = [organization.pk for organization in filters.named_organizations]
        queryset = queryset.filter(involving(queryset.model, ids))
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


def _years_between(first: date | None, last: date | None) -> list[int]:
    """Every year from the last back to the first: a year between them without records is
    still a year one may pick (its list is empty), and listing it costs nothing."""
    if first is None or last is None:
        return []
    return list(range(last.year, first.year - 1, -1))


def _year_span(queryset: QuerySet, date_field: str) -> list[int]:
    """The years of the items, newest first, from the first and the last date alone: one
    query reading both ends of an index (`record_browse`, `document_browse`) instead of
    a DISTINCT over every row, so it costs the same for 40 records or 4 million."""
    latest = queryset.order_by(f"-{date_field}").values(date_field)[:1]
    row = (
        queryset.order_by(date_field)
        .annotate(latest=Subquery(latest))
        .values_list(date_field, "latest")
        .first()
    )
    return _years_between(*row) if row else []


def record_years() -> list[int]:
    return _year_span(MeetingRecord.objects.published(), "held_on")


def document_years() -> list[int]:
    return _year_span(Document.objects.published(), "issued_on")


def organization_by_slug(slug: str) -> Organization | None:
    """The organisation a link chose (`?organization=<slug>`): one lookup on a unique index."""
    return Organization.objects.only("pk", "name", "slug").filter(slug=slug).first()


def organization_has_records(organization: Organization) -> bool:
    """Whether a published record was hosted by the organisation or lists it as taking part:
    two EXISTS probes on indexes (the host column, the through table) in one query."""
    published = MeetingRecord.objects.published()
    through = MeetingRecord.organizations.through.objects
    return (
        Organization.objects.filter(pk=organization.pk)
        .filter(
            Exists(published.filter(host_organization_id=OuterRef("pk")))
            | Exists(
                through.filter(
                    organization_id=OuterRef("pk"),
                    meetingrecord__visibility=Visibility.PUBLISHED,
                )
            )
        )
        .exists()
    )


def organizations_named(
    words: list[str], limit: int = ORGANIZATIONS_BY_NAME
) -> tuple[list[Organization], bool]:
    """The first `limit` organisations (by name) whose name holds every word, and whether
    more do. Reads at most limit + 1 rows of the organisation table."""
    organizations = Organization.objects.only("pk", "name", "slug")
    for word in words:
        organizations = organizations.filter(name__icontains=word)
    found = list(organizations.order_by("name", "pk")[: limit + 1])
    return found[:limit], len(found) > limit


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


def keyword_record_page(term: str, cursor: str | None = None) -> Page:
    """The published records with this key word, newest first, a page at a time (it was
    the first 50, titled "50건" however many there were)."""
    records = _record_list().filter(terms__term=term, terms__is_keyword=True)
    return keyset_page(records, "held_on", cursor)


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


def keywords_of_year(region_ids: list[int], year: int) -> list[KeywordBar]:
    """The key words of a region's published records of one year, by how many records have
    them (then by weight): what the region talked about that year."""
    rows = list(
        Term.objects.filter(
            is_keyword=True,
            record__visibility=Visibility.PUBLISHED,
            record__region_id__in=region_ids,
            record__held_on__range=(date(year, 1, 1), date(year, 12, 31)),
        )
        .values("term")
        # a word is stored once per record (one_term_per_record): no DISTINCT to sort for
        .annotate(records=Count("record"), weight=Sum("score"))
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


def region_record_years(region_ids: list[int]) -> list[int]:
    """The years of a region's published records, newest first. Each region of the family
    gives its first and last date from the `record_region_year` index (region, held_on), so
    the cost follows the number of neighbourhoods, not of records."""
    published = MeetingRecord.objects.published().filter(region_id=OuterRef("pk"))
    first = published.order_by("held_on").values("held_on")[:1]
    last = published.order_by("-held_on").values("held_on")[:1]
    spans = list(
        Region.objects.filter(pk__in=region_ids)
        .order_by()
        .annotate(first=Subquery(first), last=Subquery(last))
        .values_list("first", "last")
    )
    firsts = [start for start, _end in spans if start is not None]
    lasts = [end for _start, end in spans if end is not None]
    return _years_between(min(firsts, default=None), max(lasts, default=None))


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
